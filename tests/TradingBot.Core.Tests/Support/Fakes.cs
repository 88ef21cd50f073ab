using TradingBot.Core.Fees;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Core.Tests.Support;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Risk state in memory; its saves throw while <see cref="FailSaves"/> is set (a database that went away).</summary>
internal sealed class MemoryRiskStore : IRiskStateStore
{
    public StoredRiskState Stored { get; private set; } = new(null, null, TradingState.Active, "");

    public bool FailSaves { get; set; }

    public int FailedSaves { get; private set; }

    public Task<StoredRiskState> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Stored);

    public Task SaveCircuitBreakerAsync(CircuitBreakerState? state, CancellationToken cancellationToken) => Save(Stored with { CircuitBreaker = state });

    public Task SaveSafeModeAsync(SafeModeState? state, CancellationToken cancellationToken) => Save(Stored with { SafeMode = state });

    public Task SaveOperatorStateAsync(TradingState state, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        Save(Stored with { OperatorState = state, OperatorReason = reason });

    private Task Save(StoredRiskState next)
    {
        if (FailSaves)
        {
            FailedSaves++;
            throw new InvalidOperationException("injected: database unreachable");
        }

        Stored = next;
        return Task.CompletedTask;
    }
}

/// <summary>Operator alerts kept for the test to read.</summary>
internal sealed class KeptAlerts : IOperatorAlerts
{
    public List<(AlertKind Kind, string Message)> Raised { get; } = [];

    public void Raise(AlertKind kind, string message) => Raised.Add((kind, message));
}

/// <summary>
/// A venue whose every read and order write answers as the test sets: <see cref="ReadError"/> / <see cref="WriteError"/>
/// when set, otherwise a success. Counts the writes that reached it.
/// </summary>
internal sealed class ScriptedExchange : IExchange
{
    public ExchangeError? ReadError { get; set; }

    public ExchangeError? WriteError { get; set; }

    public int WritesReceived { get; private set; }

    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => Read(ExchangeStatus.Open);

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => Read<IReadOnlyList<MaintenanceWindow>>([]);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => NotFound<SeriesInfo>();

    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => Read<IReadOnlyList<SeriesFeeChange>>([]);

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => Read<IReadOnlyList<EventFeeChange>>([]);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) => Read<IReadOnlyList<MarketInfo>>([]);

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) => Read<IReadOnlyList<EventInfo>>([]);

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => Read(new OrderBook(ticker, [], [], Build.Now));

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => Read<IReadOnlyList<OrderBook>>([]);

    public Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) => Read(AccountBalance.Unsharded(Money.FromDollars(1000m)));

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => Read<IReadOnlyList<PositionInfo>>([]);

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Read<IReadOnlyList<FillInfo>>([]);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Read<IReadOnlyList<SettlementInfo>>([]);

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Read<IReadOnlyList<OrderInfo>>([]);

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => NotFound<OrderInfo>();

    public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken) =>
        Write(new OrderAck("o-" + order.ClientOrderId.Value, order.ClientOrderId, Contracts.Zero, order.Count));

    public Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken) => Write(new AmendAck(amend.OrderId));

    public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) =>
        Write(new CancelAck(orderId, Contracts.Zero));

    private Task<ExchangeResult<T>> Read<T>(T value) =>
        Task.FromResult(ReadError is { } error ? ExchangeResult<T>.Fail(error) : ExchangeResult<T>.Ok(value));

    private Task<ExchangeResult<T>> NotFound<T>() =>
        Task.FromResult(ExchangeResult<T>.Fail(ReadError ?? new ExchangeError(ExchangeErrorKind.NotFound, "not scripted")));

    private Task<ExchangeResult<T>> Write<T>(T value)
    {
        WritesReceived++;
        return Task.FromResult(WriteError is { } error ? ExchangeResult<T>.Fail(error) : ExchangeResult<T>.Ok(value));
    }
}
