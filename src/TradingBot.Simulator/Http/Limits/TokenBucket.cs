namespace TradingBot.Simulator.Http.Limits;

/// <summary>
/// One token bucket: it refills continuously up to its capacity and admits a request when it holds the request's
/// whole cost. Held in thousandths of a token, so refill over a few milliseconds is not lost to rounding.
/// </summary>
internal sealed class TokenBucket
{
    private const long Scale = 1_000;

    private readonly Lock _lock = new();
    private readonly BucketLimit _limit;
    private long _milliTokens;
    private DateTimeOffset _refilledAt;

    public TokenBucket(BucketLimit limit, DateTimeOffset now)
    {
        _limit = limit;
        _milliTokens = limit.Capacity * Scale;
        _refilledAt = now;
    }

    public bool TryTake(int tokens, DateTimeOffset now)
    {
        lock (_lock)
        {
            Refill(now);
            var cost = tokens * Scale;
            if (_milliTokens < cost)
                return false;
            _milliTokens -= cost;
            return true;
        }
    }

    private void Refill(DateTimeOffset now)
    {
        // A wall clock that steps back refills nothing; the bucket resumes from the new time.
        var elapsed = now - _refilledAt;
        _refilledAt = now;
        if (elapsed <= TimeSpan.Zero)
            return;
        var added = (Int128)elapsed.Ticks * _limit.RefillRate * Scale / TimeSpan.TicksPerSecond;
        _milliTokens = (long)Int128.Min(_limit.Capacity * Scale, _milliTokens + added);
    }
}
