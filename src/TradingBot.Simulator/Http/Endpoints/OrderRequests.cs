using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Wire;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>Turns V2 order bodies into engine requests, refusing what Kalshi's validation refuses with a 400.</summary>
internal static class OrderRequests
{
    private const int MaxClientOrderIdLength = 255;

    public static OrderSubmission Submission(CreateOrderV2RequestWire request)
    {
        var ticker = Required(request.Ticker, "ticker");
        var side = Side(request.Side);
        var count = Count(request.Count, "count");
        var price = YesPrice(request.Price, "price");
        var timeInForce = request.TimeInForce switch
        {
            null or "" => throw ApiProblem.Missing("time_in_force"),
            "good_till_canceled" => TimeInForce.GoodTillCanceled,
            "immediate_or_cancel" => TimeInForce.ImmediateOrCancel,
            "fill_or_kill" => TimeInForce.FillOrKill,
            _ => throw ApiProblem.Invalid("time_in_force must be fill_or_kill, good_till_canceled or immediate_or_cancel"),
        };
        var selfTrade = request.SelfTradePreventionType switch
        {
            null or "" => throw ApiProblem.Missing("self_trade_prevention_type"),
            "taker_at_cross" => SelfTradePrevention.TakerAtCross,
            "maker" => SelfTradePrevention.Maker,
            _ => throw ApiProblem.Invalid("self_trade_prevention_type must be taker_at_cross or maker"),
        };
        DateTimeOffset? expiration = null;
        if (request.ExpirationTime is { } seconds)
        {
            if (timeInForce != TimeInForce.GoodTillCanceled)
                throw ApiProblem.Invalid("expiration_time needs time_in_force good_till_canceled");
            if (seconds is <= 0 or > 253_402_300_799)
                throw ApiProblem.Invalid("expiration_time must be a Unix time in seconds");
            expiration = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        ExchangeIndex(request.ExchangeIndex);
        var clientOrderId = ClientOrderId(request.ClientOrderId, "client_order_id");
        return new OrderSubmission(
            ticker,
            side,
            price,
            count,
            timeInForce,
            clientOrderId,
            request.PostOnly ?? false,
            request.ReduceOnly ?? false,
            selfTrade,
            request.CancelOrderOnPause ?? false,
            expiration,
            string.IsNullOrEmpty(request.OrderGroupId) ? null : request.OrderGroupId);
    }

    public static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw ApiProblem.Missing(field) : value;

    public static BookSide Side(string? side) => side switch
    {
        null or "" => throw ApiProblem.Missing("side"),
        "bid" => BookSide.Bid,
        "ask" => BookSide.Ask,
        _ => throw ApiProblem.Invalid("side must be bid or ask"),
    };

    /// <summary>A fixed-point count: 0 to 2 decimals, positive.</summary>
    public static Contracts Count(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            throw ApiProblem.Missing(field);
        if (!Contracts.TryParse(text, out var count) || count.IsZero)
            throw new ApiProblem(400, "invalid_order_size", $"{field} must be a positive number of contracts with at most 2 decimals");
        return count;
    }

    /// <summary>A dollar price; whether it is on the market's grid is the engine's call.</summary>
    public static Price YesPrice(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
            throw ApiProblem.Missing(field);
        return Price.TryParse(text, out var price)
            ? price
            : throw new ApiProblem(400, "invalid_price", $"{field} must be a dollar price between 0 and 1 with at most 4 decimals");
    }

    public static string? ClientOrderId(string? text, string field) => text switch
    {
        null or "" => null,
        { Length: > MaxClientOrderIdLength } => throw ApiProblem.Invalid($"{field} is longer than {MaxClientOrderIdLength} characters"),
        _ => text,
    };

    /// <summary>Order groups exist for the primary subaccount only in the simulator.</summary>
    public static void Subaccount(int? subaccount)
    {
        if (subaccount is < 0 or > 63)
            throw ApiProblem.Invalid("subaccount must be 0 to 63");
        if (subaccount > 0)
            throw ApiProblem.Invalid($"subaccount {subaccount} does not exist");
    }

    /// <summary>
    /// The engine account an order write acts on: the caller's subaccount named in the request, the primary (0) when
    /// none is (Kalshi's default for writes). A numbered subaccount must have been opened.
    /// </summary>
    public static string AccountOf(SimExchange exchange, string member, int? subaccount)
    {
        if (subaccount is < 0 or > 63)
            throw ApiProblem.Invalid("subaccount must be 0 to 63");
        var id = SimAccount.IdOf(member, subaccount ?? 0);
        return subaccount is null or 0 || exchange.Read(x => x.Accounts.ContainsKey(id))
            ? id
            : throw ApiProblem.Invalid($"subaccount {subaccount} does not exist");
    }

    /// <summary>A shard the simulator has, or -1 for auto-routing (the market's own shard).</summary>
    public static void ExchangeIndex(int? index)
    {
        if (index is not null and not -1 && !ExchangeShards.All.Contains(index.Value))
            throw ApiProblem.Invalid($"exchange_index {index} does not exist");
    }

    public static CreateOrderV2ResponseWire Created(SubmitOutcome outcome, long tsMs)
    {
        var (filled, averagePrice, averageFee) = Mapping.PortfolioMapper.FillSummary(outcome.Fills);
        return new CreateOrderV2ResponseWire
        {
            OrderId = outcome.Order.Id,
            ClientOrderId = string.IsNullOrEmpty(outcome.Order.ClientOrderId) ? null : outcome.Order.ClientOrderId,
            FillCount = filled,
            RemainingCount = WireFormat.Count(outcome.Order.Remaining),
            AverageFillPrice = averagePrice,
            AverageFeePaid = averageFee,
            TsMs = tsMs,
        };
    }
}
