namespace TradingBot.Simulator.Scenarios;

/// <summary>
/// The simulator's time: an anchor plus real elapsed time times a speed (1 for real time, 60 for demos). It can be
/// frozen and moved by hand for tests and the admin API. Time never goes backwards, because markets that closed
/// and games that ended cannot un-happen; so timestamps stay monotonic and are simply simulated ticks.
/// Real time comes from the injected provider, so tests drive it with a fake.
/// </summary>
public sealed class SimClock : TimeProvider, Http.ISimClock
{
    public const double MaxSpeed = 10_000;

    private readonly TimeProvider _real;
    private readonly Lock _lock = new();
    private DateTimeOffset _anchor;
    private long _realAnchor;
    private double _speed;
    private bool _frozen;

    public SimClock(TimeProvider real, DateTimeOffset start, double speed = 1.0)
    {
        ArgumentNullException.ThrowIfNull(real);
        CheckSpeed(speed);
        _real = real;
        _anchor = start.ToUniversalTime();
        _realAnchor = real.GetTimestamp();
        _speed = speed;
    }

    /// <summary>A clock that starts frozen: tests move it by hand.</summary>
    public static SimClock Frozen(DateTimeOffset start)
    {
        // Frozen from birth, not frozen a moment later: the anchor must be exactly the time asked for.
        return new SimClock(System, start) { _frozen = true };
    }

    public double Speed
    {
        get
        {
            lock (_lock)
                return _speed;
        }
    }

    public bool IsFrozen
    {
        get
        {
            lock (_lock)
                return _frozen;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return NowLocked();
    }

    /// <summary>Simulated ticks, so elapsed times measured on this clock agree with <see cref="GetUtcNow"/>.</summary>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>
    /// Timers wait for simulated time at the speed in force when they are set. A frozen clock does not hold them
    /// back (they run at real time): the host keeps polling and simply sees the same time until someone moves it.
    /// </summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        return new ScaledTimer(this, _real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)));
    }

    public void Freeze()
    {
        lock (_lock)
        {
            Rebase();
            _frozen = true;
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            // Resuming a running clock must not drop the time it has run since its last rebase.
            if (!_frozen)
                return;
            _realAnchor = _real.GetTimestamp();
            _frozen = false;
        }
    }

    public void SetSpeed(double speed)
    {
        CheckSpeed(speed);
        lock (_lock)
        {
            Rebase();
            _speed = speed;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            Rebase();
            _anchor += by;
        }
    }

    /// <summary>Moves the clock to <paramref name="to"/>; never backwards.</summary>
    public void Set(DateTimeOffset to)
    {
        lock (_lock)
        {
            Rebase();
            if (to < _anchor)
                throw new ArgumentOutOfRangeException(nameof(to), to, $"the clock is at {_anchor:O} and never goes backwards");
            _anchor = to.ToUniversalTime();
        }
    }

    /// <summary>Real time a span of simulated time takes at the current speed.</summary>
    internal TimeSpan ToReal(TimeSpan simulated)
    {
        if (simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero)
            return simulated;
        lock (_lock)
            return _frozen ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(simulated.Ticks / _speed)));
    }

    private DateTimeOffset NowLocked()
    {
        if (_frozen)
            return _anchor;
        // Floor keeps the clock monotonic as real time grows; the error is under one tick.
        var elapsed = _real.GetElapsedTime(_realAnchor);
        return _anchor + TimeSpan.FromTicks((long)Math.Floor(elapsed.Ticks * _speed));
    }

    private void Rebase()
    {
        _anchor = NowLocked();
        _realAnchor = _real.GetTimestamp();
    }

    private static void CheckSpeed(double speed)
    {
        if (!double.IsFinite(speed) || speed <= 0 || speed > MaxSpeed)
            throw new ArgumentOutOfRangeException(nameof(speed), speed, $"a speed is above 0 and at most {MaxSpeed}; freeze the clock to stop it");
    }

    /// <summary>A real timer whose due time and period are given in simulated time.</summary>
    private sealed class ScaledTimer(SimClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
