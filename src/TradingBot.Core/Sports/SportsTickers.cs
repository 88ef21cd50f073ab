using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TradingBot.Core.Sports;

/// <summary>What a Kalshi sports market pays on: the game's winner, a tie, a winning margin, or the combined score.</summary>
public enum SportsMarketKind
{
    Winner,
    Tie,
    Spread,
    Total,
}

/// <summary>
/// One game as a Kalshi event ticker names it. <see cref="Date"/> is the game's calendar date as Kalshi writes it
/// (US Eastern); <see cref="StartTime"/> is present only when the ticker carries an HHMM after the date (as
/// baseball tickers do, to tell a doubleheader's games apart).
/// </summary>
public sealed record SportsEvent(string Series, League League, SportsMarketKind SeriesKind, DateOnly Date, TimeOnly? StartTime, Team Away, Team Home)
{
    public bool Involves(Team team) => team == Away || team == Home;

    /// <summary>The start the ticker carries (its date and HHmm, US Eastern), or null when it gives the date only.</summary>
    public DateTimeOffset? TickerStart => StartTime is { } time ? SportsTickers.EasternInstant(Date, time) : null;
}

/// <summary>
/// One market of a game. <see cref="Team"/> is the winner market's team, or the team that must win by more than
/// <see cref="Line"/> for a spread; a total pays when the combined score is over <see cref="Line"/>.
/// </summary>
public sealed record SportsMarket(SportsEvent Event, SportsMarketKind Kind, Team? Team, decimal? Line);

/// <summary>
/// Parses Kalshi sports tickers. The rule, with the example <c>KXNFLSPREAD-26SEP13DALNYG-DAL7</c>:
/// <list type="bullet">
/// <item>series = <c>KX</c> + league token (NFL, NBA, MLB, NHL, NCAAF, NCAAMB) + kind (GAME, SPREAD, TOTAL);</item>
/// <item>then <c>-yyMMMdd</c> (26SEP13), optionally followed by a 24-hour <c>HHmm</c> start time;</item>
/// <item>then the away team's code and the home team's code with no separator (DAL then NYG). Codes are 2 to 4
/// letters, so the split is found by trying every cut; a run of letters that splits two ways is refused;</item>
/// <item>market suffix: winner <c>-DAL</c>, tie <c>-TIE</c>, spread <c>-DAL7</c> (Dallas wins by over 6.5),
/// total <c>-45</c> (over 44.5 points). Kalshi's lines are half-points so no game pushes: a whole number N in a
/// ticker stands for N − 0.5 (<c>KXNFLSPREAD-26SEP17DETBUF-DET2</c> has <c>floor_strike</c> 1.5 and reads "Detroit
/// wins by over 1.5 points", as every real spread and total in the test corpus does); a number written with a
/// decimal point is taken as it stands.</item>
/// </list>
/// A league without a team catalog (college) parses only with the two teams its listing names
/// (<see cref="CollegeTeams"/>). The market's strike (<c>floor_strike</c>) is the final word on the line and the
/// ticker only a cross-check: see <see cref="SportsContracts"/>.
/// </summary>
public static class SportsTickers
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <param name="listed">The game's two teams as its listing names them, for a league without a catalog (college).</param>
    public static bool TryParseEvent(string? ticker, [NotNullWhen(true)] out SportsEvent? sportsEvent, [NotNullWhen(false)] out string? error, (Team Away, Team Home)? listed = null)
    {
        sportsEvent = null;
        var parts = (ticker ?? "").Split('-');
        if (parts.Length != 2)
            return Fail($"'{ticker}' is not a sports event ticker (SERIES-yyMMMddAWAYHOME)", out error);
        return TryParseEventParts(parts[0], parts[1], listed, out sportsEvent, out error);
    }

    /// <param name="listed">The game's two teams as its listing names them, for a league without a catalog (college).</param>
    public static bool TryParseMarket(string? ticker, [NotNullWhen(true)] out SportsMarket? market, [NotNullWhen(false)] out string? error, (Team Away, Team Home)? listed = null)
    {
        market = null;
        var parts = (ticker ?? "").Split('-');
        if (parts.Length != 3)
            return Fail($"'{ticker}' is not a sports market ticker (SERIES-yyMMMddAWAYHOME-SUFFIX)", out error);
        if (!TryParseEventParts(parts[0], parts[1], listed, out var game, out error))
            return false;
        return TryParseSuffix(game, parts[2], ticker!, out market, out error);
    }

    /// <summary>
    /// The start an event ticker carries (<c>KXMLBGAME-26AUG072140LADAZ</c>: 21:40 US Eastern on 7 August 2026), or
    /// null when it carries the date only or is no sports ticker. Teams are not looked at, so this works for every league.
    /// </summary>
    public static DateTimeOffset? StartInTicker(string? eventTicker)
    {
        var parts = (eventTicker ?? "").Split('-');
        if (parts.Length < 2 || !TryParseSeries(parts[0], out _, out _) || parts[1].Length < 11 || !TryParseDate(parts[1][..7], out var date))
            return null;
        return TimeOnly.TryParseExact(parts[1][7..11], "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && !char.IsAsciiDigit(parts[1].Length > 11 ? parts[1][11] : 'X')
            ? EasternInstant(date, time)
            : null;
    }

    /// <summary>A wall time in US Eastern on a date, as an instant (daylight saving applied).</summary>
    public static DateTimeOffset EasternInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local));
    }

    /// <summary>The league of a sports series or ticker (<c>KXNCAAFGAME-…</c> is NCAAF), whatever its teams.</summary>
    public static bool TryLeagueOf(string? ticker, out League league) => TryParseSeries((ticker ?? "").Split('-')[0], out league, out _);

    /// <summary>
    /// The half-point line a market's title or subtitle states ("over 7.5", "by more than 45.5 points"), or null
    /// when it states none. Used to check the ticker rule against what Kalshi actually wrote.
    /// </summary>
    public static decimal? LineInTitle(string? title)
    {
        if (string.IsNullOrEmpty(title))
            return null;
        for (var i = 0; i < title.Length; i++)
        {
            if (!char.IsAsciiDigit(title[i]) || (i > 0 && (char.IsAsciiDigit(title[i - 1]) || title[i - 1] == '.')))
                continue;
            var end = i;
            while (end < title.Length && (char.IsAsciiDigit(title[end]) || title[end] == '.'))
                end++;
            var number = title[i..end].TrimEnd('.');
            if (number.Contains('.', StringComparison.Ordinal)
                && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var line))
                return line;
            i = end;
        }

        return null;
    }

    private static bool TryParseEventParts(string series, string body, (Team Away, Team Home)? listed, [NotNullWhen(true)] out SportsEvent? sportsEvent, [NotNullWhen(false)] out string? error)
    {
        sportsEvent = null;
        if (!TryParseSeries(series, out var league, out var kind))
            return Fail($"'{series}' is not a sports series this bot knows (KX + NFL/NBA/MLB/NHL/NCAAF/NCAAMB + GAME/SPREAD/TOTAL)", out error);
        if (body.Length < 7 || !TryParseDate(body[..7], out var date))
            return Fail($"'{body}' does not start with a yyMMMdd date", out error);
        var rest = body[7..];
        TimeOnly? start = null;
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            digits++;
        if (digits == 4 && TimeOnly.TryParseExact(rest[..4], "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            start = time;
        else if (digits != 0)
            return Fail($"'{rest[..digits]}' after the date is not an HHmm start time", out error);
        var codes = rest[digits..];
        Team? away, home;
        if (!TeamCatalog.HasCatalog(league))
        {
            if (listed is not { } teams || teams.Away.League != league || teams.Home.League != league)
                return Fail($"{league.SeriesToken()} has no team catalog: '{codes}' maps to teams only with the event's listing (title and sub-title)", out error);
            if (codes != teams.Away.Code + teams.Home.Code)
                return Fail($"'{codes}' is not {teams.Away.Code} then {teams.Home.Code}, as the event's listing names them", out error);
            (away, home) = teams;
        }
        else if (!TrySplitCodes(league, codes, out away, out home, out error))
        {
            return false;
        }

        sportsEvent = new SportsEvent(series, league, kind, date, start, away!, home!);
        error = null;
        return true;
    }

    private static bool TryParseSuffix(SportsEvent game, string suffix, string ticker, [NotNullWhen(true)] out SportsMarket? market, [NotNullWhen(false)] out string? error)
    {
        market = null;
        var letters = 0;
        while (letters < suffix.Length && char.IsAsciiLetterUpper(suffix[letters]))
            letters++;
        var code = suffix[..letters];
        var number = suffix[letters..];
        switch (game.SeriesKind)
        {
            case SportsMarketKind.Winner when number.Length == 0 && code == "TIE":
                market = new SportsMarket(game, SportsMarketKind.Tie, null, null);
                break;
            case SportsMarketKind.Winner when number.Length == 0:
            case SportsMarketKind.Spread when code.Length > 0 && number.Length > 0:
                if (!TryTeamOf(game, code, ticker, out var team, out error))
                    return false;
                if (game.SeriesKind == SportsMarketKind.Winner)
                {
                    market = new SportsMarket(game, SportsMarketKind.Winner, team, null);
                    break;
                }

                if (!TryParseLine(number, out var margin))
                    return Fail($"'{number}' in '{ticker}' is not a spread line", out error);
                market = new SportsMarket(game, SportsMarketKind.Spread, team, margin);
                break;
            case SportsMarketKind.Total when code.Length == 0 && number.Length > 0:
                if (!TryParseLine(number, out var total))
                    return Fail($"'{number}' in '{ticker}' is not a total line", out error);
                market = new SportsMarket(game, SportsMarketKind.Total, null, total);
                break;
            default:
                return Fail($"'{suffix}' is not a {game.SeriesKind} market suffix in '{ticker}'", out error);
        }

        error = null;
        return true;
    }

    private static bool TryTeamOf(SportsEvent game, string code, string ticker, [NotNullWhen(true)] out Team? team, [NotNullWhen(false)] out string? error)
    {
        team = game.Away.Code == code ? game.Away : game.Home.Code == code ? game.Home : TeamCatalog.ByTickerCode(game.League, code);
        if (team is not null && game.Involves(team))
        {
            error = null;
            return true;
        }

        team = null;
        return Fail($"'{code}' in '{ticker}' is neither {game.Away.Code} nor {game.Home.Code}", out error);
    }

    private static bool TryParseLine(string text, out decimal line)
    {
        line = 0;
        if (text.Length == 0 || text.Length > 6 || text[0] == '.' || text[^1] == '.')
            return false;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        line = text.Contains('.', StringComparison.Ordinal) ? value : value - 0.5m;
        return line > 0;
    }

    /// <summary>Whether a ticker belongs to a sports series this parser knows, whatever else is wrong with it.</summary>
    public static bool IsSportsTicker(string? ticker) =>
        TryParseSeries((ticker ?? "").Split('-')[0], out _, out _);

    private static bool TryParseSeries(string series, out League league, out SportsMarketKind kind)
    {
        league = default;
        kind = default;
        if (!series.StartsWith("KX", StringComparison.Ordinal))
            return false;
        foreach (var candidate in Enum.GetValues<League>())
        {
            var token = "KX" + candidate.SeriesToken();
            if (!series.StartsWith(token, StringComparison.Ordinal))
                continue;
            var kindText = series[token.Length..];
            SportsMarketKind? parsed = kindText switch
            {
                "GAME" => SportsMarketKind.Winner,
                "SPREAD" => SportsMarketKind.Spread,
                "TOTAL" => SportsMarketKind.Total,
                _ => null,
            };
            if (parsed is { } found)
            {
                league = candidate;
                kind = found;
                return true;
            }
        }

        return false;
    }

    private static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var month = Array.IndexOf(Months, text[2..5]) + 1;
        if (month == 0 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[5]) || !char.IsAsciiDigit(text[6]))
            return false;
        var year = 2000 + ((text[0] - '0') * 10) + (text[1] - '0');
        var day = ((text[5] - '0') * 10) + (text[6] - '0');
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TrySplitCodes(League league, string codes, [NotNullWhen(true)] out Team? away, [NotNullWhen(true)] out Team? home, [NotNullWhen(false)] out string? error)
    {
        away = home = null;
        var splits = new List<(Team Away, Team Home)>();
        for (var cut = 1; cut < codes.Length; cut++)
        {
            var first = TeamCatalog.ByTickerCode(league, codes[..cut]);
            var second = TeamCatalog.ByTickerCode(league, codes[cut..]);
            if (first is not null && second is not null && first != second)
                splits.Add((first, second));
        }

        switch (splits.Count)
        {
            case 1:
                (away, home) = splits[0];
                error = null;
                return true;
            case 0:
                return Fail($"'{codes}' is not two {league.SeriesToken()} team codes", out error);
            default:
                return Fail($"'{codes}' splits into {league.SeriesToken()} teams more than one way ({string.Join(" / ", splits.Select(s => s.Away.Code + "+" + s.Home.Code))})", out error);
        }
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
