using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>
/// A number of contracts, never negative, in steps of 0.01 (Kalshi's fixed-point counts, "10.00"). Which
/// side a holding is on is said separately (<see cref="OutcomeSide"/>).
/// </summary>
public readonly record struct Contracts : IComparable<Contracts>
{
    public const int Decimals = 2;
    public static readonly decimal Step = 0.01m;
    public static readonly Contracts Zero = default;

    private Contracts(decimal count) => Count = count;

    public decimal Count { get; }

    public bool IsZero => Count == 0m;

    public static Contracts Of(decimal count) =>
        TryOf(count, out var contracts)
            ? contracts
            : throw new ArgumentOutOfRangeException(nameof(count), count, "a contract count is at least 0 in steps of 0.01");

    public static bool TryOf(decimal count, out Contracts contracts)
    {
        contracts = default;
        if (count < 0m || !Fixed.HasAtMostDecimals(count, Decimals))
            return false;
        contracts = new Contracts(count);
        return true;
    }

    public static bool TryParse(string? text, out Contracts contracts)
    {
        contracts = default;
        return Fixed.TryParse(text, out var value) && TryOf(value, out contracts);
    }

    public static Contracts Parse(string text) =>
        TryParse(text, out var contracts) ? contracts : throw new FormatException($"'{text}' is not a contract count (at least 0, steps of 0.01)");

    /// <summary>Rounds down to a multiple of <paramref name="step"/> (whole contracts: 1), never up: sizing must not exceed a budget.</summary>
    public static Contracts FloorOf(decimal count, decimal step) => count <= 0m ? Zero : new Contracts(Fixed.FloorTo(count, step));

    public static Contracts operator +(Contracts left, Contracts right) => new(left.Count + right.Count);

    /// <summary>Never below zero: taking more than there is leaves nothing.</summary>
    public static Contracts operator -(Contracts left, Contracts right) => new(Math.Max(0m, left.Count - right.Count));

    public static Money operator *(Contracts count, Price price) => Money.FromDollars(count.Count * price.Dollars);

    public static Money operator *(Price price, Contracts count) => count * price;

    public static Contracts Min(Contracts a, Contracts b) => a.Count <= b.Count ? a : b;

    public int CompareTo(Contracts other) => Count.CompareTo(other.Count);

    public static bool operator <(Contracts left, Contracts right) => left.Count < right.Count;

    public static bool operator >(Contracts left, Contracts right) => left.Count > right.Count;

    public static bool operator <=(Contracts left, Contracts right) => left.Count <= right.Count;

    public static bool operator >=(Contracts left, Contracts right) => left.Count >= right.Count;

    /// <summary>Kalshi's wire form: two decimals.</summary>
    public override string ToString() => Count.ToString("0.00", CultureInfo.InvariantCulture);
}
