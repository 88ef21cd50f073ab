using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary>
/// Source-generated JSON for every wire record. Tolerant of what Kalshi adds (unknown fields are skipped,
/// enum-like fields stay strings until the adapter maps them), strict about what it promises: a missing required
/// field or a null where the docs say a value is an error, never a silent default. Every reply and request
/// record is listed here, grouped by endpoint family.
/// </summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ErrorReply))]
// Exchange and series
[JsonSerializable(typeof(ExchangeStatusWire))]
[JsonSerializable(typeof(GetExchangeScheduleReply))]
[JsonSerializable(typeof(GetSeriesReply))]
[JsonSerializable(typeof(GetSeriesFeeChangesReply))]
// Markets and order books
[JsonSerializable(typeof(GetMarketsReply))]
[JsonSerializable(typeof(GetMarketReply))]
[JsonSerializable(typeof(GetOrderBookReply))]
[JsonSerializable(typeof(GetOrderBooksReply))]

// Events, milestones, trades, account limits
[JsonSerializable(typeof(GetEventsReply))]
[JsonSerializable(typeof(GetEventReply))]
[JsonSerializable(typeof(GetEventFeeChangesReply))]
[JsonSerializable(typeof(GetMilestonesReply))]
[JsonSerializable(typeof(GetMilestoneReply))]
[JsonSerializable(typeof(GetTradesReply))]
[JsonSerializable(typeof(GetAccountApiLimitsReply))]

// Portfolio: balance, positions, fills, settlements, orders
[JsonSerializable(typeof(GetBalanceReply))]
[JsonSerializable(typeof(GetPositionsReply))]
[JsonSerializable(typeof(GetFillsReply))]
[JsonSerializable(typeof(GetSettlementsReply))]
[JsonSerializable(typeof(GetOrdersReply))]
[JsonSerializable(typeof(GetOrderReply))]

// Order writes (V2) and order groups
[JsonSerializable(typeof(CreateOrderV2Request))]
[JsonSerializable(typeof(CreateOrderV2Reply))]
[JsonSerializable(typeof(BatchCreateOrdersV2Request))]
[JsonSerializable(typeof(BatchCreateOrdersV2Reply))]
[JsonSerializable(typeof(CancelOrderV2Reply))]
[JsonSerializable(typeof(BatchCancelOrdersV2Request))]
[JsonSerializable(typeof(BatchCancelOrdersV2Reply))]
[JsonSerializable(typeof(AmendOrderV2Request))]
[JsonSerializable(typeof(AmendOrderV2Reply))]
[JsonSerializable(typeof(DecreaseOrderV2Request))]
[JsonSerializable(typeof(DecreaseOrderV2Reply))]
[JsonSerializable(typeof(CreateOrderGroupRequest))]
[JsonSerializable(typeof(CreateOrderGroupReply))]
[JsonSerializable(typeof(GetOrderGroupReply))]
[JsonSerializable(typeof(GetOrderGroupsReply))]
[JsonSerializable(typeof(UpdateOrderGroupLimitRequest))]
[JsonSerializable(typeof(EmptyWire))]

internal sealed partial class KalshiJson : JsonSerializerContext
{
    /// <summary>The same contract with unknown fields refused: tests use it to prove every documented field is mapped.</summary>
    public static KalshiJson Strict => field ??= new KalshiJson(new JsonSerializerOptions(s_defaultOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
}

/// <summary>
/// Kalshi's error body <c>{"code", "message", "details"}</c>. Older replies wrap it as <c>{"error": {...}}</c> and a
/// 429 says <c>{"error": "too many requests"}</c>, so <c>error</c> is read as whatever it is.
/// </summary>
internal sealed record ErrorReply
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("details")]
    public string? Details { get; init; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; init; }
}
