using TradingBot.Core.Fees;

namespace TradingBot.Simulator.Engine;

/// <summary>A series' fee schedule as it becomes at <see cref="At"/>.</summary>
public sealed record SimSeriesFeeChange(string Id, string SeriesTicker, FeeType FeeType, decimal FeeMultiplier, DateTimeOffset At);

/// <summary>An event's fee override as it becomes at <see cref="At"/>; nulls clear it (the event pays its series' fees).</summary>
public sealed record SimEventFeeChange(string Id, string EventTicker, FeeType? FeeTypeOverride, decimal? FeeMultiplierOverride, DateTimeOffset At);

/// <summary>
/// Fees as Kalshi charges them: an event's override (each part set replaces the series' own) over its series'
/// schedule, each as it stands at the moment after every change scheduled by then, and nothing at all while a
/// market's fee waiver lasts. Written on its own from the docs, not with the bot's resolver, so the contract tests
/// between the two can catch either one being wrong.
/// </summary>
public sealed partial class SimExchange
{
    private readonly Dictionary<string, (FeeType? Type, decimal? Multiplier)> _eventFeeOverrides = new(StringComparer.Ordinal);
    private readonly List<SimSeriesFeeChange> _seriesFeeChanges = [];
    private readonly List<SimEventFeeChange> _eventFeeChanges = [];
    private readonly Dictionary<string, DateTimeOffset> _feeWaivers = new(StringComparer.Ordinal);

    public IReadOnlyList<SimSeriesFeeChange> SeriesFeeChanges => _seriesFeeChanges;

    public IReadOnlyList<SimEventFeeChange> EventFeeChanges => _eventFeeChanges;

    public SimSeriesFeeChange ScheduleSeriesFeeChange(string seriesTicker, FeeType feeType, decimal multiplier, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_series.ContainsKey(seriesTicker))
                throw new KeyNotFoundException($"no series {seriesTicker}");
            var change = new SimSeriesFeeChange(NextId("sfc"), seriesTicker, feeType, multiplier, at);
            _seriesFeeChanges.Add(change);
            return change;
        }
    }

    /// <summary>Overrides an event's fees from now on; both null clears the override.</summary>
    public void SetEventFeeOverride(string eventTicker, FeeType? feeType, decimal? multiplier)
    {
        lock (_lock)
        {
            if (!_events.ContainsKey(eventTicker))
                throw new KeyNotFoundException($"no event {eventTicker}");
            if (feeType is null && multiplier is null)
                _eventFeeOverrides.Remove(eventTicker);
            else
                _eventFeeOverrides[eventTicker] = (feeType, multiplier);
        }
    }

    public SimEventFeeChange ScheduleEventFeeChange(string eventTicker, FeeType? feeType, decimal? multiplier, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_events.TryGetValue(eventTicker, out var simEvent))
                throw new KeyNotFoundException($"no event {eventTicker}");
            var change = new SimEventFeeChange(NextId("efc"), simEvent.Ticker, feeType, multiplier, at);
            _eventFeeChanges.Add(change);
            return change;
        }
    }

    /// <summary>Waives a market's trade fees until <paramref name="until"/>; null ends the waiver.</summary>
    public void SetFeeWaiver(string marketTicker, DateTimeOffset? until)
    {
        lock (_lock)
        {
            var market = Market(marketTicker);
            if (until is { } end)
                _feeWaivers[market.Ticker] = end;
            else
                _feeWaivers.Remove(market.Ticker);
        }
    }

    /// <summary>A series' fee type and multiplier at <paramref name="at"/>: the last change made by then, or its own.</summary>
    public (FeeType Type, decimal Multiplier) SeriesFeesAt(string seriesTicker, DateTimeOffset at)
    {
        var series = _series[seriesTicker];
        var last = _seriesFeeChanges.Where(c => c.SeriesTicker == seriesTicker && c.At <= at).MaxBy(c => c.At);
        return last is null ? (series.FeeType, series.FeeMultiplier) : (last.FeeType, last.FeeMultiplier);
    }

    /// <summary>An event's override at <paramref name="at"/>: the last change made by then, or the one set on it; nulls where none.</summary>
    public (FeeType? Type, decimal? Multiplier) EventFeeOverrideAt(string eventTicker, DateTimeOffset at)
    {
        var last = _eventFeeChanges.Where(c => c.EventTicker == eventTicker && c.At <= at).MaxBy(c => c.At);
        return last is not null ? (last.FeeTypeOverride, last.FeeMultiplierOverride) : _eventFeeOverrides.GetValueOrDefault(eventTicker);
    }

    public DateTimeOffset? FeeWaiverOf(string marketTicker) => _feeWaivers.TryGetValue(marketTicker, out var until) ? until : null;

    /// <summary>What a trade in the market pays at <paramref name="at"/>.</summary>
    public FeeSchedule FeesAt(SimMarket market, DateTimeOffset at)
    {
        if (FeeWaiverOf(market.Ticker) is { } until && at < until)
            return new FeeSchedule(FeeType.Quadratic, 0m);
        var series = SeriesFeesAt(market.Series.Ticker, at);
        var eventOverride = EventFeeOverrideAt(market.Spec.EventTicker, at);
        return new FeeSchedule(eventOverride.Type ?? series.Type, eventOverride.Multiplier ?? series.Multiplier);
    }
}
