using System.Net;
using Microsoft.Extensions.Options;
using Prometheus;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Metrics;

/// <summary>
/// Serves <c>/metrics</c> on each <c>Metrics:Urls</c> address (prometheus-net's HttpListener server, on threads of its
/// own). An address that cannot be bound (port taken, host unknown) is a warning and the bot trades on: metrics are
/// never a reason to stop trading.
/// </summary>
internal sealed partial class MetricsEndpoint(IOptions<MetricsOptions> options, PrometheusExport export, ILogger<MetricsEndpoint> logger) : IHostedService
{
    private readonly List<MetricServer> _servers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var address in options.Value.Addresses())
        {
            var at = new Uri(address, "metrics");
            var server = new MetricServer(address.Host, address.Port, "metrics/", export.Registry);
            try
            {
                server.Start();
                _servers.Add(server);
                LogServing(logger, at);
                if (!IsLoopback(address))
                    LogBeyondLoopback(logger, at);
            }
            catch (Exception ex)
            {
                server.Dispose();
                LogCannotServe(logger, at, ex.Message);
            }
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
            await server.StopAsync();
        _servers.Clear();
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics served at {Url}")]
    private static partial void LogServing(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics served beyond loopback at {Url}: whoever reaches it reads the bot's P&L, exposure and activity")]
    private static partial void LogBeyondLoopback(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics cannot be served at {Url} ({Reason}); trading goes on without them")]
    private static partial void LogCannotServe(ILogger logger, Uri url, string reason);
}
