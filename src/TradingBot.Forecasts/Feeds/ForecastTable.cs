using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// One applied feed, immutable, so <c>Get</c> reads it without locks while a refresh builds the next one.
/// Rows naming the same market keep the newest <c>as_of</c> (the later row on a tie), so a feed may be an
/// append-only log. A ticker row beats a team row for the same market: it is the more exact of the two.
/// </summary>
internal sealed class ForecastTable
{
    private readonly Dictionary<string, FeedRow> _byTicker = new(StringComparer.Ordinal);
    private readonly Dictionary<FeedTeamKey, FeedRow> _byTeam = [];

    public static readonly ForecastTable Empty = new([]);

    public ForecastTable(IEnumerable<FeedRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Ticker is { } ticker)
                Keep(_byTicker, ticker.Value, row);
            else if (row.TeamKey is { } key)
                Keep(_byTeam, key, row);
        }
    }

    public int Count => _byTicker.Count + _byTeam.Count;

    public Forecast? Find(ForecastRequest request, LookupProblems problems)
    {
        if (_byTicker.TryGetValue(request.Ticker.Value, out var exact))
            return ToForecast(exact);
        if (_byTeam.Count == 0)
            return null;
        if (!MarketResolver.TryResolve(request, out var market, out var problem))
        {
            if (problem is not null)
                problems.Add(request.Ticker.Value, problem);
            return null;
        }

        var game = market.Event;
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

    private static Forecast ToForecast(FeedRow row) => new(row.Yes, row.AsOf);

    private static void Keep<TKey>(Dictionary<TKey, FeedRow> rows, TKey key, FeedRow row)
        where TKey : notnull
    {
        if (!rows.TryGetValue(key, out var kept) || row.AsOf >= kept.AsOf)
            rows[key] = row;
    }
}
