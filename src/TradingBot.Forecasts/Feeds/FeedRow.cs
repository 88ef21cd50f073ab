using TradingBot.Core.Sports;
using TradingBot.Core.Values;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// A market named without its ticker: the game by league, date and one of its teams. For a winner or spread
/// market the team is the one the market is about; for a total it only identifies the game.
/// </summary>
public readonly record struct FeedTeamKey(League League, DateOnly Date, string TeamCode, SportsMarketKind Kind, decimal? Line);

/// <summary>One good row of the operator's feed: which market (by ticker or by team), its YES probability, and when the model produced it.</summary>
public sealed record FeedRow(string Where, MarketTicker? Ticker, FeedTeamKey? TeamKey, Probability Yes, DateTimeOffset AsOf);
