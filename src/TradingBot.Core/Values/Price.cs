namespace TradingBot.Core.Values;

/// <summary>
/// A contract price in dollars, at most 4 decimals ($0.0001), between 0 and 1 inclusive: a mark or a
/// settlement value may sit at either end, but an order's price must be strictly inside (see
/// <see cref="IsTradable"/>). Kalshi quotes every order on the YES leg; the NO leg's price is the complement.
/// Held as a whole number of $0.0001 units, so price arithmetic is exact and cheap.
/// </summary>
public readonly record struct Price : IComparable<Price>
{
    public const int Decimals = 4;
    public const int UnitsPerDollar = 10_000;

    public static readonly Price Zero = new(0);
    public static readonly Price One = new(UnitsPerDollar);

    /// <summary>The smallest step any market can quote: $0.0001.</summary>
    public static readonly decimal MinimumStep = 0.0001m;

    private Price(int units) => Units = units;

    /// <summary>The price in $0.0001 units: 0 to 10,000.</summary>
    public int Units { get; }

    public decimal Dollars => Fixed.FromScaled(Units, Decimals);

    /// <summary>Strictly between 0 and 1: a price an order may carry.</summary>
    public bool IsTradable => Units > 0 && Units < UnitsPerDollar;

    /// <summary>What the other leg costs: buying NO at q is selling YES at 1 − q.</summary>
    public Price Complement => new(UnitsPerDollar - Units);

    public static Price FromUnits(int units) =>
        units is >= 0 and <= UnitsPerDollar ? new Price(units) : throw new ArgumentOutOfRangeException(nameof(units), units, "a price is 0 to 10,000 units of $0.0001");

    public static Price FromDollars(decimal dollars) =>
        TryFromDollars(dollars, out var price)
            ? price
            : throw new ArgumentOutOfRangeException(nameof(dollars), dollars, "a price is between 0 and 1 dollars with at most 4 decimals");

    public static bool TryFromDollars(decimal dollars, out Price price)
    {
        price = default;
        if (dollars < 0m || dollars > 1m || !Fixed.TryToScaled(dollars, Decimals, out var units))
            return false;
        price = new Price((int)units);
        return true;
    }

    /// <summary>Parses Kalshi's dollar strings ("0.5600", "0.56"). Extra zero decimals are accepted; any other precision is not.</summary>
    public static bool TryParse(string? text, out Price price)
    {
        price = default;
        return Fixed.TryParse(text, out var value) && TryFromDollars(value, out price);
    }

    public static Price Parse(string text) =>
        TryParse(text, out var price) ? price : throw new FormatException($"'{text}' is not a price in dollars between 0 and 1 with at most 4 decimals");

    public int CompareTo(Price other) => Units.CompareTo(other.Units);

    public static bool operator <(Price left, Price right) => left.Units < right.Units;

    public static bool operator >(Price left, Price right) => left.Units > right.Units;

    public static bool operator <=(Price left, Price right) => left.Units <= right.Units;

    public static bool operator >=(Price left, Price right) => left.Units >= right.Units;

    /// <summary>Kalshi's wire form: four decimals.</summary>
    public override string ToString() => Dollars.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
}
