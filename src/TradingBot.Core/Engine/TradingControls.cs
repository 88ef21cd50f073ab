using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// The live trading state: the operator's control, the daily circuit breaker and the API error guard, combined into
/// one <see cref="TradingStatus"/>. Every change that must survive a restart is written to the store at once, and
/// <see cref="RefreshAsync"/> picks up what another process (<c>tradingbot halt</c>, <c>resume</c>) wrote there.
/// </summary>
public sealed class TradingControls
{
    private readonly IRiskStateStore _store;
    private readonly IOperatorAlerts _alerts;
    private readonly TimeProvider _time;
    private readonly Money _dailyLossLimit;
    private readonly Lock _lock = new();
    private TradingState _operatorState = TradingState.Active;
    private string _operatorReason = "";

    /// <summary>Bumped by every local change, so a refresh that read the store before the change cannot undo it.</summary>
    private long _generation;

    public TradingControls(IRiskStateStore store, RiskOptions risk, TimeZoneInfo tradingDayZone, IOperatorAlerts alerts, TimeProvider time)
    {
        _store = store;
        _alerts = alerts;
        _time = time;
        _dailyLossLimit = Money.FromDollars(risk.DailyLossLimit);
        Breaker = new DailyCircuitBreaker(tradingDayZone, _dailyLossLimit);
        Guard = new ApiErrorGuard(risk.MaxConsecutiveApiErrors, risk.ApiErrorBackoffInitial, risk.ApiErrorBackoffMax);
        Zone = tradingDayZone;
    }

    public DailyCircuitBreaker Breaker { get; }

    public ApiErrorGuard Guard { get; }

    public TimeZoneInfo Zone { get; }

    public string OperatorReason
    {
        get
        {
            lock (_lock)
                return _operatorReason;
        }
    }

    public TradingStatus Status
    {
        get
        {
            lock (_lock)
                return TradingStatus.From(_operatorState, Guard.InSafeMode, Breaker.IsTripped(_time.GetUtcNow()));
        }
    }

    /// <summary>The trading day now: the calendar day in the configured zone.</summary>
    public DateOnly Today => PositionLedger.TradingDayOf(_time.GetUtcNow(), Zone);

    /// <summary>Reads what the store holds: at start-up, and every few seconds to see halt/resume from another shell.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        long generation;
        lock (_lock)
            generation = _generation;
        var stored = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (generation != _generation)
                return;
            Breaker.Restore(stored.CircuitBreaker);
            Guard.Restore(stored.SafeMode);
            _operatorState = stored.OperatorState;
            _operatorReason = stored.OperatorReason;
        }
    }

    /// <summary>Feeds the trading day's realised P&amp;L to the breaker; trips, persists and alerts once when it reaches −limit.</summary>
    public async Task ObserveRealisedAsync(Money realisedToday, CancellationToken cancellationToken)
    {
        bool tripped;
        CircuitBreakerState? state;
        lock (_lock)
        {
            tripped = Breaker.Observe(realisedToday, _time.GetUtcNow());
            state = Breaker.Tripped;
            _generation += tripped ? 1 : 0;
        }

        if (!tripped)
            return;
        await _store.SaveCircuitBreakerAsync(state, cancellationToken).ConfigureAwait(false);
        Bump();
        _alerts.Raise(AlertKind.CircuitBreakerTripped,
            $"Daily loss limit reached: realised P&L today {realisedToday} ≤ −{_dailyLossLimit}. No new orders until the trading day ends; positions are held to settlement.");
    }

    /// <summary>A failed venue call on its path: the back-off before the path's next call, and safe mode (persisted, alerted) at the threshold.</summary>
    public async Task<ApiFailureStep> RecordApiFailureAsync(ApiPath path, string what, CancellationToken cancellationToken)
    {
        ApiFailureStep step;
        SafeModeState? state;
        lock (_lock)
        {
            step = Guard.RecordFailure(path, what, _time.GetUtcNow());
            state = Guard.SafeMode;
            _generation += step.EnteredSafeMode ? 1 : 0;
        }

        if (step.EnteredSafeMode)
        {
            await _store.SaveSafeModeAsync(state, cancellationToken).ConfigureAwait(false);
            Bump();
            _alerts.Raise(AlertKind.SafeModeEntered, $"Safe mode: {state!.Value.Reason}. No orders until an operator runs `tradingbot resume`.");
        }

        return step;
    }

    /// <summary>A refresh that read the store while a change was being written must not apply what it read.</summary>
    private void Bump()
    {
        lock (_lock)
            _generation++;
    }

    /// <summary>A venue answer on this path: resets that path's count (a read never resets the order writes' count).</summary>
    public void RecordApiSuccess(ApiPath path)
    {
        lock (_lock)
            Guard.RecordSuccess(path);
    }

    /// <summary>Until when the path backs off after its last failure, or null when it may call now.</summary>
    public DateTimeOffset? ApiBackingOffUntil(ApiPath path)
    {
        lock (_lock)
            return Guard.BackingOffUntil(path) is { } until && until > _time.GetUtcNow() ? until : null;
    }

    /// <summary>How long the path waits after a failure: its back-off for the failures counted so far (at least one).</summary>
    public TimeSpan ApiBackoff(ApiPath path)
    {
        lock (_lock)
            return Guard.BackoffFor(Math.Max(1, Guard.ConsecutiveFailures(path)));
    }

    public async Task HaltAsync(TradingState state, string reason, CancellationToken cancellationToken)
    {
        Bump();
        await _store.SaveOperatorStateAsync(state, reason, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _generation++;
            _operatorState = state;
            _operatorReason = reason;
        }
    }

    /// <summary>The operator's resume: trading active again and safe mode left. A tripped breaker still holds until the day rolls.</summary>
    public async Task ResumeAsync(string reason, CancellationToken cancellationToken)
    {
        Bump();
        await _store.SaveSafeModeAsync(null, cancellationToken).ConfigureAwait(false);
        await _store.SaveOperatorStateAsync(TradingState.Active, reason, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _generation++;
            Guard.Resume();
            _operatorState = TradingState.Active;
            _operatorReason = reason;
        }
    }
}
