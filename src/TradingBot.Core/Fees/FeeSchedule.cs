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
/// A schedule this build cannot price exactly (a fee type it does not know, a negative multiplier or one with
/// more than 4 decimals) yields no fee at all, and the callers then do not trade: a guessed fee misprices every order.
/// </summary>
public readonly record struct FeeSchedule
{
    public const decimal TakerRate = 0.07m;
    public const decimal MakerRate = 0.0175m;
    public const decimal ComboMakerRate = 0.035m;

    /// <summary>rate × multiplier in units of 10^-8, per liquidity; −1 where the schedule cannot be priced.</summary>
    private readonly long _takerRate;
    private readonly long _makerRate;

    public FeeSchedule(FeeType type, decimal multiplier)
    {
        Type = type;
        Multiplier = multiplier;
        _takerRate = ScaledRate(type, Liquidity.Taker, multiplier);
        _makerRate = ScaledRate(type, Liquidity.Maker, multiplier);
    }

    public static FeeSchedule Standard { get; } = new(FeeType.Quadratic, 1m);

    public FeeType Type { get; }

    public decimal Multiplier { get; }

    public bool IsPriced => _takerRate >= 0 && _makerRate >= 0 && Type != FeeType.Unknown;

    /// <summary>The trade fee for one fill of <paramref name="count"/> contracts at <paramref name="price"/>, rounded up to $0.0001.</summary>
    public bool TryTradeFee(Contracts count, Price price, Liquidity liquidity, out Money fee)
    {
        fee = Money.Zero;
        var rate = RateFor(liquidity);
        if (rate < 0 || !IsPriced)
            return false;
        // C × P × (1 − P) × rate in units of 10^-18 (hundredths × 10^-8 × 10^-8); the fee is that, rounded up to 10^-4.
        const long toCenticents = 100_000_000_000_000;
        var exact = (Int128)(count.Hundredths * QuadraticUnits(price)) * rate;
        var centicents = (long)((exact + (toCenticents - 1)) / toCenticents);
        fee = Money.FromMicros(centicents * 100);
        return true;
    }

    /// <summary>The fee per contract before the order's rounding, rounded up to a millionth: the slope expected value and sizing use.</summary>
    public bool TryFeePerContract(Price price, Liquidity liquidity, out Money feePerContract)
    {
        feePerContract = Money.Zero;
        var rate = RateFor(liquidity);
        if (rate < 0 || !IsPriced)
            return false;
        // P × (1 − P) × rate in units of 10^-16; rounded up to 10^-6.
        const long toMicros = 10_000_000_000;
        feePerContract = Money.FromMicros((QuadraticUnits(price) * rate + (toMicros - 1)) / toMicros);
        return true;
    }

    private long RateFor(Liquidity liquidity) => liquidity == Liquidity.Taker ? _takerRate : _makerRate;

    /// <summary>P × (1 − P) in units of 10^-8.</summary>
    private static long QuadraticUnits(Price price) => (long)price.Units * (Price.UnitsPerDollar - price.Units);

    private static long ScaledRate(FeeType type, Liquidity liquidity, decimal multiplier)
    {
        decimal? rate = (type, liquidity) switch
        {
            (FeeType.Quadratic or FeeType.QuadraticWithMakerFees or FeeType.QuadraticWithComboMakerFees, Liquidity.Taker) => TakerRate,
            (FeeType.Quadratic, Liquidity.Maker) => 0m,
            (FeeType.QuadraticWithMakerFees, Liquidity.Maker) => MakerRate,
            (FeeType.QuadraticWithComboMakerFees, Liquidity.Maker) => ComboMakerRate,
            _ => null,
        };
        if (rate is null || multiplier < 0m || multiplier > 1000m || !Fixed.HasAtMostDecimals(multiplier, 4))
            return -1;
        return Fixed.TryToScaled(rate.Value * multiplier, 8, out var scaled) ? scaled : -1;
    }
}
