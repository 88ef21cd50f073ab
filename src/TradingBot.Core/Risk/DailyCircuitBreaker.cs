using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>What must survive a restart: the trading day the breaker tripped on, when, and at what P&amp;L.</summary>
public readonly record struct CircuitBreakerState(DateOnly TradingDay, DateTimeOffset TrippedAt, Money RealisedAtTrip);

/// <summary>
/// Trips when the trading day's realised P&amp;L reaches −limit (P&amp;L ≤ −limit) and holds until the trading day
/// rolls over: a calendar day in the configured time zone (America/New_York by default), so a loss at 11 pm
/// Eastern still counts against that day. A loss booked after its day closed (a game settling at 23:58 that
/// reconciliation finds at 00:01, a fill found late) still counts against the day it happened on: when that day's
/// realised P&amp;L, late bookings included, reaches −limit and the breaker did not trip on that day, it trips now,
/// for the current trading day. A limit is not escaped by when the venue happened to report the loss; and judging
/// the loss on its own day (not on the day it was learned) keeps the breaker in step with the day's P&amp;L the
/// ledger and the daily summary show.
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

    /// <summary>Feeds today's realised P&amp;L; true exactly when this observation trips the breaker (persist and notify then).</summary>
    public bool Observe(Money realisedToday, DateTimeOffset now) => Observe(TradingDayOf(now), realisedToday, now);

    /// <summary>
    /// Feeds one trading day's realised P&amp;L as the ledger has it now: today's, or a closed day's that late
    /// bookings changed. True exactly when this observation trips the breaker, always for the current trading day.
    /// A closed day that tripped the breaker on its own day has had its stop; it does not trip the next day again.
    /// </summary>
    public bool Observe(DateOnly day, Money realised, DateTimeOffset now)
    {
        var today = TradingDayOf(now);
        if (day > today || IsTripped(now) || realised > -_limit)
            return false;
        if (day < today && Tripped?.TradingDay == day)
            return false;
        Tripped = new CircuitBreakerState(today, now, realised);
        return true;
    }

    /// <summary>Restores a trip read back from storage after a restart (a trip from an earlier day no longer holds).</summary>
    public void Restore(CircuitBreakerState? state) => Tripped = state;
}
