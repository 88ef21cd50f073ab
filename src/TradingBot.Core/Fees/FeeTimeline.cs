using TradingBot.Core.Values;

namespace TradingBot.Core.Fees;

/// <summary>
/// An event's fee override (<c>fee_type_override</c>, <c>fee_multiplier_override</c>): each part that is set replaces
/// the series' own for every market of the event; a part left null falls back to the series (get-event-fee-changes.md).
/// </summary>
public readonly record struct FeeOverride(FeeType? Type, decimal? Multiplier)
{
    public static FeeOverride None => default;

    public bool IsNone => Type is null && Multiplier is null;

    public FeeSchedule Over(FeeSchedule series) => IsNone ? series : new FeeSchedule(Type ?? series.Type, Multiplier ?? series.Multiplier);
}

/// <summary>A series' fee schedule as it becomes at <see cref="At"/> (<c>GET /series/fee_changes</c>).</summary>
public sealed record SeriesFeeChange(string SeriesTicker, DateTimeOffset At, FeeSchedule Fees);

/// <summary>An event's override as it becomes at <see cref="At"/> (<c>GET /events/fee_changes</c>); <see cref="FeeOverride.None"/> clears it.</summary>
public sealed record EventFeeChange(EventTicker Event, string SeriesTicker, DateTimeOffset At, FeeOverride Override);

/// <summary>
/// One market's fees over time, built from what was read: the series' schedule as of <see cref="SeriesReadAt"/>, the
/// event's override as of <see cref="EventReadAt"/>, the changes scheduled for either, and the market's fee waiver.
/// Reads are cached (a series for a day), so the fees in force are resolved at the moment of use: a change scheduled
/// after a read takes effect at its time, with no fresh read; one at or before its read is already in what was read.
/// </summary>
public sealed record FeeTimeline(FeeSchedule Series, DateTimeOffset SeriesReadAt, FeeOverride Event, DateTimeOffset EventReadAt)
{
    /// <summary>Fees nobody could read (the scheduled changes were unreadable): never priced, so never traded.</summary>
    public static FeeTimeline Unpriceable { get; } = new(new FeeSchedule(FeeType.Unknown, 0m), DateTimeOffset.MinValue, FeeOverride.None, DateTimeOffset.MinValue);

    public IReadOnlyList<SeriesFeeChange> SeriesChanges { get; init; } = [];

    /// <summary>This market's event's changes only.</summary>
    public IReadOnlyList<EventFeeChange> EventChanges { get; init; } = [];

    /// <summary>The market's <c>fee_waiver_expiration_time</c>: no trade fee before it.</summary>
    public DateTimeOffset? WaiverUntil { get; init; }

    /// <summary>The fees in force at <paramref name="at"/>: the event's override over the series, waived while the waiver lasts.</summary>
    public FeeSchedule At(DateTimeOffset at)
    {
        var series = Series;
        var seriesSince = SeriesReadAt;
        foreach (var change in SeriesChanges)
        {
            if (change.At > SeriesReadAt && change.At <= at && change.At >= seriesSince)
                (series, seriesSince) = (change.Fees, change.At);
        }

        var eventOverride = Event;
        var eventSince = EventReadAt;
        foreach (var change in EventChanges)
        {
            if (change.At > EventReadAt && change.At <= at && change.At >= eventSince)
                (eventOverride, eventSince) = (change.Override, change.At);
        }

        var fees = eventOverride.Over(series);

        // A waiver makes the fee zero, but a schedule this build cannot read stays unpriced: it says nothing of what comes after.
        return WaiverUntil is { } until && at < until && fees.IsPriced ? new FeeSchedule(fees.Type, 0m) : fees;
    }
}
