using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Core.Trading;

public enum SubmitOutcomeKind
{
    /// <summary>The venue took the order; the outbox row follows its status.</summary>
    Accepted,

    /// <summary>The venue definitely refused it (4xx, or the client's own limiter): nothing was placed.</summary>
    Rejected,

    /// <summary>The order may or may not exist; its market is blocked until reconciliation finds out.</summary>
    Unknown,

    /// <summary>Nothing was sent because the intent could not be committed first (the store is unreachable).</summary>
    NotSent,
}

public enum CancelOutcome
{
    /// <summary>Nothing rests of the order any more.</summary>
    Canceled,

    /// <summary>The venue's answer leaves the order's state unknown (or fills arrived): its market is blocked until reconciled.</summary>
    InDoubt,

    /// <summary>The venue definitely refused the cancel: the order rests as before.</summary>
    Refused,

    /// <summary>Nothing was sent (not cancelable, or the store could not record the cancel first).</summary>
    NotSent,
}

public sealed record CancelReport(CancelOutcome Outcome, ClientOrderId ClientOrderId, string Reason);

public enum AmendOutcome
{
    /// <summary>The order rests on its new terms, as read back from the venue.</summary>
    Amended,

    /// <summary>The venue's answer leaves the order's state unknown (or fills arrived): its market is blocked until reconciled.</summary>
    InDoubt,

    /// <summary>The venue definitely refused the amend: the order rests as before.</summary>
    Refused,

    /// <summary>Nothing was sent (not amendable, or the store could not record the amend first).</summary>
    NotSent,
}

public sealed record AmendReport(AmendOutcome Outcome, ClientOrderId ClientOrderId, string Reason);

public sealed record SubmitReport(SubmitOutcomeKind Kind, ClientOrderId ClientOrderId, OrderAck? Ack, string Reason);

/// <summary>
/// The outbox protocol (ARCHITECTURE.md, order integrity): the intent's row, with a <c>client_order_id</c> derived
/// from it, is committed before the HTTP call; the call is made once; its outcome updates the same row. If the
/// commit fails nothing is sent (fail closed). If the outcome is unknown, or the process dies before recording
/// it, the row stays Pending/Unknown and blocks its market until the reconciler settles it. Never re-sends.
/// <paramref name="newEntryId"/> makes each outbox entry's id (a fresh <see cref="Guid"/> unless given): the backtest
/// derives them, so the same replay names its orders the same way every time.
/// </summary>
public sealed class OrderSubmitter(IExchange exchange, IOrderOutbox outbox, TimeProvider time, Func<Guid>? newEntryId = null)
{
    public async Task<SubmitReport> SubmitAsync(TradeIntent intent, CancellationToken cancellationToken)
    {
        var clientOrderId = ClientOrderId.Derive((newEntryId ?? Guid.NewGuid)());
        var entry = OutboxEntry.FromIntent(intent, clientOrderId, time.GetUtcNow());
        try
        {
            await outbox.RecordIntentAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SubmitReport(SubmitOutcomeKind.NotSent, clientOrderId, null, $"the intent could not be stored, so no order was sent: {ex.Message}");
        }

        var result = await exchange.CreateOrderAsync(entry.Order, cancellationToken).ConfigureAwait(false);
        var (report, update) = Interpret(entry, result, time.GetUtcNow());
        try
        {
            await outbox.UpdateAsync(clientOrderId, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The row stays Pending, which blocks the market just as Unknown does; the reconciler will settle it.
            return report with { Reason = $"{report.Reason}; the outcome could not be stored ({ex.Message}), the reconciler will settle it" };
        }

        return report;
    }

    private static (SubmitReport Report, OutboxUpdate Update) Interpret(OutboxEntry entry, ExchangeResult<OrderAck> result, DateTimeOffset now)
    {
        var id = entry.ClientOrderId;
        if (result.Success)
        {
            var ack = result.Value;
            var status = StatusAfterPlacement(entry.Order.Count, ack.Filled, ack.Remaining);
            return (new SubmitReport(SubmitOutcomeKind.Accepted, id, ack, $"accepted as {ack.OrderId}: {ack.Filled} filled, {ack.Remaining} resting"),
                new OutboxUpdate(status, ack.OrderId, ack.Filled, ack.Remaining, null, now));
        }

        var error = result.Error;
        // A 409 means an order with this id already exists. Ids are fresh per intent, so this is an anomaly: let reconciliation look.
        if (error.SubmitOutcomeUnknown || error.Kind == ExchangeErrorKind.Conflict)
        {
            return (new SubmitReport(SubmitOutcomeKind.Unknown, id, null, $"outcome unknown ({error}); market blocked until reconciled"),
                new OutboxUpdate(OutboxStatus.Unknown, null, Contracts.Zero, entry.Order.Count, error.ToString(), now));
        }

        return (new SubmitReport(SubmitOutcomeKind.Rejected, id, null, $"rejected: {error}"),
            new OutboxUpdate(OutboxStatus.Rejected, null, Contracts.Zero, Contracts.Zero, error.ToString(), now));
    }

    /// <summary>
    /// Cancels what rests of one of the bot's orders, by the same protocol as a create: the row is marked
    /// CancelPending before the call (a crash mid-call leaves the market blocked until reconciled), the call is made
    /// once, and its outcome updates the row. Canceled only when the venue took off everything the bot thought rested;
    /// if it took off less, something filled since the last reconciliation, and the row goes in doubt so the market
    /// takes no order until those fills are in the ledger. A 404 (gone already: filled or expired) and an unknown
    /// outcome are in doubt too; a definite refusal leaves the row as it was.
    /// </summary>
    public async Task<CancelReport> CancelAsync(OutboxEntry entry, string reason, CancellationToken cancellationToken)
    {
        if (entry.OrderId is not { } orderId || entry.BlocksMarket || !entry.IsOpen)
            return new CancelReport(CancelOutcome.NotSent, entry.ClientOrderId, $"not cancelable in status {entry.Status}");
        try
        {
            await outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(OutboxStatus.CancelPending, orderId, entry.Filled, entry.Remaining, reason, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CancelReport(CancelOutcome.NotSent, entry.ClientOrderId, $"the cancel could not be stored, so it was not sent: {ex.Message}");
        }

        var result = await exchange.CancelOrderAsync(orderId, entry.Order.Ticker, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var (report, update) = result switch
        {
            { Success: true } when result.Value.ReducedBy >= entry.Remaining =>
                (new CancelReport(CancelOutcome.Canceled, entry.ClientOrderId, $"canceled ({reason}): {result.Value.ReducedBy} taken off"),
                 new OutboxUpdate(OutboxStatus.Canceled, orderId, entry.Filled, Contracts.Zero, reason, now)),
            { Success: true } =>
                (new CancelReport(CancelOutcome.InDoubt, entry.ClientOrderId, $"canceled ({reason}), but only {result.Value.ReducedBy} of {entry.Remaining} rested: fills since, in doubt until reconciled"),
                 new OutboxUpdate(OutboxStatus.Unknown, orderId, entry.Filled, Contracts.Zero, $"canceled with {result.Value.ReducedBy} of {entry.Remaining} resting", now)),
            { Error.SubmitOutcomeUnknown: true } or { Error.Kind: ExchangeErrorKind.NotFound } =>
                (new CancelReport(CancelOutcome.InDoubt, entry.ClientOrderId, $"cancel outcome not known ({result.Error}); in doubt until reconciled"),
                 new OutboxUpdate(OutboxStatus.Unknown, orderId, entry.Filled, entry.Remaining, result.Error.ToString(), now)),
            _ =>
                (new CancelReport(CancelOutcome.Refused, entry.ClientOrderId, $"cancel refused: {result.Error}"),
                 new OutboxUpdate(entry.Status, orderId, entry.Filled, entry.Remaining, result.Error.ToString(), now)),
        };
        try
        {
            await outbox.UpdateAsync(entry.ClientOrderId, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return report with { Reason = $"{report.Reason}; the outcome could not be stored ({ex.Message}), the reconciler will settle it" };
        }

        return report;
    }

    /// <summary>
    /// Re-prices or re-sizes a resting order in place (V2 amend), by the same protocol as a create: the row takes the new
    /// terms and AmendPending before the call (a crash mid-call leaves the market blocked until reconciled), the call is
    /// made once. Taken, the order is read back (an amend reply may describe another order) and the row follows it; if
    /// it filled since the bot last knew, or cannot be read back, the row is in doubt until reconciled. A 404 (gone:
    /// filled or expired) or an unknown outcome is in doubt too; a definite refusal restores the row as it was.
    /// </summary>
    public async Task<AmendReport> AmendAsync(OutboxEntry entry, Price yesPrice, Contracts remaining, string reason, CancellationToken cancellationToken)
    {
        if (entry.OrderId is not { } orderId || entry.BlocksMarket || !entry.IsOpen || remaining.IsZero)
            return new AmendReport(AmendOutcome.NotSent, entry.ClientOrderId, $"not amendable in status {entry.Status}");
        var total = entry.Filled + remaining;
        try
        {
            await outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(OutboxStatus.AmendPending, orderId, entry.Filled, remaining, reason, time.GetUtcNow(), yesPrice, total), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new AmendReport(AmendOutcome.NotSent, entry.ClientOrderId, $"the amend could not be stored, so it was not sent: {ex.Message}");
        }

        var result = await exchange.AmendOrderAsync(new AmendRequest(orderId, entry.ClientOrderId, entry.Order.Ticker, entry.Order.Side, yesPrice, total), cancellationToken).ConfigureAwait(false);
        AmendReport report;
        OutboxUpdate update;
        if (result.Success)
        {
            var read = await exchange.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (read.Success && read.Value.OrderId == orderId && read.Value.Filled == entry.Filled && read.Value.Status == OrderStatus.Resting)
            {
                var venue = read.Value;
                report = new AmendReport(AmendOutcome.Amended, entry.ClientOrderId, $"amended ({reason}): {venue.Remaining} resting at {venue.YesPrice}");
                update = new OutboxUpdate(venue.Filled.IsZero ? OutboxStatus.Resting : OutboxStatus.PartiallyFilled, orderId, venue.Filled, venue.Remaining, reason, now, venue.YesPrice, venue.Initial);
            }
            else
            {
                report = new AmendReport(AmendOutcome.InDoubt, entry.ClientOrderId, $"amended ({reason}), but the order read back {(read.Success ? $"as {read.Value.Status} with {read.Value.Filled} filled" : $"not at all ({read.Error})")}: in doubt until reconciled");
                update = new OutboxUpdate(OutboxStatus.Unknown, orderId, entry.Filled, remaining, "amended; state to be reconciled", now, yesPrice, total);
            }
        }
        else if (result.Error.SubmitOutcomeUnknown || result.Error.Kind == ExchangeErrorKind.NotFound)
        {
            report = new AmendReport(AmendOutcome.InDoubt, entry.ClientOrderId, $"amend outcome not known ({result.Error}); in doubt until reconciled");
            update = new OutboxUpdate(OutboxStatus.Unknown, orderId, entry.Filled, remaining, result.Error.ToString(), time.GetUtcNow(), yesPrice, total);
        }
        else
        {
            report = new AmendReport(AmendOutcome.Refused, entry.ClientOrderId, $"amend refused: {result.Error}");
            update = new OutboxUpdate(entry.Status, orderId, entry.Filled, entry.Remaining, result.Error.ToString(), time.GetUtcNow(), entry.Order.YesPrice, entry.Order.Count);
        }

        try
        {
            await outbox.UpdateAsync(entry.ClientOrderId, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return report with { Reason = $"{report.Reason}; the outcome could not be stored ({ex.Message}), the reconciler will settle it" };
        }

        return report;
    }

    /// <summary>Where an order stands from its counts: all filled, resting (partly filled or not), or done with a remainder cancelled.</summary>
    public static OutboxStatus StatusAfterPlacement(Contracts count, Contracts filled, Contracts remaining) =>
        !remaining.IsZero ? (filled.IsZero ? OutboxStatus.Resting : OutboxStatus.PartiallyFilled)
        : filled >= count ? OutboxStatus.Filled
        : OutboxStatus.Canceled;
}
