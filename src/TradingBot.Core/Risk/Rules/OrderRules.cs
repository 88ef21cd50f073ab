using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk.Rules;

/// <summary>A cap on orders sent in any rolling minute: a runaway loop must not be able to spray orders, exits included.</summary>
public sealed class OrderRateRule(int maxPerMinute) : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var sent = snapshot.Account.OrdersInLastMinute;
        return sent >= maxPerMinute
            ? RiskDecision.Deny(DecisionCode.OrderRateLimit, intent.Ticker, new("sent_last_minute", sent), new("max_per_minute", maxPerMinute))
            : RiskDecision.Approve;
    }
}

/// <summary>The price must be tradable and on the market's tick grid; the count positive and whole-cent.</summary>
public sealed class PriceAndCountRule : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        if (!intent.LimitPrice.IsTradable)
            return RiskDecision.Deny(DecisionCode.InvalidPrice, intent.Ticker, new("price", intent.LimitPrice.Dollars));
        var yesPrice = intent.YesPrice;
        if (!snapshot.Market.Ticks.IsValid(yesPrice))
            return RiskDecision.Deny(DecisionCode.OffTick, intent.Ticker, new("yes_price", yesPrice.Dollars));
        if (intent.Count <= Contracts.Zero)
            return RiskDecision.Deny(DecisionCode.InvalidCount, intent.Ticker, new("count", intent.Count.Count));
        return RiskDecision.Approve;
    }
}

/// <summary>
/// A model that disagrees with the market by more than this is far more likely mapped to the wrong market (or
/// team) than right: refuse rather than bet the house on a typo.
/// </summary>
public sealed class PlausibleEdgeRule(Money maxEdge) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var edge = intent.Edge;
        return edge > maxEdge
            ? RiskDecision.Deny(DecisionCode.ImplausibleEdge, intent.Ticker, new("edge", edge.Dollars), new("max_edge", maxEdge.Dollars), new("model_probability", intent.WinProbability.Value))
            : RiskDecision.Approve;
    }
}

/// <summary>An exit sells only what is held, on the side it is held: it can reduce a position, never flip it.</summary>
public sealed class ExitWithinPositionRule : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        if (intent.Kind != IntentKind.Exit)
            return RiskDecision.Approve;
        var holding = snapshot.Market.Holding;
        var held = holding.IsEmpty || holding.Side != intent.Direction.Side ? Contracts.Zero : holding.Count;
        return intent.Direction.Action != OrderAction.Sell || intent.Count > held
            ? RiskDecision.Deny(DecisionCode.ExitExceedsPosition, intent.Ticker, new("held", held.Count), new("exit", intent.Count.Count))
            : RiskDecision.Approve;
    }
}
