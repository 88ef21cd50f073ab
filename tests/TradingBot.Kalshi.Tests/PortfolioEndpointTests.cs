using System.Net;
using System.Text.Json.Nodes;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Tests.Docs;
using TradingBot.Tests.Shared.KalshiDocs;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// The portfolio reads the bot reconciles from: paging that loses no fill, fractional counts, replies that break the
/// contract turned into values, and filters sent under Kalshi's own parameter names.
/// </summary>
public class PortfolioEndpointTests
{
    private const string Ticker = EndpointCatalog.Ticker;
    private const string EventTicker = "KXNFLGAME-26SEP13DALNYG";

    [Fact]
    public async Task Fills_are_paged_by_passing_the_cursor_back_until_it_comes_back_empty()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/fills", request =>
            QueryOf(request.RequestUri!).SingleOrDefault(p => p.Name == "cursor").Value switch
            {
                null => RecordedVenue.Response(HttpStatusCode.OK, FillsPage("page-2", Fill("f-1"), Fill("f-2"))),
                "page-2" => RecordedVenue.Response(HttpStatusCode.OK, FillsPage("", Fill("f-3"))),
                var other => RecordedVenue.Response(HttpStatusCode.BadRequest, $$"""{"code":"bad_cursor","message":"{{other}}"}"""),
            });
        var client = TestClients.Create(venue);

        var ids = new List<string>();
        var request = new GetFillsRequest { Ticker = Ticker };
        for (var page = 0; page < 10; page++)
        {
            var result = await client.GetFillsAsync(request, default);
            Assert.True(result.Success, result.Error?.ToString());
            ids.AddRange(result.Value.Fills.Select(f => f.FillId));
            if (string.IsNullOrEmpty(result.Value.Cursor))
                break;
            request = request with { Cursor = result.Value.Cursor };
        }

        Assert.Equal(["f-1", "f-2", "f-3"], ids);
        Assert.Equal(2, venue.Requests.Count);
        Assert.DoesNotContain(QueryOf(venue.Requests[0].Uri), p => p.Name == "cursor");
        Assert.Contains(("cursor", "page-2"), QueryOf(venue.Requests[1].Uri));
        Assert.All(venue.Requests, r => Assert.Contains(("ticker", Ticker), QueryOf(r.Uri)));
    }

    [Fact]
    public async Task A_fill_of_a_fraction_of_a_contract_reads_as_its_exact_string()
    {
        var fill = Fill("f-1");
        fill["count_fp"] = "0.30";
        fill["fee_cost"] = "0.0042";
        fill["outcome_side"] = "no";
        fill["book_side"] = "ask";
        fill["yes_price_dollars"] = "0.4400";
        fill["is_taker"] = false;
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/fills", HttpStatusCode.OK, FillsPage("", fill));

        var result = await TestClients.Create(venue).GetFillsAsync(new GetFillsRequest(), default);

        Assert.True(result.Success, result.Error?.ToString());
        var read = Assert.Single(result.Value.Fills);
        Assert.Equal("0.30", read.CountFp);
        Assert.Equal("0.0042", read.FeeCost);
        Assert.Equal("no", read.OutcomeSide);
        Assert.Equal("ask", read.BookSide);
        Assert.Equal("0.4400", read.YesPriceDollars);
        Assert.False(read.IsTaker);
    }

    [Fact]
    public async Task A_short_position_and_its_pnl_read_as_signed_strings()
    {
        var reply = ApiDoc.Load("portfolio/get-positions.md").SampleReply();
        var position = reply["market_positions"]![0]!;
        position["position_fp"] = "-12.50";
        position["realized_pnl_dollars"] = "-3.1250";
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/positions", HttpStatusCode.OK, reply.ToJsonString());

        var result = await TestClients.Create(venue).GetPositionsAsync(new GetPositionsRequest(), default);

        Assert.True(result.Success, result.Error?.ToString());
        var read = Assert.Single(result.Value.MarketPositions);
        Assert.Equal("-12.50", read.PositionFp);
        Assert.Equal("-3.1250", read.RealizedPnlDollars);
    }

    [Fact]
    public async Task An_order_with_the_documented_nulls_reads()
    {
        var reply = ApiDoc.Load("orders/get-order.md").SampleReply();
        var order = reply["order"]!;
        order["created_time"] = null;
        order["expiration_time"] = null;
        order["last_update_time"] = null;
        order["self_trade_prevention_type"] = null;
        order["order_group_id"] = null;
        order["subaccount_number"] = null;
        order["remaining_count_fp"] = "9.70";
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/orders/o-1", HttpStatusCode.OK, reply.ToJsonString());

        var result = await TestClients.Create(venue).GetOrderAsync("o-1", default);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Null(result.Value.Order.CreatedTime);
        Assert.Equal("9.70", result.Value.Order.RemainingCountFp);
    }

    [Fact]
    public async Task A_settlement_keeps_revenue_in_cents_and_fees_in_dollars()
    {
        var reply = ApiDoc.Load("portfolio/get-settlements.md").SampleReply();
        var settlement = reply["settlements"]![0]!;
        settlement["revenue"] = 1250;
        settlement["fee_cost"] = "0.0875";
        settlement["market_result"] = "no";
        settlement["value"] = null;
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/settlements", HttpStatusCode.OK, reply.ToJsonString());

        var result = await TestClients.Create(venue).GetSettlementsAsync(new GetSettlementsRequest(), default);

        Assert.True(result.Success, result.Error?.ToString());
        var read = Assert.Single(result.Value.Settlements);
        Assert.Equal(1250L, read.Revenue);
        Assert.Equal("0.0875", read.FeeCost);
        Assert.Equal("no", read.MarketResult);
        Assert.Null(read.Value);
    }

    public static TheoryData<string, string, string> BrokenReplies => new()
    {
        // page, JSON pointer-ish path to the object, field removed or broken
        { "portfolio/get-fills.md", "fills/0", "fill_id" },
        { "portfolio/get-fills.md", "fills/0", "count_fp" },
        { "portfolio/get-fills.md", "fills/0", "is_taker" },
        { "orders/get-orders.md", "orders/0", "order_id" },
        { "orders/get-orders.md", "orders/0", "client_order_id" },
        { "orders/get-order.md", "order", "remaining_count_fp" },
        { "portfolio/get-positions.md", "market_positions/0", "position_fp" },
        { "portfolio/get-settlements.md", "settlements/0", "revenue" },
        { "portfolio/get-settlements.md", "settlements/0", "settled_time" },
        { "portfolio/get-balance.md", "", "balance" },
    };

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task A_reply_missing_a_required_field_is_an_unreadable_result_not_an_exception(string page, string at, string field)
    {
        var reply = ApiDoc.Load(page).SampleReply();
        Locate(reply, at).AsObject().Remove(field);

        var error = await Call(page, reply.ToJsonString());

        Assert.NotNull(error);
        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
        Assert.Equal(200, error.HttpStatus);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public async Task A_null_in_a_required_field_is_an_unreadable_result(string page, string at, string field)
    {
        var reply = ApiDoc.Load(page).SampleReply();
        Locate(reply, at)[field] = null;

        var error = await Call(page, reply.ToJsonString());

        Assert.NotNull(error);
        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
    }

    [Fact]
    public async Task A_price_sent_as_a_number_is_unreadable_rather_than_read_as_a_double()
    {
        var fill = Fill("f-1");
        fill["yes_price_dollars"] = 0.56;
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/fills", HttpStatusCode.OK, FillsPage("", fill));

        var result = await TestClients.Create(venue).GetFillsAsync(new GetFillsRequest(), default);

        Assert.Equal(ExchangeErrorKind.Unreadable, result.Error?.Kind);
    }

    [Fact]
    public async Task Fields_Kalshi_adds_later_do_not_break_a_read()
    {
        var fill = Fill("f-1");
        fill["some_future_field"] = new JsonObject { ["nested"] = 1 };
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/fills", HttpStatusCode.OK, FillsPage("", fill));

        var result = await TestClients.Create(venue).GetFillsAsync(new GetFillsRequest(), default);

        Assert.True(result.Success, result.Error?.ToString());
    }

    public static TheoryData<string> Pages => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_401_is_an_auth_error_carrying_Kalshis_code_and_message(string page)
    {
        var (path, call) = Calls[page];
        var venue = new RecordedVenue().Reply(HttpMethod.Get, path, HttpStatusCode.Unauthorized,
            """{"code":"authentication_error","message":"invalid signature","details":"KALSHI-ACCESS-TIMESTAMP is too old"}""");

        var error = await call(TestClients.Create(venue));

        Assert.NotNull(error);
        Assert.Equal(ExchangeErrorKind.Auth, error.Kind);
        Assert.Equal("authentication_error", error.Code);
        Assert.Equal("invalid signature", error.Message);
        Assert.Equal(401, error.HttpStatus);
        Assert.False(error.IsTransient);
        Assert.Single(venue.Requests);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_filter_set_sends_exactly_the_documented_query_parameters(string page)
    {
        var doc = ApiDoc.Load(page);
        var (path, call) = Calls[page];
        var venue = new RecordedVenue().Reply(HttpMethod.Get, path, HttpStatusCode.OK, doc.SampleReply().ToJsonString());

        Assert.Null(await call(TestClients.Create(venue)));

        var sent = QueryOf(Assert.Single(venue.Requests).Uri).Select(p => p.Name).ToList();
        Assert.Equal(sent.Distinct().Count(), sent.Count);
        Assert.Equal(doc.QueryParameters.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_carry_their_values_and_lists_are_comma_separated()
    {
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Get, "portfolio/orders", HttpStatusCode.OK, ApiDoc.Load("orders/get-orders.md").SampleReply().ToJsonString())
            .Reply(HttpMethod.Get, "portfolio/positions", HttpStatusCode.OK, ApiDoc.Load("portfolio/get-positions.md").SampleReply().ToJsonString());
        var client = TestClients.Create(venue);

        await client.GetOrdersAsync(new GetOrdersRequest { EventTickers = ["KXA-1", "KXB-2"], Status = "resting", MinTs = 1_789_000_000, Subaccount = 0 }, default);
        await client.GetPositionsAsync(new GetPositionsRequest { CountFilter = ["position", "total_traded"], ExchangeIndex = 1 }, default);

        Assert.Equal(
            [("event_ticker", "KXA-1,KXB-2"), ("min_ts", "1789000000"), ("status", "resting"), ("limit", "1000"), ("subaccount", "0")],
            QueryOf(venue.Requests[0].Uri));
        Assert.Equal(
            [("limit", "1000"), ("count_filter", "position,total_traded"), ("exchange_index", "1")],
            QueryOf(venue.Requests[1].Uri));
    }

    [Fact]
    public async Task A_balance_read_with_no_filters_sends_no_query()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/balance", HttpStatusCode.OK, ApiDoc.Load("portfolio/get-balance.md").SampleReply().ToJsonString());

        var result = await TestClients.Create(venue).GetBalanceAsync(new GetBalanceRequest(), default);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("", Assert.Single(venue.Requests).Uri.Query);
    }

    [Fact]
    public async Task An_order_id_is_escaped_into_one_path_segment()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/orders/a%2Fb%20c", HttpStatusCode.OK, ApiDoc.Load("orders/get-order.md").SampleReply().ToJsonString());

        var result = await TestClients.Create(venue).GetOrderAsync("a/b c", default);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.EndsWith("/portfolio/orders/a%2Fb%20c", Assert.Single(venue.Requests).Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    /// <summary>Each endpoint with every filter its request record has, so a missing or misspelt parameter shows.</summary>
    private static readonly Dictionary<string, (string Path, Func<KalshiClient, Task<ExchangeError?>> Call)> Calls = new()
    {
        ["portfolio/get-balance.md"] = ("portfolio/balance", c => ErrorOf(c.GetBalanceAsync(new GetBalanceRequest { Subaccount = 0, ExchangeIndex = 1 }, default))),
        ["portfolio/get-positions.md"] = ("portfolio/positions", c => ErrorOf(c.GetPositionsAsync(new GetPositionsRequest
        {
            Cursor = "c",
            Limit = 500,
            CountFilter = ["position"],
            Ticker = Ticker,
            EventTicker = EventTicker,
            Subaccount = 0,
            ExchangeIndex = 0,
        }, default))),
        ["portfolio/get-fills.md"] = ("portfolio/fills", c => ErrorOf(c.GetFillsAsync(new GetFillsRequest
        {
            Ticker = Ticker,
            OrderId = "o-1",
            MinTs = 1_789_000_000,
            MaxTs = 1_789_086_400,
            Limit = 500,
            Cursor = "c",
            Subaccount = 0,
            ExchangeIndex = 0,
        }, default))),
        ["portfolio/get-settlements.md"] = ("portfolio/settlements", c => ErrorOf(c.GetSettlementsAsync(new GetSettlementsRequest
        {
            Limit = 500,
            Cursor = "c",
            Ticker = Ticker,
            EventTicker = EventTicker,
            MinTs = 1_789_000_000,
            MaxTs = 1_789_086_400,
            Subaccount = 0,
        }, default))),
        ["orders/get-orders.md"] = ("portfolio/orders", c => ErrorOf(c.GetOrdersAsync(new GetOrdersRequest
        {
            Ticker = Ticker,
            EventTickers = [EventTicker],
            MinTs = 1_789_000_000,
            MaxTs = 1_789_086_400,
            Status = "resting",
            Limit = 500,
            Cursor = "c",
            Subaccount = 0,
            ExchangeIndex = 0,
        }, default))),
        ["orders/get-order.md"] = ("portfolio/orders/o-1", c => ErrorOf(c.GetOrderAsync("o-1", default))),
    };

    private static async Task<ExchangeError?> Call(string page, string body)
    {
        var (path, call) = Calls[page];
        var venue = new RecordedVenue().Reply(HttpMethod.Get, path, HttpStatusCode.OK, body);
        return await call(TestClients.Create(venue));
    }

    private static async Task<ExchangeError?> ErrorOf<T>(Task<ExchangeResult<T>> call) => (await call).Error;

    /// <summary>A fill as the documented sample has it, under its own id.</summary>
    private static JsonObject Fill(string id)
    {
        var fill = ApiDoc.Load("portfolio/get-fills.md").SampleReply()["fills"]![0]!.DeepClone().AsObject();
        fill["fill_id"] = id;
        fill["trade_id"] = id;
        return fill;
    }

    private static string FillsPage(string cursor, params JsonObject[] fills) =>
        new JsonObject { ["fills"] = new JsonArray(fills), ["cursor"] = cursor }.ToJsonString();

    private static JsonNode Locate(JsonNode root, string at)
    {
        var node = root;
        foreach (var step in at.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = int.TryParse(step, System.Globalization.CultureInfo.InvariantCulture, out var index) ? node[index]! : node[step]!;
        return node;
    }

    private static List<(string Name, string Value)> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : "")))
            .ToList();
}
