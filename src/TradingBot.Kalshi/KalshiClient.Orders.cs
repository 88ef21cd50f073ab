using System.Text.Json.Serialization;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.RateLimiting;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi;

/// <summary>
/// Body of <c>POST /portfolio/events/orders</c> (schema <c>CreateOrderV2Request</c>), also one item of a batch create.
/// Prices are dollar strings on the YES leg and counts fixed-point strings, both formatted by the caller, so no
/// binary floating point ever touches an order. Unset optional fields are not sent.
/// </summary>
public sealed record CreateOrderV2Request
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    /// <summary>Persisted before the call: a second submit with the same id is refused with 409, which proves the first landed.</summary>
    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    /// <summary><see cref="OrderValues.Bid"/> or <see cref="OrderValues.Ask"/>, on the YES leg.</summary>
    [JsonPropertyName("side")]
    public required string Side { get; init; }

    /// <summary>Contracts, e.g. <c>"10.00"</c>.</summary>
    [JsonPropertyName("count")]
    public required string Count { get; init; }

    /// <summary>The YES price in dollars, e.g. <c>"0.5600"</c>; for an IOC, the worst price accepted.</summary>
    [JsonPropertyName("price")]
    public required string Price { get; init; }

    /// <summary>Unix seconds; only with <c>good_till_canceled</c> (there is no GTT time in force), never with IOC.</summary>
    [JsonPropertyName("expiration_time")]
    public long? ExpirationTime { get; init; }

    [JsonPropertyName("time_in_force")]
    public required string TimeInForce { get; init; }

    [JsonPropertyName("post_only")]
    public bool? PostOnly { get; init; }

    [JsonPropertyName("self_trade_prevention_type")]
    public required string SelfTradePreventionType { get; init; }

    [JsonPropertyName("cancel_order_on_pause")]
    public bool? CancelOrderOnPause { get; init; }

    /// <summary>Caps the count at the position held: exits use it so a stale view can never flip a position.</summary>
    [JsonPropertyName("reduce_only")]
    public bool? ReduceOnly { get; init; }

    [JsonPropertyName("subaccount")]
    public int? Subaccount { get; init; }

    [JsonPropertyName("order_group_id")]
    public string? OrderGroupId { get; init; }

    /// <summary>Left unset, Kalshi routes by <see cref="Ticker"/> to the market's shard.</summary>
    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

/// <summary>Body of <c>POST /portfolio/events/orders/batched</c>. Every order is billed, so the batch costs the sum of its items.</summary>
public sealed record BatchCreateOrdersV2Request
{
    [JsonPropertyName("orders")]
    public required IReadOnlyList<CreateOrderV2Request> Orders { get; init; }
}

/// <summary>
/// The query of <c>DELETE /portfolio/events/orders/{order_id}</c>. One of <see cref="MarketTicker"/> or
/// <see cref="ExchangeIndex"/> must be set: with neither, Kalshi looks only on shard 0, and a 404 from the wrong shard
/// would read as "the order is gone" while it still rests elsewhere.
/// </summary>
public sealed record CancelOrderV2Request
{
    public int? Subaccount { get; init; }

    public int? ExchangeIndex { get; init; }

    public string? MarketTicker { get; init; }

    internal Query ToQuery() => new Query()
        .Add("subaccount", Subaccount)
        .Add("exchange_index", ExchangeIndex)
        .Add("market_ticker", MarketTicker);
}

/// <summary>Body of <c>DELETE /portfolio/events/orders/batched</c>.</summary>
public sealed record BatchCancelOrdersV2Request
{
    [JsonPropertyName("orders")]
    public required IReadOnlyList<BatchCancelOrderV2Item> Orders { get; init; }
}

/// <summary>One order of a batch cancel; like a single cancel it must name its market or shard.</summary>
public sealed record BatchCancelOrderV2Item
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("subaccount")]
    public int? Subaccount { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    [JsonPropertyName("market_ticker")]
    public string? MarketTicker { get; init; }
}

/// <summary>Body of <c>POST /portfolio/events/orders/{order_id}/amend</c>: the new price and total count of a resting order.</summary>
public sealed record AmendOrderV2Request
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("side")]
    public required string Side { get; init; }

    [JsonPropertyName("price")]
    public required string Price { get; init; }

    /// <summary>The new total: contracts already filled plus the count that should rest after the amend.</summary>
    [JsonPropertyName("count")]
    public required string Count { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    [JsonPropertyName("updated_client_order_id")]
    public string? UpdatedClientOrderId { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    /// <summary>Sent as the <c>subaccount</c> query parameter: the amend body has no such field.</summary>
    [JsonIgnore]
    public int? Subaccount { get; init; }
}

/// <summary>
/// Body of <c>POST /portfolio/events/orders/{order_id}/decrease</c>. Exactly one of <see cref="ReduceBy"/> and
/// <see cref="ReduceTo"/>, and (as for a cancel) a market ticker or shard to route by.
/// </summary>
public sealed record DecreaseOrderV2Request
{
    [JsonPropertyName("reduce_by")]
    public string? ReduceBy { get; init; }

    [JsonPropertyName("reduce_to")]
    public string? ReduceTo { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    [JsonPropertyName("market_ticker")]
    public string? MarketTicker { get; init; }

    /// <summary>Sent as the <c>subaccount</c> query parameter: the decrease body has no such field.</summary>
    [JsonIgnore]
    public int? Subaccount { get; init; }
}

/// <summary>
/// The V2 order writes, the only ones Kalshi still accepts (the V1 <c>/portfolio/orders</c> writes are switched off).
/// Each takes its write tokens or fails at once, is sent at most once, and comes back as a value; a request the venue
/// would certainly refuse is refused here, before it costs tokens.
/// </summary>
public sealed partial class KalshiClient
{
    private const string OrdersPath = "portfolio/events/orders";

    public async Task<ExchangeResult<CreateOrderV2Reply>> CreateOrderAsync(CreateOrderV2Request request, CancellationToken cancellationToken)
    {
        var result = await transport.WriteAsync(HttpMethod.Post, OrdersPath, request, KalshiJson.Default.CreateOrderV2Request,
            KalshiJson.Default.CreateOrderV2Reply, KalshiRateLimits.RequestCost, cancellationToken).ConfigureAwait(false);

        // `required` catches a missing or null order_id; an empty one is no more an order than a missing one.
        return result.Success && string.IsNullOrWhiteSpace(result.Value.OrderId)
            ? new ExchangeError(ExchangeErrorKind.Unreadable, "the create was answered with a 2xx but an empty order_id")
            : result;
    }

    public Task<ExchangeResult<BatchCreateOrdersV2Reply>> BatchCreateOrdersAsync(BatchCreateOrdersV2Request request, CancellationToken cancellationToken)
    {
        if (request.Orders.Count == 0)
            return NotSent<BatchCreateOrdersV2Reply>("a batch create needs at least one order");

        return transport.WriteAsync(HttpMethod.Post, $"{OrdersPath}/batched", request, KalshiJson.Default.BatchCreateOrdersV2Request,
            KalshiJson.Default.BatchCreateOrdersV2Reply, request.Orders.Count * KalshiRateLimits.RequestCost, cancellationToken);
    }

    public Task<ExchangeResult<CancelOrderV2Reply>> CancelOrderAsync(string orderId, CancelOrderV2Request request, CancellationToken cancellationToken)
    {
        if (Unrouted(request.MarketTicker, request.ExchangeIndex))
            return NotSent<CancelOrderV2Reply>($"the cancel of {orderId} names neither market_ticker nor exchange_index, so Kalshi would look on shard 0 only");

        return transport.WriteAsync(HttpMethod.Delete, $"{OrdersPath}/{Segment(orderId)}{request.ToQuery()}",
            KalshiJson.Default.CancelOrderV2Reply, KalshiRateLimits.CancelCost, cancellationToken);
    }

    public Task<ExchangeResult<BatchCancelOrdersV2Reply>> BatchCancelOrdersAsync(BatchCancelOrdersV2Request request, CancellationToken cancellationToken)
    {
        if (request.Orders.Count == 0)
            return NotSent<BatchCancelOrdersV2Reply>("a batch cancel needs at least one order");
        if (request.Orders.FirstOrDefault(o => Unrouted(o.MarketTicker, o.ExchangeIndex)) is { } unrouted)
            return NotSent<BatchCancelOrdersV2Reply>($"the cancel of {unrouted.OrderId} names neither market_ticker nor exchange_index, so Kalshi would look on shard 0 only");

        return transport.WriteAsync(HttpMethod.Delete, $"{OrdersPath}/batched", request, KalshiJson.Default.BatchCancelOrdersV2Request,
            KalshiJson.Default.BatchCancelOrdersV2Reply, request.Orders.Count * KalshiRateLimits.CancelCost, cancellationToken);
    }

    public Task<ExchangeResult<AmendOrderV2Reply>> AmendOrderAsync(string orderId, AmendOrderV2Request request, CancellationToken cancellationToken) =>
        transport.WriteAsync(HttpMethod.Post, $"{OrdersPath}/{Segment(orderId)}/amend{new Query().Add("subaccount", request.Subaccount)}", request,
            KalshiJson.Default.AmendOrderV2Request, KalshiJson.Default.AmendOrderV2Reply, KalshiRateLimits.RequestCost, cancellationToken);

    public Task<ExchangeResult<DecreaseOrderV2Reply>> DecreaseOrderAsync(string orderId, DecreaseOrderV2Request request, CancellationToken cancellationToken)
    {
        if ((request.ReduceBy is null) == (request.ReduceTo is null))
            return NotSent<DecreaseOrderV2Reply>($"the decrease of {orderId} must set exactly one of reduce_by and reduce_to");
        if (Unrouted(request.MarketTicker, request.ExchangeIndex))
            return NotSent<DecreaseOrderV2Reply>($"the decrease of {orderId} names neither market_ticker nor exchange_index, so Kalshi would look on shard 0 only");

        return transport.WriteAsync(HttpMethod.Post, $"{OrdersPath}/{Segment(orderId)}/decrease{new Query().Add("subaccount", request.Subaccount)}", request,
            KalshiJson.Default.DecreaseOrderV2Request, KalshiJson.Default.DecreaseOrderV2Reply, KalshiRateLimits.RequestCost, cancellationToken);
    }

    private static bool Unrouted(string? marketTicker, int? exchangeIndex) => string.IsNullOrEmpty(marketTicker) && exchangeIndex is null;

    /// <summary>A refusal before sending: Validation, so the caller knows nothing reached the venue.</summary>
    private static Task<ExchangeResult<T>> NotSent<T>(string why) =>
        Task.FromResult(ExchangeResult<T>.Fail(new ExchangeError(ExchangeErrorKind.Validation, why + "; not sent")));
}
