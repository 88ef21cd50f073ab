namespace TradingBot.Core.Values;

/// <summary>One of a market's <c>price_ranges</c>: valid prices are start, start + step, … up to end.</summary>
public readonly record struct PriceBand(Price Start, Price End, decimal Step);

/// <summary>
/// The prices a market accepts, from its <c>price_ranges</c> (subpenny markets tick finer near 0 and 1).
/// Only prices strictly between 0 and 1 are valid for an order. Snapping moves a wanted price to a valid tick
/// in the direction that never costs more than intended: down for a buy, up for a sell.
/// </summary>
public sealed class TickStructure
{
    private readonly PriceBand[] _bands;

    private TickStructure(PriceBand[] bands) => _bands = bands;

    /// <summary>Kalshi's <c>linear_cent</c> structure: every cent from $0.01 to $0.99. Used when a market sends no ranges.</summary>
    public static TickStructure LinearCent { get; } = new([new PriceBand(Price.Zero, Price.One, 0.01m)]);

    public IReadOnlyList<PriceBand> Bands => _bands;

    public static bool TryCreate(IEnumerable<PriceBand> bands, out TickStructure structure, out string error)
    {
        structure = LinearCent;
        var list = bands.OrderBy(b => b.Start).ToArray();
        error = "";
        if (list.Length == 0)
        {
            error = "no price ranges";
            return false;
        }

        foreach (var band in list)
        {
            if (band.Step < Price.MinimumStep || !Fixed.HasAtMostDecimals(band.Step, Price.Decimals))
                error = $"step {band.Step} is not a positive multiple of $0.0001";
            else if (band.End <= band.Start)
                error = $"range {band.Start}-{band.End} is empty";
            else if ((band.End.Dollars - band.Start.Dollars) % band.Step != 0m)
                error = $"range {band.Start}-{band.End} is not a whole number of {band.Step} steps";
            if (error.Length > 0)
                return false;
        }

        structure = new TickStructure(list);
        return true;
    }

    public bool IsValid(Price price)
    {
        if (!price.IsTradable)
            return false;
        foreach (var band in _bands)
        {
            if (price >= band.Start && price <= band.End && (price.Dollars - band.Start.Dollars) % band.Step == 0m)
                return true;
        }

        return false;
    }

    /// <summary>The highest valid price at or below <paramref name="price"/>; false when none is (a buy must not pay more).</summary>
    public bool TrySnapDown(Price price, out Price snapped)
    {
        var best = 0m;
        foreach (var band in _bands)
        {
            if (price < band.Start)
                continue;
            // 1 itself is never tradable: the highest candidate is one step below it.
            var top = Math.Min(Math.Min(price.Dollars, band.End.Dollars), 1m - Price.MinimumStep);
            var candidate = band.Start.Dollars + Fixed.FloorTo(top - band.Start.Dollars, band.Step);
            best = Math.Max(best, candidate);
        }

        return TryTradable(best, out snapped);
    }

    /// <summary>The lowest valid price at or above <paramref name="price"/>; false when none is (a sell must not take less).</summary>
    public bool TrySnapUp(Price price, out Price snapped)
    {
        var best = 1m;
        foreach (var band in _bands)
        {
            if (price > band.End)
                continue;
            var bottom = Math.Max(Math.Max(price.Dollars, band.Start.Dollars), Price.MinimumStep);
            var candidate = band.Start.Dollars + Fixed.CeilingTo(bottom - band.Start.Dollars, band.Step);
            if (candidate <= band.End.Dollars)
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
        return price.Dollars + Price.MinimumStep <= 1m
            && TrySnapUp(Price.FromDollars(price.Dollars + Price.MinimumStep), out next);
    }

    /// <summary>The next valid price strictly below <paramref name="price"/>.</summary>
    public bool TryNextBelow(Price price, out Price next)
    {
        next = default;
        return price.Dollars - Price.MinimumStep >= 0m
            && TrySnapDown(Price.FromDollars(price.Dollars - Price.MinimumStep), out next);
    }

    private static bool TryTradable(decimal dollars, out Price price)
    {
        price = default;
        return dollars > 0m && dollars < 1m && Price.TryFromDollars(dollars, out price);
    }
}
