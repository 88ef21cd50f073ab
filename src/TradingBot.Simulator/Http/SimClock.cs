namespace TradingBot.Simulator.Http;

/// <summary>The exchange's market clock, which the admin API moves. Separate from the wall clock that signatures and rate limits use.</summary>
public interface ISimClock
{
    DateTimeOffset GetUtcNow();

    void Advance(TimeSpan by);

    void Set(DateTimeOffset to);
}

/// <summary>
/// A market clock that runs from a start time at a multiple of the wall clock's speed (1 for real time, more for an
/// accelerated paper session, 0 for a clock that moves only when told) and can be advanced or set. Never goes back:
/// the engine's markets, orders and fills assume time only moves forward.
/// </summary>
public sealed class SimClock : TimeProvider, ISimClock
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _wall;
    private readonly double _speed;
    private DateTimeOffset _anchor;
    private DateTimeOffset _wallAnchor;

    public SimClock(TimeProvider wall, DateTimeOffset start, double speed = 0)
    {
        ArgumentNullException.ThrowIfNull(wall);
        if (speed < 0 || double.IsNaN(speed) || double.IsInfinity(speed))
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "a clock's speed is zero or positive");
        _wall = wall;
        _speed = speed;
        _anchor = start;
        _wallAnchor = wall.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return Now();
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(by), by, "the market clock never goes back");
        lock (_lock)
            Rebase(Now() + by);
    }

    public void Set(DateTimeOffset to)
    {
        lock (_lock)
        {
            if (to < Now())
                throw new ArgumentOutOfRangeException(nameof(to), to, "the market clock never goes back");
            Rebase(to);
        }
    }

    private DateTimeOffset Now() => _speed == 0 ? _anchor : _anchor + ((_wall.GetUtcNow() - _wallAnchor) * _speed);

    private void Rebase(DateTimeOffset to)
    {
        _anchor = to;
        _wallAnchor = _wall.GetUtcNow();
    }
}
