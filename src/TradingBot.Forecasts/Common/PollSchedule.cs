using System.Globalization;

namespace TradingBot.Forecasts.Common;

/// <summary>
/// When a polled source may try again: every <c>interval</c> after a success; after failures, a delay that starts
/// at <c>firstRetry</c> and doubles up to <c>maxBackoff</c>, so a dead feed is not hammered and a revived one is
/// picked up within one back-off step. It also remembers the last good poll, which is what staleness is measured from.
/// </summary>
internal sealed class PollSchedule(TimeSpan interval, TimeSpan firstRetry, TimeSpan maxBackoff)
{
    private readonly Lock _lock = new();

    public DateTimeOffset? NextAttempt { get; private set; }

    public DateTimeOffset? LastSuccess { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    public string? LastError { get; private set; }

    public bool IsDue(DateTimeOffset now)
    {
        lock (_lock)
            return NextAttempt is not { } next || now >= next;
    }

    public void Succeeded(DateTimeOffset now)
    {
        lock (_lock)
        {
            LastSuccess = now;
            ConsecutiveFailures = 0;
            LastError = null;
            NextAttempt = now + interval;
        }
    }

    public TimeSpan Failed(DateTimeOffset now, string error)
    {
        lock (_lock)
        {
            ConsecutiveFailures++;
            LastError = error;
            var delay = BackoffAfter(ConsecutiveFailures, firstRetry, maxBackoff);
            NextAttempt = now + delay;
            return delay;
        }
    }

    public static TimeSpan BackoffAfter(int failures, TimeSpan firstRetry, TimeSpan maxBackoff)
    {
        // Doubling is capped before it can overflow: 2^30 × any sane first retry is already past any sane maximum.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(firstRetry.Ticks * factor, maxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The health line: failures with the next try, and staleness measured from the last good poll.</summary>
    public string? Describe(DateTimeOffset now, TimeSpan staleAfter)
    {
        lock (_lock)
        {
            string? failing = ConsecutiveFailures == 0
                ? null
                : $"{ConsecutiveFailures} failed poll(s) in a row, last: {LastError}; next try at {Show(NextAttempt)}";
            string? stale = LastSuccess switch
            {
                null => "no good poll yet",
                { } last when now - last > staleAfter => $"stale: last good poll at {Show(last)} ({Ago(now - last)} ago, limit {Ago(staleAfter)})",
                _ => null,
            };
            return ProblemText.Join(stale, failing);
        }
    }

    internal static string Show(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never";

    internal static string Ago(TimeSpan span) =>
        span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#}h")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#}m")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s");
}
