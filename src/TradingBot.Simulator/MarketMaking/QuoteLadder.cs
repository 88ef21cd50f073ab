using TradingBot.Core.Values;

namespace TradingBot.Simulator.MarketMaking;

/// <summary>One resting quote a maker wants: side of the YES leg, price on the market's grid, whole contracts.</summary>
public readonly record struct MakerQuote(BookSide Side, Price Price, Contracts Size);

/// <summary>
/// The quotes one maker wants in one market. Every bid is strictly below the consensus and every ask strictly
/// above it, for every maker alike, so makers quoting the same consensus can never cross each other. Prices are
/// rounded away from the consensus onto the market's tick grid: a maker never quotes tighter than it meant to.
/// </summary>
public static class QuoteLadder
{
    public static IReadOnlyList<MakerQuote> Build(MarketMakerOptions options, int makerIndex, double consensus, TimeSpan toStart, TickStructure ticks)
    {
        var shape = Shape(options, toStart);
        var step = ToUnits(options.LevelStep);
        var centre = consensus * Price.UnitsPerDollar;
        var quotes = new List<MakerQuote>();
        for (var level = 0; level < shape.Levels; level++)
        {
            var distance = shape.HalfSpreadUnits + ((makerIndex + level) * step);
            var bid = (int)Math.Floor(centre - distance);
            var ask = (int)Math.Ceiling(centre + distance);
            if (bid >= 1 && ticks.TrySnapDown(Price.FromUnits(Math.Min(bid, Price.UnitsPerDollar - 1)), out var bidPrice))
                Add(quotes, new MakerQuote(BookSide.Bid, bidPrice, shape.Size));
            if (ask < Price.UnitsPerDollar && ticks.TrySnapUp(Price.FromUnits(Math.Max(ask, 1)), out var askPrice))
                Add(quotes, new MakerQuote(BookSide.Ask, askPrice, shape.Size));
        }

        return quotes;
    }

    /// <summary>Half-spread, levels and size for a market <paramref name="toStart"/> before its game (negative: in play).</summary>
    public static LadderShape Shape(MarketMakerOptions options, TimeSpan toStart)
    {
        if (toStart <= TimeSpan.Zero)
            return new LadderShape(ToUnits(options.InGameHalfSpread), options.NearLevels, Contracts.Whole(options.NearSize));
        var near = Math.Clamp(1 - (toStart / options.FarFromStart), 0, 1);
        var half = Lerp(ToUnits(options.FarHalfSpread), ToUnits(options.NearHalfSpread), near);
        var levels = Lerp(options.FarLevels, options.NearLevels, near);
        var size = Lerp(options.FarSize, options.NearSize, near);
        return new LadderShape(Math.Max(1, (int)Math.Round(half)), (int)Math.Round(levels), Contracts.Whole((long)Math.Round(size)));
    }

    private static double Lerp(double far, double near, double weight) => far + ((near - far) * weight);

    private static int ToUnits(decimal dollars) => (int)decimal.Round(dollars * Price.UnitsPerDollar, MidpointRounding.AwayFromZero);

    /// <summary>A coarse grid can snap two levels onto one tick: they become one bigger quote.</summary>
    private static void Add(List<MakerQuote> quotes, MakerQuote quote)
    {
        var same = quotes.FindIndex(q => q.Side == quote.Side && q.Price == quote.Price);
        if (same < 0)
            quotes.Add(quote);
        else
            quotes[same] = quote with { Size = quotes[same].Size + quote.Size };
    }
}

/// <summary>How wide, how deep and how thick a maker's ladder is: half-spread in $0.0001 units, levels per side, size per level.</summary>
public readonly record struct LadderShape(int HalfSpreadUnits, int Levels, Contracts Size);
