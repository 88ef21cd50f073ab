using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;

namespace TradingBot.Simulator.Scenarios;

/// <summary>
/// A market's hidden fair probability as the simulator host sees it. <see cref="Consensus"/> is where the scripted
/// makers centre their quotes. Never published through the Kalshi-compatible API; a demo feed may publish it with
/// noise, labelled as a demo.
/// </summary>
public sealed record FairSnapshot(string Ticker, double Probability, double Consensus, DateTimeOffset AsOf, MarketResult? Result);

public enum GamePhase
{
    Scheduled,
    InPlay,
    Final,
}

/// <summary>A loaded event (one game in one series) and where its game stands.</summary>
public sealed record LoadedEvent(
    string Ticker,
    string SeriesTicker,
    string League,
    string HomeTeam,
    string AwayTeam,
    DateTimeOffset Start,
    DateTimeOffset End,
    GamePhase Phase,
    IReadOnlyList<string> Markets);

/// <summary>A loaded market: what it pays on, how its result is chosen, and its exchange status now.</summary>
public sealed record LoadedMarket(
    string Ticker,
    string EventTicker,
    MarketKind Kind,
    string? Team,
    decimal? Line,
    string? MirrorOf,
    OutcomeRule Outcome,
    MarketStatus Status);
