using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;

namespace TradingBot.Worker.Trading;

/// <summary>
/// Each scan batch: join quotes with forecasts, price and gate every market, fetch fresh books for the markets
/// that want an order and judge them again on those, record every intent and denial, and queue the intents.
/// </summary>
internal sealed partial class Evaluator(
    EvaluationStep evaluation,
    ScanStep scan,
    MarketBook book,
    ForecastBook forecasts,
    IBotStore store,
    IExchange exchange,
    TradingControls controls,
    OrderRateWindow rate,
    TradingQueues queues,
    IOptions<ScannerOptions> options,
    TimeProvider time,
    ILogger<Evaluator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in queues.Scans.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await EvaluateAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    private async Task EvaluateAsync(IReadOnlyCollection<MarketView> batch, CancellationToken cancellationToken)
    {
        var balance = await exchange.GetBalanceAsync(cancellationToken);
        if (!balance.Success)
        {
            LogFailed(logger, $"balance unreadable: {balance.Error}");
            return;
        }

        var exposure = Exposure.From(await store.Ledger.PositionsAsync(cancellationToken), await store.Outbox.OpenAsync(cancellationToken),
            ticker => book.TryGet(ticker, out var v) ? v.Market.Event : null);
        var account = new AccountState(time.GetUtcNow(), controls.Status, book.Exchange, balance.Value, exposure.Total, rate.CountAt(time.GetUtcNow()));
        var first = evaluation.Evaluate(batch, forecasts.Get, account, exposure);

        // Only the markets that want an order are worth a book: their fresh top of book is what gets judged.
        var candidates = first.Where(e => e.Intent is not null).Select(e => e.Ticker).Take(options.Value.MaxBooksPerScan).ToList();
        await scan.RefreshBooksAsync(candidates, cancellationToken);
        var fresh = candidates.Select(t => book.TryGet(t, out var v) ? v : null).OfType<MarketView>().ToList();
        var second = evaluation.Evaluate(fresh, forecasts.Get, account with { Now = time.GetUtcNow() }, exposure);

        var queued = 0;
        foreach (var result in first.Where(e => e.Decision.Outcome == Decisions.Denied).Concat(second))
        {
            if (result.Intent is null && result.Decision.Outcome != Decisions.Denied)
                continue;
            await store.Decisions.RecordAsync(result.Decision, cancellationToken);
            LogDecision(logger, result.Ticker.Value, result.Decision.Outcome, result.Decision.Code, result.Decision.Detail);
            if (result.Intent is { } intent && queues.Intents.Writer.TryWrite(new QueuedIntent(intent, result.Forecast?.AsOf)))
                queued++;
        }

        LogEvaluated(logger, batch.Count, candidates.Count, queued);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision on {Ticker}: {Outcome} {Code} ({Detail})")]
    private static partial void LogDecision(ILogger logger, string ticker, string outcome, string code, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated {Markets} markets: {Candidates} wanted an order, {Queued} queued")]
    private static partial void LogEvaluated(ILogger logger, int markets, int candidates, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation skipped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
