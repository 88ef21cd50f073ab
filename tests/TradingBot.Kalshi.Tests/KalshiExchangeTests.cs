using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Tests.Docs;
using TradingBot.Tests.Shared.KalshiDocs;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

/// <summary>The adapter: Kalshi's replies in Core's terms, across pages, and failing whole on any bad value.</summary>
public class KalshiExchangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 0, 0, TimeSpan.Zero);
    private readonly RecordedVenue _venue = new();
    private readonly ListLogger _log = new();
    private readonly KalshiExchange _exchange;

    public KalshiExchangeTests()
    {
        var time = new FakeTimeProvider(Now);
        _exchange = new KalshiExchange(TestClients.Create(_venue, time, logger: _log), time);
    }

    internal static JsonObject Market(string ticker, string yesBid = "0.4500", string yesBidSize = "120.00", string noBid = "0.5300", string yesAskSize = "80.00")
    {
        var market = ApiDoc.Load("market/get-market.md").SampleReply()["market"]!.AsObject().DeepClone().AsObject();
        market["ticker"] = ticker;
        market["event_ticker"] = "KXNFLGAME-26SEP13DALNYG";
        market["status"] = "active";
        market["yes_bid_dollars"] = yesBid;
        market["yes_bid_size_fp"] = yesBidSize;
        market["no_bid_dollars"] = noBid;
        market["yes_ask_size_fp"] = yesAskSize;
        market["price_ranges"] = new JsonArray(new JsonObject { ["start"] = "0.0000", ["end"] = "1.0000", ["step"] = "0.0100" });
        return market;
    }

    private void MarketsPage(string? cursor, string nextCursor, params JsonObject[] markets) =>
        _venue.Reply(HttpMethod.Get, "markets", request =>
        {
            Assert.Equal(cursor, System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["cursor"]);
            return RecordedVenue.Response(HttpStatusCode.OK, new JsonObject { ["markets"] = new JsonArray(markets), ["cursor"] = nextCursor }.ToJsonString());
        }, once: true);

    [Fact]
    public async Task Markets_are_read_across_every_page_into_core_types()
    {
        MarketsPage(null, "p2", Market("KXNFLGAME-26SEP13DALNYG-DAL"), Market("KXNFLGAME-26SEP13DALNYG-NYG"));
        MarketsPage("p2", "p3", Market("KXNFLGAME-26SEP13DALNYG-TIE"));
        MarketsPage("p3", "", Market("KXNFLGAME-26SEP13DALNYG-X", yesBid: "0.0000", yesBidSize: "0.00"));

        var result = await _exchange.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(4, result.Value.Count);
        var first = result.Value[0];
        Assert.Equal("KXNFLGAME-26SEP13DALNYG-DAL", first.Ticker.Value);
        Assert.Equal("KXNFLGAME-26SEP13DALNYG", first.Event.Value);
        Assert.Equal(MarketStatus.Active, first.Status);
        Assert.Equal(new BookLevel(Price.Parse("0.45"), Contracts.Parse("120")), first.TopOfBook.YesBid);
        Assert.Equal(new BookLevel(Price.Parse("0.53"), Contracts.Parse("80")), first.TopOfBook.NoBid);
        Assert.Equal(Price.Parse("0.47"), first.TopOfBook.YesAsk.Price);
        Assert.Equal(Now, first.TopOfBook.ObservedAt);
        Assert.False(result.Value[3].TopOfBook.YesBid.Exists);
        Assert.Equal(3, _venue.Requests.Count);
        Assert.All(_venue.Requests, r => Assert.Contains("limit=1000", r.Uri.Query, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("yes_bid_dollars", "1.5000", "is not a price")]
    [InlineData("yes_bid_size_fp", "-5.00", "is not a contract count")]
    [InlineData("no_bid_dollars", "0.12345", "is not a price")]
    [InlineData("ticker", "bad ticker!", "is not a market ticker")]
    public async Task One_bad_value_on_a_later_page_fails_the_whole_read(string field, string value, string message)
    {
        var bad = Market("KXNFLGAME-26SEP13DALNYG-NYG");
        bad[field] = value;
        MarketsPage(null, "p2", Market("KXNFLGAME-26SEP13DALNYG-DAL"));
        MarketsPage("p2", "", bad);

        var error = (await _exchange.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Error!;

        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"markets":[{"event_ticker":"E","status":"active","open_time":"2026-09-01T00:00:00Z","close_time":"2026-09-14T00:00:00Z"}],"cursor":""}""")]
    [InlineData("""{"markets":[""")]
    [InlineData("""{"cursor":""}""")]
    public async Task A_malformed_page_is_an_error_result(string body)
    {
        _venue.Reply(HttpMethod.Get, "markets", HttpStatusCode.OK, body);
        var error = (await _exchange.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Error!;
        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
    }

    [Fact]
    public async Task A_venue_that_repeats_its_cursor_is_stopped()
    {
        _venue.Reply(HttpMethod.Get, "markets", HttpStatusCode.OK, new JsonObject { ["markets"] = new JsonArray(Market("KXA-1")), ["cursor"] = "same" }.ToJsonString());
        var error = (await _exchange.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Error!;
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _venue.Requests.Count);
    }

    [Fact]
    public async Task A_subpenny_price_grid_is_read_from_price_ranges()
    {
        var market = Market("KXNFLGAME-26SEP13DALNYG-DAL");
        market["price_ranges"] = new JsonArray(
            new JsonObject { ["start"] = "0.0000", ["end"] = "0.1000", ["step"] = "0.0010" },
            new JsonObject { ["start"] = "0.1000", ["end"] = "0.9000", ["step"] = "0.0100" },
            new JsonObject { ["start"] = "0.9000", ["end"] = "1.0000", ["step"] = "0.0010" });
        MarketsPage(null, "", market);
        var ticks = (await _exchange.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Value![0].Ticks;
        Assert.True(ticks.IsValid(Price.Parse("0.055")));
        Assert.False(ticks.IsValid(Price.Parse("0.555")));
    }

    [Fact]
    public async Task An_order_book_comes_best_bid_first_whatever_its_order()
    {
        _venue.Reply(HttpMethod.Get, "markets/KXA-1/orderbook", HttpStatusCode.OK,
            """{"orderbook_fp":{"yes_dollars":[["0.4100","10.00"],["0.4500","3.00"],["0.0100","200.00"]],"no_dollars":[["0.5300","17.00"],["0.2000","1.50"]]}}""");

        var book = (await _exchange.GetOrderBookAsync(MarketTicker.Parse("KXA-1"), default)).Value!;

        Assert.Equal(["0.4500", "0.4100", "0.0100"], book.YesBids.Select(l => l.Price.ToString()));
        Assert.Equal(new BookLevel(Price.Parse("0.53"), Contracts.Parse("17")), book.Top.NoBid);
        Assert.Equal(Price.Parse("0.55"), book.Top.NoAsk.Price);
        Assert.Equal(Now, book.ObservedAt);
    }

    [Theory]
    [InlineData("""["0.4100","10.00","x"]""")]
    [InlineData("""["1.4100","10.00"]""")]
    [InlineData("""["-0.4100","10.00"]""")]
    [InlineData("""["0.0000","10.00"]""")]
    [InlineData("""["1.0000","10.00"]""")]
    [InlineData("""["0.4100","-1.00"]""")]
    [InlineData("""["0.4100","0.00"]""")]
    [InlineData("""["0.4100","NaN"]""")]
    [InlineData("""["0.4100","Infinity"]""")]
    [InlineData("""["0.4100","1e400"]""")]
    [InlineData("""["0.4100","99999999999999.00"]""")]
    public async Task An_absurd_book_level_is_dropped_with_a_warning_and_the_rest_of_the_book_kept(string level)
    {
        _venue.Reply(HttpMethod.Get, "markets/KXA-1/orderbook", HttpStatusCode.OK,
            $$$"""{"orderbook_fp":{"yes_dollars":[["0.3900","5.00"],{{{level}}}],"no_dollars":[["0.5500","7.00"]]}}""");

        var book = (await _exchange.GetOrderBookAsync(MarketTicker.Parse("KXA-1"), default)).Value!;

        Assert.Equal([new BookLevel(Price.Parse("0.39"), Contracts.Parse("5"))], book.YesBids);
        Assert.Equal([new BookLevel(Price.Parse("0.55"), Contracts.Parse("7"))], book.NoBids);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains("KXA-1", warning, StringComparison.Ordinal);
        Assert.Contains(level.Replace(",", ", ", StringComparison.Ordinal), warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dropped_levels_in_a_batch_of_books_are_named_per_book()
    {
        _venue.Reply(HttpMethod.Get, "markets/orderbooks", HttpStatusCode.OK, """
            {"orderbooks":[
              {"ticker":"KXA-1","orderbook_fp":{"yes_dollars":[["0.3900","-5.00"]],"no_dollars":[]}},
              {"ticker":"KXA-2","orderbook_fp":{"yes_dollars":[["0.3900","5.00"]],"no_dollars":[]}}]}
            """);

        var books = (await _exchange.GetOrderBooksAsync([MarketTicker.Parse("KXA-1"), MarketTicker.Parse("KXA-2")], default)).Value!;

        Assert.Empty(books[0].YesBids);
        Assert.Single(books[1].YesBids);
        Assert.Contains("KXA-1", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_book_that_is_not_a_list_of_levels_is_still_an_error()
    {
        _venue.Reply(HttpMethod.Get, "markets/KXA-1/orderbook", HttpStatusCode.OK, """{"orderbook_fp":{"yes_dollars":[[0.41,10]],"no_dollars":[]}}""");
        Assert.Equal(ExchangeErrorKind.Unreadable, (await _exchange.GetOrderBookAsync(MarketTicker.Parse("KXA-1"), default)).Error!.Kind);
    }

    [Theory]
    [InlineData("quadratic", 1.0, FeeType.Quadratic, "1")]
    [InlineData("quadratic_with_maker_fees", 0.5, FeeType.QuadraticWithMakerFees, "0.5")]
    [InlineData("something_new", 1.0, FeeType.Unknown, "1")]
    public async Task A_series_brings_its_fee_schedule(string feeType, double multiplier, FeeType expected, string expectedMultiplier)
    {
        var series = ApiDoc.Load("market/get-series.md").SampleReply();
        series["series"]!["fee_type"] = feeType;
        series["series"]!["fee_multiplier"] = multiplier;
        _venue.Reply(HttpMethod.Get, "series/KXNFLGAME", HttpStatusCode.OK, series.ToJsonString());

        var fees = (await _exchange.GetSeriesAsync("KXNFLGAME", default)).Value!.Fees;

        Assert.Equal(expected, fees.Type);
        Assert.Equal(decimal.Parse(expectedMultiplier, System.Globalization.CultureInfo.InvariantCulture), fees.Multiplier);
        Assert.Equal(expected != FeeType.Unknown, fees.IsPriced);
    }

    [Fact]
    public async Task An_events_game_start_is_its_milestones_start_date()
    {
        var reply = new JsonObject
        {
            ["events"] = new JsonArray(
                new JsonObject { ["event_ticker"] = "KXNFLGAME-26SEP13DALNYG", ["series_ticker"] = "KXNFLGAME", ["title"] = "Dallas at New York", ["settlement_sources"] = new JsonArray(), ["markets"] = new JsonArray(Market("KXNFLGAME-26SEP13DALNYG-DAL")) },
                new JsonObject { ["event_ticker"] = "KXNFLGAME-26SEP13KCLV", ["series_ticker"] = "KXNFLGAME", ["settlement_sources"] = null }),
            ["milestones"] = new JsonArray(new JsonObject
            {
                ["id"] = "m-1",
                ["start_date"] = "2026-09-13T20:25:00Z",
                ["related_event_tickers"] = new JsonArray("KXNFLGAME-26SEP13DALNYG"),
            }),
            ["cursor"] = "",
        };
        _venue.Reply(HttpMethod.Get, "events", HttpStatusCode.OK, reply.ToJsonString());

        var events = (await _exchange.GetEventsAsync("KXNFLGAME", default)).Value!;

        Assert.Equal(new DateTimeOffset(2026, 9, 13, 20, 25, 0, TimeSpan.Zero), events[0].GameStart);
        Assert.Single(events[0].Markets);
        Assert.Null(events[1].GameStart);
        var query = _venue.Requests[0].Uri.Query;
        Assert.Contains("with_milestones=true", query, StringComparison.Ordinal);
        Assert.DoesNotContain("with_nested_markets", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Positions_are_signed_yes_or_no_and_flat_ones_are_left_out()
    {
        var reply = ApiDoc.Load("portfolio/get-positions.md").SampleReply();
        var sample = reply["market_positions"]![0]!.AsObject();
        var positions = new JsonArray(
            Position(sample, "KXA-1", "12.00", "5.4000"),
            Position(sample, "KXA-2", "-3.00", "2.1000"),
            Position(sample, "KXA-3", "0.00", "0.0000"));
        reply["market_positions"] = positions;
        reply["cursor"] = "";
        _venue.Reply(HttpMethod.Get, "portfolio/positions", HttpStatusCode.OK, reply.ToJsonString());

        var result = (await _exchange.GetPositionsAsync(default)).Value!;

        Assert.Equal(2, result.Count);
        Assert.Equal((OutcomeSide.Yes, Contracts.Parse("12")), (result[0].Side, result[0].Count));
        Assert.Equal((OutcomeSide.No, Contracts.Parse("3")), (result[1].Side, result[1].Count));
        Assert.Equal(Money.Parse("2.1"), result[1].Exposure);

        static JsonObject Position(JsonObject sample, string ticker, string position, string exposure)
        {
            var copy = sample.DeepClone().AsObject();
            copy["ticker"] = ticker;
            copy["position_fp"] = position;
            copy["market_exposure_dollars"] = exposure;
            return copy;
        }
    }

    [Fact]
    public async Task Fills_and_settlements_read_exactly()
    {
        var fills = ApiDoc.Load("portfolio/get-fills.md").SampleReply();
        var fill = fills["fills"]![0]!.AsObject();
        fill["ticker"] = "KXA-1";
        fill["outcome_side"] = "no";
        fill["book_side"] = "ask";
        fill["count_fp"] = "0.30";
        fill["yes_price_dollars"] = "0.7000";
        fill["fee_cost"] = "0.0041";
        fills["cursor"] = "";
        _venue.Reply(HttpMethod.Get, "portfolio/fills", HttpStatusCode.OK, fills.ToJsonString());
        var settlements = ApiDoc.Load("portfolio/get-settlements.md").SampleReply();
        settlements["settlements"]![0]!["ticker"] = "KXA-1";
        settlements["settlements"]![0]!["event_ticker"] = "KXA";
        settlements["settlements"]![0]!["revenue"] = 1200;
        settlements["cursor"] = "";
        _venue.Reply(HttpMethod.Get, "portfolio/settlements", HttpStatusCode.OK, settlements.ToJsonString());

        var readFill = Assert.Single((await _exchange.GetFillsAsync(Now.AddDays(-1), default)).Value!);
        var settlement = Assert.Single((await _exchange.GetSettlementsAsync(null, default)).Value!);

        Assert.Equal((OutcomeSide.No, Contracts.Parse("0.30"), Price.Parse("0.70"), Money.Parse("0.0041")), (readFill.ExposureSide, readFill.Count, readFill.YesPrice, readFill.Fee));
        Assert.Contains($"min_ts={Now.AddDays(-1).ToUnixTimeSeconds()}", _venue.Requests[0].Uri.Query, StringComparison.Ordinal);
        Assert.Equal(Money.Parse("12.00"), settlement.Revenue);
    }

    [Fact]
    public async Task A_fill_whose_outcome_and_book_side_disagree_is_unreadable()
    {
        var fills = ApiDoc.Load("portfolio/get-fills.md").SampleReply();
        fills["fills"]![0]!["outcome_side"] = "yes";
        fills["fills"]![0]!["book_side"] = "ask";
        _venue.Reply(HttpMethod.Get, "portfolio/fills", HttpStatusCode.OK, fills.ToJsonString());
        Assert.Equal(ExchangeErrorKind.Unreadable, (await _exchange.GetFillsAsync(null, default)).Error!.Kind);
    }

    private static OrderRequest BuyNoAt30Cents() =>
        OrderRequest.From(new TradeIntent(IntentKind.Entry, IntentReason.Edge, MarketTicker.Parse("KXA-1"), EventTicker.Parse("KXA"),
            new OrderDirection(OrderAction.Buy, OutcomeSide.No), Price.Parse("0.30"), Contracts.Parse("10"), Execution.Take,
            Money.Parse("0.147"), Probability.FromValue(0.4m), Money.Parse("0.8"), Price.Parse("0.30")), ClientOrderId.Derive(Guid.Parse("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1")));

    [Fact]
    public async Task A_NO_buy_is_sent_as_an_ask_at_the_yes_price_with_our_client_order_id()
    {
        _venue.Reply(HttpMethod.Post, "portfolio/events/orders", HttpStatusCode.Created,
            """{"order_id":"o-1","client_order_id":"8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1","fill_count":"4.00","remaining_count":"0.00","ts_ms":1}""");

        var ack = (await _exchange.CreateOrderAsync(BuyNoAt30Cents(), default)).Value!;

        Assert.Equal(new OrderAck("o-1", ClientOrderId.Parse("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1"), Contracts.Parse("4"), Contracts.Zero), ack);
        var sent = JsonNode.Parse(Assert.Single(_venue.Requests).Body!)!;
        Assert.Equal("ask", (string?)sent["side"]);
        Assert.Equal("0.7000", (string?)sent["price"]);
        Assert.Equal("10.00", (string?)sent["count"]);
        Assert.Equal("immediate_or_cancel", (string?)sent["time_in_force"]);
        Assert.Equal("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1", (string?)sent["client_order_id"]);
        Assert.False((bool)sent["reduce_only"]!);
        Assert.False((bool)sent["post_only"]!);
        Assert.Null(sent["expiration_time"]);
    }

    [Fact]
    public async Task A_resting_order_with_an_expiry_sends_it_in_whole_unix_seconds_rounded_down()
    {
        _venue.Reply(HttpMethod.Post, "portfolio/events/orders", HttpStatusCode.Created,
            """{"order_id":"o-2","client_order_id":"8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1","fill_count":"0.00","remaining_count":"10.00","ts_ms":1}""");
        var expires = new DateTimeOffset(2026, 9, 13, 16, 55, 0, 500, TimeSpan.Zero);
        var resting = BuyNoAt30Cents() with { TimeInForce = TimeInForce.GoodTillCanceled, PostOnly = true, Expiration = expires };

        Assert.True((await _exchange.CreateOrderAsync(resting, default)).Success);

        var sent = JsonNode.Parse(Assert.Single(_venue.Requests).Body!)!;
        Assert.Equal("good_till_canceled", (string?)sent["time_in_force"]);
        Assert.Equal(expires.ToUnixTimeSeconds(), (long)sent["expiration_time"]!);
        Assert.Equal(1_789_318_500L, (long)sent["expiration_time"]!);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, """{"code":"order_already_exists","message":"duplicate client_order_id"}""", ExchangeErrorKind.Conflict, false)]
    [InlineData(HttpStatusCode.Created, """{"fill_count":"0.00","remaining_count":"10.00"}""", ExchangeErrorKind.Unreadable, true)]
    [InlineData(HttpStatusCode.Created, """{"order_id":"o-1","client_order_id":"someone-else","fill_count":"0.00","remaining_count":"10.00"}""", ExchangeErrorKind.Unreadable, true)]
    [InlineData(HttpStatusCode.Created, """{"order_id":"o-1","fill_count":"lots","remaining_count":"10.00"}""", ExchangeErrorKind.Unreadable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, "", ExchangeErrorKind.Server, true)]
    public async Task A_create_answered_ambiguously_is_unknown_and_a_409_says_it_exists(HttpStatusCode status, string body, ExchangeErrorKind kind, bool unknown)
    {
        _venue.Reply(HttpMethod.Post, "portfolio/events/orders", status, body);
        var error = (await _exchange.CreateOrderAsync(BuyNoAt30Cents(), default)).Error!;
        Assert.Equal(kind, error.Kind);
        Assert.Equal(unknown, error.SubmitOutcomeUnknown);
        Assert.Single(_venue.Requests);
    }

    [Fact]
    public async Task A_cancel_is_routed_by_its_market()
    {
        _venue.Reply(HttpMethod.Delete, "portfolio/events/orders/o-1", HttpStatusCode.OK, """{"order_id":"o-1","reduced_by":"6.00"}""");
        var ack = (await _exchange.CancelOrderAsync("o-1", MarketTicker.Parse("KXA-1"), default)).Value!;
        Assert.Equal(Contracts.Parse("6"), ack.ReducedBy);
        Assert.Contains("market_ticker=KXA-1", Assert.Single(_venue.Requests).Uri.Query, StringComparison.Ordinal);
    }

    /// <summary>Verbatim from shared/data/kalshi-replies/get_portfolio_balance__demo_2026-09-22.json (Kalshi demo, 22 September 2026).</summary>
    private const string RecordedDemoBalance = """
        {
         "balance": 10000,
         "balance_breakdown": [
          {
           "balance": "100.0000",
           "exchange_index": 0
          },
          {
           "balance": "0.0000",
           "exchange_index": 1
          }
         ],
         "balance_dollars": "100.0000",
         "portfolio_value": 0,
         "updated_ts": 1790136700
        }
        """;

    [Fact]
    public async Task The_balance_breakdown_per_shard_is_read_from_a_real_reply()
    {
        _venue.Reply(HttpMethod.Get, "portfolio/balance", HttpStatusCode.OK, RecordedDemoBalance);

        var balance = (await _exchange.GetBalanceAsync(default)).Value!;

        Assert.Equal(Money.Parse("100"), balance.Total);
        Assert.Equal(Money.Parse("100"), balance.AvailableOn(0));
        Assert.Equal(Money.Zero, balance.AvailableOn(1));
        // Shard 3 (baseball and tennis) is not in this reply: nothing there to spend.
        Assert.Equal(Money.Zero, balance.AvailableOn(3));
        Assert.Equal([0, 1], balance.ByShard.Keys.Order());
    }

    [Theory]
    [InlineData("""[{"exchange_index":0,"balance":"1.00"},{"exchange_index":0,"balance":"2.00"}]""")]
    [InlineData("""[{"exchange_index":-1,"balance":"1.00"}]""")]
    [InlineData("""[{"balance":"1.00"}]""")]
    [InlineData("""[{"exchange_index":3,"balance":"lots"}]""")]
    public async Task A_breakdown_that_names_a_shard_twice_or_none_or_no_amount_is_unreadable(string breakdown)
    {
        _venue.Reply(HttpMethod.Get, "portfolio/balance", HttpStatusCode.OK,
            $$"""{"balance":300,"balance_dollars":"3.0000","portfolio_value":0,"updated_ts":1,"balance_breakdown":{{breakdown}}}""");
        Assert.Equal(ExchangeErrorKind.Unreadable, (await _exchange.GetBalanceAsync(default)).Error!.Kind);
    }

    [Fact]
    public async Task Without_a_breakdown_no_shard_has_anything_to_spend()
    {
        _venue.Reply(HttpMethod.Get, "portfolio/balance", HttpStatusCode.OK, """{"balance":123456,"balance_dollars":"1234.5678","portfolio_value":0,"updated_ts":1}""");

        var balance = (await _exchange.GetBalanceAsync(default)).Value!;

        Assert.Equal(Money.Parse("1234.5678"), balance.Total);
        Assert.Equal(Money.Zero, balance.AvailableOn(0));
    }

    /// <summary>Fields as in shared/data/kalshi-replies/get_markets__KXNFLGAME_2026-09.json, trimmed to what the adapter reads.</summary>
    private static JsonObject RecordedMarket(JsonNode? exchangeIndex)
    {
        var market = new JsonObject
        {
            ["ticker"] = "KXMLBGAME-26SEP131905NYYBOS-NYY",
            ["event_ticker"] = "KXMLBGAME-26SEP131905NYYBOS",
            ["status"] = "active",
            ["open_time"] = "2026-08-25T15:33:00Z",
            ["close_time"] = "2026-09-20T00:15:00Z",
            ["yes_bid_dollars"] = "0.3200",
            ["yes_bid_size_fp"] = "2070176.84",
            ["no_bid_dollars"] = "0.6700",
            ["yes_ask_size_fp"] = "8583916.85",
            ["yes_sub_title"] = "New York Y",
            ["result"] = "",
            ["price_ranges"] = new JsonArray(new JsonObject { ["end"] = "1.0000", ["start"] = "0.0000", ["step"] = "0.0100" }),
        };
        if (exchangeIndex is not null)
            market["exchange_index"] = exchangeIndex;
        return market;
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(0, 0)]
    [InlineData(null, 0)]
    public async Task A_markets_shard_is_its_exchange_index_and_a_market_without_one_is_on_the_default_shard(int? wire, int expected)
    {
        _venue.Reply(HttpMethod.Get, "markets", HttpStatusCode.OK,
            new JsonObject { ["markets"] = new JsonArray(RecordedMarket(wire is { } index ? JsonValue.Create(index) : null)), ["cursor"] = "" }.ToJsonString());

        var market = Assert.Single((await _exchange.GetMarketsAsync(new MarketQuery("KXMLBGAME"), default)).Value!);

        Assert.Equal(expected, market.ExchangeIndex);
    }

    [Fact]
    public async Task A_negative_exchange_index_is_unreadable()
    {
        _venue.Reply(HttpMethod.Get, "markets", HttpStatusCode.OK,
            new JsonObject { ["markets"] = new JsonArray(RecordedMarket(JsonValue.Create(-1))), ["cursor"] = "" }.ToJsonString());
        Assert.Equal(ExchangeErrorKind.Unreadable, (await _exchange.GetMarketsAsync(new MarketQuery("KXMLBGAME"), default)).Error!.Kind);
    }

    [Fact]
    public async Task The_balance_is_the_exact_dollar_figure()
    {
        _venue.Reply(HttpMethod.Get, "portfolio/balance", HttpStatusCode.OK, """{"balance":123456,"balance_dollars":"1234.5678","portfolio_value":0,"updated_ts":1}""");
        Assert.Equal(Money.Parse("1234.5678"), (await _exchange.GetBalanceAsync(default)).Value!.Total);
    }
}
