using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Mapping;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>V2 amend and decrease of a resting order.</summary>
internal static class OrderChangeEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimApi api)
    {
        group.MapPost("portfolio/events/orders/{order_id}/amend", Handler(http => Amend(api, http))).MemberWrite();
        group.MapPost("portfolio/events/orders/{order_id}/decrease", Handler(http => Decrease(api, http))).MemberWrite();
    }

    /// <summary>
    /// The request restates the order's ticker and side, which must match (Kalshi's order_ticker_mismatch and
    /// order_side_mismatch); <c>count</c> is the new total, filled plus what should rest.
    /// </summary>
    private static async Task<IResult> Amend(SimApi api, HttpContext http)
    {
        var orderId = (string)http.Request.RouteValues["order_id"]!;
        var member = OrderRequests.AccountOf(api.Exchange, SimApi.Caller(http).MemberId, new QueryReader(http.Request.Query).Subaccount());
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.AmendOrderV2RequestWire).ConfigureAwait(false);
        var ticker = OrderRequests.Required(request.Ticker, "ticker");
        var side = OrderRequests.Side(request.Side);
        var price = OrderRequests.YesPrice(request.Price, "price");
        var count = OrderRequests.Count(request.Count, "count");
        var clientOrderId = OrderRequests.ClientOrderId(request.ClientOrderId, "client_order_id");
        var updatedClientOrderId = OrderRequests.ClientOrderId(request.UpdatedClientOrderId, "updated_client_order_id");
        OrderRequests.ExchangeIndex(request.ExchangeIndex);

        // The checks and the amend run under the exchange's (re-entrant) lock, so no fill slips between them.
        var result = api.Exchange.Read(x =>
        {
            var account = x.Accounts[member];
            var order = account.Orders.FirstOrDefault(o => o.Id == orderId);
            if (order is null)
                return (SimResult<SubmitOutcome>)new SimRejection(StatusCodes.Status404NotFound, "not_found", $"order {orderId} not found");
            if (order.Ticker != ticker)
                return new SimRejection(StatusCodes.Status400BadRequest, "order_ticker_mismatch", $"order {orderId} is in {order.Ticker}, not {ticker}");
            if (order.Side != side)
                return new SimRejection(StatusCodes.Status400BadRequest, "order_side_mismatch", $"order {orderId} is a {WireFormat.Side(order.Side)}");
            if (clientOrderId is not null && clientOrderId != order.ClientOrderId)
                return new SimRejection(StatusCodes.Status400BadRequest, "order_id_and_client_order_id_mismatch", $"order {orderId} has another client_order_id");
            if (updatedClientOrderId is not null && updatedClientOrderId != order.ClientOrderId && account.Orders.Any(o => o.ClientOrderId == updatedClientOrderId))
                return new SimRejection(StatusCodes.Status409Conflict, "order_already_exists", $"client_order_id {updatedClientOrderId} was already used");
            return x.Amend(member, orderId, price, count, updatedClientOrderId);
        });
        if (!result.Success)
            return ApiResults.Error(result.Rejection!);

        var outcome = result.Value!;
        var (filled, averagePrice, averageFee) = PortfolioMapper.FillSummary(outcome.Fills);
        var body = new AmendOrderV2ResponseWire
        {
            OrderId = outcome.Order.Id,
            ClientOrderId = string.IsNullOrEmpty(outcome.Order.ClientOrderId) ? null : outcome.Order.ClientOrderId,
            RemainingCount = WireFormat.Count(outcome.Order.Remaining),
            FillCount = filled,
            AverageFillPrice = averagePrice,
            AverageFeePaid = averageFee,
            TsMs = OrderEndpoints.TsMs(api),
        };
        return ApiResults.Ok(body, KalshiJsonContext.Default.AmendOrderV2ResponseWire);
    }

    private static async Task<IResult> Decrease(SimApi api, HttpContext http)
    {
        var orderId = (string)http.Request.RouteValues["order_id"]!;
        var account = OrderRequests.AccountOf(api.Exchange, SimApi.Caller(http).MemberId, new QueryReader(http.Request.Query).Subaccount());
        var request = await SimApi.ReadBody(http, KalshiJsonContext.Default.DecreaseOrderV2RequestWire).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.ReduceBy) == string.IsNullOrEmpty(request.ReduceTo))
            throw ApiProblem.Invalid("exactly one of reduce_by and reduce_to must be provided");
        OrderRequests.ExchangeIndex(request.ExchangeIndex);
        Contracts? reduceBy = string.IsNullOrEmpty(request.ReduceBy) ? null : OrderRequests.Count(request.ReduceBy, "reduce_by");
        Contracts? reduceTo = null;
        if (!string.IsNullOrEmpty(request.ReduceTo))
        {
            reduceTo = Contracts.TryParse(request.ReduceTo, out var to)
                ? to
                : throw new ApiProblem(StatusCodes.Status400BadRequest, "invalid_order_size", "reduce_to must be a number of contracts with at most 2 decimals");
        }

        var result = api.Exchange.Decrease(account, orderId, reduceBy, reduceTo);
        if (!result.Success)
            return ApiResults.Error(result.Rejection!);
        var order = result.Value!;
        var body = new DecreaseOrderV2ResponseWire
        {
            OrderId = order.Id,
            ClientOrderId = string.IsNullOrEmpty(order.ClientOrderId) ? null : order.ClientOrderId,
            RemainingCount = WireFormat.Count(order.Status == OrderStatus.Resting ? order.Remaining : Contracts.Zero),
            TsMs = OrderEndpoints.TsMs(api),
        };
        return ApiResults.Ok(body, KalshiJsonContext.Default.DecreaseOrderV2ResponseWire);
    }
}
