namespace TradingBot.Core.Values;

/// <summary>One of a market's <c>price_ranges</c>: valid prices are start, start + step, … up to end.</summary>
public readonly record struct PriceBand(Price Start, Price End, decimal Step);

/// <summary>
/// The prices a market accepts, from its <c>price_ranges</c> (subpenny markets tick finer near 0 and 1).
/// Only prices strictly between 0 and 1 are valid for an order. Snapping moves a wanted price to a valid tick
/// in the direction that never costs more than intended: down for a buy, up for a sell. Works in $0.0001 units.
/// </summary>
public sealed class TickStructure
{
    private const int Lowest = 1;
    private const int Highest = Price.UnitsPerDollar - 1;

    private readonly Band[] _bands;

    private TickStructure(PriceBand[] bands, Band[] units)
    {
        Bands = bands;
        _bands = units;
    }

    /// <summary>Kalshi's <c>linear_cent</c> structure: every cent from $0.01 to $0.99. Used when a market sends no ranges.</summary>
    public static TickStructure LinearCent { get; } =
        new([new PriceBand(Price.Zero, Price.One, 0.01m)], [new Band(0, Price.UnitsPerDollar, 100)]);

    public IReadOnlyList<PriceBand> Bands { get; }

    public static bool TryCreate(IEnumerable<PriceBand> bands, out TickStructure structure, out string error)
    {
        structure = LinearCent;
        var list = bands.OrderBy(b => b.Start).ToArray();
        if (list.Length == 0)
        {
            error = "no price ranges";
            return false;
        }

        var units = new Band[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            var band = list[i];
            error = !Fixed.TryToScaled(band.Step, Price.Decimals, out var step) || step <= 0
                    ? $"step {band.Step} is not a positive multiple of $0.0001"
                : band.End <= band.Start ? $"range {band.Start}-{band.End} is empty"
                : (band.End.Units - band.Start.Units) % step != 0 ? $"range {band.Start}-{band.End} is not a whole number of {band.Step} steps"
                : "";
            if (error.Length > 0)
                return false;
            units[i] = new Band(band.Start.Units, band.End.Units, (int)step);
        }

        error = "";
        structure = new TickStructure(list, units);
        return true;
    }

    public bool IsValid(Price price)
    {
        if (!price.IsTradable)
            return false;
        var p = price.Units;
        foreach (var band in _bands)
        {
            if (p >= band.Start && p <= band.End && (p - band.Start) % band.Step == 0)
                return true;
        }

        return false;
    }

    /// <summary>The highest valid price at or below <paramref name="price"/>; false when none is (a buy must not pay more).</summary>
    public bool TrySnapDown(Price price, out Price snapped)
    {
        var best = 0;
        foreach (var band in _bands)
        {
            if (price.Units < band.Start)
                continue;
            // 1 itself is never tradable: the highest candidate is one unit below it.
            var top = Math.Min(Math.Min(price.Units, band.End), Highest);
            best = Math.Max(best, band.Start + ((top - band.Start) / band.Step * band.Step));
        }

        return TryTradable(best, out snapped);
    }

    /// <summary>The lowest valid price at or above <paramref name="price"/>; false when none is (a sell must not take less).</summary>
    public bool TrySnapUp(Price price, out Price snapped)
    {
        var best = Price.UnitsPerDollar;
        foreach (var band in _bands)
        {
            if (price.Units > band.End)
                continue;
            var bottom = Math.Max(Math.Max(price.Units, band.Start), Lowest);
            var candidate = band.Start + ((bottom - band.Start + band.Step - 1) / band.Step * band.Step);
            if (candidate <= band.End)
                best = Math.Min(best, candidate);
        }

        return TryTradable(best, out snapped);
    }

    /// <summary>Snaps in the safe direction for the action: down for a buy, up for a sell.</summary>
    public bool TrySnap(Price price, OrderAction action, out Price snapped) =>
        action == OrderAction.Buy ? TrySnapDown(price, out snapped) : TrySnapUp(price, out snapped);

    /// <summary>The next valid price strictly above <paramref name="price"/>.</summary>
    public bool TryNextAbove(Price price, out Price next)
    {
        next = default;
        return price.Units < Highest && TrySnapUp(Price.FromUnits(price.Units + 1), out next);
    }

    /// <summary>The next valid price strictly below <paramref name="price"/>.</summary>
    public bool TryNextBelow(Price price, out Price next)
    {
        next = default;
        return price.Units > Lowest && TrySnapDown(Price.FromUnits(price.Units - 1), out next);
    }

    private static bool TryTradable(int units, out Price price)
    {
        price = units is >= Lowest and <= Highest ? Price.FromUnits(units) : default;
        return price.IsTradable;
    }

    private readonly record struct Band(int Start, int End, int Step);
}
