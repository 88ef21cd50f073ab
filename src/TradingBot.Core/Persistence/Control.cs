using TradingBot.Core.Values;

namespace TradingBot.Core.Persistence;

/// <summary>What an operator can ask of the running bot, from the CLI or the dashboard's API.</summary>
public enum ControlCommandKind
{
    /// <summary>No order at all, entries or exits, until resumed.</summary>
    Halt,

    /// <summary>Exits only: no new risk.</summary>
    ReduceOnly,

    /// <summary>Trading active again; safe mode left. A tripped daily breaker still holds until its day ends.</summary>
    Resume,

    /// <summary>Reducing-only, and every position sold with reduce-only IOC orders until none is left.</summary>
    Flatten,
}

/// <summary>
/// One operator command: written to storage by whoever sent it (the CLI, the API), carried out by the running
/// worker, the only writer of the trading state, which records when and what came of it.
/// </summary>
public sealed record ControlCommand(long Id, ControlCommandKind Kind, string Reason, string IssuedBy, DateTimeOffset IssuedAt,
    DateTimeOffset? DoneAt = null, string? Outcome = null)
{
    public bool IsPending => DoneAt is null;
}

/// <summary>
/// The worker's state as it last wrote it (every few seconds): its heartbeat, the trading state and every reason
/// for it, the breaker with the day's realised P&amp;L against its limit, safe mode, the exchange's flags, the last
/// scan, the markets tracked, the balance, and its version. The dashboard reads this; it never asks the worker.
/// </summary>
public sealed record BotStatus(
    DateTimeOffset At,
    DateTimeOffset StartedAt,
    string Version,
    string Mode,
    string State,
    IReadOnlyList<string> Reasons,
    bool BreakerTripped,
    Money RealisedToday,
    Money DailyLossLimit,
    string? SafeModeReason,
    DateTimeOffset? SafeModeSince,
    bool ExchangeActive,
    bool ExchangeTradingActive,
    DateTimeOffset? LastScanAt,
    int MarketsTracked,
    Money? Balance,
    int Positions,
    int OpenOrders,
    bool Flattening,
    IReadOnlyList<PositionMark>? Marks = null);

/// <summary>
/// A position as the worker last marked it: at the bid others would buy its side at (what selling now would fetch),
/// null when the market has no such bid or is not tracked. Unrealised is that mark less the capital (cost and fees).
/// </summary>
public sealed record PositionMark(string Ticker, string Side, Contracts Count, Money Cost, Money Fees, Money? Mark, Money? Unrealised);

/// <summary>The worker's heartbeat and status, and the operator's commands to it.</summary>
public interface IControlStore
{
    Task SaveStatusAsync(BotStatus status, CancellationToken cancellationToken);

    /// <summary>The status the worker last wrote, or null when no worker ever ran on this database.</summary>
    Task<BotStatus?> LoadStatusAsync(CancellationToken cancellationToken);

    /// <summary>Records a command for the worker to carry out; returns its id.</summary>
    Task<long> IssueAsync(ControlCommandKind kind, string reason, string issuedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Commands not yet carried out, oldest first.</summary>
    Task<IReadOnlyList<ControlCommand>> PendingAsync(CancellationToken cancellationToken);

    Task CompleteAsync(long id, string outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The latest commands, newest first, done or not.</summary>
    Task<IReadOnlyList<ControlCommand>> RecentAsync(int count, CancellationToken cancellationToken);
}
