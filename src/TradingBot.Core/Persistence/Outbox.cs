using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Persistence;

/// <summary>
/// Where an order stands in the outbox. Pending: the intent is committed and the HTTP call may be in flight.
/// Unknown: the call's outcome is not known (timeout, transport error, 5xx, unreadable 2xx). CancelPending: a
/// cancel of the resting order is committed and its call may be in flight; AmendPending: likewise an amend. All four block the market until the
/// venue's answer or reconciliation settles them; the rest follow the venue's own status.
/// </summary>
public enum OutboxStatus
{
    Pending,
    Accepted,
    Rejected,
    Unknown,
    Resting,
    PartiallyFilled,
    Filled,
    Canceled,
    CancelPending,

    /// <summary>An amend of the resting order is committed (the row already carries its new terms) and its call may be in flight.</summary>
    AmendPending,
}

/// <summary>One order the bot decided to send, from the moment before the HTTP call until the venue is done with it.</summary>
public sealed record OutboxEntry(
    ClientOrderId ClientOrderId,
    OrderRequest Order,
    EventTicker Event,
    IntentKind Kind,
    IntentReason Reason,
    OutboxStatus Status,
    string? OrderId,
    Contracts Filled,
    Contracts Remaining,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The venue may still trade this order, or may not have told the bot yet.</summary>
    public bool IsOpen => Status is OutboxStatus.Pending or OutboxStatus.Unknown or OutboxStatus.Accepted or OutboxStatus.Resting or OutboxStatus.PartiallyFilled or OutboxStatus.CancelPending or OutboxStatus.AmendPending;

    /// <summary>Whether the order's state may differ from what the bot knows: no new order in its market until settled.</summary>
    public bool BlocksMarket => Status is OutboxStatus.Pending or OutboxStatus.Unknown or OutboxStatus.CancelPending or OutboxStatus.AmendPending;

    /// <summary>
    /// Capital this order can still tie up (resting or in flight): its count at its limit plus the fee it pays when it
    /// fills (maker for a post-only order, taker otherwise) under <paramref name="fees"/>. An order in doubt counts in full.
    /// </summary>
    /// <remarks>An exit sells what is held (<c>reduce_only</c>): it ties up no new capital.</remarks>
    public Money OpenCapital(FeeSchedule fees)
    {
        if (!IsOpen || Kind == IntentKind.Exit)
            return Money.Zero;
        var count = Status is OutboxStatus.Pending or OutboxStatus.Unknown ? Order.Count : Remaining;
        var price = Order.Side.ToOutcomeSide().PriceOf(Order.YesPrice);
        if (!fees.TryTradeFee(count, price, Order.PostOnly ? Liquidity.Maker : Liquidity.Taker, out var fee))
            FeeSchedule.Standard.TryTradeFee(count, price, Liquidity.Taker, out fee);
        return count * price + fee;
    }

    public static OutboxEntry FromIntent(in TradeIntent intent, ClientOrderId clientOrderId, DateTimeOffset now) => new(
        clientOrderId, OrderRequest.From(intent, clientOrderId), intent.Event, intent.Kind, intent.Reason,
        OutboxStatus.Pending, null, Contracts.Zero, intent.Count, null, now, now);
}

/// <summary>
/// A change to an outbox entry: what the venue said, or what reconciliation found. An amend also changes the order's
/// terms: its YES-leg price and its total count (filled plus resting); left null, they stay as they were.
/// </summary>
public sealed record OutboxUpdate(OutboxStatus Status, string? OrderId, Contracts Filled, Contracts Remaining, string? Error, DateTimeOffset At,
    Price? YesPrice = null, Contracts? Count = null);

/// <summary>
/// The order outbox: an intent's row, with its <c>client_order_id</c>, is committed before the HTTP call, and
/// the call's outcome updates the same row. Nothing is ever deleted.
/// </summary>
public interface IOrderOutbox
{
    /// <summary>Commits the intent. Throws if the id exists (an id names one order, once) or the store is unreachable.</summary>
    Task RecordIntentAsync(OutboxEntry entry, CancellationToken cancellationToken);

    Task UpdateAsync(ClientOrderId clientOrderId, OutboxUpdate update, CancellationToken cancellationToken);

    Task<OutboxEntry?> FindAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken);

    /// <summary>Entries the venue may still act on, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Entries created at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
