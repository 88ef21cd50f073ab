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
/// <item>market suffix: winner <c>-DAL</c>, tie <c>-TIE</c>, spread <c>-DAL7</c> (Dallas wins by more than 7.5),
/// total <c>-45</c> (more than 45.5 points). Kalshi's lines are half-points so no game pushes: a whole number N in
/// a ticker stands for N + 0.5; a number written with a decimal point is taken as it stands.</item>
/// </list>
/// The market's own title ("wins by over 7.5 points") is the final word on the line; see <see cref="LineInTitle"/>.
/// </summary>
public static class SportsTickers
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public static bool TryParseEvent(string? ticker, [NotNullWhen(true)] out SportsEvent? sportsEvent, [NotNullWhen(false)] out string? error)
    {
        sportsEvent = null;
        var parts = (ticker ?? "").Split('-');
        if (parts.Length != 2)
            return Fail($"'{ticker}' is not a sports event ticker (SERIES-yyMMMddAWAYHOME)", out error);
        return TryParseEventParts(parts[0], parts[1], out sportsEvent, out error);
    }

    public static bool TryParseMarket(string? ticker, [NotNullWhen(true)] out SportsMarket? market, [NotNullWhen(false)] out string? error)
    {
        market = null;
        var parts = (ticker ?? "").Split('-');
        if (parts.Length != 3)
            return Fail($"'{ticker}' is not a sports market ticker (SERIES-yyMMMddAWAYHOME-SUFFIX)", out error);
        if (!TryParseEventParts(parts[0], parts[1], out var game, out error))
            return false;
        return TryParseSuffix(game, parts[2], ticker!, out market, out error);
    }

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

    private static bool TryParseEventParts(string series, string body, [NotNullWhen(true)] out SportsEvent? sportsEvent, [NotNullWhen(false)] out string? error)
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
        if (!TeamCatalog.HasCatalog(league))
            return Fail($"{league.SeriesToken()} has no team catalog: '{codes}' cannot be mapped to teams", out error);
        if (!TrySplitCodes(league, codes, out var away, out var home, out error))
            return false;
        sportsEvent = new SportsEvent(series, league, kind, date, start, away, home);
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
        team = TeamCatalog.ByTickerCode(game.League, code);
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
        line = text.Contains('.', StringComparison.Ordinal) ? value : value + 0.5m;
        return true;
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
