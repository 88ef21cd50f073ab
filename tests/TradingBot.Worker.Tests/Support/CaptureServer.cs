using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TradingBot.Worker.Tests.Support;

/// <summary>A received HTTP request.</summary>
internal sealed record Captured(string Path, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>A real HTTP server on 127.0.0.1 that records what it receives and answers with the status a test sets.</summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CaptureServer(WebApplication app) => _app = app;

    public ConcurrentQueue<Captured> Received { get; } = new();

    /// <summary>Answers each request with the next status from here, then 200.</summary>
    public ConcurrentQueue<int> Statuses { get; } = new();

    public Uri Url(string path) => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), path);

    public static async Task<CaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new CaptureServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            server.Received.Enqueue(new Captured(context.Request.Path, body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())));
            context.Response.StatusCode = server.Statuses.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
