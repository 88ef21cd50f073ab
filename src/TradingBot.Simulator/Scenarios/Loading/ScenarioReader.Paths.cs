using TradingBot.Core.Values;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>Fair paths and price grids.</summary>
internal sealed partial class ScenarioReader
{
    private PathSpec? ReadPath(JsonFields fields, string ticker)
    {
        var start = fields.Double("start_probability", true, 0.01, 0.99);
        var volatility = fields.Double("volatility", false, 0, 5) ?? 0.1;
        var inGame = fields.Double("in_game_volatility", false, 0, 5) ?? 0.8;
        var jumpRate = fields.Double("jump_rate", false, 0, 120) ?? 0;
        var jumpSize = fields.Double("jump_size", false, 0.01, 3) ?? 0.3;
        var seed = fields.Int("seed", false, int.MinValue, int.MaxValue) ?? SeedFor(ticker);
        fields.Finish();
        return start is { } probability ? new PathSpec(probability, volatility, inGame, jumpRate, jumpSize, seed) : null;
    }

    /// <summary>Kalshi's <c>price_ranges</c>: bands of valid prices that together cover $0 to $1.</summary>
    private static TickStructure? ReadPriceRanges(JsonFields fields)
    {
        if (!fields.Has("price_ranges"))
            return null;
        var ranges = fields.Objects("price_ranges", required: true);
        var bands = new List<PriceBand>();
        var complete = true;
        foreach (var (range, _) in ranges)
        {
            var start = ReadPrice(range, "start");
            var end = ReadPrice(range, "end");
            var step = range.Decimal("step", true, 0.0001m, 1m);
            range.Finish();
            if (start is null || end is null || step is null)
                complete = false;
            else
                bands.Add(new PriceBand(start.Value, end.Value, step.Value));
        }

        if (!complete || bands.Count == 0)
            return null;
        if (!TickStructure.TryCreate(bands, out var ticks, out var error))
        {
            fields.Problem("price_ranges", error);
            return null;
        }

        var ordered = bands.OrderBy(b => b.Start).ToList();
        var covers = ordered[0].Start == Price.Zero && ordered[^1].End == Price.One
            && ordered.Zip(ordered.Skip(1)).All(pair => pair.First.End == pair.Second.Start);
        if (covers)
            return ticks;
        fields.Problem("price_ranges", "the ranges must cover 0 to 1, each starting where the last ended");
        return null;
    }

    private static Price? ReadPrice(JsonFields fields, string name)
    {
        if (fields.Decimal(name, true, 0m, 1m) is not { } dollars)
            return null;
        if (Price.TryFromDollars(dollars, out var price))
            return price;
        fields.Problem(name, "has more than 4 decimals");
        return null;
    }
}
