using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Notifications;

namespace TradingBot.Worker.Trading;

/// <summary>
/// On its interval: marks positions to market, sends stop-loss exits to the executor, feeds the day's realised P&amp;L
/// to the circuit breaker, and once a day, at the configured time, sends the operator a summary.
/// </summary>
internal sealed partial class PositionMonitor(
    MonitorStep monitor,
    TradingQueues queues,
    TradingReadiness readiness,
    TradingControls controls,
    IOperatorAlerts alerts,
    IOptions<TradingBotOptions> bot,
    IOptions<NotificationOptions> notifications,
    Hosting.LoopLiveness liveness,
    TimeProvider time,
    Metrics.BotMetrics metrics,
    ILogger<PositionMonitor> logger) : BackgroundService
{
    private DateOnly? _summarised;

    public MonitorReport? LastReport { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await monitor.RunAsync(stoppingToken);
                LastReport = report;
                metrics.Monitored(report);
                foreach (var exit in report.Exits)
                    queues.Actions.Writer.TryWrite(QueuedAction.Exit(exit));
                foreach (var canceled in report.Canceled)
                    LogCanceled(logger, canceled);
                SummariseOnce(report);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }

            liveness.Beat(nameof(PositionMonitor), bot.Value.MonitorInterval);
            await Task.Delay(bot.Value.MonitorInterval, time, stoppingToken);
        }
    }

    private void SummariseOnce(MonitorReport report)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), controls.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (_summarised == today || local.TimeOfDay < notifications.Value.DailySummaryAt)
            return;
        _summarised = today;
        var unrealised = report.Positions.Aggregate(TradingBot.Core.Values.Money.Zero, (sum, p) => sum + p.Unrealised);
        alerts.Raise(AlertKind.DailySummary,
            $"{today:yyyy-MM-dd}: realised P&L {report.RealisedToday}, {report.Positions.Count} open positions (unrealised {unrealised}), trading {controls.Status.State}.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Position monitor skipped a round: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    // The bot pulling its own bid (trading halted, market closing) is routine; what caused it was logged already.
    [LoggerMessage(Level = LogLevel.Information, Message = "Resting order canceled: {Order}")]
    private static partial void LogCanceled(ILogger logger, string order);
}
