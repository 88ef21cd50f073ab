using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Scenarios;

/// <summary>What the host and the admin API read and change: fair probabilities and the loaded slate.</summary>
public sealed partial class ScenarioRunner
{
    /// <summary>The names of the scenarios loaded, in order.</summary>
    public IReadOnlyList<string> Scenarios
    {
        get
        {
            lock (_gate)
                return [.. _scenarios];
        }
    }

    /// <summary>The hidden fair probability of a market as of the last step; null for a market no scenario loaded.</summary>
    public FairSnapshot? Fair(string ticker)
    {
        lock (_gate)
            return _byTicker.TryGetValue(ticker, out var market) ? market.Snapshot() : null;
    }

    public IReadOnlyList<FairSnapshot> Fairs()
    {
        lock (_gate)
            return [.. _markets.Select(m => m.Snapshot())];
    }

    /// <summary>
    /// Moves a market's fair probability by hand, as news would (the makers' consensus follows partly at first).
    /// Moving one winner market moves its mirror too. Refused for unknown markets, finished games and
    /// probabilities not strictly between 0 and 1.
    /// </summary>
    public SimResult<FairSnapshot> MoveFair(string ticker, double probability)
    {
        lock (_gate)
        {
            if (!_byTicker.TryGetValue(ticker, out var market))
                return new SimRejection(404, "market_not_found", $"no scenario market {ticker}");
            if (!double.IsFinite(probability) || probability <= 0 || probability >= 1)
                return new SimRejection(400, "invalid_probability", "a fair probability is strictly between 0 and 1");
            market.Path.AdvanceTo(Now);
            if (!market.TryMoveTo(probability))
                return new SimRejection(400, "game_over", $"the game of {ticker} has ended; its result is set");
            return SimResult<FairSnapshot>.Ok(market.Snapshot());
        }
    }

    public IReadOnlyList<LoadedEvent> Events()
    {
        lock (_gate)
        {
            var now = Now;
            return [.. _games.Select(g => new LoadedEvent(
                g.Ticker, g.Event.SeriesTicker, g.Event.League, g.HomeTeam, g.AwayTeam, g.Start, g.End,
                now < g.Start ? GamePhase.Scheduled : now < g.End ? GamePhase.InPlay : GamePhase.Final,
                [.. g.Markets.Select(m => m.Ticker)]))];
        }
    }

    public IReadOnlyList<LoadedMarket> Markets()
    {
        lock (_gate)
        {
            var statuses = exchange.Read(x => _markets.ToDictionary(m => m.Ticker, m => x.Markets[m.Ticker].Status, StringComparer.Ordinal));
            return [.. _markets.Select(m => new LoadedMarket(
                m.Ticker, m.Game.Ticker, m.Definition.Kind, m.Definition.Team, m.Definition.Line, m.Definition.MirrorOf, m.Definition.Outcome, statuses[m.Ticker]))];
        }
    }
}
