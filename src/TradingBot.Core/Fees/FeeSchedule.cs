using TradingBot.Core.Values;

namespace TradingBot.Core.Fees;

/// <summary>A series' <c>fee_type</c>. <see cref="Unknown"/> stands for any value this build does not know.</summary>
public enum FeeType
{
    Unknown,
    Quadratic,
    QuadraticWithMakerFees,
    QuadraticWithComboMakerFees,

    /// <summary>Kalshi's "Specific Trading Fees Table", which its API docs do not spell out: not priced, so not traded.</summary>
    Flat,
}

/// <summary>Whether a fill took resting liquidity or was the resting order.</summary>
public enum Liquidity
{
    Taker,
    Maker,
}

/// <summary>
/// Kalshi's trade fee for a series: <c>ceil_to_$0.0001(rate × fee_multiplier × C × P × (1 − P))</c>. Takers pay
/// rate 0.07 on every quadratic series; makers pay only where the series says so: 0.0175 (a quarter of the taker
/// rate) for <c>quadratic_with_maker_fees</c>, 0.035 (a half) for <c>quadratic_with_combo_maker_fees</c>.
/// A fee type this build cannot price yields no fee at all, and the callers then do not trade: guessing a fee
/// would misprice every order.
/// </summary>
public readonly record struct FeeSchedule(FeeType Type, decimal Multiplier)
{
    public const decimal TakerRate = 0.07m;
    public const decimal MakerRate = 0.0175m;
    public const decimal ComboMakerRate = 0.035m;

    public static FeeSchedule Standard { get; } = new(FeeType.Quadratic, 1m);

    public bool IsPriced => Multiplier >= 0m && Type is FeeType.Quadratic or FeeType.QuadraticWithMakerFees or FeeType.QuadraticWithComboMakerFees;

    /// <summary>The rate before the multiplier, or false for a schedule this build cannot price.</summary>
    public bool TryRate(Liquidity liquidity, out decimal rate)
    {
        rate = (Type, liquidity) switch
        {
            (FeeType.Quadratic or FeeType.QuadraticWithMakerFees or FeeType.QuadraticWithComboMakerFees, Liquidity.Taker) => TakerRate,
            (FeeType.Quadratic, Liquidity.Maker) => 0m,
            (FeeType.QuadraticWithMakerFees, Liquidity.Maker) => MakerRate,
            (FeeType.QuadraticWithComboMakerFees, Liquidity.Maker) => ComboMakerRate,
            _ => -1m,
        };
        return rate >= 0m && Multiplier >= 0m;
    }

    /// <summary>The trade fee for one fill of <paramref name="count"/> contracts at <paramref name="price"/>, rounded up to $0.0001.</summary>
    public bool TryTradeFee(Contracts count, Price price, Liquidity liquidity, out Money fee)
    {
        fee = Money.Zero;
        if (!TryRate(liquidity, out var rate))
            return false;
        var p = price.Dollars;
        fee = Money.FromDollars(rate * Multiplier * count.Count * p * (1m - p)).CeilingTo(Money.Centicent);
        return true;
    }

    /// <summary>The fee per contract before rounding: the slope sizing and expected value start from.</summary>
    public bool TryFeePerContract(Price price, Liquidity liquidity, out decimal feePerContract)
    {
        feePerContract = 0m;
        if (!TryRate(liquidity, out var rate))
            return false;
        var p = price.Dollars;
        feePerContract = rate * Multiplier * p * (1m - p);
        return true;
    }
}
