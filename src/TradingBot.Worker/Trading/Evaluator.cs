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
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(15);
    private readonly Dictionary<TradingBot.Core.Values.MarketTicker, (string Code, DateTimeOffset At)> _lastDenial = [];

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

        // Pricing picks the markets worth a book; their fresh top of book is what the gate judges.
        var listed = evaluation.Candidates(batch, forecasts.Get, account, exposure);
        var candidates = listed.Tickers.Take(options.Value.MaxBooksPerScan).ToList();
        await scan.RefreshBooksAsync(candidates, cancellationToken);
        var fresh = candidates.Select(t => book.TryGet(t, out var v) ? v : null).OfType<MarketView>().ToList();
        var results = evaluation.Evaluate(fresh, forecasts.Get, account with { Now = time.GetUtcNow() }, exposure);

        var queued = 0;
        foreach (var result in listed.NoRoom.Concat(results.Where(r => r.Intent is not null || r.Decision.Outcome == Decisions.Denied)))
        {
            if (IsRepeat(result))
                continue;
            await store.Decisions.RecordAsync(result.Decision, cancellationToken);
            LogDecision(logger, result.Ticker.Value, result.Decision.Outcome, result.Decision.Code, result.Decision.Detail);
            if (result.Intent is { } intent && queues.Intents.Writer.TryWrite(new QueuedIntent(intent, result.Forecast?.AsOf)))
                queued++;
        }

        LogEvaluated(logger, batch.Count, candidates.Count, queued);
    }

    /// <summary>
    /// The same denial for the same market, scan after scan (a game in play, a limit reached), is written down once
    /// a quarter of an hour rather than every fifteen seconds. Intents are never skipped.
    /// </summary>
    private bool IsRepeat(Evaluation result)
    {
        if (result.Intent is not null)
            return false;
        var now = time.GetUtcNow();
        if (_lastDenial.TryGetValue(result.Ticker, out var last) && last.Code == result.Decision.Code && now - last.At < RepeatWindow)
            return true;
        _lastDenial[result.Ticker] = (result.Decision.Code, now);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision on {Ticker}: {Outcome} {Code} ({Detail})")]
    private static partial void LogDecision(ILogger logger, string ticker, string outcome, string code, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated {Markets} markets: {Candidates} wanted an order, {Queued} queued")]
    private static partial void LogEvaluated(ILogger logger, int markets, int candidates, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation skipped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
