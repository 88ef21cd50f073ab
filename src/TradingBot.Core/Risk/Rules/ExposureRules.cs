using System.Globalization;
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

/// <summary>
/// An order must be payable from the cash on its market's exchange shard (Kalshi checks collateral per shard) while
/// leaving the reserve untouched across the account. The denial names the shard and what it could spend.
/// </summary>
public sealed class BalanceRule(Money reserve) : IRiskRule
{
    /// <summary>Shard numbers as words, so a denial allocates nothing for the shards Kalshi has.</summary>
    private static readonly string[] ShardWords = [.. Enumerable.Range(0, 8).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var shard = snapshot.Market.ExchangeIndex;
        var available = snapshot.Account.SpendableOn(shard, reserve);
        var cost = intent.CapitalAtRisk;
        return cost > available
            ? RiskDecision.Deny(DecisionCode.InsufficientBalance, intent.Ticker, DenialDetail.Word("exchange_index", ShardWord(shard)), new("available", available.Dollars), new("order_cost", cost.Dollars))
            : RiskDecision.Approve;
    }

    private static string ShardWord(int shard) => (uint)shard < ShardWords.Length ? ShardWords[shard] : shard.ToString(CultureInfo.InvariantCulture);
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
