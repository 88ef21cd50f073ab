using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>
/// An amount of dollars, signed (P&amp;L can be negative), held as a whole number of millionths of a dollar:
/// exact for every amount Kalshi sends (up to 6 decimals) and for every product of a 4-decimal price and a
/// 2-decimal count. Amounts are rounded only where Kalshi rounds: fees up to $0.0001, balances down to the
/// member's precision.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const int Decimals = 6;
    public const long MicrosPerDollar = 1_000_000;

    /// <summary>Decimals of $0.0001: Kalshi's fee rounding and a direct member's balance precision.</summary>
    public const int CenticentDecimals = 4;

    /// <summary>Decimals of $0.01: a non-direct member's balance precision.</summary>
    public const int CentDecimals = 2;

    public static readonly Money Zero = default;

    /// <summary>A trillion dollars: anything larger is a bug or a hostile input, never an amount.</summary>
    private const long MaxMicros = 1_000_000_000_000 * MicrosPerDollar;

    private Money(long micros) => Micros = micros;

    public long Micros { get; }

    public decimal Dollars => Fixed.FromScaled(Micros, Decimals);

    public bool IsNegative => Micros < 0;

    public static Money FromMicros(long micros) =>
        Math.Abs(micros) <= MaxMicros ? new Money(micros) : throw new ArgumentOutOfRangeException(nameof(micros), micros, "beyond a trillion dollars");

    public static Money FromDollars(decimal dollars) =>
        TryFromDollars(dollars, out var money)
            ? money
            : throw new ArgumentOutOfRangeException(nameof(dollars), dollars, "an amount has at most 6 decimals and is under a trillion dollars");

    public static bool TryFromDollars(decimal dollars, out Money money)
    {
        money = default;
        if (!Fixed.TryToScaled(dollars, Decimals, out var micros) || Math.Abs(micros) > MaxMicros)
            return false;
        money = new Money(micros);
        return true;
    }

    public static bool TryParse(string? text, out Money money)
    {
        money = default;
        return Fixed.TryParse(text, out var value) && TryFromDollars(value, out money);
    }

    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"'{text}' is not a dollar amount with at most 6 decimals");

    /// <summary>Rounds up to <paramref name="decimals"/> places: 4 for Kalshi's fees.</summary>
    public Money CeilingTo(int decimals)
    {
        var step = StepOf(decimals);
        var floor = Math.DivRem(Micros, step, out var remainder) * step;
        return new Money(remainder > 0 ? floor + step : floor);
    }

    /// <summary>Rounds toward negative infinity to <paramref name="decimals"/> places: a balance's precision.</summary>
    public Money FloorTo(int decimals)
    {
        var step = StepOf(decimals);
        var floor = Math.DivRem(Micros, step, out var remainder) * step;
        return new Money(remainder < 0 ? floor - step : floor);
    }

    public static Money operator +(Money left, Money right) => new(left.Micros + right.Micros);

    public static Money operator -(Money left, Money right) => new(left.Micros - right.Micros);

    public static Money operator -(Money value) => new(-value.Micros);

    public static Money Max(Money a, Money b) => a.Micros >= b.Micros ? a : b;

    public static Money Min(Money a, Money b) => a.Micros <= b.Micros ? a : b;

    public int CompareTo(Money other) => Micros.CompareTo(other.Micros);

    public static bool operator <(Money left, Money right) => left.Micros < right.Micros;

    public static bool operator >(Money left, Money right) => left.Micros > right.Micros;

    public static bool operator <=(Money left, Money right) => left.Micros <= right.Micros;

    public static bool operator >=(Money left, Money right) => left.Micros >= right.Micros;

    /// <summary>At least two decimals, more when the amount has them ("61.20", "0.4375").</summary>
    public override string ToString() => Dollars.ToString("0.00####", CultureInfo.InvariantCulture);

    private static long StepOf(int decimals) => decimals switch
    {
        CentDecimals => 10_000,
        CenticentDecimals => 100,
        Decimals => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "rounds to 2, 4 or 6 decimals"),
    };
}
