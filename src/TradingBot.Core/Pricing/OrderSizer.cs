using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Core.Pricing;

/// <summary>The money and count an order may not exceed: the bankroll Kelly bets from, the room left under every cap, and a count cap.</summary>
public readonly record struct SizingLimits(Money Bankroll, Money Budget, Contracts MaxCount);

/// <summary>
/// Fractional Kelly on the fee-inclusive cost. A contract bought at all-in cost c that pays $1 with probability q
/// has Kelly stake f* = (q − c) / (1 − c) of the bankroll; the bot bets a fraction of that, never more than the
/// budget left under the limits, in whole contracts, and re-checks the cost with the fee as Kalshi rounds it.
/// </summary>
public static class OrderSizer
{
    /// <summary>Orders are sent in whole contracts: Kalshi's fixed-point counts must still be whole on input.</summary>
    public static readonly decimal ContractStep = 1m;

    public static Contracts Size(decimal winProbability, Price price, FeeSchedule fees, Liquidity liquidity, decimal kellyFraction, in SizingLimits limits)
    {
        if (!price.IsTradable || !fees.TryFeePerContract(price, liquidity, out var feePerContract))
            return Contracts.Zero;
        var unitCost = price.Dollars + feePerContract;
        if (unitCost >= 1m)
            return Contracts.Zero;
        var kelly = (winProbability - unitCost) / (1m - unitCost);
        if (kelly <= 0m)
            return Contracts.Zero;

        var budget = Math.Min(kellyFraction * kelly * limits.Bankroll.Dollars, limits.Budget.Dollars);
        if (budget <= 0m)
            return Contracts.Zero;
        var count = Contracts.FloorOf(Math.Min(budget / unitCost, limits.MaxCount.Count), ContractStep);

        // The per-contract fee above is unrounded; the order's fee is rounded up, which can push the cost a hair over.
        var step = Contracts.Of(ContractStep);
        while (!count.IsZero && CostOf(count, price, fees, liquidity).Dollars > budget)
            count -= step;
        return count;
    }

    /// <summary>What buying <paramref name="count"/> at <paramref name="price"/> costs, fee included.</summary>
    public static Money CostOf(Contracts count, Price price, FeeSchedule fees, Liquidity liquidity)
    {
        fees.TryTradeFee(count, price, liquidity, out var fee);
        return count * price + fee;
    }
}
