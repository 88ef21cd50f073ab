using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Core.Trading;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Trading;

/// <summary>Reconciles on its interval after start-up: settles orders in doubt, pulls fills and settlements, reports mismatches.</summary>
internal sealed partial class PeriodicReconciler(
    Reconciler reconciler,
    TradingReadiness readiness,
    IOperatorAlerts alerts,
    IOptions<TradingBotOptions> bot,
    TimeProvider time,
    ILogger<PeriodicReconciler> logger) : BackgroundService
{
    private string _lastMismatches = "";

    public ReconciliationReport? LastReport { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(bot.Value.ReconcileInterval, time, stoppingToken);
            try
            {
                var report = await reconciler.RunAsync(stoppingToken);
                if (!report.Success)
                {
                    LogFailed(logger, report.Error.ToString());
                    continue;
                }

                LastReport = report.Value;
                foreach (var change in report.Value.Changes)
                    LogChange(logger, change);
                // A standing mismatch is reported when it appears or changes, not every two minutes.
                var mismatches = string.Join("; ", report.Value.Mismatches);
                if (mismatches.Length > 0 && mismatches != _lastMismatches)
                    alerts.Raise(AlertKind.ReconciliationMismatch, mismatches);
                _lastMismatches = mismatches;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled: {Change}")]
    private static partial void LogChange(ILogger logger, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

/// <summary>
/// Every <c>ControlsRefreshInterval</c>: reads the trading controls, carries out the operator's commands the CLI or
/// the dashboard wrote to storage (halt, reduce-only, resume, flatten), and writes the worker's heartbeat and
/// status for them to read.
/// </summary>
internal sealed partial class ControlsWatcher(
    TradingControls controls,
    OperatorCommands commands,
    StatusWriter status,
    Hosting.StoreReadiness store,
    IOptions<TradingBotOptions> bot,
    TimeProvider time,
    ILogger<ControlsWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.WaitAsync(stoppingToken);
        var last = controls.Status;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await controls.RefreshAsync(stoppingToken);
                // Each command carried out is logged and notified as an OperatorCommand alert.
                await commands.RunPendingAsync(stoppingToken);
                var now = controls.Status;
                if (now != last)
                {
                    // Trading stopping needs attention; trading again does not.
                    if (now.State == TradingBot.Core.Risk.TradingState.Active)
                        LogActiveAgain(logger);
                    else
                        LogChanged(logger, now.State, TradingBot.Core.Risk.TradingStatus.Describe(now.Reason));
                }

                last = now;
                await status.WriteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }

            await Task.Delay(bot.Value.ControlsRefreshInterval, time, stoppingToken);
        }
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading state is now {State} (reason: {Reason})")]
    private static partial void LogChanged(ILogger logger, TradingBot.Core.Risk.TradingState state, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading state is now Active")]
    private static partial void LogActiveAgain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the trading controls: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
