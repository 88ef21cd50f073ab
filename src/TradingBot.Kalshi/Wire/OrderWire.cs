using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary>
/// Values of the V2 order fields that Kalshi validates with <c>oneof</c>. The fields stay strings on the wire (as
/// every enum-like field does); these names only spare callers a typo that the venue would answer with a 400.
/// </summary>
public static class OrderValues
{
    /// <summary><c>bid</c> buys YES at the price; <c>ask</c> sells YES, which is buying NO at 1 − price.</summary>
    public const string Bid = "bid";

    public const string Ask = "ask";

    public const string GoodTillCanceled = "good_till_canceled";

    /// <summary>How the bot takes liquidity: there are no market orders, only a worst acceptable price.</summary>
    public const string ImmediateOrCancel = "immediate_or_cancel";

    public const string FillOrKill = "fill_or_kill";

    public const string TakerAtCross = "taker_at_cross";

    public const string Maker = "maker";
}

/// <summary>
/// <c>POST /portfolio/events/orders</c>, 201. <c>order_id</c> is required so that a 2xx without one fails to read and
/// becomes an Unreadable error, whose outcome is unknown: an order the venue may hold is never taken as absent.
/// </summary>
public sealed record CreateOrderV2Reply
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    [JsonPropertyName("fill_count")]
    public required string FillCount { get; init; }

    /// <summary>For IOC orders this is already the final state: unfilled contracts have been cancelled.</summary>
    [JsonPropertyName("remaining_count")]
    public required string RemainingCount { get; init; }

    /// <summary>Only when <c>fill_count</c> is above zero.</summary>
    [JsonPropertyName("average_fill_price")]
    public string? AverageFillPrice { get; init; }

    [JsonPropertyName("average_fee_paid")]
    public string? AverageFeePaid { get; init; }

    /// <summary>
    /// Documented as required, but nothing depends on it: a reply that carries the order_id and counts yet omits the
    /// timestamp should not turn a placed order into an unknown one.
    /// </summary>
    [JsonPropertyName("ts_ms")]
    public long? TsMs { get; init; }
}

/// <summary><c>DELETE /portfolio/events/orders/{order_id}</c>.</summary>
/// <remarks>
/// The changelog (May 21, 2026) warns that in uncommon cases this reply describes a different order than the one
/// cancelled; the cancel itself is right. Reconcile from the order and fill reads, not from this body.
/// </remarks>
public sealed record CancelOrderV2Reply
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    /// <summary>The remaining count at the moment of cancellation.</summary>
    [JsonPropertyName("reduced_by")]
    public required string ReducedBy { get; init; }

    [JsonPropertyName("ts_ms")]
    public long? TsMs { get; init; }
}

/// <summary><c>POST /portfolio/events/orders/batched</c>, 201: one entry per submitted order, each a success or an error.</summary>
public sealed record BatchCreateOrdersV2Reply
{
    [JsonPropertyName("orders")]
    public required IReadOnlyList<BatchCreatedOrderWire> Orders { get; init; }
}

/// <summary>
/// One entry of a batch create. Kalshi leaves every field but <c>error</c> empty when that order was refused, so none
/// is required here; an entry with neither an <c>order_id</c> nor an <c>error</c> has an unknown outcome.
/// </summary>
public sealed record BatchCreatedOrderWire
{
    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    [JsonPropertyName("fill_count")]
    public string? FillCount { get; init; }

    [JsonPropertyName("remaining_count")]
    public string? RemainingCount { get; init; }

    [JsonPropertyName("average_fill_price")]
    public string? AverageFillPrice { get; init; }

    [JsonPropertyName("average_fee_paid")]
    public string? AverageFeePaid { get; init; }

    [JsonPropertyName("ts_ms")]
    public long? TsMs { get; init; }

    [JsonPropertyName("error")]
    public OrderErrorWire? Error { get; init; }
}

/// <summary>Kalshi's error object (schema <c>ErrorResponse</c>) as it appears inside a batch reply entry.</summary>
public sealed record OrderErrorWire
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("details")]
    public string? Details { get; init; }
}

/// <summary><c>DELETE /portfolio/events/orders/batched</c>: one entry per order named in the request.</summary>
public sealed record BatchCancelOrdersV2Reply
{
    [JsonPropertyName("orders")]
    public required IReadOnlyList<BatchCanceledOrderWire> Orders { get; init; }
}

/// <summary>One entry of a batch cancel; <c>reduced_by</c> is zero and <c>error</c> set when that cancel failed.</summary>
public sealed record BatchCanceledOrderWire
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    [JsonPropertyName("reduced_by")]
    public required string ReducedBy { get; init; }

    [JsonPropertyName("ts_ms")]
    public long? TsMs { get; init; }

    [JsonPropertyName("error")]
    public OrderErrorWire? Error { get; init; }
}

/// <summary>
/// <c>POST /portfolio/events/orders/{order_id}/amend</c>. The counts are documented as present only when the amend
/// filled or changed the resting size, so they cannot be required; read the order back when they are missing.
/// </summary>
/// <remarks>Like the cancel reply, this body may in rare cases describe another order (changelog, May 21, 2026).</remarks>
public sealed record AmendOrderV2Reply
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    /// <summary>The resting count after the amend, not the total the request asked for.</summary>
    [JsonPropertyName("remaining_count")]
    public string? RemainingCount { get; init; }

    [JsonPropertyName("fill_count")]
    public string? FillCount { get; init; }

    [JsonPropertyName("average_fill_price")]
    public string? AverageFillPrice { get; init; }

    [JsonPropertyName("average_fee_paid")]
    public string? AverageFeePaid { get; init; }

    [JsonPropertyName("ts_ms")]
    public long? TsMs { get; init; }
}

/// <summary><c>POST /portfolio/events/orders/{order_id}/decrease</c>.</summary>
public sealed record DecreaseOrderV2Reply
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("client_order_id")]
    public string? ClientOrderId { get; init; }

    [JsonPropertyName("remaining_count")]
    public required string RemainingCount { get; init; }

    [JsonPropertyName("ts_ms")]
    public long? TsMs { get; init; }
}
