using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// Kalshi lists fills, settlements and orders of every subaccount when <c>subaccount</c> is omitted (get-fills.md,
/// get-settlements.md, get-orders.md: "If omitted, defaults to all subaccounts"). The venue here answers that way, so
/// anything the adapter does not scope to the bot's subaccount shows up as another subaccount's activity.
/// </summary>
public class SubaccountScopeTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 0, 0, TimeSpan.Zero);
    private readonly RecordedVenue _venue = new();
    private readonly FakeTimeProvider _time = new(Now);

    public SubaccountScopeTests()
    {
        // Rows of subaccounts 0 and 2; each list is filtered as Kalshi filters it by the subaccount query parameter.
        _venue.Reply(HttpMethod.Get, "portfolio/fills", r => Page(r, "fills", [Fill("f-0", "o-0", 0), Fill("f-2", "o-2", 2)]));
        _venue.Reply(HttpMethod.Get, "portfolio/settlements", r => Page(r, "settlements", [Settlement("KXA-0", 0), Settlement("KXA-2", 2)]));
        _venue.Reply(HttpMethod.Get, "portfolio/orders", r => Page(r, "orders", [Order("o-0", 0), Order("o-2", 2)]));
    }

    private KalshiExchange Exchange(int? subaccount = null) =>
        subaccount is { } number
            ? new KalshiExchange(TestClients.Create(_venue, _time), _time, number)
            : new KalshiExchange(TestClients.Create(_venue, _time), _time);

    [Fact]
    public async Task Fills_settlements_and_orders_of_another_subaccount_are_not_read()
    {
        var exchange = Exchange();

        var fills = await exchange.GetFillsAsync(null, default);
        var settlements = await exchange.GetSettlementsAsync(null, default);
        var orders = await exchange.GetOrdersAsync(null, default);

        Assert.Equal(["f-0"], fills.Value!.Select(f => f.FillId));
        Assert.Equal(["KXA-0"], settlements.Value!.Select(s => s.Ticker.Value));
        Assert.Equal(["o-0"], orders.Value!.Select(o => o.OrderId));
        Assert.All(_venue.Requests, r => Assert.Equal("0", HttpUtility.ParseQueryString(r.Uri.Query)["subaccount"]));
    }

    [Fact]
    public async Task A_configured_subaccount_scopes_every_portfolio_read_and_order_write()
    {
        _venue.Reply(HttpMethod.Get, "portfolio/balance", HttpStatusCode.OK, """{"balance":100,"balance_dollars":"1.0000","portfolio_value":0,"updated_ts":1}""");
        _venue.Reply(HttpMethod.Get, "portfolio/positions", HttpStatusCode.OK, """{"market_positions":[],"event_positions":[],"cursor":""}""");
        _venue.Reply(HttpMethod.Delete, "portfolio/events/orders/o-2", HttpStatusCode.OK, """{"order_id":"o-2","reduced_by":"1.00"}""");
        _venue.Reply(HttpMethod.Post, "portfolio/events/orders", HttpStatusCode.Created,
            """{"order_id":"o-3","client_order_id":"8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1","fill_count":"0.00","remaining_count":"1.00"}""");
        var exchange = Exchange(2);

        Assert.Equal(["f-2"], (await exchange.GetFillsAsync(null, default)).Value!.Select(f => f.FillId));
        Assert.Equal(["KXA-2"], (await exchange.GetSettlementsAsync(null, default)).Value!.Select(s => s.Ticker.Value));
        Assert.Equal(["o-2"], (await exchange.GetOrdersAsync(null, default)).Value!.Select(o => o.OrderId));
        Assert.True((await exchange.GetBalanceAsync(default)).Success);
        Assert.True((await exchange.GetPositionsAsync(default)).Success);
        Assert.True((await exchange.CancelOrderAsync("o-2", MarketTicker.Parse("KXA-2"), default)).Success);
        var order = new Core.Exchange.OrderRequest(ClientOrderId.Parse("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1"), MarketTicker.Parse("KXA-2"),
            BookSide.Bid, Price.Parse("0.40"), Contracts.Whole(1), Core.Exchange.TimeInForce.ImmediateOrCancel, false, false);
        Assert.True((await exchange.CreateOrderAsync(order, default)).Success);

        var reads = _venue.Requests.Where(r => r.Method != HttpMethod.Post).ToList();
        Assert.Equal(6, reads.Count);
        Assert.All(reads, r => Assert.Equal("2", HttpUtility.ParseQueryString(r.Uri.Query)["subaccount"]));
        // The create takes it in its body (create-order-v2.md), not in the query.
        Assert.Equal(2, (int)JsonNode.Parse(_venue.Requests.Single(r => r.Method == HttpMethod.Post).Body!)!["subaccount"]!);
    }

    [Fact]
    public async Task An_order_read_by_id_that_belongs_to_another_subaccount_is_refused()
    {
        var order = Order("o-2", 2);
        _venue.Reply(HttpMethod.Get, "portfolio/orders/o-2", HttpStatusCode.OK, new JsonObject { ["order"] = order }.ToJsonString());

        var read = await Exchange().GetOrderAsync("o-2", default);

        Assert.False(read.Success);
        Assert.Equal(Core.Exchange.ExchangeErrorKind.Unreadable, read.Error.Kind);
        Assert.Contains("subaccount 2", read.Error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Page(HttpRequestMessage request, string list, JsonObject[] rows)
    {
        var subaccount = HttpUtility.ParseQueryString(request.RequestUri!.Query)["subaccount"];
        var kept = rows.Where(r => subaccount is null || (int)r["subaccount_number"]! == int.Parse(subaccount, System.Globalization.CultureInfo.InvariantCulture));
        return RecordedVenue.Response(HttpStatusCode.OK, new JsonObject { [list] = new JsonArray([.. kept]), ["cursor"] = "" }.ToJsonString());
    }

    /// <summary>Shaped like the recorded reply kalshi-replies/get_portfolio_fills__redacted_2026-08-18.json.</summary>
    private static JsonObject Fill(string fillId, string orderId, int subaccount) => new()
    {
        ["action"] = "buy",
        ["book_side"] = "bid",
        ["count_fp"] = "2.00",
        ["created_time"] = "2026-09-13T15:00:00Z",
        ["fee_cost"] = "0.035000",
        ["fill_id"] = fillId,
        ["is_taker"] = true,
        ["market_ticker"] = "KXA-1",
        ["no_price_dollars"] = "0.6000",
        ["order_id"] = orderId,
        ["outcome_side"] = "yes",
        ["side"] = "yes",
        ["subaccount_number"] = subaccount,
        ["ticker"] = "KXA-1",
        ["trade_id"] = fillId,
        ["ts"] = 1_789_311_600,
        ["yes_price_dollars"] = "0.4000",
    };

    private static JsonObject Settlement(string ticker, int subaccount) => new()
    {
        ["ticker"] = ticker,
        ["event_ticker"] = "KXA",
        ["market_result"] = "yes",
        ["yes_count_fp"] = "2.00",
        ["yes_total_cost_dollars"] = "0.8000",
        ["no_count_fp"] = "0.00",
        ["no_total_cost_dollars"] = "0.0000",
        ["revenue"] = 200,
        ["settled_time"] = "2026-09-13T15:30:00Z",
        ["fee_cost"] = "0.0000",
        // Settlements carry no subaccount field of their own; the venue here filters on this one.
        ["subaccount_number"] = subaccount,
    };

    /// <summary>Shaped like the recorded reply kalshi-replies/get_portfolio_order__demo_executed_2026-09-26.json.</summary>
    private static JsonObject Order(string orderId, int subaccount) => new()
    {
        ["action"] = "buy",
        ["book_side"] = "bid",
        ["client_order_id"] = "7d64f330-ee80-444d-b4e9-41b6e7fc2979",
        ["created_time"] = "2026-09-13T15:00:00Z",
        ["exchange_index"] = 0,
        ["fill_count_fp"] = "1.00",
        ["initial_count_fp"] = "1.00",
        ["order_id"] = orderId,
        ["outcome_side"] = "yes",
        ["remaining_count_fp"] = "0.00",
        ["side"] = "yes",
        ["status"] = "executed",
        ["subaccount_number"] = subaccount,
        ["taker_fees_dollars"] = "0.017300",
        ["ticker"] = "KXA-1",
        ["type"] = "limit",
        ["yes_price_dollars"] = "0.5600",
    };
}
