using TradingBot.Core.Markets;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

public enum StopLossVerdict
{
    /// <summary>Nothing held, or the mark is at or above the floor.</summary>
    Hold,

    /// <summary>Below the floor: sell now with the exit intent.</summary>
    Exit,

    /// <summary>Below the floor (nobody bids at all, so the mark is zero) but there is nothing to sell into.</summary>
    BelowFloorNoBid,
}

/// <summary>The mark of a holding, the floor it is judged against, and the exit when it broke through.</summary>
public readonly record struct StopLossCheck(StopLossVerdict Verdict, Money Mark, Money Floor, TradeIntent Exit);

/// <summary>
/// Marks a holding at the best bid it could be sold into. When that mark falls below the floor percentage of the
/// entry cost, the position is sold at once: an IOC, <c>reduce_only</c> sell of the whole holding, whose worst
/// price is the bid less the allowed slippage, snapped up to the grid so it never sells below the bound.
/// </summary>
public sealed class StopLoss(decimal floorPercent, decimal maxSlippage)
{
    public StopLossCheck Check(in MarketState market)
    {
        var holding = market.Holding;
        if (holding.IsEmpty)
            return new StopLossCheck(StopLossVerdict.Hold, Money.Zero, Money.Zero, default);

        var bid = market.Quote.BidFor(holding.Side);
        var mark = bid.Exists ? holding.Count * bid.Price : Money.Zero;
        // Rounded up to a millionth: a floor a hair high exits a hair early, never late.
        var floor = Money.FromDollars(Fixed.CeilingTo(holding.EntryCost.Dollars * floorPercent / 100m, Money.Decimals));
        if (mark >= floor)
            return new StopLossCheck(StopLossVerdict.Hold, mark, floor, default);
        return SellAtBid(market, IntentReason.StopLoss) is { } exit
            ? new StopLossCheck(StopLossVerdict.Exit, mark, floor, exit)
            : new StopLossCheck(StopLossVerdict.BelowFloorNoBid, mark, floor, default);
    }

    /// <summary>
    /// The whole holding sold into the bid others would buy it at, down to the bid less the allowed slippage (IOC,
    /// reduce-only); null with nothing held or no bid to sell into.
    /// </summary>
    public TradeIntent? SellAtBid(in MarketState market, IntentReason reason)
    {
        var holding = market.Holding;
        if (holding.IsEmpty)
            return null;
        var bid = market.Quote.BidFor(holding.Side);
        if (!bid.Exists || !TryWorstPrice(market, holding.Side, bid.Price, out var worst))
            return null;
        var mark = holding.Count * bid.Price;
        return new TradeIntent(IntentKind.Exit, reason, market.Ticker, market.Event,
            new OrderDirection(OrderAction.Sell, holding.Side), worst, holding.Count, Execution.Take, Money.Zero,
            default, mark - holding.EntryCost, bid.Price);
    }

    /// <summary>
    /// The lowest price (on the held side) the sell accepts. The grid lives on the YES leg: selling NO at q is a
    /// YES bid at 1 − q, so "no lower than q" on NO is "no higher than 1 − q" on YES.
    /// </summary>
    private bool TryWorstPrice(in MarketState market, OutcomeSide side, Price bid, out Price worst)
    {
        worst = default;
        var bound = Math.Max(bid.Dollars - maxSlippage, Price.MinimumStep);
        if (!Price.TryFromDollars(bound, out var boundPrice))
            return false;
        if (side == OutcomeSide.Yes)
            return market.Ticks.TrySnapUp(boundPrice, out worst);
        if (!market.Ticks.TrySnapDown(boundPrice.Complement, out var yesPrice))
            return false;
        worst = yesPrice.Complement;
        return true;
    }
}
