namespace TradingBot.Core.Values;

/// <summary>Which outcome a position pays on: YES pays $1 if the event happens, NO if it does not.</summary>
public enum OutcomeSide
{
    Yes,
    No,
}

/// <summary>
/// Kalshi's V2 order side on the YES leg: <c>bid</c> ≡ long YES, <c>ask</c> ≡ long NO, always
/// (order_direction.md). The order's price is always the YES price.
/// </summary>
public enum BookSide
{
    Bid,
    Ask,
}

public enum OrderAction
{
    Buy,
    Sell,
}

/// <summary>
/// An order as a person says it ("sell 10 NO at $0.30") and as Kalshi's V2 endpoints take it
/// (<c>side=bid, price=0.7000</c>). Buy YES and sell NO both leave you long YES; buy NO and sell YES both
/// leave you long NO; the price moves to the YES leg (1 − p for a NO price).
/// </summary>
public readonly record struct OrderDirection(OrderAction Action, OutcomeSide Side)
{
    /// <summary>The outcome this order makes you long of (<c>outcome_side</c> on orders and fills).</summary>
    public OutcomeSide ExposureSide => Action == OrderAction.Buy ? Side : Side.Opposite();

    /// <summary><c>book_side</c>: bid ≡ yes, ask ≡ no.</summary>
    public BookSide BookSide => ExposureSide.ToBookSide();

    /// <summary>The price to send: the YES-leg price equivalent to <paramref name="sidePrice"/> on this order's side.</summary>
    public Price ToYesPrice(Price sidePrice) => Side == OutcomeSide.Yes ? sidePrice : sidePrice.Complement;

    /// <summary>The price on this order's side for a YES-leg price (the inverse of <see cref="ToYesPrice"/>).</summary>
    public Price FromYesPrice(Price yesPrice) => Side == OutcomeSide.Yes ? yesPrice : yesPrice.Complement;
}

public static class SideExtensions
{
    public static OutcomeSide Opposite(this OutcomeSide side) => side == OutcomeSide.Yes ? OutcomeSide.No : OutcomeSide.Yes;

    public static BookSide ToBookSide(this OutcomeSide exposure) => exposure == OutcomeSide.Yes ? BookSide.Bid : BookSide.Ask;

    public static OutcomeSide ToOutcomeSide(this BookSide side) => side == BookSide.Bid ? OutcomeSide.Yes : OutcomeSide.No;

    /// <summary>What one contract of <paramref name="exposure"/> costs when the order's YES-leg price is <paramref name="yesPrice"/>.</summary>
    public static Price PriceOf(this OutcomeSide exposure, Price yesPrice) => exposure == OutcomeSide.Yes ? yesPrice : yesPrice.Complement;
}
