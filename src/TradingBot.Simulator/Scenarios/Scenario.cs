using TradingBot.Simulator.Engine;
using TradingBot.Simulator.MarketMaking;

namespace TradingBot.Simulator.Scenarios;

/// <summary>
/// A validated scenario with every time resolved: what a loader hands the runner. Nothing here can be invalid;
/// the loader refuses a file rather than building one of these half-way.
/// </summary>
public sealed record Scenario(
    string Name,
    DateTimeOffset LoadedAt,
    TimeSpan SettlementDelay,
    MarketMakerOptions MarketMakers,
    IReadOnlyList<SimSeries> Series,
    IReadOnlyList<ScenarioGame> Events);

/// <summary>One Kalshi event about one game: its series, the teams, when play starts and ends, and its markets.</summary>
public sealed record ScenarioGame(
    SimEvent Event,
    string HomeTeam,
    string AwayTeam,
    TimeSpan Duration,
    IReadOnlyList<ScenarioMarket> Markets)
{
    public string Ticker => Event.Ticker;

    public DateTimeOffset Start => Event.GameStart;

    public DateTimeOffset End => Event.GameStart + Duration;
}

/// <summary>What a market pays on.</summary>
public enum MarketKind
{
    /// <summary>The team wins the game.</summary>
    Winner,

    /// <summary>The team wins by more than the line.</summary>
    Spread,

    /// <summary>Both teams together score more than the line.</summary>
    Total,
}

/// <summary>How a market's result is chosen when its game ends.</summary>
public enum OutcomeRule
{
    /// <summary>Drawn from the fair probability at the final whistle, so the fair path is calibrated.</summary>
    Drawn,
    Yes,
    No,
}

/// <summary>
/// A market of a scenario: the engine's spec, what it pays on, and either its own fair path and outcome rule or
/// the market it mirrors (the other team's winner market: fair 1 − p, opposite result).
/// </summary>
public sealed record ScenarioMarket(
    MarketSpec Spec,
    MarketKind Kind,
    string? Team,
    decimal? Line,
    PathSpec? Path,
    string? MirrorOf,
    OutcomeRule Outcome)
{
    public string Ticker => Spec.Ticker;
}

/// <summary>
/// A fair-probability path: a random walk on log-odds. <see cref="Volatility"/> applies before the game; play
/// starts at <see cref="InGameVolatility"/> and grows as the clock runs down; scoring events arrive at
/// <see cref="JumpRate"/> per hour of play and move log-odds by <see cref="JumpSize"/>. Volatilities are per √hour.
/// </summary>
public sealed record PathSpec(
    double StartProbability,
    double Volatility,
    double InGameVolatility,
    double JumpRate,
    double JumpSize,
    int Seed);
