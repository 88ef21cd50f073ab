using TradingBot.Core.Exchange;
using TradingBot.Simulator.Tests.Http.Support;
using TradingBot.Tests.Shared.KalshiDocs;
using static TradingBot.Simulator.Tests.Http.MarketDataTests;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>The signed member's ledger answers with the documented fields, after real trading and a settlement.</summary>
public class PortfolioTests
{
    [Theory]
    [InlineData("portfolio/balance", "portfolio/get-balance.md")]
    [InlineData("portfolio/positions", "portfolio/get-positions.md")]
    [InlineData("portfolio/positions?count_filter=position,total_traded", "portfolio/get-positions.md")]
    [InlineData("portfolio/fills", "portfolio/get-fills.md")]
    [InlineData("portfolio/settlements", "portfolio/get-settlements.md")]
    [InlineData("portfolio/orders", "orders/get-orders.md")]
    [InlineData("portfolio/orders?status=resting", "orders/get-orders.md")]
    [InlineData("portfolio/order_groups", "order-groups/get-order-groups.md")]
    [InlineData("account/limits", "account/get-account-api-limits.md")]
    public async Task A_member_endpoint_answers_as_documented(string path, string page)
    {
        await using var server = await StartAsync();
        await Busy(server);

        var (status, body) = await server.Call(HttpMethod.Get, path, signer: server.Alice);

        Assert.Equal(200, status);
        ApiDoc.Load(page).AssertReply("get", 200, body);
    }

    [Fact]
    public async Task One_order_answers_as_documented()
    {
        await using var server = await StartAsync();
        await Busy(server);
        var orderId = server.Exchange.Read(x => x.Accounts["alice"].Orders[0].Id);

        var (status, body) = await server.Call(HttpMethod.Get, $"portfolio/orders/{orderId}", signer: server.Alice);
        var (missing, _) = await server.Call(HttpMethod.Get, "portfolio/orders/nope", signer: server.Alice);
        var (othersOrder, _) = await server.Call(HttpMethod.Get, $"portfolio/orders/{orderId}", signer: server.Maker);

        Assert.Equal(200, status);
        ApiDoc.Load("orders/get-order.md").AssertReply("get", 200, body);
        Assert.Equal((404, 404), (missing, othersOrder));
    }

    [Fact]
    public async Task The_ledger_adds_up_after_a_fill_and_a_settlement()
    {
        await using var server = await StartAsync();
        await Busy(server);

        var (_, balance) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);
        var (_, positions) = await server.Call(HttpMethod.Get, "portfolio/positions", signer: server.Alice);
        var (_, settlements) = await server.Call(HttpMethod.Get, "portfolio/settlements", signer: server.Alice);
        var (_, fills) = await server.Call(HttpMethod.Get, $"portfolio/fills?ticker={Dal}", signer: server.Alice);

        var available = server.Exchange.Read(x => x.Accounts["alice"].Available);
        Assert.Equal(available, Core.Values.Money.Parse(balance.GetProperty("balance_dollars").GetString()!));
        Assert.Equal(available.Micros / 10_000, balance.GetProperty("balance").GetInt64());
        var dal = Assert.Single(positions.GetProperty("market_positions").EnumerateArray(), p => p.GetProperty("ticker").GetString() == Dal);
        Assert.Equal("2.00", dal.GetProperty("position_fp").GetString());
        var settled = Assert.Single(settlements.GetProperty("settlements").EnumerateArray());
        Assert.Equal("no", settled.GetProperty("market_result").GetString());
        Assert.Equal("4.00", settled.GetProperty("yes_count_fp").GetString());
        Assert.Equal(0, settled.GetProperty("revenue").GetInt64());
        var fill = Assert.Single(fills.GetProperty("fills").EnumerateArray());
        Assert.Equal(fill.GetProperty("fill_id").GetString(), fill.GetProperty("trade_id").GetString());
        Assert.Equal("bid", fill.GetProperty("book_side").GetString());
        Assert.Equal("yes", fill.GetProperty("outcome_side").GetString());
    }

    [Fact]
    public async Task Orders_page_newest_first_over_several_pages()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 7; i++)
            await Place(server, server.Alice, Order(Dal, "bid", "0.0100", "1", $"page-{i}"));

        var seen = new List<string>();
        var cursor = "";
        var pages = 0;
        do
        {
            var (_, body) = await server.Call(HttpMethod.Get, "portfolio/orders?limit=3" + (cursor.Length > 0 ? $"&cursor={cursor}" : ""), signer: server.Alice);
            seen.AddRange(body.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()!));
            cursor = body.GetProperty("cursor").GetString()!;
            pages++;
        }
        while (cursor.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"page-{i}"), seen);
    }

    [Theory]
    [InlineData("portfolio/orders?status=open")]
    [InlineData("portfolio/orders?limit=0")]
    [InlineData("portfolio/fills?limit=1001")]
    [InlineData("portfolio/positions?count_filter=volume")]
    [InlineData("portfolio/settlements?min_ts=yesterday")]
    [InlineData("portfolio/orders?subaccount=64")]
    public async Task Bad_member_queries_get_400(string path)
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Get, path, signer: server.Alice);

        Assert.Equal(400, status);
        Assert.True(body.TryGetProperty("code", out _));
    }

    /// <summary>
    /// A fill on DAL, resting orders on both members, a losing NYG position settled, and an order group: enough for
    /// every ledger endpoint to have something to say.
    /// </summary>
    internal static async Task Busy(SimServer server)
    {
        await TradeOnce(server);
        await Place(server, server.Maker, Order(Dal, "bid", "0.4000", "5"));
        await Place(server, server.Alice, Order(Dal, "bid", "0.4500", "3", "alice-resting"));
        await Place(server, server.Maker, Order(Nyg, "ask", "0.3000", "4"));
        await Place(server, server.Alice, Order(Nyg, "bid", "0.3000", "4", timeInForce: "fill_or_kill"));
        server.Exchange.Determine(Nyg, MarketResult.No);
        server.Exchange.Settle(Nyg);
        server.Exchange.CreateOrderGroup("alice", Core.Values.Contracts.Whole(10));
    }
}
