using TradingBot.Core.Engine;
using TradingBot.Core.Trading;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Trading;

/// <summary>
/// Start-up is recovery (ARCHITECTURE.md, invariant 7): once the database is ready, load the persisted risk state
/// and reconcile with the exchange; only then may anything trade. The same path runs after a clean stop and after
/// kill -9. Until reconciliation succeeds the bot keeps trying and trades nothing.
/// </summary>
internal sealed partial class StartupReconciliation(
    StoreReadiness store,
    TradingControls controls,
    OperatorCommands commands,
    Reconciler reconciler,
    TradingReadiness readiness,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger<StartupReconciliation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.WaitAsync(stoppingToken);
        var delay = TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await controls.RefreshAsync(stoppingToken);
                // A halt or flatten sent while the bot was stopped holds before anything trades.
                await commands.RunPendingAsync(stoppingToken);
                var report = await reconciler.RunAsync(stoppingToken);
                if (report.Success)
                {
                    LogReconciled(logger, report.Value.Summary);
                    foreach (var change in report.Value.Changes)
                        LogChange(logger, change);
                    if (report.Value.Mismatches.Count > 0)
                        alerts.Raise(AlertKind.ReconciliationMismatch, string.Join("; ", report.Value.Mismatches));
                    LogStatus(logger, controls.Status.State, TradingBot.Core.Risk.TradingStatus.Describe(controls.Status.Reason));
                    readiness.MarkReady();
                    return;
                }

                LogFailed(logger, report.Error.ToString(), delay.TotalSeconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message, delay.TotalSeconds);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(2).Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up reconciliation: {Summary}")]
    private static partial void LogReconciled(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled: {Change}")]
    private static partial void LogChange(ILogger logger, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading state {State} (reason: {Reason}); trading may start")]
    private static partial void LogStatus(ILogger logger, TradingBot.Core.Risk.TradingState state, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Start-up reconciliation failed, so nothing trades yet: {Reason}; retrying in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, string reason, double seconds);
}
