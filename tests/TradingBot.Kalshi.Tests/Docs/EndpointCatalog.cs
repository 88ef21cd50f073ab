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

    public static IReadOnlyList<DocumentedEndpoint> All { get; } =
    [
        new("exchange/get-exchange-status.md", typeof(ExchangeStatusWire), "exchange/status", c => Error(c.GetExchangeStatusAsync(default))),
        new("exchange/get-exchange-schedule.md", typeof(GetExchangeScheduleReply), "exchange/schedule", c => Error(c.GetExchangeScheduleAsync(default))),
        new("market/get-series.md", typeof(GetSeriesReply), "series/KXNFLGAME", c => Error(c.GetSeriesAsync("KXNFLGAME", default))),
        new("market/get-markets.md", typeof(GetMarketsReply), "markets", c => Error(c.GetMarketsAsync(new GetMarketsRequest { SeriesTicker = "KXNFLGAME", Status = "open" }, default))),
        new("market/get-market.md", typeof(GetMarketReply), $"markets/{Ticker}", c => Error(c.GetMarketAsync(Ticker, default))),
        new("market/get-market-orderbook.md", typeof(GetOrderBookReply), $"markets/{Ticker}/orderbook", c => Error(c.GetOrderBookAsync(Ticker, null, default))),
        new("market/get-multiple-market-orderbooks.md", typeof(GetOrderBooksReply), "markets/orderbooks", c => Error(c.GetOrderBooksAsync([Ticker], default))),

        // Events, milestones, trades, account limits
        new("events/get-events.md", typeof(GetEventsReply), "events", c => Error(c.GetEventsAsync(new GetEventsRequest { SeriesTicker = "KXNFLGAME", Status = "open", WithNestedMarkets = true, WithMilestones = true }, default))),
        new("events/get-event.md", typeof(GetEventReply), "events/KXNFLGAME-26SEP13DALNYG", c => Error(c.GetEventAsync("KXNFLGAME-26SEP13DALNYG", true, default))),
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

    ];

    public static DocumentedEndpoint Get(string page) => All.Single(e => e.Page == page);

    private static async Task<ExchangeError?> Error<T>(Task<ExchangeResult<T>> call) => (await call).Error;
}
