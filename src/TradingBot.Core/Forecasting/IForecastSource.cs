using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;

namespace TradingBot.Core.Forecasting;

/// <summary>
/// What a source is asked about: one market, with what the venue says about it and its game: the strike a spread or
/// total pays on, the event's short title ("MSU vs ND (Sep 19)", which names a college game's school codes) and its
/// competition ("Pro Football", null when the event does not say).
/// </summary>
public sealed record ForecastRequest(
    MarketTicker Ticker,
    EventTicker Event,
    string SeriesTicker,
    string EventTitle,
    string YesSubTitle,
    DateTimeOffset? GameStart,
    MarketStrike? Strike = null,
    string EventSubTitle = "",
    string? Competition = null);

/// <summary>A source's state, for the dashboard and the log: when it last had fresh data, and what went wrong if anything.</summary>
public sealed record ForecastSourceHealth(string Name, DateTimeOffset? LastUpdated, int Markets, string? Problem);

/// <summary>
/// Where probabilities come from: the operator's model feed, de-vigged sportsbook odds, Elo ratings, or a weighted
/// blend. <see cref="Get"/> is cheap and synchronous (it runs for every market of every scan); loading and polling
/// happen in <see cref="RefreshAsync"/>, which a schedule calls. A forecast carries its own time: the risk gate, not
/// the source, decides when it is too old to trade on.
/// </summary>
public interface IForecastSource
{
    string Name { get; }

    /// <summary>The latest probability the source has for the market's YES outcome, or null when it has none (unmapped, unknown).</summary>
    Forecast? Get(ForecastRequest market);

    /// <summary>Reloads or polls the source's data. Never throws for bad data: problems go to <see cref="Health"/>.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    ForecastSourceHealth Health { get; }

    /// <summary>
    /// Whether the source's model is meant for games of this competition (an event's
    /// <c>product_metadata.competition</c>): by default the regular seasons of the leagues the bot knows
    /// (<see cref="Competitions.Regular"/>). An Elo or a regular-season feed applied to an all-star game or a
    /// league it never saw is a mispricing, not an edge.
    /// </summary>
    bool Covers(string competition) => Competitions.IsKnownRegular(competition);
}
