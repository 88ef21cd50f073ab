using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Tests.Venues;

/// <summary>How an order write goes wrong on its way to the venue and back.</summary>
public enum CreateFault
{
    None,

    /// <summary>The connection drops before the request arrives: nothing is placed.</summary>
    LostBeforeVenue,

    /// <summary>The venue places the order, then the reply is lost (a timeout): the outcome is unknown.</summary>
    LostAfterVenue,
}

/// <summary>A real venue (the simulator's engine) behind a wire that can lose order writes either side of the venue.</summary>
/// <remarks>Shared by the test projects that opt in (their csproj compiles tests/Shared/Venues).</remarks>
internal sealed class FaultyVenue(IExchange inner) : IExchange
{
    public CreateFault NextCreate { get; set; }

    public int CreatesReceived { get; private set; }

    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => inner.GetExchangeStatusAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => inner.GetMaintenanceWindowsAsync(cancellationToken);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesFeeChangesAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => inner.GetEventFeeChangesAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) => inner.GetMarketsAsync(query, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetEventsAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => inner.GetOrderBookAsync(ticker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => inner.GetOrderBooksAsync(tickers, cancellationToken);

    /// <summary>While set, balance reads fail as a venue outage would.</summary>
    public bool BalanceUnavailable { get; set; }

    public Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) =>
        BalanceUnavailable
            ? Task.FromResult(ExchangeResult<AccountBalance>.Fail(new ExchangeError(ExchangeErrorKind.Server, "balance unavailable", HttpStatus: 503)))
            : inner.GetBalanceAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    /// <summary>While set, fill reads fail as a venue outage would.</summary>
    public bool FillsUnavailable { get; set; }

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        FillsUnavailable
            ? Task.FromResult(ExchangeResult<IReadOnlyList<FillInfo>>.Fail(new ExchangeError(ExchangeErrorKind.Server, "fills unavailable", HttpStatus: 503)))
            : inner.GetFillsAsync(since, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetSettlementsAsync(since, cancellationToken);

    /// <summary>Orders the venue lists besides the member's own, e.g. another subaccount's under an unscoped read.</summary>
    public List<OrderInfo> ForeignOrders { get; } = [];

    public async Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var orders = await inner.GetOrdersAsync(since, cancellationToken);
        return orders.Success ? ExchangeResult<IReadOnlyList<OrderInfo>>.Ok([.. orders.Value, .. ForeignOrders]) : orders;
    }

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => inner.GetOrderAsync(orderId, cancellationToken);

    /// <summary>How the next amend goes wrong (the same two ways as a create).</summary>
    public CreateFault NextAmend { get; set; }

    public async Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken)
    {
        var fault = NextAmend;
        NextAmend = CreateFault.None;
        if (fault == CreateFault.LostBeforeVenue)
            return new ExchangeError(ExchangeErrorKind.Transport, "connection reset before the request was sent");
        var result = await inner.AmendOrderAsync(amend, cancellationToken);
        return fault == CreateFault.LostAfterVenue ? new ExchangeError(ExchangeErrorKind.Timeout, "no reply within 10 s") : result;
    }

    /// <summary>How the next cancel goes wrong (the same two ways as a create).</summary>
    public CreateFault NextCancel { get; set; }

    public async Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken)
    {
        var fault = NextCancel;
        NextCancel = CreateFault.None;
        if (fault == CreateFault.LostBeforeVenue)
            return new ExchangeError(ExchangeErrorKind.Transport, "connection reset before the request was sent");
        var result = await inner.CancelOrderAsync(orderId, ticker, cancellationToken);
        return fault == CreateFault.LostAfterVenue ? new ExchangeError(ExchangeErrorKind.Timeout, "no reply within 10 s") : result;
    }

    public async Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        var fault = NextCreate;
        NextCreate = CreateFault.None;
        if (fault == CreateFault.LostBeforeVenue)
            return new ExchangeError(ExchangeErrorKind.Transport, "connection reset before the request was sent");
        CreatesReceived++;
        var result = await inner.CreateOrderAsync(order, cancellationToken);
        return fault == CreateFault.LostAfterVenue ? new ExchangeError(ExchangeErrorKind.Timeout, "no reply within 10 s") : result;
    }
}
