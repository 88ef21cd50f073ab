using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>
/// A number of contracts, never negative, in steps of 0.01 (Kalshi's fixed-point counts, "10.00"). Which
/// side a holding is on is said separately (<see cref="OutcomeSide"/>). Held as a whole number of hundredths.
/// </summary>
public readonly record struct Contracts : IComparable<Contracts>
{
    public const int Decimals = 2;
    public const long HundredthsPerContract = 100;
    public static readonly decimal Step = 0.01m;
    public static readonly Contracts Zero = default;

    /// <summary>Counts beyond a billion contracts are refused: nothing real is that large, and products stay in range.</summary>
    private const long MaxHundredths = 100_000_000_000;

    private Contracts(long hundredths) => Hundredths = hundredths;

    public long Hundredths { get; }

    public decimal Count => Fixed.FromScaled(Hundredths, Decimals);

    public bool IsZero => Hundredths == 0;

    public static Contracts Of(decimal count) =>
        TryOf(count, out var contracts)
            ? contracts
            : throw new ArgumentOutOfRangeException(nameof(count), count, "a contract count is 0 to a billion in steps of 0.01");

    public static bool TryOf(decimal count, out Contracts contracts)
    {
        contracts = default;
        if (count < 0m || !Fixed.TryToScaled(count, Decimals, out var hundredths) || hundredths > MaxHundredths)
            return false;
        contracts = new Contracts(hundredths);
        return true;
    }

    public static Contracts Whole(long count) => FromHundredths(count * HundredthsPerContract);

    public static Contracts FromHundredths(long hundredths) =>
        hundredths is >= 0 and <= MaxHundredths ? new Contracts(hundredths) : throw new ArgumentOutOfRangeException(nameof(hundredths), hundredths, "a contract count is 0 to a billion");

    public static bool TryParse(string? text, out Contracts contracts)
    {
        contracts = default;
        return Fixed.TryParse(text, out var value) && TryOf(value, out contracts);
    }

    public static Contracts Parse(string text) =>
        TryParse(text, out var contracts) ? contracts : throw new FormatException($"'{text}' is not a contract count (at least 0, steps of 0.01)");

    /// <summary>Whole contracts only, rounded down: sizing must never exceed a budget.</summary>
    public Contracts WholeOnly => new(Hundredths - (Hundredths % HundredthsPerContract));

    public static Contracts operator +(Contracts left, Contracts right) => FromHundredths(left.Hundredths + right.Hundredths);

    /// <summary>Never below zero: taking more than there is leaves nothing.</summary>
    public static Contracts operator -(Contracts left, Contracts right) => new(Math.Max(0, left.Hundredths - right.Hundredths));

    /// <summary>Exact: hundredths × $0.0001 units is a whole number of millionths of a dollar.</summary>
    public static Money operator *(Contracts count, Price price) => Money.FromMicros(count.Hundredths * price.Units);

    public static Money operator *(Price price, Contracts count) => count * price;

    public static Contracts Min(Contracts a, Contracts b) => a.Hundredths <= b.Hundredths ? a : b;

    public int CompareTo(Contracts other) => Hundredths.CompareTo(other.Hundredths);

    public static bool operator <(Contracts left, Contracts right) => left.Hundredths < right.Hundredths;

    public static bool operator >(Contracts left, Contracts right) => left.Hundredths > right.Hundredths;

    public static bool operator <=(Contracts left, Contracts right) => left.Hundredths <= right.Hundredths;

    public static bool operator >=(Contracts left, Contracts right) => left.Hundredths >= right.Hundredths;

    /// <summary>Kalshi's wire form: two decimals.</summary>
    public override string ToString() => Count.ToString("0.00", CultureInfo.InvariantCulture);
}
