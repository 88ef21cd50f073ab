using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Replay;

/// <summary>
/// The bot's store held in memory for one replay: the same contracts as the SQL store (an intent is committed before
/// its order, fills and settlements are recorded once, positions and P&amp;L by Core's <see cref="PositionLedger"/>),
/// without a database, so a replay leaves nothing behind and runs at memory speed. Single-threaded, as the replay is.
/// Held to every store contract the SQL stores are held to (MemoryStoreContractTests, with the suite in tests/Shared).
/// </summary>
internal sealed class MemoryBotStore : IBotStore, IOrderOutbox, ITradeLedger, IRiskStateStore, IDecisionLog, IMarketHistory, INotificationLog, IReconciliationLog, IControlStore
{
    private readonly Dictionary<ClientOrderId, OutboxEntry> _outbox = [];
    private readonly List<ClientOrderId> _outboxOrder = [];
    private bool _committedInTimeOrder = true;
    private readonly List<DecisionRecord> _decisions = [];
    private readonly List<NotificationRecord> _notifications = [];
    private readonly List<ReconciliationRecord> _reconciliations = [];
    private readonly List<ControlCommand> _commands = [];
    private readonly Dictionary<(MarketTicker Ticker, DateTimeOffset At), Quote> _quotes = [];
    private BotStatus? _status;

    /// <summary>The open entries by their place in <see cref="_outboxOrder"/>: a replay asks for them every scan, and walking every order ever made there grew with the history.</summary>
    private readonly SortedDictionary<int, ClientOrderId> _open = [];
    private readonly Dictionary<ClientOrderId, int> _sequence = [];
    private readonly List<FillInfo> _fills = [];
    private readonly HashSet<string> _fillIds = new(StringComparer.Ordinal);
    private readonly Dictionary<MarketTicker, SettlementInfo> _settlements = [];
    private readonly List<SettlementInfo> _settlementOrder = [];
    private readonly Dictionary<string, DateTimeOffset> _watermarks = new(StringComparer.Ordinal);
    private PositionLedger _ledger = new();
    private List<LedgerEntry> _entries = [];
    private StoredRiskState _risk = new(null, null, TradingState.Active, "");

    /// <summary>Every entry ever committed, in the order the bot committed them.</summary>
    public IEnumerable<OutboxEntry> AllOrders => _outboxOrder.Select(id => _outbox[id]);

    public IReadOnlyList<FillInfo> AllFills => _fills;

    public IReadOnlyList<SettlementInfo> AllSettlements => _settlementOrder;

    public IReadOnlyList<LedgerEntry> AllEntries => _entries;

    /// <summary>Bumped whenever a fill or settlement changes the ledger: the replay runs the monitor after a change.</summary>
    public int LedgerVersion { get; private set; }

    public IOrderOutbox Outbox => this;

    public ITradeLedger Ledger => this;

    public IRiskStateStore Risk => this;

    public IDecisionLog Decisions => this;

    public IMarketHistory Markets => this;

    public INotificationLog Notifications => this;

    public IReconciliationLog Reconciliation => this;

    public IControlStore Control => this;

    public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Outbox

    public Task RecordIntentAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (!_outbox.TryAdd(entry.ClientOrderId, entry))
            throw new InvalidOperationException($"outbox already has an entry {entry.ClientOrderId}");
        _sequence[entry.ClientOrderId] = _outboxOrder.Count;
        if (_outboxOrder.Count > 0 && entry.CreatedAt < _outbox[_outboxOrder[^1]].CreatedAt)
            _committedInTimeOrder = false;
        _outboxOrder.Add(entry.ClientOrderId);
        TrackOpen(entry);
        return Task.CompletedTask;
    }

    private void TrackOpen(OutboxEntry entry)
    {
        var at = _sequence[entry.ClientOrderId];
        if (entry.IsOpen)
            _open[at] = entry.ClientOrderId;
        else
            _open.Remove(at);
    }

    public Task UpdateAsync(ClientOrderId clientOrderId, OutboxUpdate update, CancellationToken cancellationToken)
    {
        if (!_outbox.TryGetValue(clientOrderId, out var entry))
            throw new InvalidOperationException($"outbox has no entry {clientOrderId}");
        var order = entry.Order with { YesPrice = update.YesPrice ?? entry.Order.YesPrice, Count = update.Count ?? entry.Order.Count };
        var updated = entry with
        {
            Order = order,
            Status = update.Status,
            OrderId = update.OrderId ?? entry.OrderId,
            Filled = update.Filled,
            Remaining = update.Remaining,
            LastError = update.Error,
            UpdatedAt = update.At,
        };
        _outbox[clientOrderId] = updated;
        TrackOpen(updated);
        return Task.CompletedTask;
    }

    public Task<OutboxEntry?> FindAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult(_outbox.GetValueOrDefault(clientOrderId));

    public Task<IReadOnlyList<OutboxEntry>> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>(_open.Values.Select(id => _outbox[id]).ToList());

    /// <summary>
    /// Every evaluation asks (the stop-loss latch reads back its trading day): found by halving the commit order, which is
    /// oldest first while commits never go back in time, as on the replay's clock; walked whole otherwise.
    /// </summary>
    public Task<IReadOnlyList<OutboxEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!_committedInTimeOrder)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>(AllOrders.Where(e => e.CreatedAt >= since)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.ClientOrderId.Value, StringComparer.Ordinal).ToList());
        }

        int low = 0, high = _outboxOrder.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_outbox[_outboxOrder[middle]].CreatedAt < since)
                low = middle + 1;
            else
                high = middle;
        }

        var found = new List<OutboxEntry>(_outboxOrder.Count - low);
        for (var i = low; i < _outboxOrder.Count; i++)
            found.Add(_outbox[_outboxOrder[i]]);
        return Task.FromResult<IReadOnlyList<OutboxEntry>>(found);
    }

    /// <summary>Whether any order of the bot's may still act on the venue.</summary>
    public bool AnyOpen => _open.Count > 0;

    // Ledger

    public Task<bool> RecordFillAsync(FillInfo fill, CancellationToken cancellationToken)
    {
        if (!_fillIds.Add(fill.FillId))
            return Task.FromResult(false);
        _fills.Add(fill);
        _entries.AddRange(_ledger.Apply(fill));
        LedgerVersion++;
        return Task.FromResult(true);
    }

    public Task<bool> RecordSettlementAsync(SettlementInfo settlement, CancellationToken cancellationToken)
    {
        if (!_settlements.TryAdd(settlement.Ticker, settlement))
            return Task.FromResult(false);
        _settlementOrder.Add(settlement);
        _entries.AddRange(_ledger.Apply(settlement));
        LedgerVersion++;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<FillInfo>> FillsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FillInfo>>(_fills.ToList());

    public Task<IReadOnlyList<SettlementInfo>> SettlementsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SettlementInfo>>(_settlementOrder.ToList());

    public Task<IReadOnlyList<LedgerPosition>> PositionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerPosition>>(_ledger.Positions.OrderBy(p => p.Ticker.Value, StringComparer.Ordinal).ToList());

    public bool AnyPosition => _ledger.Positions.Count > 0;

    public IReadOnlyList<LedgerPosition> OpenPositions => _ledger.Positions.OrderBy(p => p.Ticker.Value, StringComparer.Ordinal).ToList();

    public Task<Money> RealizedPnlAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sum = Money.Zero;
        foreach (var entry in _entries)
        {
            if (entry.At >= from && entry.At < to)
                sum += entry.Amount;
        }

        return Task.FromResult(sum);
    }

    public Task<IReadOnlyList<LedgerEntry>> EntriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerEntry>>(_entries.Where(e => e.At >= from && e.At < to).OrderBy(e => e.At).ToList());

    public Task RebuildAsync(CancellationToken cancellationToken)
    {
        var (ledger, entries) = PositionLedger.Replay(_fills, _settlementOrder);
        _ledger = ledger;
        _entries = entries.ToList();
        LedgerVersion++;
        return Task.CompletedTask;
    }

    // Risk state

    public Task<StoredRiskState> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(_risk);

    public Task SaveCircuitBreakerAsync(CircuitBreakerState? state, CancellationToken cancellationToken)
    {
        _risk = _risk with { CircuitBreaker = state };
        return Task.CompletedTask;
    }

    public Task SaveSafeModeAsync(SafeModeState? state, CancellationToken cancellationToken)
    {
        _risk = _risk with { SafeMode = state };
        return Task.CompletedTask;
    }

    public Task SaveOperatorStateAsync(TradingState state, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _risk = _risk with { OperatorState = state, OperatorReason = reason };
        return Task.CompletedTask;
    }

    // Logs, kept as the SQL store keeps them: a replay writes few (the executor's decisions, reconciliations), and
    // nothing in it writes quotes, commands or status; its report is built from the ledger and the outbox.

    Task IDecisionLog.RecordAsync(DecisionRecord decision, CancellationToken cancellationToken) => Logged(_decisions, decision);

    Task<IReadOnlyList<DecisionRecord>> IDecisionLog.RecentAsync(int count, CancellationToken cancellationToken) => Newest(_decisions, count);

    public Task UpsertEventsAsync(IReadOnlyList<EventInfo> events, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordQuoteAsync(MarketTicker ticker, Quote quote, CancellationToken cancellationToken)
    {
        _quotes[(ticker, quote.ObservedAt)] = quote;
        return Task.CompletedTask;
    }

    public Task RecordForecastAsync(MarketTicker ticker, string source, Forecast forecast, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<(MarketTicker Ticker, Quote Quote)>> QuotesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(MarketTicker, Quote)>>(_quotes.Where(q => q.Key.At >= from && q.Key.At <= to)
            .OrderBy(q => q.Key.At).ThenBy(q => q.Key.Ticker.Value, StringComparer.Ordinal).Select(q => (q.Key.Ticker, q.Value)).ToList());

    Task INotificationLog.RecordAsync(NotificationRecord notification, CancellationToken cancellationToken) => Logged(_notifications, notification);

    Task<IReadOnlyList<NotificationRecord>> INotificationLog.RecentAsync(int count, CancellationToken cancellationToken) => Newest(_notifications, count);

    public Task<DateTimeOffset?> WatermarkAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_watermarks.TryGetValue(name, out var at) ? at : (DateTimeOffset?)null);

    /// <summary>Only moves forward, as the SQL store's: reconciliation re-reads from the watermark, so one set back re-reads what was already booked.</summary>
    public Task SetWatermarkAsync(string name, DateTimeOffset value, CancellationToken cancellationToken)
    {
        if (!_watermarks.TryGetValue(name, out var at) || value > at)
            _watermarks[name] = value;
        return Task.CompletedTask;
    }

    Task IReconciliationLog.RecordAsync(ReconciliationRecord record, CancellationToken cancellationToken) => Logged(_reconciliations, record);

    Task<IReadOnlyList<ReconciliationRecord>> IReconciliationLog.RecentAsync(int count, CancellationToken cancellationToken) => Newest(_reconciliations, count);

    public Task SaveStatusAsync(BotStatus status, CancellationToken cancellationToken)
    {
        _status = status;
        return Task.CompletedTask;
    }

    public Task<BotStatus?> LoadStatusAsync(CancellationToken cancellationToken) => Task.FromResult(_status);

    public Task<long> IssueAsync(ControlCommandKind kind, string reason, string issuedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _commands.Add(new ControlCommand(_commands.Count + 1, kind, reason, issuedBy, at));
        return Task.FromResult((long)_commands.Count);
    }

    public Task<IReadOnlyList<ControlCommand>> PendingAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ControlCommand>>(_commands.Where(c => c.IsPending).ToList());

    /// <summary>A command is completed once; a second completion is ignored.</summary>
    public Task CompleteAsync(long id, string outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (id >= 1 && id <= _commands.Count && _commands[(int)id - 1].IsPending)
            _commands[(int)id - 1] = _commands[(int)id - 1] with { DoneAt = at, Outcome = outcome };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ControlCommand>> RecentAsync(int count, CancellationToken cancellationToken) => Newest(_commands, count);

    private static Task Logged<T>(List<T> log, T record)
    {
        log.Add(record);
        return Task.CompletedTask;
    }

    private static Task<IReadOnlyList<T>> Newest<T>(List<T> log, int count) =>
        Task.FromResult<IReadOnlyList<T>>(log.AsEnumerable().Reverse().Take(count).ToList());
}
