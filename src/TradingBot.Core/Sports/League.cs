namespace TradingBot.Core.Sports;

/// <summary>The competitions the bot trades. NCAA leagues parse from tickers but have no team catalog yet.</summary>
public enum League
{
    Nfl,
    Nba,
    Mlb,
    Nhl,
    Ncaaf,
    Ncaamb,
}

public static class Leagues
{
    /// <summary>The token Kalshi puts between <c>KX</c> and the market kind in a series ticker (KX<b>NFL</b>GAME).</summary>
    public static string SeriesToken(this League league) => league switch
    {
        League.Nfl => "NFL",
        League.Nba => "NBA",
        League.Mlb => "MLB",
        League.Nhl => "NHL",
        League.Ncaaf => "NCAAF",
        League.Ncaamb => "NCAAMB",
        _ => throw new ArgumentOutOfRangeException(nameof(league), league, "unknown league"),
    };

    /// <summary>
    /// The Odds API's <c>sport_key</c> for the league; null for leagues it does not cover the same way.
    /// A sport key we do not know maps to no league: events in it are reported, never guessed.
    /// </summary>
    public static string OddsApiSportKey(this League league) => league switch
    {
        League.Nfl => "americanfootball_nfl",
        League.Nba => "basketball_nba",
        League.Mlb => "baseball_mlb",
        League.Nhl => "icehockey_nhl",
        League.Ncaaf => "americanfootball_ncaaf",
        League.Ncaamb => "basketball_ncaab",
        _ => throw new ArgumentOutOfRangeException(nameof(league), league, "unknown league"),
    };

    public static bool TryFromOddsApiSportKey(string? sportKey, out League league)
    {
        foreach (var candidate in Enum.GetValues<League>())
        {
            if (string.Equals(candidate.OddsApiSportKey(), sportKey, StringComparison.OrdinalIgnoreCase))
            {
                league = candidate;
                return true;
            }
        }

        league = default;
        return false;
    }

    /// <summary>Accepts the enum name in any case (<c>nfl</c>, <c>NFL</c>) as operators write it in feeds.</summary>
    public static bool TryParse(string? text, out League league)
    {
        var trimmed = text?.Trim() ?? "";

        // Enum.TryParse also takes "3" as a value: a league is only ever named.
        if (trimmed.Length == 0 || !trimmed.All(char.IsAsciiLetter))
        {
            league = default;
            return false;
        }

        return Enum.TryParse(trimmed, ignoreCase: true, out league);
    }
}
