using System.Collections.Concurrent;

namespace TradingBot.Simulator.Http.Limits;

/// <summary>Kalshi's per-key read and write token buckets, timed by the injected wall clock.</summary>
public sealed class RateLimiter(TimeProvider wallClock)
{
    /// <summary>What most requests cost.</summary>
    public const int DefaultCost = 10;

    /// <summary>What one cancel costs, alone or as a batch item.</summary>
    public const int CancelCost = 2;

    private readonly ConcurrentDictionary<(string KeyId, RateBucket Bucket), TokenBucket> _buckets = new();

    public bool TryTake(string keyId, RateTier tier, RateBucket bucket, int tokens)
    {
        var now = wallClock.GetUtcNow();
        var tokenBucket = _buckets.GetOrAdd((keyId, bucket), static (k, state) => new TokenBucket(state.Tier.LimitOf(k.Bucket), state.Now), (Tier: tier, Now: now));
        return tokenBucket.TryTake(tokens, now);
    }
}
