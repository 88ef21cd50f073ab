using TradingBot.Core.Exchange;
using TradingBot.Simulator.MarketMaking;

namespace TradingBot.Simulator.Scenarios;

/// <summary>
/// A loaded market as the runner drives it: its fair path (shared with, and read inverted by, a mirroring market),
/// its makers' settings, and how far its determination and settlement have got.
/// </summary>
internal sealed class RunningMarket(ScenarioMarket definition, ScenarioGame game, FairPath path, bool mirrored, MarketMakerOptions makers, TimeSpan settlementDelay)
{
    public ScenarioMarket Definition { get; } = definition;

    public ScenarioGame Game { get; } = game;

    public FairPath Path { get; } = path;

    public bool Mirrored { get; } = mirrored;

    public MarketMakerOptions Makers { get; } = makers;

    public TimeSpan SettlementDelay { get; } = settlementDelay;

    public DateTimeOffset? DeterminedAt { get; set; }

    public bool Settled { get; set; }

    public string Ticker => Definition.Ticker;

    public double Probability => Mirrored ? 1 - Path.Probability : Path.Probability;

    public double Consensus => Mirrored ? 1 - Path.Consensus : Path.Consensus;

    public MarketResult? Result => Path.Result is { } result && Mirrored
        ? (result == MarketResult.Yes ? MarketResult.No : MarketResult.Yes)
        : Path.Result;

    public FairSnapshot Snapshot() => new(Ticker, Probability, Consensus, Path.At, Result);

    public bool TryMoveTo(double probability) => Path.TryMoveTo(Mirrored ? 1 - probability : probability);
}
