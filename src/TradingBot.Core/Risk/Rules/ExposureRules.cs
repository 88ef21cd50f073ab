using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk.Rules;

/// <summary>Capital in one market (fills + resting + in-flight + this order) stays within its cap. Checked before submission.</summary>
public sealed class PositionLimitRule(Money limit) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot) =>
        ExposureCap.Check(DecisionCode.PositionLimit, intent, snapshot.Market.MarketExposure, limit);
}

/// <summary>Capital across the markets of one event (one game: winner, spread and total are one bet on one game).</summary>
public sealed class EventExposureRule(Money limit) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot) =>
        ExposureCap.Check(DecisionCode.EventExposureLimit, intent, snapshot.Market.EventExposure, limit);
}

/// <summary>Capital across every open position and order.</summary>
public sealed class TotalExposureRule(Money limit) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot) =>
        ExposureCap.Check(DecisionCode.TotalExposureLimit, intent, snapshot.Account.TotalExposure, limit);
}

/// <summary>An order must be payable from the balance while leaving the reserve untouched.</summary>
public sealed class BalanceRule(Money reserve) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var available = snapshot.Account.Balance - reserve;
        var cost = intent.CapitalAtRisk;
        return cost > available
            ? RiskDecision.Deny(DecisionCode.InsufficientBalance, intent.Ticker, new("available", available.Dollars), new("reserve", reserve.Dollars), new("order_cost", cost.Dollars))
            : RiskDecision.Approve;
    }
}

internal static class ExposureCap
{
    public static RiskDecision Check(DecisionCode code, in TradeIntent intent, Money current, Money limit)
    {
        var wouldBe = current + intent.CapitalAtRisk;
        return wouldBe > limit
            ? RiskDecision.Deny(code, intent.Ticker, new("limit", limit.Dollars), new("would_be", wouldBe.Dollars))
            : RiskDecision.Approve;
    }
}
