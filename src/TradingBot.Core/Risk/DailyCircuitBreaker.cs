using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>What must survive a restart: the trading day the breaker tripped on, when, and at what P&amp;L.</summary>
public readonly record struct CircuitBreakerState(DateOnly TradingDay, DateTimeOffset TrippedAt, Money RealisedAtTrip);

/// <summary>
/// Trips when the trading day's realised P&amp;L reaches −limit (P&amp;L ≤ −limit) and holds until the trading day
/// rolls over: a calendar day in the configured time zone (America/New_York by default), so a loss at 11 pm
/// Eastern still counts against that day.
/// </summary>
public sealed class DailyCircuitBreaker
{
    private readonly TimeZoneInfo _zone;
    private readonly Money _limit;

    public DailyCircuitBreaker(TimeZoneInfo zone, Money limit)
    {
        if (limit <= Money.Zero)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "the daily loss limit is a positive amount");
        _zone = zone;
        _limit = limit;
    }

    /// <summary>The trip, if it has happened on some day; ask <see cref="IsTripped"/> whether it still holds.</summary>
    public CircuitBreakerState? Tripped { get; private set; }

    public DateOnly TradingDayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    public bool IsTripped(DateTimeOffset now) => Tripped is { } trip && trip.TradingDay == TradingDayOf(now);

    /// <summary>Feeds the day's realised P&amp;L; true exactly when this observation trips the breaker (persist and notify then).</summary>
    public bool Observe(Money realisedToday, DateTimeOffset now)
    {
        if (IsTripped(now) || realisedToday > -_limit)
            return false;
        Tripped = new CircuitBreakerState(TradingDayOf(now), now, realisedToday);
        return true;
    }

    /// <summary>Restores a trip read back from storage after a restart (a trip from an earlier day no longer holds).</summary>
    public void Restore(CircuitBreakerState? state) => Tripped = state;
}
