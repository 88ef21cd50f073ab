using System.Globalization;

namespace TradingBot.Core.Values;

/// <summary>Decimal helpers shared by the value types: precision checks, parsing of wire strings, scaled integers.</summary>
public static class Fixed
{
    private const NumberStyles WireNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool HasAtMostDecimals(decimal value, int decimals) =>
        value.Scale <= decimals || decimal.Round(value, decimals) == value;

    /// <summary>Plain decimal strings only: no exponent, no thousands separators, no spaces, invariant culture.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        return !string.IsNullOrEmpty(text) && text.Length <= 32 && decimal.TryParse(text, WireNumber, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><paramref name="value"/> × 10^−<paramref name="scale"/> as a decimal, without a division.</summary>
    public static decimal FromScaled(long value, byte scale)
    {
        var magnitude = value < 0 ? (ulong)-value : (ulong)value;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, scale);
    }

    /// <summary>
    /// <paramref name="value"/> × 10^<paramref name="decimals"/> as a whole number, when it is one (a price in
    /// $0.0001 units, a count in hundredths); false when the value has more decimals or does not fit.
    /// </summary>
    public static bool TryToScaled(decimal value, int decimals, out long scaled)
    {
        scaled = 0;
        if (!HasAtMostDecimals(value, decimals) || Math.Abs(value) > 1e15m)
            return false;
        scaled = (long)(value * Pow10(decimals));
        return true;
    }

    /// <summary>Rounds up (toward positive infinity) to <paramref name="decimals"/> places.</summary>
    public static decimal CeilingTo(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>Rounds down (toward negative infinity) to <paramref name="decimals"/> places.</summary>
    public static decimal FloorTo(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToNegativeInfinity);

    private static decimal Pow10(int decimals) => decimals switch
    {
        0 => 1m,
        2 => 100m,
        4 => 10_000m,
        6 => 1_000_000m,
        _ => (decimal)Math.Pow(10, decimals),
    };
}
