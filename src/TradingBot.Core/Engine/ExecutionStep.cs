using TradingBot.Core.Deciding;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>What became of an action at the executor: a placement's gate verdict and submission, or a cancel's report.</summary>
public sealed record ExecutionResult(TradeIntent Intent, RiskDecision Gate, SubmitReport? Submission, DecisionRecord Decision, CancelReport? Cancel = null, AmendReport? Amend = null);

/// <summary>
/// The single writer of orders (one consumer, so exposure checks and submissions never race): before each
/// submission it rebuilds the picture from the store (filled positions, resting and in-flight orders, orders in
/// doubt), the venue's balance and the latest quote, runs the whole gate again, and only then follows the outbox
/// protocol. Cancels go through it too, so an order is never cancelled and replaced by two writers at once. Every
/// outcome is written down as a decision. An exit never waits on an account read: an unreadable balance denies
/// entries only.
/// </summary>
public sealed class ExecutionStep(
    IExchange exchange,
    IBotStore store,
    OrderSubmitter submitter,
    RiskGate gate,
    MarketBook book,
    TradingControls controls,
    StopLossLatch latch,
    OrderRateWindow rate,
    IOperatorAlerts alerts,
    TimeProvider time)
{
    public Task<ExecutionResult> ExecuteAsync(MarketAction action, DateTimeOffset? forecastAsOf, CancellationToken cancellationToken) => action switch
    {
        { Kind: MarketActionKind.Cancel, Order: { } order } => CancelAsync(order, action, cancellationToken),
        { Kind: MarketActionKind.Amend, Order: { } order } => AmendAsync(order, action, forecastAsOf, cancellationToken),
        _ => ExecuteAsync(action.Intent, forecastAsOf, cancellationToken),
    };

    public async Task<ExecutionResult> ExecuteAsync(TradeIntent intent, DateTimeOffset? forecastAsOf, CancellationToken cancellationToken)
    {
        // The freshest quote the venue has, read just now: the gate judges the order on it, not on the scan's.
        var fresh = await exchange.GetOrderBookAsync(intent.Ticker, cancellationToken).ConfigureAwait(false);
        if (fresh.Success)
            book.UpdateBook(fresh.Value);
        var now = time.GetUtcNow();
        if (!book.TryGet(intent.Ticker, out var view))
            return await DenyAsync(intent, RiskDecision.Deny(DecisionCode.MarketNotActive, intent.Ticker, DenialDetail.Word("status", "not_tracked")), now, cancellationToken).ConfigureAwait(false);

        var exposure = Exposure.From(
            await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false),
            await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false),
            book);
        var balance = await exchange.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        if (!balance.Success && intent.Kind == IntentKind.Entry)
            return await DenyAsync(intent, RiskDecision.Deny(DecisionCode.InsufficientBalance, intent.Ticker, DenialDetail.Word("balance", "unreadable")), now, cancellationToken).ConfigureAwait(false);

        var account = new AccountState(now, controls.Status, book.Exchange, balance.Success ? balance.Value : AccountBalance.Unsharded(Money.Zero), exposure.Total, rate.CountAt(now));
        var snapshot = new RiskSnapshot(account, exposure.StateOf(view, latch.IsLatched(intent.Ticker, now), now), forecastAsOf);
        var decision = gate.Check(intent, snapshot);
        if (!decision.IsApproved)
            return await DenyAsync(intent, decision, now, cancellationToken).ConfigureAwait(false);

        rate.Record(now);
        var report = await submitter.SubmitAsync(intent, cancellationToken).ConfigureAwait(false);
        if (report is { Kind: SubmitOutcomeKind.Accepted, Ack: { } ack } && !ack.Filled.IsZero)
        {
            try
            {
                await RecordPlacementFillsAsync(report.ClientOrderId, ack, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                alerts.Raise(AlertKind.StorageUnavailable, $"fills of order {report.ClientOrderId} on {intent.Ticker} not recorded: {ex.Message}");
            }
        }
        if (report.Kind == SubmitOutcomeKind.Unknown)
            alerts.Raise(AlertKind.UnknownOrderOutcome, $"Order {report.ClientOrderId} on {intent.Ticker}: {report.Reason}");
        if (report.Kind == SubmitOutcomeKind.NotSent)
            alerts.Raise(AlertKind.StorageUnavailable, $"Order on {intent.Ticker} not sent: {report.Reason}");
        var record = Decisions.Of(intent, Decisions.Submitted, report.Kind.ToString().ToUpperInvariant(), $"client_order_id={report.ClientOrderId}, {report.Reason}", now);
        await TryRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(intent, decision, report, record);
    }

    /// <summary>
    /// Cancels the order the decision named if it still rests as the decision saw it (read back from the store: a
    /// reconciliation or an earlier cancel may have moved it on). Cancels reduce risk: no gate holds them back.
    /// </summary>
    private async Task<ExecutionResult> CancelAsync(OutboxEntry seen, MarketAction action, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = await store.Outbox.FindAsync(seen.ClientOrderId, cancellationToken).ConfigureAwait(false) ?? seen;
        var report = await submitter.CancelAsync(current, $"{action.Code.Code()}: {action.Detail}", cancellationToken).ConfigureAwait(false);
        if (report.Outcome == CancelOutcome.InDoubt)
            alerts.Raise(AlertKind.UnknownOrderOutcome, $"Cancel of {report.ClientOrderId} on {action.Ticker}: {report.Reason}");
        var record = Decisions.For(action, now) with { Outcome = Decisions.Submitted, Code = $"CANCEL_{report.Outcome.ToString().ToUpperInvariant()}", Detail = $"{action.Code.Code()}: {report.Reason}" };
        await TryRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(action.Intent, RiskDecision.Approve, null, record, report);
    }

    /// <summary>
    /// Amends the order the decision named, if it still rests as the decision saw it, after the gate has judged the
    /// amended order on fresh exposure without the order it replaces (it may add capital: a higher price, a larger size).
    /// </summary>
    private async Task<ExecutionResult> AmendAsync(OutboxEntry seen, MarketAction action, DateTimeOffset? forecastAsOf, CancellationToken cancellationToken)
    {
        var intent = action.Intent;
        var fresh = await exchange.GetOrderBookAsync(intent.Ticker, cancellationToken).ConfigureAwait(false);
        if (fresh.Success)
            book.UpdateBook(fresh.Value);
        var now = time.GetUtcNow();
        var current = await store.Outbox.FindAsync(seen.ClientOrderId, cancellationToken).ConfigureAwait(false) ?? seen;
        if (!book.TryGet(intent.Ticker, out var view))
            return await DenyAsync(intent, RiskDecision.Deny(DecisionCode.MarketNotActive, intent.Ticker, DenialDetail.Word("status", "not_tracked")), now, cancellationToken).ConfigureAwait(false);

        var exposure = Exposure.From(
            await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false),
            await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false),
            book);
        var balance = await exchange.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        if (!balance.Success)
            return await DenyAsync(intent, RiskDecision.Deny(DecisionCode.InsufficientBalance, intent.Ticker, DenialDetail.Word("balance", "unreadable")), now, cancellationToken).ConfigureAwait(false);
        var account = new AccountState(now, controls.Status, book.Exchange, balance.Value, exposure.Total, rate.CountAt(now));
        var (clear, clearAccount) = MarketDecision.WithoutOrder(exposure.StateOf(view, latch.IsLatched(intent.Ticker, now), now), account, current);
        var decision = gate.Check(intent, new RiskSnapshot(clearAccount, clear, forecastAsOf));
        if (!decision.IsApproved)
            return await DenyAsync(intent, decision, now, cancellationToken).ConfigureAwait(false);

        rate.Record(now);
        var report = await submitter.AmendAsync(current, intent.YesPrice, intent.Count, $"{action.Code.Code()}: {action.Detail}", cancellationToken).ConfigureAwait(false);
        if (report.Outcome == AmendOutcome.InDoubt)
            alerts.Raise(AlertKind.UnknownOrderOutcome, $"Amend of {report.ClientOrderId} on {action.Ticker}: {report.Reason}");
        var record = Decisions.For(action, now) with { Outcome = Decisions.Submitted, Code = $"AMEND_{report.Outcome.ToString().ToUpperInvariant()}", Detail = $"{action.Code.Code()}: {report.Reason}" };
        await TryRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(intent, decision, null, record, Amend: report);
    }

    /// <summary>
    /// What filled on placement is exposure from this moment (invariant 5), but the outbox row is closed now and the
    /// ledger only learns of fills when it reads them: left to the periodic reconciler, the market would look empty
    /// until then and the next intent could spend its whole cap again. So the order's fills are read back and
    /// recorded at once (idempotent by fill id). If they cannot all be read, the row goes back in doubt: its market
    /// takes no order, and it counts at full size, until the reconciler has settled it.
    /// </summary>
    private async Task RecordPlacementFillsAsync(ClientOrderId clientOrderId, OrderAck ack, DateTimeOffset placedAt, CancellationToken cancellationToken)
    {
        var fills = await exchange.GetFillsAsync(placedAt - Reconciler.Overlap, cancellationToken).ConfigureAwait(false);
        var recorded = Contracts.Zero;
        if (fills.Success)
        {
            foreach (var fill in fills.Value.Where(f => f.OrderId == ack.OrderId).OrderBy(f => f.At))
            {
                if (await store.Ledger.RecordFillAsync(fill, cancellationToken).ConfigureAwait(false))
                    TradingMetrics.FillRecorded(fill);
                recorded += fill.Count;
            }
        }

        if (recorded >= ack.Filled)
            return;
        await store.Outbox.UpdateAsync(clientOrderId, new OutboxUpdate(OutboxStatus.Unknown, ack.OrderId, ack.Filled, ack.Remaining,
            $"{ack.Filled} filled on placement, {recorded} read back; in doubt until reconciled", time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
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
