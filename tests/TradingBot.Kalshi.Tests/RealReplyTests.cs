using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Tests.Support;
using TradingBot.Tests.Shared.KalshiDocs;
using TradingBot.Tests.Shared.KalshiReplies;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// Replies recorded from Kalshi's live API (tests/Shared/KalshiReplies, see its README), served by a recorded venue
/// to the real client and read the way the bot reads them: current ones mapped whole, January 2026 ones refused.
/// </summary>
public class RealReplyTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 0, 0, TimeSpan.Zero);
    private readonly ListLogger _log = new();

    /// <summary>Current-format replies as sent (the trimmed positions file is checked on its own).</summary>
    private static IEnumerable<string> CurrentFiles =>
        KalshiReplies.JsonFiles.Where(f => !KalshiReplies.IsLegacy(f) && !KalshiReplies.IsQuoted(f) && f.StartsWith("get_", StringComparison.Ordinal));

    private static IEnumerable<string> CurrentFilesWithMarkets =>
        CurrentFiles.Where(f => f.StartsWith("get_market", StringComparison.Ordinal) || f.StartsWith("get_event", StringComparison.Ordinal));

    public static TheoryData<string> CurrentReplies => new(CurrentFiles);

    public static TheoryData<string> CurrentRepliesWithMarkets => new(CurrentFilesWithMarkets);

    [Fact]
    public void The_corpus_is_all_here()
    {
        Assert.Equal(46, KalshiReplies.JsonFiles.Count);
        Assert.Equal(11, KalshiReplies.JsonFiles.Count(KalshiReplies.IsLegacy));
        Assert.Equal(2, KalshiReplies.JsonFiles.Count(KalshiReplies.IsQuoted));
        Assert.True(File.Exists(Path.Combine(KalshiReplies.Folder, "sports-markets.csv")));
        Assert.True(File.Exists(Path.Combine(KalshiReplies.Folder, "SOURCES.json")));
    }

    [Theory]
    [MemberData(nameof(CurrentReplies))]
    public async Task Every_current_reply_is_read_and_mapped_whole(string file)
    {
        var read = await ReadAsync(file);

        Assert.True(read.Error is null, $"{file}: {read.Error}");
        Assert.Equal(ItemsIn(file), read.Items);
        Assert.Empty(_log.Warnings);
    }

    [Theory]
    [InlineData("get_event__KXELONMARS-99_2026-01-12_legacy.json", "settlement_sources")]
    [InlineData("get_events__with_milestones_2026-01-12_legacy.json", "settlement_sources")]
    [InlineData("get_market__KXMVENFLSINGLEGAME_2026-01-12_legacy.json", "yes_bid_size_fp")]
    [InlineData("get_markets__open_2026-01-12_legacy.json", "yes_bid_size_fp")]
    [InlineData("get_orderbook__KXMVENFLSINGLEGAME_2026-01-12_legacy.json", "orderbook_fp")]
    [InlineData("get_portfolio_balance__sanitized_2026-01-12_legacy.json", "balance_dollars")]
    [InlineData("get_portfolio_fills__sanitized_2026-01-12_legacy.json", "outcome_side")]
    [InlineData("get_portfolio_orders__sanitized_2026-01-12_legacy.json", "outcome_side")]
    [InlineData("get_portfolio_positions__sanitized_2026-01-12_legacy.json", "position_fp")]
    [InlineData("get_portfolio_settlements__sanitized_2026-01-12_legacy.json", "yes_count_fp")]
    [InlineData("get_trades__KXELONMARS-99_2026-01-12_legacy.json", "count_fp")]
    public async Task Every_january_2026_reply_is_refused_naming_what_it_lacks(string file, string missing)
    {
        var read = await ReadAsync(file);

        Assert.NotNull(read.Error);
        Assert.Equal(ExchangeErrorKind.Unreadable, read.Error.Kind);
        Assert.Contains(missing, read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_january_2026_reply_has_a_refusal_test()
    {
        var tested = typeof(RealReplyTests).GetMethod(nameof(Every_january_2026_reply_is_refused_naming_what_it_lacks))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(data => (string)data.GetData(null!).Single()[0]);
        Assert.Equal(KalshiReplies.JsonFiles.Where(KalshiReplies.IsLegacy).Order(), tested.Order());
    }

    [Theory]
    [MemberData(nameof(CurrentRepliesWithMarkets))]
    public async Task Every_strike_is_read_as_kalshi_states_it(string file)
    {
        var sent = MarketsIn(JsonNode.Parse(KalshiReplies.Read(file))!).ToDictionary(m => m["ticker"]!.GetValue<string>(), m => m);

        var read = (await ReadAsync(file)).Markets;

        Assert.Equal(sent.Count, read.Count);
        foreach (var market in read)
        {
            var wire = sent[market.Ticker.Value];
            if (wire["strike_type"]?.GetValue<string>() is not { Length: > 0 } type)
            {
                Assert.Null(market.Strike);
                continue;
            }

            Assert.Equal(type, market.Strike!.Type);
            Assert.Equal(Exact(wire["floor_strike"]), market.Strike.Floor);
            Assert.Equal(Exact(wire["cap_strike"]), market.Strike.Cap);
            Assert.Equal(wire["custom_strike"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()), market.Strike.Custom);
        }
    }

    [Fact]
    public async Task Every_line_in_the_sports_market_list_is_the_strike_the_client_reads()
    {
        var read = new Dictionary<string, MarketInfo>();
        foreach (var file in CurrentFilesWithMarkets)
        {
            foreach (var market in (await ReadAsync(file)).Markets)
                read[market.Ticker.Value] = market;
        }

        var rows = File.ReadLines(Path.Combine(KalshiReplies.Folder, "sports-markets.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells[3].Length > 0)
            .ToList();

        Assert.True(rows.Count >= 170, $"{rows.Count} rows with a floor_strike");
        Assert.All(rows, cells =>
        {
            // A row may come from a January reply the client refuses; every other one must be read with its line.
            if (!read.TryGetValue(cells[0], out var market))
                return;
            Assert.Equal(cells[2], market.Strike!.Type);
            Assert.Equal(decimal.Parse(cells[3], CultureInfo.InvariantCulture), market.Strike.Floor);
        });
        Assert.True(rows.Count(cells => read.ContainsKey(cells[0])) >= 170);
    }

    [Fact]
    public async Task A_spread_and_a_total_are_over_the_half_point_line_kalshi_states()
    {
        var spreads = (await ReadAsync("get_markets__KXNFLSPREAD_2026-09-11.json")).Markets;
        var totals = (await ReadAsync("get_markets__KXNFLTOTAL_2026-09-11.json")).Markets;

        var det2 = spreads.Single(m => m.Ticker.Value == "KXNFLSPREAD-26SEP17DETBUF-DET2");
        Assert.Equal(new MarketStrike("greater", 1.5m, null), det2.Strike! with { Custom = null });
        Assert.Equal("Detroit", det2.YesSubTitle.Split(' ')[0]);
        Assert.Equal(new MarketStrike("greater", 49.5m, null), totals.Single(m => m.Ticker.Value == "KXNFLTOTAL-26SEP17DETBUF-50").Strike);
    }

    [Fact]
    public async Task Preseason_games_share_the_series_and_are_told_apart_by_their_competition()
    {
        var events = (await ReadAsync("get_events__KXNFLGAME_open_nested_2026-08-09.json")).As<IReadOnlyList<EventInfo>>();

        Assert.Equal(16, events.Count(e => e.Competition == "Pro Football Preseason"));
        Assert.Equal(16, events.Count(e => e.Competition == "Pro Football"));
        Assert.All(events, e => Assert.Equal("KXNFLGAME", e.SeriesTicker));
        var preseason = events.Single(e => e.Ticker.Value == "KXNFLGAME-26AUG13DETCIN");
        Assert.Equal("Pro Football Preseason", preseason.Competition);
        Assert.Equal("DET vs CIN (Aug 13)", preseason.SubTitle);
        Assert.Equal("Detroit vs Cincinnati", preseason.Title);
        Assert.Equal(2, preseason.Markets.Count);
        Assert.Equal("Pro Football", events.Single(e => e.Ticker.Value == "KXNFLGAME-26SEP09NESEA").Competition);
    }

    [Fact]
    public async Task A_college_game_market_is_read_with_its_team_and_its_structured_strike()
    {
        var market = (await ReadAsync("get_market__KXNCAAFGAME-26SEP19MSUND-ND_2026-08-09.json")).As<MarketInfo>();

        Assert.Equal("Notre Dame", market.YesSubTitle);
        Assert.Equal("structured", market.Strike!.Type);
        Assert.Null(market.Strike.Floor);
        Assert.Equal(new Dictionary<string, string> { ["football_team"] = "e29b78dd-ca06-432f-8f2f-8d25aca47b9a" }, market.Strike.Custom);
        Assert.Equal(new BookLevel(Price.Parse("0.89"), Contracts.Parse("343.49")), market.TopOfBook.YesBid);
        Assert.Equal(new BookLevel(Price.Parse("0.06"), Contracts.Parse("641")), market.TopOfBook.NoBid);
    }

    [Fact]
    public async Task The_mlb_game_series_charges_quadratic_with_maker_fees_at_half_rate()
    {
        var series = (await ReadAsync("get_series__KXMLBGAME_2026-08-20.json")).As<SeriesInfo>();

        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 0.5m), series.Fees);
        Assert.Equal("KXMLBGAME", series.Ticker);
    }

    [Fact]
    public async Task A_real_book_is_read_best_bid_first_with_its_fractional_sizes()
    {
        var book = (await ReadAsync("get_orderbook__NFL_2026-09.json")).As<OrderBook>();

        Assert.Equal(new BookLevel(Price.Parse("0.32"), Contracts.Parse("2070176.84")), book.YesBids[0]);
        Assert.Equal(new BookLevel(Price.Parse("0.67"), Contracts.Parse("8583872.44")), book.NoBids[0]);
        Assert.Equal(Price.Parse("0.33"), book.Top.YesAsk.Price);
    }

    [Fact]
    public async Task The_demo_balance_and_an_executed_order_are_read_to_the_micro_dollar()
    {
        var balance = (await ReadAsync("get_portfolio_balance__demo_2026-09-22.json")).As<AccountBalance>();
        var order = (await ReadAsync("get_portfolio_order__demo_executed_2026-09-26.json")).As<OrderInfo>();

        Assert.Equal(Money.FromDollars(100m), balance.Total);
        Assert.Equal(Money.FromDollars(100m), balance.AvailableOn(0));
        Assert.Equal(Money.Zero, balance.AvailableOn(1));
        Assert.Equal(OrderStatus.Executed, order.Status);
        Assert.Equal(Price.Parse("0.56"), order.YesPrice);
        Assert.Equal(Contracts.Parse("1"), order.Filled);
        Assert.Equal(Money.FromDollars(0.0173m), order.Fees);
        Assert.Equal(BookSide.Bid, order.Side);
    }

    /// <summary>The source kept three fields of each of 46 real rows; the others are the documented sample's, so the real values go through the real read.</summary>
    [Fact]
    public async Task The_real_position_values_are_read_value_for_value()
    {
        var rows = JsonNode.Parse(KalshiReplies.Read("values__portfolio_positions_trimmed_2026-07-26.json"))!["market_positions"]!.AsArray();
        var sample = ApiDoc.Load("portfolio/get-positions.md").SampleReply()["market_positions"]![0]!.AsObject();
        var completed = new JsonArray(rows.Select(row =>
        {
            var position = sample.DeepClone().AsObject();
            foreach (var (name, value) in row!.AsObject())
                position[name] = value?.DeepClone();
            return (JsonNode)position;
        }).ToArray());
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "portfolio/positions", HttpStatusCode.OK,
            new JsonObject { ["market_positions"] = completed, ["event_positions"] = new JsonArray(), ["cursor"] = "" }.ToJsonString());

        var positions = (await new KalshiExchange(TestClients.Create(venue), new FakeTimeProvider(Now)).GetPositionsAsync(default)).Value!;

        Assert.Equal(46, rows.Count);
        Assert.Equal(rows.Count(r => decimal.Parse(r!["position_fp"]!.GetValue<string>(), CultureInfo.InvariantCulture) != 0), positions.Count);
        foreach (var (row, position) in rows.Where(r => decimal.Parse(r!["position_fp"]!.GetValue<string>(), CultureInfo.InvariantCulture) != 0).Zip(positions))
        {
            Assert.Equal(row!["ticker"]!.GetValue<string>(), position.Ticker.Value);
            Assert.Equal(Money.Parse(row["market_exposure_dollars"]!.GetValue<string>()), position.Exposure);
            Assert.Equal(Math.Abs(decimal.Parse(row["position_fp"]!.GetValue<string>(), CultureInfo.InvariantCulture)), position.Count.Count);
        }
    }

    [Fact]
    public async Task A_quoted_market_with_stringified_numbers_is_read_where_they_are_unambiguous()
    {
        var market = (await ReadAsync("get_market__KXGDPSHAREMANU-29_ccxt_comment.json")).As<MarketInfo>();

        Assert.Equal(new MarketStrike("greater_or_equal", 13.1m, null), market.Strike);
        Assert.Equal(new BookLevel(Price.Parse("0.111"), Contracts.Parse("2505.61")), market.TopOfBook.YesBid);
        // "settlement_timer_seconds": "1800" is a string where the docs give an integer: noted, not fatal.
        Assert.Contains("settlement_timer_seconds: \"1800\" where an integer is documented", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_event_is_refused_for_what_it_lacks_but_its_market_reads()
    {
        var file = "get_event__KXBALANCE-29_ccxt_comment.json";
        var read = await ReadAsync(file);
        Assert.Contains("settlement_sources", read.Error!.Message, StringComparison.Ordinal);

        // The market inside it, served on its own: its empty top-of-book sizes are "no level", its "1800" a note.
        var market = JsonNode.Parse(KalshiReplies.Read(file))!["event"]!["markets"]![0]!.DeepClone();
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "markets", HttpStatusCode.OK, new JsonObject { ["markets"] = new JsonArray(market), ["cursor"] = "" }.ToJsonString());
        var time = new FakeTimeProvider(Now);
        var markets = (await new KalshiExchange(TestClients.Create(venue, time, logger: _log), time).GetMarketsAsync(new MarketQuery(), default)).Value!;

        var balance = Assert.Single(markets);
        Assert.Equal("KXBALANCE-29", balance.Ticker.Value);
        Assert.False(balance.TopOfBook.YesBid.Exists);
        Assert.Null(balance.Strike);
        Assert.Contains(_log.Warnings, w => w.Contains("settlement_timer_seconds", StringComparison.Ordinal));
    }

    private static IEnumerable<JsonObject> MarketsIn(JsonNode reply) =>
        (reply["markets"]?.AsArray() ?? [])
        .Concat(reply["market"] is { } one ? [one] : [])
        .Concat((reply["events"]?.AsArray() ?? []).SelectMany(e => e!["markets"]?.AsArray() ?? []))
        .Concat(reply["event"]?["markets"]?.AsArray() ?? [])
        .Select(m => m!.AsObject());

    /// <summary>A strike as its JSON text says, exactly: a number's own digits, or a numeric string's.</summary>
    private static decimal? Exact(JsonNode? strike) => strike is null ? null
        : decimal.Parse(strike.GetValueKind() == System.Text.Json.JsonValueKind.String ? strike.GetValue<string>() : strike.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// What the bot would read from the reply: an error, or how many items it mapped (markets, levels, fills…) and,
    /// for a reply with markets, the markets (with events, those nested in them).
    /// </summary>
    private sealed record Read(ExchangeError? Error, int Items, object? Value = null)
    {
        public IReadOnlyList<MarketInfo> Markets => Value switch
        {
            IReadOnlyList<MarketInfo> markets => markets,
            MarketInfo market => [market],
            IReadOnlyList<EventInfo> events => events.SelectMany(e => e.Markets).ToList(),
            EventInfo one => one.Markets,
            _ => [],
        };

        public T As<T>() => Error is null ? (T)Value! : throw new InvalidOperationException(Error.ToString());
    }

    /// <summary>Serves <paramref name="file"/> where Kalshi serves its kind of reply and reads it as the bot does.</summary>
    private async Task<Read> ReadAsync(string file)
    {
        var venue = new RecordedVenue();
        var time = new FakeTimeProvider(Now);
        var client = TestClients.Create(venue, time, logger: _log);
        var exchange = new KalshiExchange(client, time);
        var body = KalshiReplies.Read(file);
        var json = JsonNode.Parse(body)!.AsObject();
        var kind = file[..file.IndexOf("__", StringComparison.Ordinal)];
        string? Text(params string[] path) => path.Aggregate((JsonNode?)json, (node, key) => node?[key])?.GetValue<string>();
        // A recorded page that names a next page is followed by an empty last one, as the bot reads on to it.
        void Serve(string path) => venue.Reply(HttpMethod.Get, path, request =>
            RecordedVenue.Response(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=", StringComparison.Ordinal) ? LastPage(json) : body));

        switch (kind)
        {
            case "get_exchange_status":
                Serve("exchange/status");
                return Of(await exchange.GetExchangeStatusAsync(default), _ => 1);
            case "get_exchange_schedule":
                Serve("exchange/schedule");
                return Of(await exchange.GetMaintenanceWindowsAsync(default), windows => windows.Count);
            case "get_series":
                var series = Text("series", "ticker")!;
                Serve($"series/{series}");
                return Of(await exchange.GetSeriesAsync(series, default), _ => 1);
            case "get_markets":
                Serve("markets");
                return Of(await exchange.GetMarketsAsync(new MarketQuery(), default), markets => markets.Count);
            case "get_market":
                var ticker = Text("market", "ticker")!;
                Serve($"markets/{ticker}");
                return Of(WireReader.Map(await client.GetMarketAsync(ticker, default), reply => MarketMapping.ToMarket(reply.Market, Now)), _ => 1);
            case "get_events":
                Serve("events");
                return Of(await exchange.GetEventsAsync("KX", default), events => events.Count + events.Sum(e => e.Markets.Count));
            case "get_event":
                var eventTicker = Text("event", "event_ticker")!;
                Serve($"events/{eventTicker}");
                return Of(WireReader.Map(await client.GetEventAsync(eventTicker, true, default),
                    reply => exchange.ToEvent(reply.Event with { Markets = reply.Event.Markets ?? reply.Markets }, null)), e => 1 + e.Markets.Count);
            case "get_orderbook":
                var book = MarketTicker.Parse(file.Contains("-ND_", StringComparison.Ordinal) ? "KXNCAAFGAME-26SEP19MSUND-ND" : "KXNFLGAME-26SEP20PHITEN-PHI");
                Serve($"markets/{book.Value}/orderbook");
                return Of(await exchange.GetOrderBookAsync(book, default), b => b.YesBids.Count + b.NoBids.Count);
            case "get_orderbooks":
                Serve("markets/orderbooks");
                var tickers = json["orderbooks"]!.AsArray().Select(b => MarketTicker.Parse(b!["ticker"]!.GetValue<string>())).ToList();
                return Of(await exchange.GetOrderBooksAsync(tickers, default), books => books.Sum(b => b.YesBids.Count + b.NoBids.Count));
            case "get_milestone":
                var id = Text("milestone", "id")!;
                Serve($"milestones/{id}");
                return Of(await client.GetMilestoneAsync(id, default), _ => 1);
            case "get_milestones":
                Serve("milestones");
                return Of(await client.GetMilestonesAsync(new GetMilestonesRequest(), default), reply => reply.Milestones.Count);
            case "get_trades":
                Serve("markets/trades");
                return Of(await client.GetTradesAsync(new GetTradesRequest(), default), reply => reply.Trades.Count);
            case "get_portfolio_balance":
                Serve("portfolio/balance");
                return Of(await exchange.GetBalanceAsync(default), balance => balance.ByShard.Count);
            case "get_portfolio_positions":
                Serve("portfolio/positions");
                return Of(await exchange.GetPositionsAsync(default), positions => positions.Count);
            case "get_portfolio_fills":
                Serve("portfolio/fills");
                return Of(await exchange.GetFillsAsync(null, default), fills => fills.Count);
            case "get_portfolio_settlements":
                Serve("portfolio/settlements");
                return Of(await exchange.GetSettlementsAsync(null, default), settlements => settlements.Count);
            case "get_portfolio_orders":
                Serve("portfolio/orders");
                return Of(await exchange.GetOrdersAsync(null, default), orders => orders.Count);
            case "get_portfolio_order":
                var orderId = Text("order", "order_id")!;
                Serve($"portfolio/orders/{orderId}");
                return Of(await exchange.GetOrderAsync(orderId, default), _ => 1);
            default:
                throw new InvalidOperationException($"{file}: no read for replies of kind {kind}");
        }
    }

    private static string LastPage(JsonObject page)
    {
        var last = new JsonObject { ["cursor"] = "" };
        foreach (var (name, value) in page)
        {
            if (value is JsonArray)
                last[name] = new JsonArray();
        }

        return last.ToJsonString();
    }

    private static Read Of<T>(ExchangeResult<T> result, Func<T, int> items) =>
        result.Success ? new Read(null, items(result.Value), result.Value) : new Read(result.Error, 0);

    /// <summary>How many items the file holds, counted from its JSON, not by the client: what "whole" means for it.</summary>
    private static int ItemsIn(string file)
    {
        var json = JsonNode.Parse(KalshiReplies.Read(file))!.AsObject();
        int Count(JsonNode? node) => node?.AsArray().Count ?? 0;
        int Levels(JsonNode book) => Count(book["yes_dollars"]) + Count(book["no_dollars"]);
        return file[..file.IndexOf("__", StringComparison.Ordinal)] switch
        {
            "get_exchange_schedule" => Count(json["schedule"]!["maintenance_windows"]),
            "get_markets" => Count(json["markets"]),
            "get_events" => json["events"]!.AsArray().Sum(e => 1 + Count(e!["markets"])),
            "get_event" => 1 + Count(json["event"]!["markets"] ?? json["markets"]),
            "get_orderbook" => Levels(json["orderbook_fp"]!),
            "get_orderbooks" => json["orderbooks"]!.AsArray().Sum(b => Levels(b!["orderbook_fp"]!)),
            "get_milestones" => Count(json["milestones"]),
            "get_portfolio_balance" => Count(json["balance_breakdown"]),
            "get_portfolio_fills" => Count(json["fills"]),
            "get_portfolio_settlements" => Count(json["settlements"]),
            _ => 1,
        };
    }
}
