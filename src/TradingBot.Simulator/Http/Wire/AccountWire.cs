using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

public sealed record CreateOrderGroupRequestWire
{
    [JsonPropertyName("subaccount")] public int? Subaccount { get; init; }

    [JsonPropertyName("contracts_limit")] public long? ContractsLimit { get; init; }

    [JsonPropertyName("contracts_limit_fp")] public string? ContractsLimitFp { get; init; }

    [JsonPropertyName("exchange_index")] public int? ExchangeIndex { get; init; }
}

public sealed record CreateOrderGroupResponseWire(
    [property: JsonPropertyName("order_group_id")] string OrderGroupId,
    [property: JsonPropertyName("subaccount")] int Subaccount,
    [property: JsonPropertyName("exchange_index")] int ExchangeIndex);

public sealed record UpdateOrderGroupLimitRequestWire
{
    [JsonPropertyName("contracts_limit")] public long? ContractsLimit { get; init; }

    [JsonPropertyName("contracts_limit_fp")] public string? ContractsLimitFp { get; init; }
}

public sealed record OrderGroupWire(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("contracts_limit_fp")] string ContractsLimit,
    [property: JsonPropertyName("is_auto_cancel_enabled")] bool IsAutoCancelEnabled,
    [property: JsonPropertyName("exchange_index")] int ExchangeIndex);

public sealed record OrderGroupsResponseWire([property: JsonPropertyName("order_groups")] IReadOnlyList<OrderGroupWire> OrderGroups);

public sealed record OrderGroupResponseWire(
    [property: JsonPropertyName("is_auto_cancel_enabled")] bool IsAutoCancelEnabled,
    [property: JsonPropertyName("contracts_limit_fp")] string ContractsLimit,
    [property: JsonPropertyName("orders")] IReadOnlyList<string> Orders,
    [property: JsonPropertyName("exchange_index")] int ExchangeIndex);

public sealed record AccountLimitsResponseWire(
    [property: JsonPropertyName("usage_tier")] string UsageTier,
    [property: JsonPropertyName("read")] BucketLimitWire Read,
    [property: JsonPropertyName("write")] BucketLimitWire Write,
    [property: JsonPropertyName("grants")] IReadOnlyList<UsageGrantWire> Grants);

public sealed record BucketLimitWire(
    [property: JsonPropertyName("refill_rate")] int RefillRate,
    [property: JsonPropertyName("bucket_capacity")] int BucketCapacity);

public sealed record UsageGrantWire(
    [property: JsonPropertyName("exchange_instance")] string ExchangeInstance,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("source")] string Source);
