using System.Text.Json.Serialization;
using TradingBot.Simulator.Http.Wire;

namespace TradingBot.Simulator.Http.Admin;

public sealed record RegisterKeyRequest
{
    [JsonPropertyName("public_key_pem")] public string? PublicKeyPem { get; init; }

    [JsonPropertyName("member_id")] public string? MemberId { get; init; }

    /// <summary>basic (default), advanced, expert, premier, paragon, prime, prestige.</summary>
    [JsonPropertyName("tier")] public string? Tier { get; init; }

    /// <summary>Dollars, as a string ("1000.00"), for a new member only.</summary>
    [JsonPropertyName("starting_balance")] public string? StartingBalance { get; init; }

    [JsonPropertyName("key_id")] public string? KeyId { get; init; }
}

public sealed record KeyWire(
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("member_id")] string MemberId,
    [property: JsonPropertyName("tier")] string Tier);

public sealed record KeysWire([property: JsonPropertyName("keys")] IReadOnlyList<KeyWire> Keys);

/// <summary>Moves the market clock forward by <c>seconds</c> (fractions allowed).</summary>
public sealed record AdvanceClockRequest([property: JsonPropertyName("seconds")] decimal? Seconds);

public sealed record SetClockRequest([property: JsonPropertyName("now")] DateTimeOffset? Now);

public sealed record ClockWire(
    [property: JsonPropertyName("market_time")] DateTime MarketTime,
    [property: JsonPropertyName("wall_time")] DateTime WallTime,
    [property: JsonPropertyName("speed")] double Speed,
    [property: JsonPropertyName("frozen")] bool Frozen);

public sealed record DetermineRequest([property: JsonPropertyName("result")] string? Result);

public sealed record ActiveRequest([property: JsonPropertyName("active")] bool? Active);

public sealed record FairPriceRequest([property: JsonPropertyName("price")] string? Price);

/// <summary>Dollars onto one shard (default 0) of one subaccount (default 0, opened on first deposit).</summary>
public sealed record DepositRequest(
    [property: JsonPropertyName("amount")] string? Amount,
    [property: JsonPropertyName("exchange_index")] int? ExchangeIndex = null,
    [property: JsonPropertyName("subaccount")] int? Subaccount = null);

/// <summary>A series' fee schedule from <c>scheduled_ts</c> on.</summary>
public sealed record SeriesFeeChangeRequest(
    [property: JsonPropertyName("fee_type")] string? FeeType,
    [property: JsonPropertyName("fee_multiplier")] decimal? FeeMultiplier,
    [property: JsonPropertyName("scheduled_ts")] DateTimeOffset? ScheduledTs);

/// <summary>An event's override, now or from <c>scheduled_ts</c> on; a null part falls back to the series.</summary>
public sealed record EventFeeRequest(
    [property: JsonPropertyName("fee_type_override")] string? FeeTypeOverride,
    [property: JsonPropertyName("fee_multiplier_override")] decimal? FeeMultiplierOverride,
    [property: JsonPropertyName("scheduled_ts")] DateTimeOffset? ScheduledTs);

/// <summary>No trade fee in the market until <c>expiration_time</c>; null ends the waiver.</summary>
public sealed record FeeWaiverRequest([property: JsonPropertyName("expiration_time")] DateTimeOffset? ExpirationTime);

/// <summary>kind: status, latency, drop, accept_then_500, accept_then_timeout.</summary>
public sealed record FaultRequest
{
    [JsonPropertyName("kind")] public string? Kind { get; init; }

    [JsonPropertyName("status")] public int? Status { get; init; }

    [JsonPropertyName("probability")] public double? Probability { get; init; }

    [JsonPropertyName("count")] public int? Count { get; init; }

    [JsonPropertyName("path_prefix")] public string? PathPrefix { get; init; }

    [JsonPropertyName("method")] public string? Method { get; init; }

    [JsonPropertyName("latency_ms")] public long? LatencyMs { get; init; }

    [JsonPropertyName("hold_ms")] public long? HoldMs { get; init; }
}

public sealed record FaultWire
{
    [JsonPropertyName("fault_id")] public required string FaultId { get; init; }

    [JsonPropertyName("kind")] public required string Kind { get; init; }

    [JsonPropertyName("status")] public int? Status { get; init; }

    [JsonPropertyName("probability")] public required double Probability { get; init; }

    [JsonPropertyName("remaining")] public int? Remaining { get; init; }

    [JsonPropertyName("path_prefix")] public string? PathPrefix { get; init; }

    [JsonPropertyName("method")] public string? Method { get; init; }

    [JsonPropertyName("latency_ms")] public long? LatencyMs { get; init; }

    [JsonPropertyName("hold_ms")] public long? HoldMs { get; init; }
}

public sealed record FaultsWire([property: JsonPropertyName("faults")] IReadOnlyList<FaultWire> Faults);

public sealed record ScenariosWire([property: JsonPropertyName("scenarios")] IReadOnlyList<string> Scenarios);

public sealed record OkWire([property: JsonPropertyName("ok")] bool Ok);

public sealed record StateWire
{
    [JsonPropertyName("market_time")] public required DateTime MarketTime { get; init; }

    [JsonPropertyName("wall_time")] public required DateTime WallTime { get; init; }

    [JsonPropertyName("exchange_active")] public required bool ExchangeActive { get; init; }

    [JsonPropertyName("trading_active")] public required bool TradingActive { get; init; }

    [JsonPropertyName("members")] public required IReadOnlyList<MemberStateWire> Members { get; init; }

    [JsonPropertyName("markets")] public required IReadOnlyList<MarketStateWire> Markets { get; init; }
}

public sealed record MemberStateWire
{
    [JsonPropertyName("member_id")] public required string MemberId { get; init; }

    [JsonPropertyName("cash_dollars")] public required string Cash { get; init; }

    [JsonPropertyName("reserved_dollars")] public required string Reserved { get; init; }

    [JsonPropertyName("balance_dollars")] public required string Balance { get; init; }

    [JsonPropertyName("positions")] public required IReadOnlyList<MarketPositionWire> Positions { get; init; }

    /// <summary>Every order the exchange received from the member, oldest first, with its client_order_id.</summary>
    [JsonPropertyName("orders")] public required IReadOnlyList<OrderWire> Orders { get; init; }

    [JsonPropertyName("order_groups")] public required IReadOnlyList<GroupStateWire> OrderGroups { get; init; }
}

public sealed record GroupStateWire(
    [property: JsonPropertyName("order_group_id")] string Id,
    [property: JsonPropertyName("contracts_limit_fp")] string Limit,
    [property: JsonPropertyName("filled_since_reset_fp")] string FilledSinceReset,
    [property: JsonPropertyName("triggered")] bool Triggered);

public sealed record MarketStateWire(
    [property: JsonPropertyName("ticker")] string Ticker,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("close_time")] DateTime CloseTime);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorWire))]
[JsonSerializable(typeof(RegisterKeyRequest))]
[JsonSerializable(typeof(KeyWire))]
[JsonSerializable(typeof(KeysWire))]
[JsonSerializable(typeof(AdvanceClockRequest))]
[JsonSerializable(typeof(SetClockRequest))]
[JsonSerializable(typeof(ClockWire))]
[JsonSerializable(typeof(DetermineRequest))]
[JsonSerializable(typeof(ActiveRequest))]
[JsonSerializable(typeof(FairPriceRequest))]
[JsonSerializable(typeof(DepositRequest))]
[JsonSerializable(typeof(SeriesFeeChangeRequest))]
[JsonSerializable(typeof(EventFeeRequest))]
[JsonSerializable(typeof(FeeWaiverRequest))]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(FaultWire))]
[JsonSerializable(typeof(FaultsWire))]
[JsonSerializable(typeof(ScenariosWire))]
[JsonSerializable(typeof(OkWire))]
[JsonSerializable(typeof(StateWire))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
