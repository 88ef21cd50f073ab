using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Engine;
using TradingBot.Core.Persistence;
using TradingBot.Storage;
using TradingBot.Worker.Notifications;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Notifications;

public sealed class NotificationTests : IAsyncLifetime
{
    private static readonly Notification Trip = new(AlertKind.CircuitBreakerTripped, "Daily loss limit reached: −100.00", new DateTimeOffset(2026, 9, 13, 20, 0, 0, TimeSpan.Zero));
    private CaptureServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Each_webhook_service_gets_the_body_it_understands()
    {
        var options = new NotificationOptions
        {
            WebhookUrl = _server.Url("/json").ToString(),
            SlackWebhookUrl = _server.Url("/slack").ToString(),
            DiscordWebhookUrl = _server.Url("/discord").ToString(),
            NtfyUrl = _server.Url("/ntfy").ToString(),
        };

        foreach (var channel in ChannelFactory.Create(options, _http))
            await channel.SendAsync(Trip, default);

        var received = _server.Received.ToDictionary(r => r.Path);
        var json = JsonNode.Parse(received["/json"].Body)!;
        Assert.Equal(("CircuitBreakerTripped", "Daily loss limit reached: −100.00"), ((string?)json["kind"], (string?)json["message"]));
        Assert.Equal("*TradingBot: daily loss limit reached*\nDaily loss limit reached: −100.00", (string?)JsonNode.Parse(received["/slack"].Body)!["text"]);
        Assert.StartsWith("**TradingBot: daily loss limit reached**", (string?)JsonNode.Parse(received["/discord"].Body)!["content"], StringComparison.Ordinal);
        Assert.Equal("Daily loss limit reached: −100.00", received["/ntfy"].Body);
        Assert.Equal(("TradingBot: daily loss limit reached", "high"), (received["/ntfy"].Headers["Title"], received["/ntfy"].Headers["Priority"]));
    }

    [Fact]
    public async Task Email_goes_out_over_SMTP()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();
        var options = new NotificationOptions { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpStartTls = false, EmailFrom = "bot@example.test", EmailTo = "me@example.test; you@example.test" };

        await new EmailChannel(options, null).SendAsync(Trip, default);

        var message = await smtp.Message.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("RCPT TO:<me@example.test>", message, StringComparison.Ordinal);
        Assert.Contains("RCPT TO:<you@example.test>", message, StringComparison.Ordinal);
        Assert.Contains("Subject: TradingBot: daily loss limit reached", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_channel_is_retried_with_back_off_and_the_outcome_recorded()
    {
        _server.Statuses.Enqueue(503);
        _server.Statuses.Enqueue(500);
        var time = new FakeTimeProvider(Trip.At);
        var folder = Directory.CreateTempSubdirectory("tradingbot-notify-").FullName;
        var database = BotDatabase.Sqlite(Path.Combine(folder, "t.db"));
        await Migrator.MigrateAsync(database, time, default);
        var store = new SqlBotStore(database, time);
        var alerts = new OperatorAlerts(NullLogger<OperatorAlerts>.Instance, time);
        var options = new NotificationOptions { WebhookUrl = _server.Url("/json").ToString() };
        using var sender = new NotificationSender(alerts, ChannelFactory.Create(options, _http), store, options, time, NullLogger<NotificationSender>.Instance);
        await sender.StartAsync(default);

        alerts.Raise(AlertKind.SafeModeEntered, "5 consecutive API failures");
        await WaitUntil(() => _server.Received.Count == 1);
        // The back-off is on the fake clock: move it along until the retries have happened (2 s, then 4 s).
        var started = time.GetUtcNow();
        await WaitUntil(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            return _server.Received.Count == 3;
        });
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(60));
        var recorded = await WaitFor(async () => (await store.Notifications.RecentAsync(1, default)).SingleOrDefault());

        Assert.Equal(("SafeModeEntered", true), (recorded.Kind, recorded.Delivered));
        await sender.StopAsync(default);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, deadline.Token);
    }

    private static async Task<T> WaitFor<T>(Func<Task<T?>> read)
        where T : class
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await read() is { } value)
                return value;
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, deadline.Token);
        }
    }
}

/// <summary>Just enough SMTP to accept one message on loopback and hand back what was said.</summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Task _serving = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TaskCompletionSource<string> Message { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task<FakeSmtpServer> StartAsync()
    {
        var server = new FakeSmtpServer();
        server._listener.Start();
        server._serving = server.ServeAsync();
        return Task.FromResult(server);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
    }

    private async Task ServeAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var transcript = new StringBuilder();
        await writer.WriteLineAsync("220 fake ESMTP");
        var inData = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            transcript.AppendLine(line);
            if (inData)
            {
                if (line == ".")
                {
                    inData = false;
                    await writer.WriteLineAsync("250 queued");
                }

                continue;
            }

            var command = line.Split(' ')[0].ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 fake");
                    break;
                case "DATA":
                    inData = true;
                    await writer.WriteLineAsync("354 go on");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    Message.TrySetResult(transcript.ToString());
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }

        Message.TrySetResult(transcript.ToString());
    }
}
