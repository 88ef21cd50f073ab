using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Exchange;

/// <summary>
/// The venue, in Core's terms: Kalshi's REST API in Demo/Live, the bundled simulator in Paper mode. Every call
/// returns a value (never throws for a venue problem). Order writes are sent once: a result whose error has
/// <see cref="ExchangeError.SubmitOutcomeUnknown"/> must go to reconciliation, never straight back here.
/// </summary>
public interface IExchange
{
    Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken);

    /// <summary>Announced maintenance windows, during which nothing trades.</summary>
    Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken);

    Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken);

    /// <summary>The series' fee changes still to come (a change already made is in <see cref="SeriesInfo.Fees"/>).</summary>
    Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken);

    /// <summary>Scheduled changes of events' fee overrides, every event's, across all pages.</summary>
    Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken);

    /// <summary>Every market matching the query, across all pages.</summary>
    Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken);

    /// <summary>Open events of a series with their game start times; <see cref="EventInfo.Markets"/> may be empty (list markets separately).</summary>
    Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken);

    Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken);

    /// <summary>Several books in as few requests as the venue allows (Kalshi: 100 to a request), all as of one moment.</summary>
    Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken);

    /// <summary>Cash available to trade, in total and per exchange shard.</summary>
    Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken);

    Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken);

    /// <summary>Fills at or after <paramref name="since"/> (all when null), across all pages.</summary>
    Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Orders created at or after <paramref name="since"/> (all when null), across all pages.</summary>
    Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Sends the order once. A 409 comes back as <see cref="ExchangeErrorKind.Conflict"/>: the id already exists.</summary>
    Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken);

    /// <summary>Cancels what rests of an order; the market routes the cancel to the exchange shard that holds it.</summary>
    Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken);

    /// <summary>Re-prices or re-sizes a resting order in place, once. Like a create, an unknown outcome goes to reconciliation.</summary>
    Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken);
}
