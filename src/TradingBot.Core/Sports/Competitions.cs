namespace TradingBot.Core.Sports;

/// <summary>
/// Kalshi's names for the competitions of the leagues the bot prices (an event's
/// <c>product_metadata.competition</c>). One series can hold two competitions: <c>KXNFLGAME</c> lists "Pro Football"
/// and "Pro Football Preseason" side by side, and only this field tells a game of starters from one of backups.
/// The names marked "seen" are in real replies (tests/Shared/KalshiReplies); the others follow Kalshi's pattern and
/// are not yet confirmed by a reply: a competition that does not match any of them is simply not covered, so the
/// bot refuses its markets (COMPETITION_NOT_COVERED) rather than guess.
/// </summary>
public static class Competitions
{
    public const string PreseasonSuffix = " Preseason";

    /// <summary>The regular (and post-) season competitions, by league.</summary>
    public static readonly IReadOnlyDictionary<string, League> Regular = new Dictionary<string, League>(StringComparer.Ordinal)
    {
        ["Pro Football"] = League.Nfl, // seen
        ["Pro Basketball (M)"] = League.Nba, // seen
        ["Pro Baseball"] = League.Mlb, // seen
        ["Pro Hockey"] = League.Nhl,
        ["NCAA Football"] = League.Ncaaf, // seen
        ["NCAA Basketball (M)"] = League.Ncaamb,
    };

    public static bool IsPreseason(string competition) =>
        competition.EndsWith(PreseasonSuffix, StringComparison.OrdinalIgnoreCase) || competition.Contains("Preseason", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Pro Football" for "Pro Football Preseason": the competition whose models a preseason game would borrow.</summary>
    public static string SeasonOf(string competition) =>
        competition.EndsWith(PreseasonSuffix, StringComparison.OrdinalIgnoreCase) ? competition[..^PreseasonSuffix.Length] : competition;

    /// <summary>The competitions a source covers when it declares none of its own: the regular seasons above.</summary>
    public static bool IsKnownRegular(string competition) => Regular.ContainsKey(competition);
}
