using TradingBot.Core.Sports;
using TradingBot.Core.Values;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// A market named without its ticker: the game by league, date and one of its teams. For a winner or spread
/// market the team is the one the market is about; for a total it only identifies the game.
/// </summary>
public readonly record struct FeedTeamKey(League League, DateOnly Date, string TeamCode, SportsMarketKind Kind, decimal? Line);

/// <summary>
/// A college market named without its ticker. There is no catalog of schools, so the school (and the opponent, when
/// given) are kept as written and matched against the listed game's two schools when a market asks
/// (<see cref="SchoolNames"/>).
/// </summary>
public readonly record struct FeedSchoolKey(League League, DateOnly Date, SchoolName School, SchoolName? Opponent, SportsMarketKind Kind, decimal? Line);

/// <summary>One good row of the operator's feed: which market (by ticker, by team or by school), its YES probability, and when the model produced it.</summary>
public sealed record FeedRow(string Where, MarketTicker? Ticker, FeedTeamKey? TeamKey, Probability Yes, DateTimeOffset AsOf, FeedSchoolKey? SchoolKey = null);
