using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Core.Pricing;

/// <summary>The money and count an order may not exceed: the bankroll Kelly bets from, the room left under every cap, and a count cap.</summary>
public readonly record struct SizingLimits(Money Bankroll, Money Budget, Contracts MaxCount);

/// <summary>What an order of a size costs, as Kalshi will charge it.</summary>
public readonly record struct SizedOrder(Contracts Count, Money Fee)
{
    public static readonly SizedOrder None = default;
}

/// <summary>
/// Fractional Kelly on the fee-inclusive cost. A contract bought at all-in cost c that pays $1 with probability q
/// has Kelly stake f* = (q − c) / (1 − c) of the bankroll; the bot bets a fraction of that, never more than the
/// budget left under the limits, in whole contracts, and re-checks the cost with the fee as Kalshi rounds it.
/// All in millionths of a dollar: exact, and no decimal division on the hot path.
/// </summary>
public static class OrderSizer
{
    public static SizedOrder Size(Probability win, Price price, FeeSchedule fees, Liquidity liquidity, decimal kellyFraction, in SizingLimits limits) =>
        Size(win, price, fees, liquidity, Probability.FromValue(kellyFraction), limits);

    public static SizedOrder Size(Probability win, Price price, FeeSchedule fees, Liquidity liquidity, Probability kellyFraction, in SizingLimits limits)
    {
        // Orders are sent in whole contracts: Kalshi's fixed-point counts must still be whole on input.
        var maxWhole = limits.MaxCount.Hundredths / Contracts.HundredthsPerContract;
        if (maxWhole <= 0 || !price.IsTradable || !fees.TryFeePerContract(price, liquidity, out var feePerContract))
            return SizedOrder.None;
        var unitCost = (long)price.Units * 100 + feePerContract.Micros;
        var edge = win.Micros - unitCost;
        var loss = Money.MicrosPerDollar - unitCost;
        if (loss <= 0 || edge <= 0)
            return SizedOrder.None;

        var money = Math.Min(limits.Budget.Micros, Stake(kellyFraction, edge, loss, limits.Bankroll));
        if (money <= 0)
            return SizedOrder.None;
        var whole = Math.Min(maxWhole, money / unitCost);

        // The per-contract fee above is rounded up to a millionth, the order's fee to $0.0001, which can push the cost a hair over.
        for (; whole > 0; whole--)
        {
            var count = Contracts.Whole(whole);
            fees.TryTradeFee(count, price, liquidity, out var fee);
            if ((count * price + fee).Micros <= money)
                return new SizedOrder(count, fee);
        }

        return SizedOrder.None;
    }

    /// <summary>
    /// The fractional Kelly stake, in dollars of all-in cost, of buying at <paramref name="price"/> with this chance of
    /// winning: k × (q − c) / (1 − c) × bankroll, c the price plus the fee per contract. Zero without an edge.
    /// </summary>
    public static Money KellyStake(Probability win, Price price, FeeSchedule fees, Liquidity liquidity, Probability kellyFraction, Money bankroll)
    {
        if (!price.IsTradable || !fees.TryFeePerContract(price, liquidity, out var feePerContract))
            return Money.Zero;
        var unitCost = (long)price.Units * 100 + feePerContract.Micros;
        var edge = win.Micros - unitCost;
        var loss = Money.MicrosPerDollar - unitCost;
        return loss <= 0 || edge <= 0 ? Money.Zero : Money.FromMicros(Stake(kellyFraction, edge, loss, bankroll));
    }

    /// <summary>k × edge / loss × bankroll in micros, rounded down; every input in millionths.</summary>
    private static long Stake(Probability kellyFraction, long edge, long loss, Money bankroll) =>
        bankroll.Micros <= 0 ? 0 : (long)((Int128)kellyFraction.Micros * edge * bankroll.Micros / ((Int128)loss * Money.MicrosPerDollar));

    /// <summary>What buying <paramref name="count"/> at <paramref name="price"/> costs, fee included.</summary>
    public static Money CostOf(Contracts count, Price price, FeeSchedule fees, Liquidity liquidity)
    {
        fees.TryTradeFee(count, price, liquidity, out var fee);
        return count * price + fee;
    }
}
