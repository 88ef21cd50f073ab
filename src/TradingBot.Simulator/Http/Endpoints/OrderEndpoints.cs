using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>The V2 order writes that place and cancel orders, alone or in batches.</summary>
internal static class OrderEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimApi api)
    {
        group.MapPost("portfolio/events/orders", Handler(http => Create(api, http))).MemberWrite(createsOrders: true);
        group.MapPost("portfolio/events/orders/batched", Handler(http => BatchCreate(api, http))).MemberWrite(cost: 0, createsOrders: true);
        group.MapDelete("portfolio/events/orders/batched", Handler(http => BatchCancel(api, http))).MemberWrite(cost: 0);
        group.MapDelete("portfolio/events/orders/{order_id}", Handler(http => Cancel(api, http))).MemberWrite(RateLimiter.CancelCost);
    }

    private static async Task<IResult> Create(SimApi api, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.CreateOrderV2RequestWire).ConfigureAwait(false);
        var submission = OrderRequests.Submission(request);
        var result = api.Exchange.Submit(OrderRequests.AccountOf(api.Exchange, SimApi.Caller(http).MemberId, request.Subaccount), submission);
        return result.Success
            ? ApiResults.Ok(OrderRequests.Created(result.Value!, TsMs(api)), KalshiJsonContext.Default.CreateOrderV2ResponseWire, StatusCodes.Status201Created)
            : ApiResults.Error(result.Rejection!);
    }

    /// <summary>
    /// A malformed item refuses the whole batch (Kalshi validates it as one body); an order the engine refuses
    /// fails alone, in its item's <c>error</c>.
    /// </summary>
    private static async Task<IResult> BatchCreate(SimApi api, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.BatchCreateOrdersV2RequestWire).ConfigureAwait(false);
        if (request.Orders is not { Count: > 0 } items)
            throw ApiProblem.Missing("orders");
        api.Charge(http, RateBucket.Write, items.Count * RateLimiter.DefaultCost);
        var member = SimApi.Caller(http).MemberId;
        var submissions = items.Select(item => (Account: OrderRequests.AccountOf(api.Exchange, member, item?.Subaccount),
            Order: OrderRequests.Submission(item ?? throw ApiProblem.Invalid("orders holds a null item")))).ToList();
        var results = submissions.Select(submission =>
        {
            var (account, s) = submission;
            var result = api.Exchange.Submit(account, s);
            if (result.Success)
            {
                var created = OrderRequests.Created(result.Value!, TsMs(api));
                return new BatchCreateItemWire
                {
                    OrderId = created.OrderId,
                    ClientOrderId = created.ClientOrderId,
                    FillCount = created.FillCount,
                    RemainingCount = created.RemainingCount,
                    AverageFillPrice = created.AverageFillPrice,
                    AverageFeePaid = created.AverageFeePaid,
                    TsMs = created.TsMs,
                };
            }

            var rejection = result.Rejection!;
            return new BatchCreateItemWire { OrderId = "", ClientOrderId = s.ClientOrderId, Error = new ErrorWire(rejection.Code, rejection.Message) };
        }).ToList();
        return ApiResults.Ok(new BatchCreateOrdersV2ResponseWire(results), KalshiJsonContext.Default.BatchCreateOrdersV2ResponseWire, StatusCodes.Status201Created);
    }

    private static IResult Cancel(SimApi api, HttpContext http)
    {
        var orderId = (string)http.Request.RouteValues["order_id"]!;
        var query = new QueryReader(http.Request.Query);
        var account = OrderRequests.AccountOf(api.Exchange, SimApi.Caller(http).MemberId, query.Subaccount());
        OrderRequests.ExchangeIndex((int?)query.Long("exchange_index", -1, int.MaxValue));
        var result = api.Exchange.Cancel(account, orderId);
        if (!result.Success)
            return ApiResults.Error(result.Rejection!);
        return ApiResults.Ok(Canceled(result.Value!, TsMs(api)), KalshiJsonContext.Default.CancelOrderV2ResponseWire);
    }

    private static async Task<IResult> BatchCancel(SimApi api, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.BatchCancelOrdersV2RequestWire).ConfigureAwait(false);
        if (request.Orders is not { Count: > 0 } items)
            throw ApiProblem.Missing("orders");
        api.Charge(http, RateBucket.Write, items.Count * RateLimiter.CancelCost);
        var member = SimApi.Caller(http).MemberId;
        var accounts = items.Select(item =>
        {
            OrderRequests.Required(item?.OrderId, "order_id");
            OrderRequests.ExchangeIndex(item!.ExchangeIndex);
            return OrderRequests.AccountOf(api.Exchange, member, item.Subaccount);
        }).ToList();

        var results = items.Select((item, i) =>
        {
            var result = api.Exchange.Cancel(accounts[i], item!.OrderId!);
            if (result.Success)
            {
                var canceled = Canceled(result.Value!, TsMs(api));
                return new BatchCancelItemWire { OrderId = canceled.OrderId, ClientOrderId = canceled.ClientOrderId, ReducedBy = canceled.ReducedBy, TsMs = canceled.TsMs };
            }

            var rejection = result.Rejection!;
            return new BatchCancelItemWire { OrderId = item.OrderId!, ReducedBy = WireFormat.Count(Core.Values.Contracts.Zero), Error = new ErrorWire(rejection.Code, rejection.Message) };
        }).ToList();
        return ApiResults.Ok(new BatchCancelOrdersV2ResponseWire(results), KalshiJsonContext.Default.BatchCancelOrdersV2ResponseWire);
    }

    /// <summary>What a cancel took off: everything not filled, since only a resting order can be cancelled.</summary>
    private static CancelOrderV2ResponseWire Canceled(SimOrder order, long tsMs) => new()
    {
        OrderId = order.Id,
        ClientOrderId = string.IsNullOrEmpty(order.ClientOrderId) ? null : order.ClientOrderId,
        ReducedBy = WireFormat.Count(order.Initial - order.Filled),
        TsMs = tsMs,
    };

    /// <summary>The matching engine's time: the market clock.</summary>
    internal static long TsMs(SimApi api) => api.Exchange.Clock.GetUtcNow().ToUnixTimeMilliseconds();
}
