using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>Order groups at api-reference/order-groups/ (the newer pages; orders/*order-group*.md are stale).</summary>
internal static class OrderGroupEndpoints
{
    private const long MaxLimit = 1_000_000;

    public static void Map(IEndpointRouteBuilder group, SimApi api)
    {
        group.MapPost("portfolio/order_groups/create", Handler(http => Create(api, http))).MemberWrite();
        group.MapGet("portfolio/order_groups", Handler(http => List(api, http))).MemberRead();
        group.MapGet("portfolio/order_groups/{order_group_id}", Handler(http => Get(api, http))).MemberRead();
        group.MapDelete("portfolio/order_groups/{order_group_id}", Handler(http => Act(api, http, GroupAction.Delete))).MemberWrite();
        group.MapPut("portfolio/order_groups/{order_group_id}/reset", Handler(http => Act(api, http, GroupAction.Reset))).MemberWrite();
        group.MapPut("portfolio/order_groups/{order_group_id}/trigger", Handler(http => Act(api, http, GroupAction.Trigger))).MemberWrite();
        group.MapPut("portfolio/order_groups/{order_group_id}/limit", Handler(http => UpdateLimit(api, http))).MemberWrite();
    }

    private static async Task<IResult> Create(SimApi api, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.CreateOrderGroupRequestWire).ConfigureAwait(false);
        OrderRequests.Subaccount(request.Subaccount);
        if (request.ExchangeIndex is not (null or 0))
            throw ApiProblem.Invalid($"exchange_index {request.ExchangeIndex} does not exist");
        var limit = Limit(request.ContractsLimit, request.ContractsLimitFp);
        var created = api.Exchange.CreateOrderGroup(SimApi.Caller(http).MemberId, limit);
        return ApiResults.Ok(new CreateOrderGroupResponseWire(created.Id, 0, 0), KalshiJsonContext.Default.CreateOrderGroupResponseWire, StatusCodes.Status201Created);
    }

    /// <summary>
    /// <c>is_auto_cancel_enabled</c> reads as "the group cancels its orders when its limit is hit", which every group
    /// here does; whether one has been triggered is not part of the REST shape.
    /// </summary>
    private static IResult List(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var none = new QueryReader(http.Request.Query).OtherSubaccount();
        var groups = api.Exchange.Read(x => x.OrderGroups.Values
            .Where(g => !none && g.MemberId == member)
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(g => new OrderGroupWire(g.Id, WireFormat.Count(g.Limit), true, 0))
            .ToList());
        return ApiResults.Ok(new OrderGroupsResponseWire(groups), KalshiJsonContext.Default.OrderGroupsResponseWire);
    }

    private static IResult Get(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var id = (string)http.Request.RouteValues["order_group_id"]!;
        var body = api.Exchange.Read(x => x.OrderGroups.TryGetValue(id, out var g) && g.MemberId == member
            ? new OrderGroupResponseWire(true, WireFormat.Count(g.Limit), g.Orders.Select(o => o.Id).ToList(), 0)
            : null) ?? throw new ApiProblem(StatusCodes.Status404NotFound, "order_group_not_found", $"no order group {id}");
        return ApiResults.Ok(body, KalshiJsonContext.Default.OrderGroupResponseWire);
    }

    private static IResult Act(SimApi api, HttpContext http, GroupAction action)
    {
        var query = new QueryReader(http.Request.Query);
        OrderRequests.Subaccount((int?)query.Long("subaccount", 0, 63));
        OrderRequests.ExchangeIndex((int?)query.Long("exchange_index", -1, int.MaxValue));
        var id = (string)http.Request.RouteValues["order_group_id"]!;
        var result = api.Exchange.UpdateOrderGroup(SimApi.Caller(http).MemberId, id, action);
        return result.Success ? ApiResults.Ok(new EmptyWire(), KalshiJsonContext.Default.EmptyWire) : ApiResults.Error(result.Rejection!);
    }

    private static async Task<IResult> UpdateLimit(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        OrderRequests.Subaccount((int?)query.Long("subaccount", 0, 63));
        var id = (string)http.Request.RouteValues["order_group_id"]!;
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.UpdateOrderGroupLimitRequestWire).ConfigureAwait(false);
        var limit = Limit(request.ContractsLimit, request.ContractsLimitFp);
        var result = api.Exchange.UpdateOrderGroup(SimApi.Caller(http).MemberId, id, GroupAction.UpdateLimit, limit);
        return result.Success ? ApiResults.Ok(new EmptyWire(), KalshiJsonContext.Default.EmptyWire) : ApiResults.Error(result.Rejection!);
    }

    /// <summary>contracts_limit (whole contracts) or contracts_limit_fp, matching when both are given; 1 to 1,000,000.</summary>
    private static Contracts Limit(long? whole, string? fixedPoint)
    {
        if (whole is null && string.IsNullOrEmpty(fixedPoint))
            throw ApiProblem.Missing("contracts_limit or contracts_limit_fp");
        if (whole is < 1 or > MaxLimit)
            throw ApiProblem.Invalid($"contracts_limit must be 1 to {MaxLimit}");
        Contracts? parsed = null;
        if (!string.IsNullOrEmpty(fixedPoint))
        {
            if (!Contracts.TryParse(fixedPoint, out var value) || value < Contracts.Whole(1) || value > Contracts.Whole(MaxLimit))
                throw ApiProblem.Invalid($"contracts_limit_fp must be 1 to {MaxLimit} contracts");
            parsed = value;
        }

        if (whole is { } w && parsed is { } p && p != Contracts.Whole(w))
            throw ApiProblem.Invalid("contracts_limit and contracts_limit_fp must match");
        return parsed ?? Contracts.Whole(whole!.Value);
    }
}
