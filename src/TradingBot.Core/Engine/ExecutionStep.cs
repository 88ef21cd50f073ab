using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;

namespace TradingBot.Core.Engine;

/// <summary>What became of an intent at the executor.</summary>
public sealed record ExecutionResult(TradeIntent Intent, RiskDecision Gate, SubmitReport? Submission, DecisionRecord Decision);

/// <summary>
/// The single writer of orders (one consumer, so exposure checks and submissions never race): before each
/// submission it rebuilds the picture from the store (filled positions, resting and in-flight orders, orders in
/// doubt), the venue's balance and the latest quote, runs the whole gate again, and only then follows the outbox
/// protocol. Every outcome is written down as a decision.
/// </summary>
public sealed class ExecutionStep(
    IExchange exchange,
    IBotStore store,
    OrderSubmitter submitter,
    RiskGate gate,
    MarketBook book,
    TradingControls controls,
    OrderRateWindow rate,
    IOperatorAlerts alerts,
    TimeProvider time)
{
    public async Task<ExecutionResult> ExecuteAsync(TradeIntent intent, DateTimeOffset? forecastAsOf, CancellationToken cancellationToken)
    {
        // The freshest quote the venue has, read just now: the gate judges the order on it, not on the scan's.
        var fresh = await exchange.GetOrderBookAsync(intent.Ticker, cancellationToken).ConfigureAwait(false);
        if (fresh.Success)
            book.UpdateQuote(intent.Ticker, fresh.Value.Top);
        var now = time.GetUtcNow();
        if (!book.TryGet(intent.Ticker, out var view))
            return await DenyAsync(intent, RiskDecision.Deny(DenialCode.MarketNotActive, intent.Ticker, DenialDetail.Word("status", "not_tracked")), now, cancellationToken).ConfigureAwait(false);

        var exposure = Exposure.From(
            await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false),
            await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false),
            ticker => book.TryGet(ticker, out var v) ? v.Market.Event : null);
        var balance = await exchange.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        if (!balance.Success)
            return await DenyAsync(intent, RiskDecision.Deny(DenialCode.InsufficientBalance, intent.Ticker, DenialDetail.Word("balance", "unreadable")), now, cancellationToken).ConfigureAwait(false);

        var account = new AccountState(now, controls.Status, book.Exchange, balance.Value, exposure.Total, rate.CountAt(now));
        var snapshot = new RiskSnapshot(account, EvaluationStep.StateOf(view, exposure), forecastAsOf);
        var decision = gate.Check(intent, snapshot);
        if (!decision.IsApproved)
            return await DenyAsync(intent, decision, now, cancellationToken).ConfigureAwait(false);

        rate.Record(now);
        var report = await submitter.SubmitAsync(intent, cancellationToken).ConfigureAwait(false);
        if (report.Kind == SubmitOutcomeKind.Unknown)
            alerts.Raise(AlertKind.UnknownOrderOutcome, $"Order {report.ClientOrderId} on {intent.Ticker}: {report.Reason}");
        if (report.Kind == SubmitOutcomeKind.NotSent)
            alerts.Raise(AlertKind.StorageUnavailable, $"Order on {intent.Ticker} not sent: {report.Reason}");
        var record = Decisions.Of(intent, Decisions.Submitted, report.Kind.ToString().ToUpperInvariant(), $"client_order_id={report.ClientOrderId}, {report.Reason}", now);
        await TryRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(intent, decision, report, record);
    }

    private async Task<ExecutionResult> DenyAsync(TradeIntent intent, RiskDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = Decisions.Denial(intent, decision, now);
        await TryRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(intent, decision, null, record);
    }

    /// <summary>The decision log is a record, not a gate: an order's fate never depends on writing it down.</summary>
    private async Task TryRecordAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await store.Decisions.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            alerts.Raise(AlertKind.StorageUnavailable, $"decision on {record.Ticker} not recorded: {ex.Message}");
        }
    }
}
