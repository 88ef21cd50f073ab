using System.Collections.Concurrent;

namespace TradingBot.Worker.Hosting;

/// <summary>
/// Whether the trading loops are turning, for <see cref="SystemdWatchdog"/>. Each loop says, as it turns, when it
/// will be due again: the scanner and the monitor after their own wait (minutes when the market schedule is idle,
/// which is still alive), the evaluator and the executor when they take work (they owe nothing while they wait
/// for it). A loop past its due time is wedged. Alive means the loops turn, not that anything trades.
/// </summary>
internal sealed class LoopLiveness(TimeProvider time)
{
    /// <summary>
    /// What one turn may take on top of the wait: a scan of many series through the rate limiter, or an order write
    /// through its timeouts. Generous on purpose: a slow exchange is not a wedged bot, and a restart would not help it.
    /// </summary>
    public static readonly TimeSpan WorkAllowance = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    /// <summary><paramref name="loop"/> is turning and will turn again within <paramref name="wait"/> plus <see cref="WorkAllowance"/>.</summary>
    public void Beat(string loop, TimeSpan wait) => _due[loop] = time.GetUtcNow() + wait + WorkAllowance;

    /// <summary><paramref name="loop"/> waits for work from another loop: it is not due until it gets some.</summary>
    public void Waiting(string loop) => _due[loop] = DateTimeOffset.MaxValue;

    /// <summary>The loops past their due time, longest overdue first; empty when every loop is turning (or none has started).</summary>
    public IReadOnlyList<(string Loop, TimeSpan Overdue)> Overdue()
    {
        var now = time.GetUtcNow();
        return _due.Where(d => d.Value < now).Select(d => (d.Key, now - d.Value)).OrderByDescending(d => d.Item2).ToList();
    }
}
