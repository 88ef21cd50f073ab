namespace TradingBot.Simulator.MarketMaking;

/// <summary>
/// How the scripted market makers quote. Far from the game (at <see cref="FarFromStart"/> or more) books are wide
/// and thin; they tighten and deepen linearly as the start nears; during play they widen to
/// <see cref="InGameHalfSpread"/>. Makers quote around a consensus that misses the hidden fair probability by a
/// wandering error (<see cref="Mispricing"/>, log-odds, mean-reverting with <see cref="MispricingHalfLife"/>)
/// and reacts to scoring only partly at first (<see cref="JumpLag"/>): the edge a good model can earn.
/// Half-spreads and steps are in dollars of YES price.
/// </summary>
public sealed record MarketMakerOptions
{
    public static MarketMakerOptions Default { get; } = new();

    /// <summary>A consensus equal to the fair probability: quotes centred on the truth, for tests of the mechanics.</summary>
    public static MarketMakerOptions Exact { get; } = new() { Mispricing = 0, JumpLag = 0 };

    public int Makers { get; init; } = 2;

    public TimeSpan FarFromStart { get; init; } = TimeSpan.FromHours(24);

    public decimal FarHalfSpread { get; init; } = 0.04m;

    public decimal NearHalfSpread { get; init; } = 0.01m;

    public decimal InGameHalfSpread { get; init; } = 0.02m;

    /// <summary>Distance between a maker's levels, and between one maker's ladder and the next's.</summary>
    public decimal LevelStep { get; init; } = 0.01m;

    public int FarLevels { get; init; } = 2;

    public int NearLevels { get; init; } = 5;

    /// <summary>Whole contracts per level.</summary>
    public int FarSize { get; init; } = 10;

    public int NearSize { get; init; } = 100;

    public double Mispricing { get; init; } = 0.15;

    public TimeSpan MispricingHalfLife { get; init; } = TimeSpan.FromMinutes(20);

    public double JumpLag { get; init; } = 0.5;

    /// <summary>Member ids of the makers' accounts.</summary>
    public IEnumerable<string> MemberIds => Enumerable.Range(1, Makers).Select(i => $"mm-{i}");
}
