namespace TradingBot.Kalshi.RateLimiting;

/// <summary>One bucket's size: refill per second and capacity, in tokens.</summary>
public readonly record struct BucketSize(double RefillPerSecond, double Capacity);

/// <summary>
/// Kalshi's read and write buckets per tier (getting_started/rate_limits.md). Most requests cost 10 tokens, a
/// cancel 2, and a batch the sum of its items. Read buckets of Basic and Advanced hold two seconds of budget,
/// higher tiers one; the Basic write bucket holds one second, higher tiers two.
/// </summary>
public static class KalshiRateLimits
{
    public const int RequestCost = 10;
    public const int CancelCost = 2;

    public static (BucketSize Read, BucketSize Write) ForTier(KalshiTier tier)
    {
        var (read, write) = tier switch
        {
            KalshiTier.Basic => (200, 100),
            KalshiTier.Advanced => (300, 300),
            KalshiTier.Expert => (600, 600),
            KalshiTier.Premier => (1000, 1000),
            KalshiTier.Paragon => (2000, 2000),
            KalshiTier.Prime => (4000, 4000),
            KalshiTier.Prestige => (10000, 8000),
            _ => (200, 100),
        };
        var readSeconds = tier is KalshiTier.Basic or KalshiTier.Advanced ? 2 : 1;
        var writeSeconds = tier == KalshiTier.Basic ? 1 : 2;
        return (new BucketSize(read, read * readSeconds), new BucketSize(write, write * writeSeconds));
    }
}

/// <summary>The client's two buckets, sized from the tier (and resized from the venue's own figures when read).</summary>
public sealed class KalshiRateLimiter
{
    public KalshiRateLimiter(BucketSize read, BucketSize write, TimeProvider time)
    {
        Read = new TokenBucket(read.Capacity, read.RefillPerSecond, time);
        Write = new TokenBucket(write.Capacity, write.RefillPerSecond, time);
    }

    public TokenBucket Read { get; }

    public TokenBucket Write { get; }
}
