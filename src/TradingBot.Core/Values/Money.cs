using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>
/// An amount of dollars, signed (P&amp;L can be negative). Exact decimal arithmetic; intermediate amounts may
/// carry more than 4 decimals (a 4-decimal price times a 2-decimal count has 6), and are rounded only where
/// Kalshi rounds: fees up to $0.0001, balances down to the member's precision.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public static readonly Money Zero = default;

    /// <summary>$0.0001: Kalshi's fee rounding and a direct member's balance precision.</summary>
    public static readonly decimal Centicent = 0.0001m;

    /// <summary>$0.01: a non-direct member's balance precision.</summary>
    public static readonly decimal Cent = 0.01m;

    private Money(decimal dollars) => Dollars = dollars;

    public decimal Dollars { get; }

    public bool IsNegative => Dollars < 0m;

    public static Money FromDollars(decimal dollars) => new(dollars);

    public static bool TryParse(string? text, out Money money)
    {
        money = default;
        if (!Fixed.TryParse(text, out var value))
            return false;
        money = new Money(value);
        return true;
    }

    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"'{text}' is not a dollar amount");

    public Money CeilingTo(decimal step) => new(Fixed.CeilingTo(Dollars, step));

    public Money FloorTo(decimal step) => new(Fixed.FloorTo(Dollars, step));

    public static Money operator +(Money left, Money right) => new(left.Dollars + right.Dollars);

    public static Money operator -(Money left, Money right) => new(left.Dollars - right.Dollars);

    public static Money operator -(Money value) => new(-value.Dollars);

    public static Money operator *(Money value, decimal factor) => new(value.Dollars * factor);

    public static Money Max(Money a, Money b) => a.Dollars >= b.Dollars ? a : b;

    public static Money Min(Money a, Money b) => a.Dollars <= b.Dollars ? a : b;

    public int CompareTo(Money other) => Dollars.CompareTo(other.Dollars);

    public static bool operator <(Money left, Money right) => left.Dollars < right.Dollars;

    public static bool operator >(Money left, Money right) => left.Dollars > right.Dollars;

    public static bool operator <=(Money left, Money right) => left.Dollars <= right.Dollars;

    public static bool operator >=(Money left, Money right) => left.Dollars >= right.Dollars;

    /// <summary>At least two decimals, more when the amount has them ("61.20", "0.4375").</summary>
    public override string ToString() => Dollars.ToString("0.00####", CultureInfo.InvariantCulture);
}
