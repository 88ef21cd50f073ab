using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary>
/// Kalshi's <c>EmptyResponse</c>: the <c>{}</c> that delete, reset, trigger and limit updates of an order group return,
/// and the optional body that reset and trigger accept.
/// </summary>
public sealed record EmptyWire;

/// <summary><c>POST /portfolio/order_groups/create</c>, 201.</summary>
public sealed record CreateOrderGroupReply
{
    /// <summary>Required: without it the group cannot be used, reset or deleted.</summary>
    [JsonPropertyName("order_group_id")]
    public required string OrderGroupId { get; init; }

    /// <summary>Documented as required, but the bot already knows which subaccount it asked for.</summary>
    [JsonPropertyName("subaccount")]
    public int? Subaccount { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

/// <summary><c>GET /portfolio/order_groups/{order_group_id}</c>.</summary>
public sealed record GetOrderGroupReply
{
    [JsonPropertyName("is_auto_cancel_enabled")]
    public required bool IsAutoCancelEnabled { get; init; }

    [JsonPropertyName("contracts_limit_fp")]
    public string? ContractsLimitFp { get; init; }

    /// <summary>
    /// The member order ids. Present by contract, but the server is Go and its slice is not a pointer, so a group with
    /// no orders may come back as <c>null</c> rather than <c>[]</c>; both mean empty.
    /// </summary>
    [JsonPropertyName("orders")]
    public required IReadOnlyList<string>? Orders { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

/// <summary><c>GET /portfolio/order_groups</c>: not paged. Absent or <c>null</c> when the account has no groups.</summary>
public sealed record GetOrderGroupsReply
{
    [JsonPropertyName("order_groups")]
    public IReadOnlyList<OrderGroupWire>? OrderGroups { get; init; }
}

public sealed record OrderGroupWire
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("contracts_limit_fp")]
    public string? ContractsLimitFp { get; init; }

    [JsonPropertyName("is_auto_cancel_enabled")]
    public required bool IsAutoCancelEnabled { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}
