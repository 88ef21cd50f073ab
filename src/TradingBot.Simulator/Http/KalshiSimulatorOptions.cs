using TradingBot.Core.Values;
using TradingBot.Simulator.Http.Limits;

namespace TradingBot.Simulator.Http;

/// <summary>How the HTTP front behaves. The wall clock here times signatures, rate limits and faults; the market clock is the exchange's own.</summary>
public sealed class KalshiSimulatorOptions
{
    public TimeProvider WallClock { get; set; } = TimeProvider.System;

    /// <summary>How far a request's KALSHI-ACCESS-TIMESTAMP may be from the wall clock.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromSeconds(30);

    public RateTier DefaultTier { get; set; } = RateTier.Basic;

    /// <summary>Cash of a member opened by key registration when the request names none.</summary>
    public Money DefaultStartingBalance { get; set; } = Money.FromDollars(1_000m);

    /// <summary>Seeds fault probabilities, so a run can be replayed; null for a random seed.</summary>
    public int? FaultSeed { get; set; }

    /// <summary>How long an accept-then-timeout fault holds its answer before dropping the connection, when the fault names no hold.</summary>
    public TimeSpan DefaultFaultHold { get; set; } = TimeSpan.FromMinutes(5);
}
