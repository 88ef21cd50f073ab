using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// Every venue call through here feeds the API error guard, on its path: each member below says whether it is a
/// <see cref="Read"/> or an order <see cref="Write"/>, and that is the only place the two are told apart (a new
/// order write, e.g. an amend, is one more line through <see cref="Write"/>). A read's transient failure (5xx,
/// timeout, dropped connection, 429, an open circuit) or authentication failure counts against the read path; a
/// write counts those and also an unreadable 2xx (the venue may have acted and we cannot tell). A refusal of the
/// request's content (400, 404, 409) is an answer and resets its path's count. While the write path is backing off
/// after a failure, writes that add risk are refused here without being sent; writes that reduce it (a cancel, a
/// reduce-only exit) still go: the back-off only guards new risk, and a stop-loss must not wait on it.
/// </summary>
public sealed class GuardedExchange(IExchange inner, TradingControls controls) : IExchange
{
    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => Read("exchange status", inner.GetExchangeStatusAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => Read("exchange schedule", inner.GetMaintenanceWindowsAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => Read($"series {seriesTicker}", inner.GetSeriesAsync(seriesTicker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => Read($"fee changes of {seriesTicker}", inner.GetSeriesFeeChangesAsync(seriesTicker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => Read("events' fee changes", inner.GetEventFeeChangesAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) => Read("markets", inner.GetMarketsAsync(query, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) => Read($"events of {seriesTicker}", inner.GetEventsAsync(seriesTicker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => Read($"order book {ticker}", inner.GetOrderBookAsync(ticker, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => Read($"{tickers.Count} order books", inner.GetOrderBooksAsync(tickers, cancellationToken), cancellationToken);

    public Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) => Read("balance", inner.GetBalanceAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => Read("positions", inner.GetPositionsAsync(cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Read("fills", inner.GetFillsAsync(since, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Read("settlements", inner.GetSettlementsAsync(since, cancellationToken), cancellationToken);

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) => Read("orders", inner.GetOrdersAsync(since, cancellationToken), cancellationToken);

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => Read($"order {orderId}", inner.GetOrderAsync(orderId, cancellationToken), cancellationToken);

    public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken) => Write($"create order {order.ClientOrderId}", () => inner.CreateOrderAsync(order, cancellationToken), cancellationToken, reducesRisk: order.ReduceOnly);

    public Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken) => Write($"amend order {amend.OrderId}", () => inner.AmendOrderAsync(amend, cancellationToken), cancellationToken);

    public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) => Write($"cancel order {orderId}", () => inner.CancelOrderAsync(orderId, ticker, cancellationToken), cancellationToken, reducesRisk: true);

    private Task<ExchangeResult<T>> Read<T>(string what, Task<ExchangeResult<T>> call, CancellationToken cancellationToken) =>
        TrackAsync(ApiPath.Read, what, call, cancellationToken);

    /// <summary>
    /// An order write. One that adds risk is sent only when the write path is not backing off, otherwise refused unsent
    /// like the client's own write bucket does; one that reduces risk is always sent (and counted).
    /// </summary>
    private Task<ExchangeResult<T>> Write<T>(string what, Func<Task<ExchangeResult<T>>> send, CancellationToken cancellationToken, bool reducesRisk = false)
    {
        if (!reducesRisk && controls.ApiBackingOffUntil(ApiPath.Write) is { } until)
        {
            return Task.FromResult(ExchangeResult<T>.Fail(new ExchangeError(ExchangeErrorKind.RateLimited,
                $"{what}: order writes back off after {controls.Guard.ConsecutiveFailures(ApiPath.Write)} failed in a row, until {until:O}; not sent")));
        }

        return TrackAsync(ApiPath.Write, what, send(), cancellationToken);
    }

    private async Task<ExchangeResult<T>> TrackAsync<T>(ApiPath path, string what, Task<ExchangeResult<T>> call, CancellationToken cancellationToken)
    {
        var result = await call.ConfigureAwait(false);
        switch (Classify(path, result.Error))
        {
            case Outcome.Failure:
                await controls.RecordApiFailureAsync(path, $"{what}: {result.Error}", cancellationToken).ConfigureAwait(false);
                break;
            case Outcome.Answer:
                controls.RecordApiSuccess(path);
                break;
        }

        return result;
    }

    private enum Outcome
    {
        Answer,
        Failure,

        /// <summary>Refused before anything was sent (the client's own write bucket): says nothing about the venue either way.</summary>
        NotSent,
    }

    private static Outcome Classify(ApiPath path, ExchangeError? error) => error switch
    {
        null => Outcome.Answer,
        { Kind: ExchangeErrorKind.RateLimited, HttpStatus: null } => Outcome.NotSent,
        { Kind: ExchangeErrorKind.Auth } => Outcome.Failure,
        { IsTransient: true } => Outcome.Failure,
        // An order write whose 2xx cannot be read may have placed or cancelled something: as bad as a timeout.
        { Kind: ExchangeErrorKind.Unreadable } when path == ApiPath.Write => Outcome.Failure,
        _ => Outcome.Answer,
    };
}
