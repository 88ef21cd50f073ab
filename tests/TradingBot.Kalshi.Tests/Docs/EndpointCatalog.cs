using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Tests.Docs;

/// <summary>An endpoint the client calls, tied to the doc page that defines it and the record that reads its reply.</summary>
internal sealed record DocumentedEndpoint(string Page, Type Reply, string SamplePath, Func<KalshiClient, Task<ExchangeError?>> Call)
{
    public override string ToString() => Page;
}

/// <summary>
/// Every endpoint the client implements. A row here is held, by <see cref="DocumentedContractTests"/>, to its page:
/// every documented reply field mapped, the documented sample read strictly, the documented method and path called.
/// </summary>
internal static class EndpointCatalog
{
    public const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";

    public const string OrderId = "3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d";

    public const string OrderGroupId = "9f1e0a52-6c1d-4c3b-a1f4-0d7f3b2c8e11";

    public static IReadOnlyList<DocumentedEndpoint> All { get; } =
    [
        new("exchange/get-exchange-status.md", typeof(ExchangeStatusWire), "exchange/status", c => Error(c.GetExchangeStatusAsync(default))),
        new("exchange/get-exchange-schedule.md", typeof(GetExchangeScheduleReply), "exchange/schedule", c => Error(c.GetExchangeScheduleAsync(default))),
        new("market/get-series.md", typeof(GetSeriesReply), "series/KXNFLGAME", c => Error(c.GetSeriesAsync("KXNFLGAME", default))),
        new("exchange/get-series-fee-changes.md", typeof(GetSeriesFeeChangesReply), "series/fee_changes", c => Error(c.GetSeriesFeeChangesAsync(new GetSeriesFeeChangesRequest { SeriesTicker = "KXNFLGAME", ShowHistorical = true }, default))),
        new("market/get-markets.md", typeof(GetMarketsReply), "markets", c => Error(c.GetMarketsAsync(new GetMarketsRequest { SeriesTicker = "KXNFLGAME", Status = "open" }, default))),
        new("market/get-market.md", typeof(GetMarketReply), $"markets/{Ticker}", c => Error(c.GetMarketAsync(Ticker, default))),
        new("market/get-market-orderbook.md", typeof(GetOrderBookReply), $"markets/{Ticker}/orderbook", c => Error(c.GetOrderBookAsync(Ticker, null, default))),
        new("market/get-multiple-market-orderbooks.md", typeof(GetOrderBooksReply), "markets/orderbooks", c => Error(c.GetOrderBooksAsync([Ticker], default))),

        // Events, milestones, trades, account limits
        new("events/get-events.md", typeof(GetEventsReply), "events", c => Error(c.GetEventsAsync(new GetEventsRequest { SeriesTicker = "KXNFLGAME", Status = "open", WithNestedMarkets = true, WithMilestones = true }, default))),
        new("events/get-event.md", typeof(GetEventReply), "events/KXNFLGAME-26SEP13DALNYG", c => Error(c.GetEventAsync("KXNFLGAME-26SEP13DALNYG", true, default))),
        new("events/get-event-fee-changes.md", typeof(GetEventFeeChangesReply), "events/fee_changes", c => Error(c.GetEventFeeChangesAsync(new GetEventFeeChangesRequest { EventTicker = "KXNFLGAME-26SEP13DALNYG" }, default))),
        new("milestone/get-milestones.md", typeof(GetMilestonesReply), "milestones", c => Error(c.GetMilestonesAsync(new GetMilestonesRequest { Category = "Sports", Competition = "Pro Football" }, default))),
        new("milestone/get-milestone.md", typeof(GetMilestoneReply), "milestones/5f1c2e7a-9b4d-4c1e-8a2f-3d6b7e9c0a11", c => Error(c.GetMilestoneAsync("5f1c2e7a-9b4d-4c1e-8a2f-3d6b7e9c0a11", default))),
        new("market/get-trades.md", typeof(GetTradesReply), "markets/trades", c => Error(c.GetTradesAsync(new GetTradesRequest { Ticker = Ticker }, default))),
        new("account/get-account-api-limits.md", typeof(GetAccountApiLimitsReply), "account/limits", c => Error(c.GetAccountApiLimitsAsync(default))),

        // Portfolio: balance, positions, fills, settlements, orders
        new("portfolio/get-balance.md", typeof(GetBalanceReply), "portfolio/balance", c => Error(c.GetBalanceAsync(new GetBalanceRequest { Subaccount = 0, ExchangeIndex = 0 }, default))),
        new("portfolio/get-positions.md", typeof(GetPositionsReply), "portfolio/positions", c => Error(c.GetPositionsAsync(new GetPositionsRequest { CountFilter = ["position"], EventTicker = "KXNFLGAME-26SEP13DALNYG" }, default))),
        new("portfolio/get-fills.md", typeof(GetFillsReply), "portfolio/fills", c => Error(c.GetFillsAsync(new GetFillsRequest { Ticker = Ticker, MinTs = 1_789_000_000 }, default))),
        new("portfolio/get-settlements.md", typeof(GetSettlementsReply), "portfolio/settlements", c => Error(c.GetSettlementsAsync(new GetSettlementsRequest { EventTicker = "KXNFLGAME-26SEP13DALNYG" }, default))),
        new("orders/get-orders.md", typeof(GetOrdersReply), "portfolio/orders", c => Error(c.GetOrdersAsync(new GetOrdersRequest { Ticker = Ticker, Status = "resting" }, default))),
        new("orders/get-order.md", typeof(GetOrderReply), "portfolio/orders/ee2d1bc5-2f5a-4c1e-9d2b-6f0a3c7d8e91", c => Error(c.GetOrderAsync("ee2d1bc5-2f5a-4c1e-9d2b-6f0a3c7d8e91", default))),

        // Order writes (V2) and order groups
        new("orders/create-order-v2.md", typeof(CreateOrderV2Reply), "portfolio/events/orders", c => Error(c.CreateOrderAsync(Order("c-1"), default))),
        new("orders/cancel-order-v2.md", typeof(CancelOrderV2Reply), $"portfolio/events/orders/{OrderId}", c => Error(c.CancelOrderAsync(OrderId, new CancelOrderV2Request { MarketTicker = Ticker }, default))),
        new("orders/batch-create-orders-v2.md", typeof(BatchCreateOrdersV2Reply), "portfolio/events/orders/batched", c => Error(c.BatchCreateOrdersAsync(new BatchCreateOrdersV2Request { Orders = [Order("c-1"), Order("c-2")] }, default))),
        new("orders/batch-cancel-orders-v2.md", typeof(BatchCancelOrdersV2Reply), "portfolio/events/orders/batched", c => Error(c.BatchCancelOrdersAsync(new BatchCancelOrdersV2Request { Orders = [new BatchCancelOrderV2Item { OrderId = OrderId, MarketTicker = Ticker }] }, default))),
        new("orders/amend-order-v2.md", typeof(AmendOrderV2Reply), $"portfolio/events/orders/{OrderId}/amend", c => Error(c.AmendOrderAsync(OrderId, new AmendOrderV2Request { Ticker = Ticker, Side = OrderValues.Bid, Price = "0.5700", Count = "8.00", Subaccount = 0 }, default))),
        new("orders/decrease-order-v2.md", typeof(DecreaseOrderV2Reply), $"portfolio/events/orders/{OrderId}/decrease", c => Error(c.DecreaseOrderAsync(OrderId, new DecreaseOrderV2Request { ReduceBy = "2.00", MarketTicker = Ticker, Subaccount = 0 }, default))),
        new("order-groups/create-order-group.md", typeof(CreateOrderGroupReply), "portfolio/order_groups/create", c => Error(c.CreateOrderGroupAsync(new CreateOrderGroupRequest { ContractsLimitFp = "100.00" }, default))),
        new("order-groups/get-order-group.md", typeof(GetOrderGroupReply), $"portfolio/order_groups/{OrderGroupId}", c => Error(c.GetOrderGroupAsync(OrderGroupId, 0, default))),
        new("order-groups/get-order-groups.md", typeof(GetOrderGroupsReply), "portfolio/order_groups", c => Error(c.GetOrderGroupsAsync(0, default))),
        new("order-groups/delete-order-group.md", typeof(EmptyWire), $"portfolio/order_groups/{OrderGroupId}", c => Error(c.DeleteOrderGroupAsync(OrderGroupId, new OrderGroupScope { ExchangeIndex = 3 }, default))),
        new("order-groups/reset-order-group.md", typeof(EmptyWire), $"portfolio/order_groups/{OrderGroupId}/reset", c => Error(c.ResetOrderGroupAsync(OrderGroupId, new OrderGroupScope { Subaccount = 0 }, default))),
        new("order-groups/trigger-order-group.md", typeof(EmptyWire), $"portfolio/order_groups/{OrderGroupId}/trigger", c => Error(c.TriggerOrderGroupAsync(OrderGroupId, new OrderGroupScope(), default))),
        new("order-groups/update-order-group-limit.md", typeof(EmptyWire), $"portfolio/order_groups/{OrderGroupId}/limit", c => Error(c.UpdateOrderGroupLimitAsync(OrderGroupId, new UpdateOrderGroupLimitRequest { ContractsLimit = 50, Subaccount = 0, ExchangeIndex = 0 }, default))),

    ];

    public static DocumentedEndpoint Get(string page) => All.Single(e => e.Page == page);

    /// <summary>A resting buy of YES with only the documented required fields and a client order id.</summary>
    public static CreateOrderV2Request Order(string clientOrderId) => new()
    {
        Ticker = Ticker,
        ClientOrderId = clientOrderId,
        Side = OrderValues.Bid,
        Count = "10.00",
        Price = "0.5600",
        TimeInForce = OrderValues.GoodTillCanceled,
        SelfTradePreventionType = OrderValues.TakerAtCross,
    };

    private static async Task<ExchangeError?> Error<T>(Task<ExchangeResult<T>> call) => (await call).Error;
}
