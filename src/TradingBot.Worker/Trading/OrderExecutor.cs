using TradingBot.Core.Engine;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Worker.Trading;

/// <summary>
/// The single writer of orders: one reader of the intent queue, so exposure checks and submissions never race.
/// On shutdown it takes no new intent, lets the one in flight finish (or time out into Unknown), and stops.
/// </summary>
internal sealed partial class OrderExecutor(
    ExecutionStep execution,
    TradingQueues queues,
    TradingReadiness readiness,
    Hosting.LoopLiveness liveness,
    Metrics.BotMetrics metrics,
    ILogger<OrderExecutor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        while (await queues.Actions.Reader.WaitToReadAsync(stoppingToken))
        {
            while (queues.Actions.Reader.TryRead(out var queued))
            {
                // An order write already on its way is allowed to finish: cancelling it mid-call would only make its outcome unknown.
                var action = queued.Action;
                liveness.Beat(nameof(OrderExecutor), TimeSpan.Zero);
                var started = metrics.Start();
                try
                {
                    var result = await execution.ExecuteAsync(action, queued.ForecastAsOf, CancellationToken.None);
                    metrics.Executed(action.Kind, result, started);
                    if (result.Cancel is { } cancel)
                        LogCanceled(logger, action.Ticker.Value, cancel.ClientOrderId.Value, cancel.Outcome, cancel.Reason);
                    else if (result.Amend is { } amend)
                        LogAmended(logger, action.Ticker.Value, amend.ClientOrderId.Value, amend.Outcome, amend.Reason);
                    else if (result.Submission is { } submission)
                        LogSubmitted(logger, action.Ticker.Value, action.Intent.Direction.Action, action.Intent.Count.ToString(), action.Intent.Direction.Side, action.Intent.LimitPrice.ToString(), submission.ClientOrderId.Value, submission.Kind, submission.Reason);
                    else
                        LogDenied(logger, action.Ticker.Value, result.Gate.ToString());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    metrics.Failed(action.Kind);
                    LogFailed(logger, action.Ticker.Value, ex.Message);
                }

                if (stoppingToken.IsCancellationRequested)
                    return;
            }

            liveness.Waiting(nameof(OrderExecutor));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order on {Ticker}: {Action} {Count} {Side} at {Price}, client_order_id {ClientOrderId}: {Outcome} ({Detail})")]
    private static partial void LogSubmitted(ILogger logger, string ticker, OrderAction action, string count, OutcomeSide side, string price, string clientOrderId, SubmitOutcomeKind outcome, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel on {Ticker}, client_order_id {ClientOrderId}: {Outcome} ({Detail})")]
    private static partial void LogCanceled(ILogger logger, string ticker, string clientOrderId, CancelOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Amend on {Ticker}, client_order_id {ClientOrderId}: {Outcome} ({Detail})")]
    private static partial void LogAmended(ILogger logger, string ticker, string clientOrderId, AmendOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order on {Ticker} denied at the last check: {Decision}")]
    private static partial void LogDenied(ILogger logger, string ticker, string decision);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order on {Ticker} not sent: {Reason}")]
    private static partial void LogFailed(ILogger logger, string ticker, string reason);
}
