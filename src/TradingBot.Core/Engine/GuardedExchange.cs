using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// Every venue call through here feeds the API error guard: a transient failure (5xx, timeout, dropped connection,
/// 429, an open circuit) or an authentication failure counts against it; any definite answer resets the count.
/// A refusal of the request's content (400, 404, 409) is an answer, not a failure of the API.
/// </summary>
public sealed class GuardedExchange(IExchange inner, TradingControls controls) : IExchange
{
    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => Track("exchange status", inner.GetExchangeStatusAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => Track("exchange schedule", inner.GetMaintenanceWindowsAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => Track($"series {seriesTicker}", inner.GetSeriesAsync(seriesTicker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => Track($"fee changes of {seriesTicker}", inner.GetSeriesFeeChangesAsync(seriesTicker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => Track("events' fee changes", inner.GetEventFeeChangesAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) => Track("markets", inner.GetMarketsAsync(query, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) => Track($"events of {seriesTicker}", inner.GetEventsAsync(seriesTicker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => Track($"order book {ticker}", inner.GetOrderBookAsync(ticker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => Track($"{tickers.Count} order books", inner.GetOrderBooksAsync(tickers, cancellationToken), cancellationToken);

    public Task<ExchangeResult<Money>> GetBalanceAsync(CancellationToken cancellationToken) => Track("balance", inner.GetBalanceAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => Track("positions", inner.GetPositionsAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Track("fills", inner.GetFillsAsync(since, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Track("settlements", inner.GetSettlementsAsync(since, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Track("orders", inner.GetOrdersAsync(since, cancellationToken), cancellationToken);

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => Track($"order {orderId}", inner.GetOrderAsync(orderId, cancellationToken), cancellationToken);

    public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken) => Track($"create order {order.ClientOrderId}", inner.CreateOrderAsync(order, cancellationToken), cancellationToken);

    public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) => Track($"cancel order {orderId}", inner.CancelOrderAsync(orderId, ticker, cancellationToken), cancellationToken);

    private async Task<ExchangeResult<T>> Track<T>(string what, Task<ExchangeResult<T>> call, CancellationToken cancellationToken)
    {
        var result = await call.ConfigureAwait(false);
        if (result.Success || !CountsAsFailure(result.Error))
            controls.RecordApiSuccess();
        else
            await controls.RecordApiFailureAsync($"{what}: {result.Error}", cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The client's own write bucket refusing a write (no HTTP status: nothing was sent) says nothing about the venue.</summary>
    private static bool CountsAsFailure(ExchangeError error) =>
        error.Kind == ExchangeErrorKind.Auth || (error.IsTransient && !(error.Kind == ExchangeErrorKind.RateLimited && error.HttpStatus is null));
}
