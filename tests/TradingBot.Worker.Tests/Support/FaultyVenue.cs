using TradingBot.Core.Fees;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Worker.Tests.Support;

/// <summary>The venue, except for the reads a test makes fail (a 5xx on GET /portfolio/fills or /portfolio/balance).</summary>
internal sealed class FaultyVenue(IExchange inner) : IExchange
{
    public bool FillsUnreadable { get; set; }

    public bool BalanceUnreadable { get; set; }

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
    FillsUnreadable
        ? Task.FromResult<ExchangeResult<IReadOnlyList<FillInfo>>>(new ExchangeError(ExchangeErrorKind.Unavailable, "injected: fills unreadable"))
        : inner.GetFillsAsync(since, cancellationToken);

    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => inner.GetExchangeStatusAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => inner.GetMaintenanceWindowsAsync(cancellationToken);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesFeeChangesAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => inner.GetEventFeeChangesAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) => inner.GetMarketsAsync(query, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetEventsAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => inner.GetOrderBookAsync(ticker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => inner.GetOrderBooksAsync(tickers, cancellationToken);

    public Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) =>
        BalanceUnreadable
            ? Task.FromResult<ExchangeResult<AccountBalance>>(new ExchangeError(ExchangeErrorKind.Unavailable, "injected: balance unreadable"))
            : inner.GetBalanceAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetSettlementsAsync(since, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetOrdersAsync(since, cancellationToken);

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => inner.GetOrderAsync(orderId, cancellationToken);

    public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken) => inner.CreateOrderAsync(order, cancellationToken);

    public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) => inner.CancelOrderAsync(orderId, ticker, cancellationToken);
}
