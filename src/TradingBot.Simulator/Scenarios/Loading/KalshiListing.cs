using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>
/// How Kalshi lists a game's events and markets, copied from real replies (the simulator tests keep the ones compared
/// against, with their sources): competitions, subtitles, titles, strikes. A scenario's defaults come from here, so
/// paper mode shows the bot what the exchange shows it.
/// </summary>
internal static class KalshiListing
{
    /// <summary>
    /// <c>product_metadata.competition</c> by league, as the real replies name it ("Pro Football", "NCAA Football").
    /// "Pro Hockey" is not seen in a real reply: it is the name get-milestones.md gives. A league not listed is its own
    /// competition.
    /// </summary>
    public static string Competition(string league) => league switch
    {
        "NFL" => "Pro Football",
        "NCAAF" => "NCAA Football",
        "NBA" => "Pro Basketball (M)",
        "WNBA" => "Pro Basketball (W)",
        "MLB" => "Pro Baseball",
        "NHL" => "Pro Hockey",
        _ => league,
    };

    /// <summary><c>product_metadata.competition_scope</c>: "Game" for winners, "Spread", "Point Total" (also for runs).</summary>
    public static string Scope(IEnumerable<MarketKind> kinds) => kinds.Distinct().ToList() switch
    {
        [MarketKind.Spread] => "Spread",
        [MarketKind.Total] => "Point Total",

        // A hand-written event mixing kinds has no Kalshi counterpart; it is about the game.
        _ => "Game",
    };

    /// <summary>"DET vs CIN (Aug 13)": the teams' codes, away first, and the game's day in New York.</summary>
    public static string SubTitle(string away, string home, DateTimeOffset start) =>
        $"{away} vs {home} ({ScenarioTimes.InEastern(start, "MMM d")})";

    /// <summary>"Detroit vs Cincinnati", with ": Spread", ": Total" (baseball ": Total Runs") for those events.</summary>
    public static string EventTitle(string gameTitle, string league, string scope) => scope switch
    {
        "Spread" => $"{gameTitle}: Spread",
        "Point Total" => league == "MLB" ? $"{gameTitle}: Total Runs" : $"{gameTitle}: Total",
        _ => gameTitle,
    };

    /// <summary>
    /// A market's title and YES subtitle (the NO subtitle repeats it, as on Kalshi), worded as real markets are:
    /// "Will Detroit win the Detroit vs Cincinnati Pro Football game?" / "Detroit"; "Detroit wins by over 1.5 points?"
    /// / "Detroit wins by over 1.5 points"; "Full Game: over 49.5 points scored?" / "Over 49.5 points scored".
    /// </summary>
    public static (string Title, string YesSubTitle) MarketTitles(MarketKind kind, string league, string gameTitle, string? teamName, decimal? line)
    {
        var over = line?.ToString(CultureInfo.InvariantCulture);
        var unit = Unit(league);
        return kind switch
        {
            MarketKind.Winner => (league switch
            {
                "NFL" => $"Will {teamName} win the {gameTitle} Pro Football game?",
                "NCAAF" => $"Will {teamName} win the {gameTitle} college football game?",
                _ => $"{gameTitle} Winner?",
            }, teamName!),
            MarketKind.Spread => ($"{teamName} wins by over {over} {unit}?", $"{teamName} wins by over {over} {unit}"),
            _ => (league switch
            {
                "NFL" or "NCAAF" => $"Full Game: over {over} points scored?",
                "MLB" => $"{gameTitle} Total Runs?",
                _ => $"{gameTitle}: Over {over} {unit}?",
            }, $"Over {over} {unit} scored"),
        };
    }

    /// <summary>
    /// What Kalshi states a market pays on: a winner is <c>structured</c> on its team; a spread is <c>greater</c> than
    /// its line for its team; a total is <c>greater</c> than its line. Teams are named by an id, as Kalshi's
    /// <c>custom_strike</c> does (<c>{"football_team": "f95a55a7-…"}</c>); here a stable one per league and code.
    /// </summary>
    public static MarketStrike Strike(MarketKind kind, string league, string? team, decimal? line)
    {
        var custom = team is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [TeamKey(league)] = StableId.Of($"team:{league}:{team}") };
        return kind == MarketKind.Winner ? new MarketStrike("structured", null, null, custom) : new MarketStrike("greater", line, null, custom);
    }

    /// <summary>The ticker suffix Kalshi gives a line market: the team (spreads) and N, where the line is N − 0.5.</summary>
    public static string LineSuffix(MarketKind kind, string? team, decimal line) =>
        (kind == MarketKind.Spread ? team : "") + (line + 0.5m).ToString("0", CultureInfo.InvariantCulture);

    private static string Unit(string league) => league switch
    {
        "MLB" => "runs",
        "NHL" => "goals",
        _ => "points",
    };

    private static string TeamKey(string league) => league switch
    {
        "NFL" or "NCAAF" => "football_team",
        "NBA" or "WNBA" or "NCAAMB" => "basketball_team",
        "MLB" => "baseball_team",
        "NHL" => "hockey_team",
        _ => "team",
    };
}
