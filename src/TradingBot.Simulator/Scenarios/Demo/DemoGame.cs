using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Simulator.Scenarios.Loading;

namespace TradingBot.Simulator.Scenarios.Demo;

/// <summary>
/// One demo game as its three Kalshi events: winner, spread and total. Titles, subtitles and strikes are left to the
/// scenario reader's defaults, which word them as Kalshi does from the teams' names and the lines.
/// </summary>
internal sealed class DemoGame(DemoLeague league, string competition, DemoTeam home, DemoTeam away, DateTimeOffset start, DateTimeOffset now, Random random)
{
    /// <summary>Subpenny ticks in the tails, as Kalshi lists some markets: 0.001 below 10¢ and above 90¢.</summary>
    private static readonly (string Start, string End, string Step)[] SubpennyTails =
        [("0.0000", "0.1000", "0.0010"), ("0.1000", "0.9000", "0.0100"), ("0.9000", "1.0000", "0.0010")];

    public IEnumerable<JsonObject> Events()
    {
        var suffix = $"{TickerDate()}{away.Code}{home.Code}";
        var homeWins = Round(Uniform(0.28, 0.75));
        var favourite = homeWins >= 0.5 ? home : away;
        var strength = Math.Abs(homeWins - 0.5);

        var winner = $"{league.WinnerSeries}-{suffix}";
        yield return Event(winner, league.WinnerSeries,
        [
            Market($"{winner}-{home.Code}", "winner", home.Code, null, SubpennyTails, Path(homeWins)),
            Market($"{winner}-{away.Code}", "winner", away.Code, null, SubpennyTails, mirrorOf: $"{winner}-{home.Code}"),
        ]);

        // Football and basketball set the line near even money; baseball and hockey use a fixed 1.5 run/puck line.
        var spreadLine = league.SpreadPerStrength > 0 ? 1.5m + (int)(strength * league.SpreadPerStrength) : 1.5m;
        var coversChance = league.SpreadPerStrength > 0 ? Uniform(0.44, 0.56) : Math.Clamp((0.5 + strength) * Uniform(0.5, 0.65), 0.15, 0.6);
        // Kalshi names a line by N = line + 0.5: over 1.5 is -DAL2, over 47.5 is -48.
        var spread = $"{league.SpreadSeries}-{suffix}";
        yield return Event(spread, league.SpreadSeries,
            [Market($"{spread}-{KalshiListing.LineSuffix(MarketKind.Spread, favourite.Code, spreadLine)}", "spread", favourite.Code, spreadLine, null, Path(Round(coversChance)))]);

        var totalLine = league.BaseTotal + random.Next(league.TotalRange);
        var total = $"{league.TotalSeries}-{suffix}";
        yield return Event(total, league.TotalSeries,
            [Market($"{total}-{KalshiListing.LineSuffix(MarketKind.Total, null, totalLine)}", "total", null, totalLine, null, Path(Round(Uniform(0.44, 0.56))))]);
    }

    private JsonObject Event(string ticker, string series, JsonArray markets) => new()
    {
        ["ticker"] = ticker,
        ["series"] = series,
        ["league"] = league.Code,
        ["competition"] = competition,
        ["home"] = home.Code,
        ["away"] = away.Code,
        ["home_name"] = home.Name,
        ["away_name"] = away.Name,
        ["start"] = Iso(start),
        ["duration"] = $"{(int)league.Duration.TotalMinutes}m",
        ["markets"] = markets,
    };

    private JsonObject Market(string ticker, string type, string? team, decimal? line, (string, string, string)[]? ranges, JsonObject? path = null, string? mirrorOf = null)
    {
        var market = new JsonObject { ["ticker"] = ticker, ["type"] = type };
        if (team is not null)
            market["team"] = team;
        if (line is not null)
            market["line"] = line;
        // Listed an hour ago, so the whole slate trades from the moment it is loaded; open a while after the game.
        market["open"] = Iso(now - TimeSpan.FromHours(1));
        market["close"] = Iso(start + league.Duration + TimeSpan.FromHours(3));
        if (ranges is not null)
            market["price_ranges"] = Ranges(ranges);
        if (path is not null)
            market["path"] = path;
        if (mirrorOf is not null)
            market["mirror_of"] = mirrorOf;
        return market;
    }

    private JsonObject Path(double startProbability) => new()
    {
        ["start_probability"] = startProbability,
        ["volatility"] = Round(Uniform(0.05, 0.12)),
        ["in_game_volatility"] = league.InGameVolatility,
        ["jump_rate"] = league.JumpRate,
        ["jump_size"] = league.JumpSize,
        ["seed"] = random.Next(),
    };

    private static JsonArray Ranges((string Start, string End, string Step)[] ranges) =>
        [.. ranges.Select(r => (JsonNode)new JsonObject { ["start"] = r.Start, ["end"] = r.End, ["step"] = r.Step })];

    /// <summary>Kalshi dates game tickers by the day in New York (26SEP13); baseball's add the start (26AUG072140).</summary>
    private string TickerDate() =>
        ScenarioTimes.InEastern(start, league.TickerHasStartTime ? "yyMMMddHHmm" : "yyMMMdd").ToUpperInvariant();

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private double Uniform(double low, double high) => low + ((high - low) * random.NextDouble());

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
