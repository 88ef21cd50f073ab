namespace TradingBot.Kalshi.RateLimiting;

/// <summary>
/// A token bucket like Kalshi's own: it refills continuously at <see cref="RefillPerSecond"/> up to
/// <see cref="Capacity"/>, and a request is allowed when the bucket covers its cost. Time comes from the
/// injected <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double capacity, double refillPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(capacity, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPerSecond, 0);
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _time = time;
        _tokens = capacity;
        _lastRefill = time.GetTimestamp();
    }

    public double Capacity { get; private set; }

    public double RefillPerSecond { get; private set; }

    public double Available
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes the tokens if the bucket covers them now; never waits. Order writes use this: a stale order is worse than none.</summary>
    public bool TryTake(double cost)
    {
        lock (_lock)
        {
            Refill();
            if (cost > _tokens)
                return false;
            _tokens -= cost;
            return true;
        }
    }

    /// <summary>Waits until the bucket covers <paramref name="cost"/>, then takes it. Scanners use this. Returns how long it waited (zero when the tokens were there).</summary>
    public async Task<TimeSpan> TakeAsync(double cost, CancellationToken cancellationToken)
    {
        if (cost > Capacity)
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"a request of {cost} tokens can never fit a bucket of {Capacity}");
        long? startedWaiting = null;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                Refill();
                if (cost <= _tokens)
                {
                    _tokens -= cost;
                    return startedWaiting is { } started ? _time.GetElapsedTime(started) : TimeSpan.Zero;
                }

                wait = TimeSpan.FromSeconds((cost - _tokens) / RefillPerSecond);
                startedWaiting ??= _time.GetTimestamp();
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies limits read from the venue (<c>GET /account/limits</c>); the bucket keeps what it holds, up to the new capacity.</summary>
    public void Resize(double capacity, double refillPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(capacity, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPerSecond, 0);
        lock (_lock)
        {
            Refill();
            Capacity = capacity;
            RefillPerSecond = refillPerSecond;
            _tokens = Math.Min(_tokens, capacity);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(Capacity, _tokens + (elapsed * RefillPerSecond));
    }
}
