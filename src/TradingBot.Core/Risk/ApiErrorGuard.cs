namespace TradingBot.Core.Risk;

/// <summary>What must survive a restart: safe mode, why, and since when.</summary>
public readonly record struct SafeModeState(string Reason, DateTimeOffset Since);

/// <summary>The guard's answer to a failure: how long to back off, and whether this failure entered safe mode.</summary>
public readonly record struct ApiFailureStep(int ConsecutiveFailures, TimeSpan Backoff, bool EnteredSafeMode);

/// <summary>
/// Counts consecutive failed API calls. Each failure backs off exponentially (initial, 2×, 4×, … up to the
/// maximum); at the threshold the bot enters safe mode: no orders until an operator resumes, even across
/// restarts. A success resets the count but never leaves safe mode by itself.
/// </summary>
public sealed class ApiErrorGuard
{
    private readonly int _threshold;
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    public ApiErrorGuard(int threshold, TimeSpan initialBackoff, TimeSpan maxBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, initialBackoff);
        _threshold = threshold;
        _initial = initialBackoff;
        _max = maxBackoff;
    }

    public int ConsecutiveFailures { get; private set; }

    public SafeModeState? SafeMode { get; private set; }

    public bool InSafeMode => SafeMode is not null;

    public ApiFailureStep RecordFailure(string what, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        var entered = false;
        if (ConsecutiveFailures >= _threshold && SafeMode is null)
        {
            SafeMode = new SafeModeState($"{ConsecutiveFailures} consecutive API failures, the last: {what}", now);
            entered = true;
        }

        return new ApiFailureStep(ConsecutiveFailures, BackoffFor(ConsecutiveFailures), entered);
    }

    public void RecordSuccess() => ConsecutiveFailures = 0;

    /// <summary>The operator's resume: leaves safe mode and starts counting afresh.</summary>
    public void Resume()
    {
        SafeMode = null;
        ConsecutiveFailures = 0;
    }

    public void Restore(SafeModeState? state) => SafeMode = state;

    /// <summary>initial × 2^(n−1), capped at the maximum.</summary>
    public TimeSpan BackoffFor(int failures)
    {
        if (failures <= 0)
            return TimeSpan.Zero;
        var doublings = Math.Min(failures - 1, 30);
        var ticks = Math.Min((double)_initial.Ticks * Math.Pow(2, doublings), _max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
