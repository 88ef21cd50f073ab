using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Backtest.Replay;

/// <summary>
/// The in-process venue, but listing a series' events as Kalshi does, open ones only: a replay lists a season's
/// games one after another, and asking the engine for every event it ever held on every scan would grow with the
/// season. Events come without their markets (the scan lists markets separately, as <see cref="IExchange"/> allows).
/// A series' open markets are looked for among its open events' markets (<paramref name="marketsOfOpenEvents"/>, in
/// the order they were listed, as the engine lists them), not among every market the engine ever held.
/// </summary>
internal sealed class ListingVenue(IExchange inner, SimExchange exchange, Func<string, IEnumerable<string>> openEventsOf, Func<string, IEnumerable<string>> marketsOfOpenEvents) : IExchange
{
    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) =>
        Task.FromResult(ExchangeResult<IReadOnlyList<EventInfo>>.Ok(exchange.Read(e => openEventsOf(seriesTicker)
            .Select(ticker => e.Events[ticker])
            .Select(ev =>
            {
                var (type, multiplier) = e.EventFeeOverrideAt(ev.Ticker, e.Clock.GetUtcNow());
                return new EventInfo(EventTicker.Parse(ev.Ticker), ev.SeriesTicker, ev.Title, ev.GameStart, [], ev.IsMutuallyExclusive,
                    new FeeOverride(type, multiplier), ev.SubTitle, ev.Competition);
            })
            .ToList())));

    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => inner.GetExchangeStatusAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => inner.GetMaintenanceWindowsAsync(cancellationToken);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesFeeChangesAsync(seriesTicker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => inner.GetEventFeeChangesAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) =>
        query is { Event: null, Status: "open", SeriesTicker: { } series }
            ? Task.FromResult(ExchangeResult<IReadOnlyList<MarketInfo>>.Ok(exchange.Read(e => marketsOfOpenEvents(series)
                .Select(ticker => e.Markets[ticker])
                .Where(m => m.Status == MarketStatus.Active)
                .Select(m => InProcessVenue.ToMarket(e, m))
                .ToList())))
            : inner.GetMarketsAsync(query, cancellationToken);

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => inner.GetOrderBookAsync(ticker, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => inner.GetOrderBooksAsync(tickers, cancellationToken);

    public Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) => inner.GetBalanceAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetFillsAsync(since, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetSettlementsAsync(since, cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetOrdersAsync(since, cancellationToken);

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => inner.GetOrderAsync(orderId, cancellationToken);

    public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken) => inner.CreateOrderAsync(order, cancellationToken);

    public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) => inner.CancelOrderAsync(orderId, ticker, cancellationToken);

    public Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken) => inner.AmendOrderAsync(amend, cancellationToken);
}
