using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Core.Persistence;

/// <summary>
/// Fills, settlements, the positions they add up to and the realised P&amp;L ledger. Recording is idempotent: a fill
/// (by fill id) or a settlement (by market) is stored once however often it is offered.
/// </summary>
public interface ITradeLedger
{
    /// <summary>True when the fill was new. Updates the position and the ledger in the same transaction.</summary>
    Task<bool> RecordFillAsync(FillInfo fill, CancellationToken cancellationToken);

    /// <summary>True when the settlement was new. Closes the position and books its P&amp;L in the same transaction.</summary>
    Task<bool> RecordSettlementAsync(SettlementInfo settlement, CancellationToken cancellationToken);

    Task<IReadOnlyList<FillInfo>> FillsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SettlementInfo>> SettlementsAsync(CancellationToken cancellationToken);

    /// <summary>Open positions as the ledger has them.</summary>
    Task<IReadOnlyList<LedgerPosition>> PositionsAsync(CancellationToken cancellationToken);

    /// <summary>Realised P&amp;L (trading gains and losses, settlements, less fees) booked in [from, to): a trading day's window.</summary>
    Task<Money> RealizedPnlAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Every ledger entry booked in [from, to), in time order.</summary>
    Task<IReadOnlyList<LedgerEntry>> EntriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Rebuilds positions and the ledger from every stored fill and settlement, in time order.</summary>
    Task RebuildAsync(CancellationToken cancellationToken);
}

/// <summary>Risk state that must survive a restart: the day's circuit breaker, safe mode, and the operator's control.</summary>
public sealed record StoredRiskState(CircuitBreakerState? CircuitBreaker, SafeModeState? SafeMode, TradingState OperatorState, string OperatorReason);

public interface IRiskStateStore
{
    Task<StoredRiskState> LoadAsync(CancellationToken cancellationToken);

    Task SaveCircuitBreakerAsync(CircuitBreakerState? state, CancellationToken cancellationToken);

    Task SaveSafeModeAsync(SafeModeState? state, CancellationToken cancellationToken);

    Task SaveOperatorStateAsync(TradingState state, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>One evaluation of a market: what was decided and the numbers behind it, taken or denied.</summary>
public sealed record DecisionRecord(
    DateTimeOffset At,
    MarketTicker Ticker,
    string Outcome,
    string Code,
    string Detail,
    OutcomeSide? Side,
    Price? Price,
    Contracts Count,
    Probability? ModelProbability,
    Money Edge,
    Money ExpectedValue);

public interface IDecisionLog
{
    Task RecordAsync(DecisionRecord decision, CancellationToken cancellationToken);

    Task<IReadOnlyList<DecisionRecord>> RecentAsync(int count, CancellationToken cancellationToken);
}

/// <summary>Markets and events seen, the recorded quotes and the forecasts used: what the bot looked at.</summary>
public interface IMarketHistory
{
    Task UpsertEventsAsync(IReadOnlyList<EventInfo> events, CancellationToken cancellationToken);

    Task RecordQuoteAsync(MarketTicker ticker, Quote quote, CancellationToken cancellationToken);

    Task RecordForecastAsync(MarketTicker ticker, string source, Forecast forecast, CancellationToken cancellationToken);

    Task<IReadOnlyList<(MarketTicker Ticker, Quote Quote)>> QuotesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>A notification sent to the operator (or that failed to send).</summary>
public sealed record NotificationRecord(DateTimeOffset At, string Kind, string Message, bool Delivered);

public interface INotificationLog
{
    Task RecordAsync(NotificationRecord notification, CancellationToken cancellationToken);

    Task<IReadOnlyList<NotificationRecord>> RecentAsync(int count, CancellationToken cancellationToken);
}

/// <summary>What one reconciliation found and changed.</summary>
public sealed record ReconciliationRecord(DateTimeOffset At, string Summary, int Changes, int Mismatches);

/// <summary>Reconciliation's bookmarks (how far fills and settlements have been pulled) and its reports.</summary>
public interface IReconciliationLog
{
    Task<DateTimeOffset?> WatermarkAsync(string name, CancellationToken cancellationToken);

    Task SetWatermarkAsync(string name, DateTimeOffset value, CancellationToken cancellationToken);

    Task RecordAsync(ReconciliationRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReconciliationRecord>> RecentAsync(int count, CancellationToken cancellationToken);
}

/// <summary>Everything the bot persists, behind one provider (SQLite or PostgreSQL).</summary>
public interface IBotStore
{
    IOrderOutbox Outbox { get; }

    ITradeLedger Ledger { get; }

    IRiskStateStore Risk { get; }

    IDecisionLog Decisions { get; }

    IMarketHistory Markets { get; }

    INotificationLog Notifications { get; }

    IReconciliationLog Reconciliation { get; }

    IControlStore Control { get; }

    /// <summary>Throws when the store cannot be reached; the bot sends no order until it can.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
