using System.Text.Json.Serialization;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.RateLimiting;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi;

/// <summary>
/// Body of <c>POST /portfolio/order_groups/create</c>. Set <see cref="ContractsLimit"/> or
/// <see cref="ContractsLimitFp"/> (both must then agree). A group lives on one shard and does not route by ticker:
/// for markets off shard 0 (tennis and baseball are on shard 3) set <see cref="ExchangeIndex"/>.
/// </summary>
public sealed record CreateOrderGroupRequest
{
    [JsonPropertyName("subaccount")]
    public int? Subaccount { get; init; }

    /// <summary>Whole contracts matched per rolling 15 seconds before every order in the group is cancelled.</summary>
    [JsonPropertyName("contracts_limit")]
    public long? ContractsLimit { get; init; }

    [JsonPropertyName("contracts_limit_fp")]
    public string? ContractsLimitFp { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

/// <summary>
/// Body of <c>PUT /portfolio/order_groups/{order_group_id}/limit</c>. A limit below the group's current rolling volume
/// triggers the group at once.
/// </summary>
public sealed record UpdateOrderGroupLimitRequest
{
    [JsonPropertyName("contracts_limit")]
    public long? ContractsLimit { get; init; }

    [JsonPropertyName("contracts_limit_fp")]
    public string? ContractsLimitFp { get; init; }

    /// <summary>Sent as the <c>subaccount</c> query parameter, not in the body.</summary>
    [JsonIgnore]
    public int? Subaccount { get; init; }

    /// <summary>Sent as the <c>exchange_index</c> query parameter, not in the body.</summary>
    [JsonIgnore]
    public int? ExchangeIndex { get; init; }

    internal Query ToQuery() => OrderGroupScope.QueryOf(Subaccount, ExchangeIndex);
}

/// <summary>
/// The query shared by delete, reset and trigger of a group: which subaccount and shard it lives on. Kalshi defaults
/// both to 0 and never routes a group by ticker.
/// </summary>
public sealed record OrderGroupScope
{
    public int? Subaccount { get; init; }

    public int? ExchangeIndex { get; init; }

    internal Query ToQuery() => QueryOf(Subaccount, ExchangeIndex);

    internal static Query QueryOf(int? subaccount, int? exchangeIndex) =>
        new Query().Add("subaccount", subaccount).Add("exchange_index", exchangeIndex);
}

/// <summary>
/// Order groups: a rolling 15-second cap on contracts matched, after which Kalshi cancels every order in the group
/// and refuses new ones until a reset. Writes draw on the write bucket at the default cost (the docs list no other);
/// the two reads draw on the read bucket.
/// </summary>
public sealed partial class KalshiClient
{
    private const string OrderGroupsPath = "portfolio/order_groups";

    public Task<ExchangeResult<CreateOrderGroupReply>> CreateOrderGroupAsync(CreateOrderGroupRequest request, CancellationToken cancellationToken)
    {
        if (request.ContractsLimit is null && request.ContractsLimitFp is null)
            return NotSent<CreateOrderGroupReply>("an order group needs contracts_limit or contracts_limit_fp");

        return transport.WriteAsync(HttpMethod.Post, $"{OrderGroupsPath}/create", request, KalshiJson.Default.CreateOrderGroupRequest,
            KalshiJson.Default.CreateOrderGroupReply, KalshiRateLimits.RequestCost, cancellationToken);
    }

    /// <param name="subaccount">Null for every subaccount.</param>
    public Task<ExchangeResult<GetOrderGroupReply>> GetOrderGroupAsync(string orderGroupId, int? subaccount, CancellationToken cancellationToken) =>
        transport.GetAsync($"{OrderGroupsPath}/{Segment(orderGroupId)}", new Query().Add("subaccount", subaccount), KalshiJson.Default.GetOrderGroupReply, cancellationToken);

    /// <param name="subaccount">Null for every subaccount.</param>
    public Task<ExchangeResult<GetOrderGroupsReply>> GetOrderGroupsAsync(int? subaccount, CancellationToken cancellationToken) =>
        transport.GetAsync(OrderGroupsPath, new Query().Add("subaccount", subaccount), KalshiJson.Default.GetOrderGroupsReply, cancellationToken);

    /// <summary>Deletes the group and cancels every order in it.</summary>
    public Task<ExchangeResult<EmptyWire>> DeleteOrderGroupAsync(string orderGroupId, OrderGroupScope scope, CancellationToken cancellationToken) =>
        transport.WriteAsync(HttpMethod.Delete, $"{OrderGroupsPath}/{Segment(orderGroupId)}{scope.ToQuery()}",
            KalshiJson.Default.EmptyWire, KalshiRateLimits.RequestCost, cancellationToken);

    /// <summary>Clears the triggered state and the rolling count, so the group takes orders again.</summary>
    public Task<ExchangeResult<EmptyWire>> ResetOrderGroupAsync(string orderGroupId, OrderGroupScope scope, CancellationToken cancellationToken) =>
        PutEmptyAsync($"{OrderGroupsPath}/{Segment(orderGroupId)}/reset{scope.ToQuery()}", cancellationToken);

    /// <summary>Cancels every order in the group and refuses new ones until a reset: the kill switch for one group.</summary>
    public Task<ExchangeResult<EmptyWire>> TriggerOrderGroupAsync(string orderGroupId, OrderGroupScope scope, CancellationToken cancellationToken) =>
        PutEmptyAsync($"{OrderGroupsPath}/{Segment(orderGroupId)}/trigger{scope.ToQuery()}", cancellationToken);

    public Task<ExchangeResult<EmptyWire>> UpdateOrderGroupLimitAsync(string orderGroupId, UpdateOrderGroupLimitRequest request, CancellationToken cancellationToken)
    {
        if (request.ContractsLimit is null && request.ContractsLimitFp is null)
            return NotSent<EmptyWire>("a limit update needs contracts_limit or contracts_limit_fp");

        return transport.WriteAsync(HttpMethod.Put, $"{OrderGroupsPath}/{Segment(orderGroupId)}/limit{request.ToQuery()}", request,
            KalshiJson.Default.UpdateOrderGroupLimitRequest, KalshiJson.Default.EmptyWire, KalshiRateLimits.RequestCost, cancellationToken);
    }

    // Reset and trigger take an optional body of the documented empty schema; sending `{}` matches it exactly.
    private Task<ExchangeResult<EmptyWire>> PutEmptyAsync(string path, CancellationToken cancellationToken) =>
        transport.WriteAsync(HttpMethod.Put, path, new EmptyWire(), KalshiJson.Default.EmptyWire, KalshiJson.Default.EmptyWire,
            KalshiRateLimits.RequestCost, cancellationToken);
}
