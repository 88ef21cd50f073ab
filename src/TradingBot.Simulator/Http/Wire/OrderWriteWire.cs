using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>
/// create-order-v2.md. Every field is optional here so that a missing one is answered with Kalshi's 400 naming
/// it, not with a serializer's message.
/// </summary>
public sealed record CreateOrderV2RequestWire
{
    [JsonPropertyName("ticker")] public string? Ticker { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    [JsonPropertyName("side")] public string? Side { get; init; }

    [JsonPropertyName("count")] public string? Count { get; init; }

    [JsonPropertyName("price")] public string? Price { get; init; }

    [JsonPropertyName("expiration_time")] public long? ExpirationTime { get; init; }

    [JsonPropertyName("time_in_force")] public string? TimeInForce { get; init; }

    [JsonPropertyName("post_only")] public bool? PostOnly { get; init; }

    [JsonPropertyName("self_trade_prevention_type")] public string? SelfTradePreventionType { get; init; }

    [JsonPropertyName("cancel_order_on_pause")] public bool? CancelOrderOnPause { get; init; }

    [JsonPropertyName("reduce_only")] public bool? ReduceOnly { get; init; }

    [JsonPropertyName("subaccount")] public int? Subaccount { get; init; }

    [JsonPropertyName("order_group_id")] public string? OrderGroupId { get; init; }

    [JsonPropertyName("exchange_index")] public int? ExchangeIndex { get; init; }
}

public sealed record CreateOrderV2ResponseWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    [JsonPropertyName("fill_count")] public required string FillCount { get; init; }

    [JsonPropertyName("remaining_count")] public required string RemainingCount { get; init; }

    /// <summary>Only when something filled.</summary>
    [JsonPropertyName("average_fill_price")] public string? AverageFillPrice { get; init; }

    [JsonPropertyName("average_fee_paid")] public string? AverageFeePaid { get; init; }

    [JsonPropertyName("ts_ms")] public required long TsMs { get; init; }
}

public sealed record CancelOrderV2ResponseWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    [JsonPropertyName("reduced_by")] public required string ReducedBy { get; init; }

    [JsonPropertyName("ts_ms")] public required long TsMs { get; init; }
}

public sealed record BatchCreateOrdersV2RequestWire([property: JsonPropertyName("orders")] IReadOnlyList<CreateOrderV2RequestWire?>? Orders);

/// <summary>One item of a batch create: the nullable fields are written even when null (x-omitempty: false).</summary>
public sealed record BatchCreateItemWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ClientOrderId { get; init; }

    [JsonPropertyName("fill_count")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FillCount { get; init; }

    [JsonPropertyName("remaining_count")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? RemainingCount { get; init; }

    [JsonPropertyName("average_fill_price")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? AverageFillPrice { get; init; }

    [JsonPropertyName("average_fee_paid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? AverageFeePaid { get; init; }

    [JsonPropertyName("ts_ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? TsMs { get; init; }

    [JsonPropertyName("error")] public ErrorWire? Error { get; init; }
}

public sealed record BatchCreateOrdersV2ResponseWire([property: JsonPropertyName("orders")] IReadOnlyList<BatchCreateItemWire> Orders);

public sealed record BatchCancelItemRequestWire
{
    [JsonPropertyName("order_id")] public string? OrderId { get; init; }

    [JsonPropertyName("subaccount")] public int? Subaccount { get; init; }

    [JsonPropertyName("exchange_index")] public int? ExchangeIndex { get; init; }

    [JsonPropertyName("market_ticker")] public string? MarketTicker { get; init; }
}

public sealed record BatchCancelOrdersV2RequestWire([property: JsonPropertyName("orders")] IReadOnlyList<BatchCancelItemRequestWire?>? Orders);

public sealed record BatchCancelItemWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    /// <summary>Zero when the cancel failed.</summary>
    [JsonPropertyName("reduced_by")] public required string ReducedBy { get; init; }

    [JsonPropertyName("ts_ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? TsMs { get; init; }

    [JsonPropertyName("error")] public ErrorWire? Error { get; init; }
}

public sealed record BatchCancelOrdersV2ResponseWire([property: JsonPropertyName("orders")] IReadOnlyList<BatchCancelItemWire> Orders);

public sealed record AmendOrderV2RequestWire
{
    [JsonPropertyName("ticker")] public string? Ticker { get; init; }

    [JsonPropertyName("side")] public string? Side { get; init; }

    [JsonPropertyName("price")] public string? Price { get; init; }

    [JsonPropertyName("count")] public string? Count { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    [JsonPropertyName("updated_client_order_id")] public string? UpdatedClientOrderId { get; init; }

    [JsonPropertyName("exchange_index")] public int? ExchangeIndex { get; init; }
}

public sealed record AmendOrderV2ResponseWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    [JsonPropertyName("remaining_count")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? RemainingCount { get; init; }

    [JsonPropertyName("fill_count")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FillCount { get; init; }

    [JsonPropertyName("average_fill_price")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? AverageFillPrice { get; init; }

    [JsonPropertyName("average_fee_paid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? AverageFeePaid { get; init; }

    [JsonPropertyName("ts_ms")] public required long TsMs { get; init; }
}

public sealed record DecreaseOrderV2RequestWire
{
    [JsonPropertyName("reduce_by")] public string? ReduceBy { get; init; }

    [JsonPropertyName("reduce_to")] public string? ReduceTo { get; init; }

    [JsonPropertyName("exchange_index")] public int? ExchangeIndex { get; init; }

    [JsonPropertyName("market_ticker")] public string? MarketTicker { get; init; }
}

public sealed record DecreaseOrderV2ResponseWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")] public string? ClientOrderId { get; init; }

    [JsonPropertyName("remaining_count")] public required string RemainingCount { get; init; }

    [JsonPropertyName("ts_ms")] public required long TsMs { get; init; }
}
