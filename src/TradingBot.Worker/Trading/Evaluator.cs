using TradingBot.Core.Engine;
using TradingBot.Core.Deciding;
using TradingBot.Core.Persistence;

namespace TradingBot.Worker.Trading;

/// <summary>
/// The evaluation schedule: each scan batch goes through Core's <see cref="EvaluationStep"/> (the one decision per
/// market); every decision worth writing down is recorded and logged, and every placement and cancel is queued for
/// the single executor.
/// </summary>
internal sealed partial class Evaluator(
    EvaluationStep evaluation,
    IBotStore store,
    TradingQueues queues,
    Hosting.LoopLiveness liveness,
    TimeProvider time,
    Metrics.BotMetrics metrics,
    ILogger<Evaluator> logger,
    Recording? recording = null) : BackgroundService
{
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(15);
    private readonly Dictionary<TradingBot.Core.Values.MarketTicker, (string Code, DateTimeOffset At)> _lastDenial = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in queues.Scans.Reader.ReadAllAsync(stoppingToken))
        {
            liveness.Beat(nameof(Evaluator), TimeSpan.Zero);
            try
            {
                await EvaluateAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }

            liveness.Waiting(nameof(Evaluator));
        }
    }

    private async Task EvaluateAsync(IReadOnlyCollection<MarketView> batch, CancellationToken cancellationToken)
    {
        var started = metrics.Start();
        var report = await evaluation.RunAsync(batch, cancellationToken);
        metrics.Evaluated(report, started);
        recording?.Observe(report);
        var queued = 0;
        foreach (var result in report.Results)
        {
            if (IsRepeat(result))
                continue;
            await store.Decisions.RecordAsync(result.Decision, cancellationToken);
            LogDecision(logger, result.Ticker.Value, result.Decision.Outcome, result.Decision.Code, result.Decision.Detail);
            if (result.Action.Kind != MarketActionKind.Nothing && queues.Actions.Writer.TryWrite(new QueuedAction(result.Action, result.Forecast?.AsOf)))
                queued++;
        }

        LogEvaluated(logger, report.Markets, report.Books, queued);
    }

    /// <summary>
    /// The same no-trade or denial for the same market, scan after scan (a game in play, a limit reached, an order
    /// working), is written down once a quarter of an hour rather than every fifteen seconds. Actions are never skipped.
    /// </summary>
    private bool IsRepeat(Evaluation result)
    {
        if (result.Action.Kind != MarketActionKind.Nothing)
            return false;
        var now = time.GetUtcNow();
        if (_lastDenial.TryGetValue(result.Ticker, out var last) && last.Code == result.Decision.Code && now - last.At < RepeatWindow)
            return true;
        _lastDenial[result.Ticker] = (result.Decision.Code, now);
        return false;
    }

    // Per market at Debug: every decision is stored (tradingbot status, the dashboard); the journal keeps the scan
    // line and the orders, which is what an operator reads.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Decision on {Ticker}: {Outcome} {Code} ({Detail})")]
    private static partial void LogDecision(ILogger logger, string ticker, string outcome, string code, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evaluated {Markets} markets: {Books} fresh books read, {Queued} actions queued")]
    private static partial void LogEvaluated(ILogger logger, int markets, int books, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation skipped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
