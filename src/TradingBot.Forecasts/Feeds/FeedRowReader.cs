using System.Globalization;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// Turns one row's fields into a <see cref="FeedRow"/> or the reason it is bad. CSV and JSON rows both come here
/// as text, so both formats obey exactly the same rules (see the Forecasts README).
/// </summary>
internal static class FeedRowReader
{
    public const string Ticker = "ticker";
    public const string League = "league";
    public const string Date = "date";
    public const string Team = "team";
    public const string Opponent = "opponent";
    public const string Market = "market";
    public const string Line = "line";
    public const string ProbabilityField = "probability";
    public const string AsOf = "as_of";

    /// <summary>A forecast stamped later than this past the load time is refused: it would look fresher than it is.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static FeedRow Read(string where, Func<string, string> field, DateTimeOffset now)
    {
        var probabilityText = field(ProbabilityField);
        if (!decimal.TryParse(probabilityText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !Probability.TryFromValue(value, out var yes))
            throw new FeedRowException($"probability '{probabilityText}' is not a number between 0 and 1");
        var asOf = ReadTime(field(AsOf));
        if (asOf - now > FutureTolerance)
            throw new FeedRowException($"as_of {field(AsOf)} is in the future (loaded at {now.ToString("O", CultureInfo.InvariantCulture)})");

        var ticker = field(Ticker);
        string[] teamFields = [field(League), field(Date), field(Team), field(Opponent), field(Market), field(Line)];
        if (ticker.Length > 0)
        {
            if (teamFields.Any(f => f.Length > 0))
                throw new FeedRowException("give either a ticker or league, date and team, not both");
            if (!MarketTicker.TryParse(ticker, out var parsed))
                throw new FeedRowException($"'{ticker}' is not a Kalshi market ticker");
            return new FeedRow(where, parsed, null, yes, asOf);
        }

        return ReadTeamRow(where, field, yes, asOf);
    }

    /// <summary>ISO 8601 with an explicit offset or Z: a time without a zone could be read hours off.</summary>
    public static DateTimeOffset ReadTime(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var zoned = t > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(t).IndexOfAny('+', '-') > 0);
        if (!zoned || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            throw new FeedRowException($"as_of '{text}' is not an ISO 8601 time with an offset (e.g. 2026-09-13T17:00:00Z)");
        return at;
    }

    /// <summary>
    /// A row by league, date and team. Leagues with a team catalog resolve the team now; college rows keep the school
    /// (and opponent) as written, matched against each listed game's schools when a market asks.
    /// </summary>
    private static FeedRow ReadTeamRow(string where, Func<string, string> field, Probability yes, DateTimeOffset asOf)
    {
        var leagueText = field(League);
        if (leagueText.Length == 0)
            throw new FeedRowException("a row needs a ticker, or league, date and team");
        if (!Leagues.TryParse(leagueText, out var league))
            throw new FeedRowException($"league '{leagueText}' is not one of {string.Join(", ", Enum.GetValues<League>().Select(l => l.SeriesToken()))} (use a ticker for other leagues)");
        if (!DateOnly.TryParseExact(field(Date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FeedRowException($"date '{field(Date)}' is not yyyy-MM-dd");
        var (kind, line) = ReadKindAndLine(field);

        var team = field(Team);
        var opponent = field(Opponent);
        if (!TeamCatalog.HasCatalog(league))
        {
            if (SchoolName.Of(team).Normalized.Length == 0)
                throw new FeedRowException($"team '{team}' names no school");
            if (opponent.Length > 0 && SchoolName.Of(opponent).Normalized.Length == 0)
                throw new FeedRowException($"opponent '{opponent}' names no school");
            var school = new FeedSchoolKey(league, date, SchoolName.Of(team), opponent.Length > 0 ? SchoolName.Of(opponent) : null, kind, line);
            return new FeedRow(where, null, null, yes, asOf, school);
        }

        if (opponent.Length > 0)
            throw new FeedRowException($"opponent is read only for college rows ({league.SeriesToken()} teams are known by name)");
        var lookup = TeamCatalog.Find(league, team);
        if (!lookup.Found)
            throw new FeedRowException(lookup.Problem!);
        return new FeedRow(where, null, new FeedTeamKey(league, date, lookup.Team.Code, kind, line), yes, asOf);
    }

    private static (SportsMarketKind Kind, decimal? Line) ReadKindAndLine(Func<string, string> field)
    {
        var marketText = field(Market);
        var kind = marketText.ToUpperInvariant() switch
        {
            "" or "WINNER" => SportsMarketKind.Winner,
            "SPREAD" => SportsMarketKind.Spread,
            "TOTAL" => SportsMarketKind.Total,
            _ => throw new FeedRowException($"market '{marketText}' is not winner, spread or total"),
        };
        var lineText = field(Line);
        if (kind == SportsMarketKind.Winner)
        {
            if (lineText.Length > 0)
                throw new FeedRowException("a winner row has no line");
            return (kind, null);
        }

        if (!decimal.TryParse(lineText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            throw new FeedRowException($"line '{lineText}' is not a positive number (a {marketText} row needs one)");
        return (kind, parsed);
    }
}

/// <summary>Thrown only inside row reading and caught per row, so one bad row never stops the rest.</summary>
internal sealed class FeedRowException(string message) : Exception(message);
