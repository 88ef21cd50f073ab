namespace TradingBot.Simulator.Http;

/// <summary>The exchange's market clock, which the admin API moves. Separate from the wall clock that signatures and rate limits use.</summary>
public interface ISimClock
{
    DateTimeOffset GetUtcNow();

    /// <summary>Simulated seconds per real second.</summary>
    double Speed { get; }

    bool IsFrozen { get; }

    void Advance(TimeSpan by);

    void Set(DateTimeOffset to);
}
