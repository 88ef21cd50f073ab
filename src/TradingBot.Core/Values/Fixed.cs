using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>Decimal helpers shared by the value types: precision checks, parsing of wire strings, rounding to a step.</summary>
public static class Fixed
{
    private const NumberStyles WireNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool HasAtMostDecimals(decimal value, int decimals) => decimal.Round(value, decimals) == value;

    /// <summary>Plain decimal strings only: no exponent, no thousands separators, no spaces, invariant culture.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        return !string.IsNullOrEmpty(text) && text.Length <= 32 && decimal.TryParse(text, WireNumber, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Largest multiple of <paramref name="step"/> at or below <paramref name="value"/> (toward negative infinity).</summary>
    public static decimal FloorTo(decimal value, decimal step) => decimal.Floor(value / step) * step;

    /// <summary>Smallest multiple of <paramref name="step"/> at or above <paramref name="value"/>.</summary>
    public static decimal CeilingTo(decimal value, decimal step) => decimal.Ceiling(value / step) * step;
}
