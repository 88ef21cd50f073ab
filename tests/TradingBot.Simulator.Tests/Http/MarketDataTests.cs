using System.Text.Json;
using TradingBot.Simulator.Http.Mapping;
using TradingBot.Simulator.Tests.Http.Support;
using TradingBot.Tests.Shared.KalshiDocs;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>The public market data endpoints answer unsigned, with the fields and types their doc pages give.</summary>
public class MarketDataTests
{
    [Theory]
    [InlineData("exchange/status", "exchange/get-exchange-status.md")]
    [InlineData("exchange/schedule", "exchange/get-exchange-schedule.md")]
    [InlineData($"series/{Series}", "market/get-series.md")]
    [InlineData($"series/{Series}?include_volume=true", "market/get-series.md")]
    [InlineData("events", "events/get-events.md")]
    [InlineData("events?with_nested_markets=true&with_milestones=true", "events/get-events.md")]
    [InlineData($"events/{Event}", "events/get-event.md")]
    [InlineData($"events/{Event}?with_nested_markets=true", "events/get-event.md")]
    [InlineData("milestones?limit=10", "milestone/get-milestones.md")]
    [InlineData("markets", "market/get-markets.md")]
    [InlineData($"markets/{Dal}", "market/get-market.md")]
    [InlineData($"markets/{Dal}/orderbook", "market/get-market-orderbook.md")]
    [InlineData($"markets/orderbooks?tickers={Dal},{Nyg}", "market/get-multiple-market-orderbooks.md")]
    [InlineData("markets/trades", "market/get-trades.md")]
    public async Task A_public_endpoint_answers_unsigned_as_documented(string path, string page)
    {
        await using var server = await StartAsync();
        await TradeOnce(server);

        var (status, body) = await server.Call(HttpMethod.Get, path);

        Assert.Equal(200, status);
        ApiDoc.Load(page).AssertReply("get", 200, body);
    }

    [Fact]
    public async Task A_milestone_starts_at_the_game_and_names_its_event()
    {
        await using var server = await StartAsync();

        var (_, list) = await server.Call(HttpMethod.Get, $"milestones?limit=5&related_event_ticker={Event}");
        var milestone = Assert.Single(list.GetProperty("milestones").EnumerateArray());
        var id = milestone.GetProperty("id").GetString()!;
        var (status, one) = await server.Call(HttpMethod.Get, $"milestones/{id}");

        Assert.Equal(200, status);
        ApiDoc.Load("milestone/get-milestone.md").AssertReply("get", 200, one);
        Assert.Equal(GameStart, one.GetProperty("milestone").GetProperty("start_date").GetDateTimeOffset());
        Assert.Contains(Event, one.GetProperty("milestone").GetProperty("related_event_tickers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(EventMapper.MilestoneId(Event), id);
    }

    [Fact]
    public async Task Milestones_need_a_limit_as_their_page_says()
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Get, "milestones");

        Assert.Equal(400, status);
        Assert.Equal("missing_parameters", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_book_lists_bids_only_per_side_best_last()
    {
        await using var server = await StartAsync();
        await Place(server, server.Maker, Order(Dal, "bid", "0.4000", "5"));
        await Place(server, server.Maker, Order(Dal, "bid", "0.4200", "3"));
        await Place(server, server.Maker, Order(Dal, "ask", "0.4500", "7"));
        await Place(server, server.Maker, Order(Dal, "ask", "0.4700", "2"));

        var (_, body) = await server.Call(HttpMethod.Get, $"markets/{Dal}/orderbook");
        var (_, shallow) = await server.Call(HttpMethod.Get, $"markets/{Dal}/orderbook?depth=1");
        var (_, market) = await server.Call(HttpMethod.Get, $"markets/{Dal}");

        var book = body.GetProperty("orderbook_fp");
        Assert.Equal([["0.4000", "5.00"], ["0.4200", "3.00"]], Levels(book.GetProperty("yes_dollars")));
        Assert.Equal([["0.5300", "2.00"], ["0.5500", "7.00"]], Levels(book.GetProperty("no_dollars")));
        Assert.Equal([["0.4200", "3.00"]], Levels(shallow.GetProperty("orderbook_fp").GetProperty("yes_dollars")));
        var m = market.GetProperty("market");
        Assert.Equal("0.4200", m.GetProperty("yes_bid_dollars").GetString());
        Assert.Equal("0.4500", m.GetProperty("yes_ask_dollars").GetString());
        Assert.Equal("0.5500", m.GetProperty("no_bid_dollars").GetString());
        Assert.Equal("0.5800", m.GetProperty("no_ask_dollars").GetString());
    }

    [Fact]
    public async Task Markets_page_through_with_an_opaque_cursor_that_is_empty_on_the_last_page()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 23; i++)
            server.Exchange.AddMarket(new global::TradingBot.Simulator.Engine.MarketSpec($"{Event}-X{i:D2}", Event, "extra", "x", "x", Start.AddDays(-1), GameStart));

        var seen = new List<string>();
        var pages = 0;
        string cursor = "";
        do
        {
            var (status, body) = await server.Call(HttpMethod.Get, $"markets?limit=10&event_ticker={Event}" + (cursor.Length > 0 ? $"&cursor={cursor}" : ""));
            Assert.Equal(200, status);
            seen.AddRange(body.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()!));
            cursor = body.GetProperty("cursor").GetString()!;
            pages++;
        }
        while (cursor.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(25, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Trades_page_newest_first()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 5; i++)
            await TradeOnce(server);

        var (_, first) = await server.Call(HttpMethod.Get, "markets/trades?limit=3");
        var cursor = first.GetProperty("cursor").GetString();
        var (_, second) = await server.Call(HttpMethod.Get, $"markets/trades?limit=3&cursor={cursor}");

        var ids = first.GetProperty("trades").EnumerateArray().Concat(second.GetProperty("trades").EnumerateArray()).Select(t => t.GetProperty("trade_id").GetString()!).ToList();
        Assert.Equal(server.Exchange.Read(x => x.Trades.Select(t => t.TradeId).Reverse().ToList()), ids);
        Assert.Equal("", second.GetProperty("cursor").GetString());
    }

    [Theory]
    [InlineData("markets?limit=1001")]
    [InlineData("markets?limit=abc")]
    [InlineData("markets?status=open,closed")]
    [InlineData("markets?status=bogus")]
    [InlineData("markets?min_close_ts=1&min_created_ts=1")]
    [InlineData("markets?min_created_ts=1&status=closed")]
    [InlineData("markets?cursor=not-a-cursor")]
    [InlineData("events?limit=0")]
    [InlineData("events?with_nested_markets=maybe")]
    [InlineData($"markets/{Dal}/orderbook?depth=101")]
    [InlineData("markets/orderbooks")]
    [InlineData("markets/orderbooks?tickers=NOPE")]
    public async Task Bad_query_parameters_get_Kalshis_400(string path)
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Get, path);

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("markets/NOPE")]
    [InlineData("events/NOPE")]
    [InlineData("series/NOPE")]
    [InlineData("milestones/NOPE")]
    [InlineData("no/such/endpoint")]
    public async Task Unknown_things_are_404_with_Kalshis_body(string path)
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Get, path);

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Status_filters_follow_the_lifecycle_mapping()
    {
        await using var server = await StartAsync();
        server.Exchange.Determine(Nyg, Core.Exchange.MarketResult.No);

        var (_, open) = await server.Call(HttpMethod.Get, "markets?status=open");
        var (_, closed) = await server.Call(HttpMethod.Get, "markets?status=closed");

        Assert.Equal([Dal], open.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()));
        Assert.Equal([Nyg], closed.GetProperty("markets").EnumerateArray().Select(m => m.GetProperty("ticker").GetString()));
    }

    internal static async Task Place(SimServer server, TestSigner signer, string order)
    {
        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", order, signer);
        Assert.True(status == 201, body.ToString());
    }

    /// <summary>The maker rests an ask and alice lifts it: one trade, fills on both sides.</summary>
    internal static async Task TradeOnce(SimServer server)
    {
        await Place(server, server.Maker, Order(Dal, "ask", "0.5500", "2"));
        await Place(server, server.Alice, Order(Dal, "bid", "0.5500", "2", timeInForce: "immediate_or_cancel"));
    }

    private static List<List<string>> Levels(JsonElement levels) =>
        levels.EnumerateArray().Select(l => l.EnumerateArray().Select(v => v.GetString()!).ToList()).ToList();
}
