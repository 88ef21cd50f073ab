namespace TradingBot.Simulator.Http.Limits;

/// <summary>Kalshi's API usage tiers (rate_limits.md).</summary>
public enum RateTier
{
    Basic,
    Advanced,
    Expert,
    Premier,
    Paragon,
    Prime,
    Prestige,
}

/// <summary>Which of a key's two budgets a request draws on.</summary>
public enum RateBucket
{
    Read,
    Write,
}

/// <summary>A token bucket's refill rate (tokens per second) and capacity.</summary>
public readonly record struct BucketLimit(int RefillRate, int Capacity);

public static class RateTiers
{
    /// <summary>
    /// rate_limits.md: Basic and Advanced read buckets hold two seconds of budget, higher read tiers one; the Basic
    /// write bucket holds one second, every higher write bucket two.
    /// </summary>
    public static BucketLimit LimitOf(this RateTier tier, RateBucket bucket) => (tier, bucket) switch
    {
        (RateTier.Basic, RateBucket.Read) => new(200, 400),
        (RateTier.Basic, RateBucket.Write) => new(100, 100),
        (RateTier.Advanced, RateBucket.Read) => new(300, 600),
        (RateTier.Advanced, RateBucket.Write) => new(300, 600),
        (RateTier.Expert, RateBucket.Read) => new(600, 600),
        (RateTier.Expert, RateBucket.Write) => new(600, 1_200),
        (RateTier.Premier, RateBucket.Read) => new(1_000, 1_000),
        (RateTier.Premier, RateBucket.Write) => new(1_000, 2_000),
        (RateTier.Paragon, RateBucket.Read) => new(2_000, 2_000),
        (RateTier.Paragon, RateBucket.Write) => new(2_000, 4_000),
        (RateTier.Prime, RateBucket.Read) => new(4_000, 4_000),
        (RateTier.Prime, RateBucket.Write) => new(4_000, 8_000),
        (RateTier.Prestige, RateBucket.Read) => new(10_000, 10_000),
        (RateTier.Prestige, RateBucket.Write) => new(8_000, 16_000),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "unknown tier"),
    };

    /// <summary>The tier's name on the wire (<c>usage_tier</c>).</summary>
    public static string WireName(this RateTier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>By name only ("basic", "Premier"); numbers are not tiers.</summary>
    public static bool TryParse(string? text, out RateTier tier)
    {
        var name = Enum.GetNames<RateTier>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        tier = name is null ? default : Enum.Parse<RateTier>(name);
        return name is not null;
    }
}
