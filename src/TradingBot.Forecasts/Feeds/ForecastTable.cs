using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// One applied feed, immutable, so <c>Get</c> reads it without locks while a refresh builds the next one.
/// Rows naming the same market keep the newest <c>as_of</c> (the later row on a tie), so a feed may be an
/// append-only log. A ticker row beats a team row for the same market: it is the more exact of the two.
/// College rows (no catalog of schools) are kept by league, date, kind and line with the school as written, and
/// matched against the listed game's two schools when a market asks.
/// </summary>
internal sealed class ForecastTable
{
    private readonly Dictionary<string, FeedRow> _byTicker = new(StringComparer.Ordinal);
    private readonly Dictionary<FeedTeamKey, FeedRow> _byTeam = [];
    private readonly Dictionary<FeedSchoolKey, FeedRow> _bySchool = [];
    private readonly ILookup<(League, DateOnly, SportsMarketKind, decimal?), FeedRow> _schoolRows;

    public static readonly ForecastTable Empty = new([]);

    public ForecastTable(IEnumerable<FeedRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Ticker is { } ticker)
                Keep(_byTicker, ticker.Value, row);
            else if (row.TeamKey is { } key)
                Keep(_byTeam, key, row);
            else if (row.SchoolKey is { } school)
                Keep(_bySchool, school, row);
        }

        _schoolRows = _bySchool.ToLookup(r => (r.Key.League, r.Key.Date, r.Key.Kind, r.Key.Line), r => r.Value);
    }

    public int Count => _byTicker.Count + _byTeam.Count + _bySchool.Count;

    public Forecast? Find(ForecastRequest request, LookupProblems problems)
    {
        if (_byTicker.TryGetValue(request.Ticker.Value, out var exact))
            return ToForecast(exact);
        if (_byTeam.Count == 0 && _bySchool.Count == 0)
            return null;
        if (!MarketResolver.TryResolve(request, out var market, out var problem))
        {
            if (problem is not null)
                problems.Add(request.Ticker.Value, problem);
            return null;
        }

        var game = market.Event;
        if (!TeamCatalog.HasCatalog(game.League))
            return FindSchool(request, market, problems);
        switch (market.Kind)
        {
            case SportsMarketKind.Winner or SportsMarketKind.Spread:
                return _byTeam.TryGetValue(new FeedTeamKey(game.League, game.Date, market.Team!.Code, market.Kind, market.Line), out var row) ? ToForecast(row) : null;
            case SportsMarketKind.Total:
                _byTeam.TryGetValue(new FeedTeamKey(game.League, game.Date, game.Away.Code, SportsMarketKind.Total, market.Line), out var byAway);
                _byTeam.TryGetValue(new FeedTeamKey(game.League, game.Date, game.Home.Code, SportsMarketKind.Total, market.Line), out var byHome);
                if (byAway is not null && byHome is not null && byAway.Yes != byHome.Yes)
                {
                    problems.Add(request.Ticker.Value, $"{byAway.Where} and {byHome.Where} give this total different probabilities ({byAway.Yes} and {byHome.Yes})");
                    return null;
                }

                return (byAway ?? byHome) is { } either ? ToForecast(either) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The college row for a market: its school (for a total, either school) must be one of the game's two by the
    /// name rule. A row giving only the school must name it as Kalshi does or by an alias ("Michigan St.",
    /// "Michigan State"): "Michigan State Spartans" starts with Michigan too, and Michigan may play elsewhere that
    /// day. With the opponent also matched, a sportsbook-style name is safe. Rows that answer one market under two
    /// spellings must agree.
    /// </summary>
    private Forecast? FindSchool(ForecastRequest request, SportsMarket market, LookupProblems problems)
    {
        var game = market.Event;
        var found = new List<FeedRow>();
        foreach (var row in _schoolRows[(game.League, game.Date, market.Kind, market.Line)])
        {
            var key = row.SchoolKey!.Value;
            var school = SchoolNames.Match(key.School, game.Away, game.Home);
            if (school.Team is null)
            {
                if (school.Ambiguity is { } ambiguity)
                    problems.Add(request.Ticker.Value, $"{row.Where}: {ambiguity}");
                continue;
            }

            if (key.Opponent is { } opponentName)
            {
                var opponent = SchoolNames.Match(opponentName, game.Away, game.Home);
                if (opponent.Team is null || opponent.Team == school.Team)
                    continue;
            }
            else if (!school.Exact)
            {
                problems.Add(request.Ticker.Value, $"{row.Where}: '{key.School.Normalized}' starts with {school.Team.FullName} but is not its name; write the school as Kalshi does, or give the opponent too");
                continue;
            }

            if (market.Kind == SportsMarketKind.Total || school.Team == market.Team)
                found.Add(row);
        }

        if (found.Select(r => r.Yes).Distinct().Count() > 1)
        {
            problems.Add(request.Ticker.Value, $"{string.Join(" and ", found.Select(r => r.Where))} give this market different probabilities ({string.Join(" and ", found.Select(r => r.Yes))})");
            return null;
        }

        return found.Count == 0 ? null : ToForecast(found.MaxBy(r => r.AsOf)!);
    }

    private static Forecast ToForecast(FeedRow row) => new(row.Yes, row.AsOf);

    private static void Keep<TKey>(Dictionary<TKey, FeedRow> rows, TKey key, FeedRow row)
        where TKey : notnull
    {
        if (!rows.TryGetValue(key, out var kept) || row.AsOf >= kept.AsOf)
            rows[key] = row;
    }
}
