using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradingBot.Simulator.Scenarios.Loading;

namespace TradingBot.Simulator.Scenarios.Demo;

/// <summary>What the demo slate holds: how many games per league, and which leagues.</summary>
public sealed record DemoSlateOptions
{
    /// <summary>Regular-season games of each professional league.</summary>
    public int GamesPerLeague { get; init; } = 4;

    /// <summary>Games of each college league: one is enough for paper mode to trade a college market.</summary>
    public int CollegeGames { get; init; } = 1;

    /// <summary>
    /// Preseason games of a league that has them (NFL), beside its regular season: Kalshi lists them in the same
    /// series, told apart only by the event's competition, so paper mode shows the bot one to refuse.
    /// </summary>
    public int PreseasonGames { get; init; } = 1;

    public IReadOnlyList<string> Leagues { get; init; } = ["NFL", "NBA", "MLB", "NHL", "NCAAF"];
}

/// <summary>
/// A plausible slate scheduled around now: per league, games cycling through in progress, starting soon, later
/// today and tomorrow; a winner event (both teams, one mirroring the other), a spread event and a total event per
/// game, under Kalshi-style series and tickers, with an NFL preseason game and a college football game among them.
/// Written as a scenario file, so it passes the same validation as any file and can be exported, edited and loaded
/// back. Deterministic for a seed and a now.
/// </summary>
public static class DemoSlate
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ScenarioLoadResult Create(DateTimeOffset now, int seed, DemoSlateOptions? options = null) =>
        ScenarioLoader.Parse(Json(now, seed, options), now);

    public static string Json(DateTimeOffset now, int seed, DemoSlateOptions? options = null)
    {
        options ??= new DemoSlateOptions();
        var leagues = options.Leagues.Select(code => DemoLeague.All.FirstOrDefault(l => l.Code == code)
            ?? throw new ArgumentException($"no demo league {code}; use {string.Join(", ", DemoLeague.All.Select(l => l.Code))}", nameof(options))).ToList();
        var series = new JsonArray();
        var events = new JsonArray();
        for (var index = 0; index < leagues.Count; index++)
        {
            var league = leagues[index];
            var regular = league.College ? options.CollegeGames : options.GamesPerLeague;
            var preseason = league.PreseasonCompetition is null ? 0 : options.PreseasonGames;
            if (regular < 1 || preseason < 0 || regular + preseason > league.Teams.Count / 2)
                throw new ArgumentOutOfRangeException(nameof(options), regular + preseason, $"{league.Code} has room for 1 to {league.Teams.Count / 2} games");
            series.Add(Series(league.WinnerSeries, $"{league.Sport} Game", "quadratic_with_maker_fees"));
            series.Add(Series(league.SpreadSeries, $"{league.Sport} Spread", "quadratic"));
            series.Add(Series(league.TotalSeries, $"{league.Sport} Total", "quadratic"));
            var random = new Random(unchecked((seed * 31) + index));
            var teams = league.Teams.ToArray();
            random.Shuffle(teams);
            for (var game = 0; game < regular + preseason; game++)
            {
                var start = StartTime(now, (game + index) % 4, random);
                var competition = game < regular ? KalshiListing.Competition(league.Code) : league.PreseasonCompetition!;
                foreach (var simEvent in new DemoGame(league, competition, teams[2 * game], teams[(2 * game) + 1], start, now, random).Events())
                    events.Add(simEvent);
            }
        }

        var scenario = new JsonObject
        {
            ["name"] = $"demo slate (seed {seed.ToString(CultureInfo.InvariantCulture)})",
            ["seed"] = seed,
            ["settlement_delay"] = "5m",
            ["series"] = series,
            ["events"] = events,
        };
        return scenario.ToJsonString(Indented);
    }

    /// <summary>One of four kinds of start: in progress, soon, later today, tomorrow; on a five-minute mark.</summary>
    private static DateTimeOffset StartTime(DateTimeOffset now, int kind, Random random)
    {
        var fiveMinutes = TimeSpan.FromMinutes(5);
        var mark = new DateTimeOffset((now.UtcTicks + fiveMinutes.Ticks - 1) / fiveMinutes.Ticks * fiveMinutes.Ticks, TimeSpan.Zero);
        var minutes = kind switch
        {
            0 => -5 * random.Next(3, 15),
            1 => 5 * random.Next(2, 12),
            2 => 5 * random.Next(24, 96),
            _ => 5 * random.Next(240, 360),
        };
        return mark + TimeSpan.FromMinutes(minutes);
    }

    private static JsonObject Series(string ticker, string title, string feeType) => new()
    {
        ["ticker"] = ticker,
        ["title"] = title,
        ["category"] = "Sports",
        ["fee_type"] = feeType,
        ["fee_multiplier"] = 1,
    };
}
