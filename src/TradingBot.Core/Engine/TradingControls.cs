using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// The live trading state: the operator's control, the daily circuit breaker and the API error guard, combined into
/// one <see cref="TradingStatus"/>. Every change that must survive a restart is written to the store at once, and
/// <see cref="RefreshAsync"/> picks up what another process (<c>tradingbot halt</c>, <c>resume</c>) wrote there.
/// A breaker or safe-mode trip the store refused to save still holds here (the operator is told), and is written
/// again on every later refresh and observation until it sticks; meanwhile a refresh does not undo it.
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

    /// <summary>Trips in force here that the store has not taken yet (their save threw).</summary>
    private CircuitBreakerState? _unsavedBreaker;
    private SafeModeState? _unsavedSafeMode;

    /// <summary>The unsaved trips the operator has been told about (once each).</summary>
    private CircuitBreakerState? _reportedBreaker;
    private SafeModeState? _reportedSafeMode;

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

    /// <summary>The operator's flatten is under way: reducing-only, and every position is sold (an operator reason starting <see cref="FlattenPrefix"/>, so it survives a restart).</summary>
    public const string FlattenPrefix = "flatten: ";

    public bool Flattening
    {
        get
        {
            lock (_lock)
                return _operatorState == TradingState.ReducingOnly && _operatorReason.StartsWith(FlattenPrefix, StringComparison.Ordinal);
        }
    }

    /// <summary>The operator's own state (active, reducing-only, halted), apart from safe mode and the breaker.</summary>
    public TradingState OperatorState
    {
        get
        {
            lock (_lock)
                return _operatorState;
        }
    }

    /// <summary>The account balance as last read by an evaluation pass: what the status shows, without a read of its own.</summary>
    public Money? LastBalance { get; set; }

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
        await SaveUnsavedAsync(cancellationToken).ConfigureAwait(false);
        long generation;
        lock (_lock)
            generation = _generation;
        var stored = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (generation != _generation)
                return;
            // What the store does not hold yet must not be overwritten by what it does hold.
            if (_unsavedBreaker is null)
                Breaker.Restore(stored.CircuitBreaker);
            if (_unsavedSafeMode is null)
                Guard.Restore(stored.SafeMode);
            _operatorState = stored.OperatorState;
            _operatorReason = stored.OperatorReason;
        }
    }

    /// <summary>
    /// Feeds a trading day's realised P&amp;L to the breaker (today's, or a closed day's that late bookings changed:
    /// see <see cref="DailyCircuitBreaker"/>); trips, persists and alerts once when it reaches −limit.
    /// </summary>
    public async Task ObserveRealisedAsync(DateOnly day, Money realised, CancellationToken cancellationToken)
    {
        await SaveUnsavedAsync(cancellationToken).ConfigureAwait(false);
        bool tripped;
        CircuitBreakerState? state;
        lock (_lock)
        {
            tripped = Breaker.Observe(day, realised, _time.GetUtcNow());
            state = Breaker.Tripped;
            if (tripped)
            {
                _unsavedBreaker = state;
                _generation++;
            }
        }

        if (!tripped)
            return;
        var what = state!.Value.TradingDay == day
            ? $"realised P&L today {realised} ≤ −{_dailyLossLimit}"
            : $"realised P&L of {day:yyyy-MM-dd} is now {realised} ≤ −{_dailyLossLimit}, with losses booked after that day closed";
        _alerts.Raise(AlertKind.CircuitBreakerTripped,
            $"Daily loss limit reached: {what}. No new orders until the trading day ({state.Value.TradingDay:yyyy-MM-dd}) ends; positions are held to settlement.");
        await SaveUnsavedAsync(cancellationToken).ConfigureAwait(false);
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
            if (step.EnteredSafeMode)
            {
                _unsavedSafeMode = state;
                _generation++;
            }
        }

        if (step.EnteredSafeMode)
            _alerts.Raise(AlertKind.SafeModeEntered, $"Safe mode: {state!.Value.Reason}. No orders until an operator runs `tradingbot resume`.");

        await SaveUnsavedAsync(cancellationToken).ConfigureAwait(false);

        return step;
    }

    /// <summary>
    /// Writes each trip the store has not taken yet. A failure is not thrown (the trip holds in memory whatever the
    /// store says); the operator is told once per trip, since a restart before the save sticks would forget it.
    /// </summary>
    private async Task SaveUnsavedAsync(CancellationToken cancellationToken)
    {
        CircuitBreakerState? breaker;
        SafeModeState? safeMode;
        lock (_lock)
            (breaker, safeMode) = (_unsavedBreaker, _unsavedSafeMode);

        if (breaker is { } trip)
        {
            var error = await TrySaveAsync(() => _store.SaveCircuitBreakerAsync(trip, cancellationToken)).ConfigureAwait(false);
            bool report;
            lock (_lock)
            {
                if (error is null && _unsavedBreaker == trip)
                {
                    // Now in the store: a refresh that read it before this save must not apply what it read.
                    _unsavedBreaker = null;
                    _generation++;
                }

                report = error is not null && _reportedBreaker != trip;
                if (report)
                    _reportedBreaker = trip;
            }

            if (report)
            {
                _alerts.Raise(AlertKind.StorageUnavailable, $"Circuit breaker trip not saved: {error}. It holds in this process and is saved again every few seconds; a restart before that succeeds would forget it.");
            }
        }

        if (safeMode is { } mode)
        {
            var error = await TrySaveAsync(() => _store.SaveSafeModeAsync(mode, cancellationToken)).ConfigureAwait(false);
            bool report;
            lock (_lock)
            {
                if (error is null && _unsavedSafeMode == mode)
                {
                    // Now in the store: a refresh that read it before this save must not apply what it read.
                    _unsavedSafeMode = null;
                    _generation++;
                }

                report = error is not null && _reportedSafeMode != mode;
                if (report)
                    _reportedSafeMode = mode;
            }

            if (report)
            {
                _alerts.Raise(AlertKind.StorageUnavailable, $"Safe mode not saved: {error}. It holds in this process and is saved again every few seconds; a restart before that succeeds would forget it.");
            }
        }
    }

    /// <summary>The save's failure message, or null when it was written.</summary>
    private static async Task<string?> TrySaveAsync(Func<Task> save)
    {
        try
        {
            await save().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex.Message;
        }
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
        // Dropped before the store is cleared, so a retry of its save cannot write safe mode back afterwards.
        lock (_lock)
        {
            _unsavedSafeMode = null;
            _generation++;
        }

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
