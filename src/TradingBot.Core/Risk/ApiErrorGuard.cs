namespace TradingBot.Core.Risk;

/// <summary>What must survive a restart: safe mode, why, and since when.</summary>
public readonly record struct SafeModeState(string Reason, DateTimeOffset Since);

/// <summary>The guard's answer to a failure: how long to back off, and whether this failure entered safe mode.</summary>
public readonly record struct ApiFailureStep(int ConsecutiveFailures, TimeSpan Backoff, bool EnteredSafeMode);

/// <summary>
/// The two paths the guard counts apart. Order writes (create, cancel, …) are what loses money when the venue is
/// sick, and reads far outnumber them: counted together, every successful read would wipe out the failed writes
/// before them and a venue that refuses every order while it answers reads would never reach safe mode.
/// </summary>
public enum ApiPath
{
    Read,
    Write,
}

/// <summary>
/// Counts consecutive failed API calls, reads and order writes apart. Each failure backs its path off
/// exponentially (initial, 2×, 4×, … up to the maximum); at the threshold on either path the bot enters safe mode:
/// no orders until an operator resumes, even across restarts. A success resets its own path's count (a read never
/// forgives a failed write) but never leaves safe mode by itself.
/// </summary>
public sealed class ApiErrorGuard
{
    private readonly int _threshold;
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly int[] _failures = new int[2];
    private readonly DateTimeOffset?[] _backoffUntil = new DateTimeOffset?[2];

    public ApiErrorGuard(int threshold, TimeSpan initialBackoff, TimeSpan maxBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, initialBackoff);
        _threshold = threshold;
        _initial = initialBackoff;
        _max = maxBackoff;
    }

    public SafeModeState? SafeMode { get; private set; }

    public bool InSafeMode => SafeMode is not null;

    public int ConsecutiveFailures(ApiPath path) => _failures[(int)path];

    /// <summary>Until when the path backs off after its last failure; null once it succeeded (or never failed).</summary>
    public DateTimeOffset? BackingOffUntil(ApiPath path) => _backoffUntil[(int)path];

    public ApiFailureStep RecordFailure(ApiPath path, string what, DateTimeOffset now)
    {
        var failures = ++_failures[(int)path];
        var backoff = BackoffFor(failures);
        _backoffUntil[(int)path] = now + backoff;
        var entered = false;
        if (failures >= _threshold && SafeMode is null)
        {
            var calls = path == ApiPath.Write ? "order writes" : "reads";
            SafeMode = new SafeModeState($"{failures} consecutive API failures on {calls}, the last: {what}", now);
            entered = true;
        }

        return new ApiFailureStep(failures, backoff, entered);
    }

    public void RecordSuccess(ApiPath path)
    {
        _failures[(int)path] = 0;
        _backoffUntil[(int)path] = null;
    }

    /// <summary>The operator's resume: leaves safe mode and starts counting afresh on both paths.</summary>
    public void Resume()
    {
        SafeMode = null;
        RecordSuccess(ApiPath.Read);
        RecordSuccess(ApiPath.Write);
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
