using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
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
    private readonly RecordedVenue _venue = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ListLogger _log = new();
    private readonly KalshiClient _client;
    private readonly KalshiExchange _exchange;

    public RealReplyTests()
    {
        _client = TestClients.Create(_venue, _time, logger: _log);
        _exchange = new KalshiExchange(_client, _time);
    }

    public static TheoryData<string> CurrentReplies =>
        new(KalshiReplies.JsonFiles.Where(f => !KalshiReplies.IsLegacy(f) && !KalshiReplies.IsQuoted(f) && f.StartsWith("get_", StringComparison.Ordinal)));

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

    /// <summary>What the bot would read from the reply: an error, or how many items it mapped (markets, levels, fills…).</summary>
    private sealed record Read(ExchangeError? Error, int Items);

    /// <summary>Serves <paramref name="file"/> where Kalshi serves its kind of reply and reads it as the bot does.</summary>
    private async Task<Read> ReadAsync(string file)
    {
        var body = KalshiReplies.Read(file);
        var json = JsonNode.Parse(body)!.AsObject();
        var kind = file[..file.IndexOf("__", StringComparison.Ordinal)];
        string? Text(params string[] path) => path.Aggregate((JsonNode?)json, (node, key) => node?[key])?.GetValue<string>();
        // A recorded page that names a next page is followed by an empty last one, as the bot reads on to it.
        void Serve(string path) => _venue.Reply(HttpMethod.Get, path, request =>
            RecordedVenue.Response(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=", StringComparison.Ordinal) ? LastPage(json) : body));

        switch (kind)
        {
            case "get_exchange_status":
                Serve("exchange/status");
                return Of(await _exchange.GetExchangeStatusAsync(default), _ => 1);
            case "get_exchange_schedule":
                Serve("exchange/schedule");
                return Of(await _exchange.GetMaintenanceWindowsAsync(default), windows => windows.Count);
            case "get_series":
                var series = Text("series", "ticker")!;
                Serve($"series/{series}");
                return Of(await _exchange.GetSeriesAsync(series, default), _ => 1);
            case "get_markets":
                Serve("markets");
                return Of(await _exchange.GetMarketsAsync(new MarketQuery(), default), markets => markets.Count);
            case "get_market":
                var ticker = Text("market", "ticker")!;
                Serve($"markets/{ticker}");
                return Of(WireReader.Map(await _client.GetMarketAsync(ticker, default), reply => MarketMapping.ToMarket(reply.Market, Now)), _ => 1);
            case "get_events":
                Serve("events");
                return Of(await _exchange.GetEventsAsync("KX", default), events => events.Count + events.Sum(e => e.Markets.Count));
            case "get_event":
                var eventTicker = Text("event", "event_ticker")!;
                Serve($"events/{eventTicker}");
                return Of(WireReader.Map(await _client.GetEventAsync(eventTicker, true, default),
                    reply => _exchange.ToEvent(reply.Event with { Markets = reply.Event.Markets ?? reply.Markets }, null)), e => 1 + e.Markets.Count);
            case "get_orderbook":
                var book = MarketTicker.Parse(file.Contains("-ND_", StringComparison.Ordinal) ? "KXNCAAFGAME-26SEP19MSUND-ND" : "KXNFLGAME-26SEP20PHITEN-PHI");
                Serve($"markets/{book.Value}/orderbook");
                return Of(await _exchange.GetOrderBookAsync(book, default), b => b.YesBids.Count + b.NoBids.Count);
            case "get_orderbooks":
                Serve("markets/orderbooks");
                var tickers = json["orderbooks"]!.AsArray().Select(b => MarketTicker.Parse(b!["ticker"]!.GetValue<string>())).ToList();
                return Of(await _exchange.GetOrderBooksAsync(tickers, default), books => books.Sum(b => b.YesBids.Count + b.NoBids.Count));
            case "get_milestone":
                var id = Text("milestone", "id")!;
                Serve($"milestones/{id}");
                return Of(await _client.GetMilestoneAsync(id, default), _ => 1);
            case "get_milestones":
                Serve("milestones");
                return Of(await _client.GetMilestonesAsync(new GetMilestonesRequest(), default), reply => reply.Milestones.Count);
            case "get_trades":
                Serve("markets/trades");
                return Of(await _client.GetTradesAsync(new GetTradesRequest(), default), reply => reply.Trades.Count);
            case "get_portfolio_balance":
                Serve("portfolio/balance");
                return Of(await _exchange.GetBalanceAsync(default), balance => balance.ByShard.Count);
            case "get_portfolio_positions":
                Serve("portfolio/positions");
                return Of(await _exchange.GetPositionsAsync(default), positions => positions.Count);
            case "get_portfolio_fills":
                Serve("portfolio/fills");
                return Of(await _exchange.GetFillsAsync(null, default), fills => fills.Count);
            case "get_portfolio_settlements":
                Serve("portfolio/settlements");
                return Of(await _exchange.GetSettlementsAsync(null, default), settlements => settlements.Count);
            case "get_portfolio_orders":
                Serve("portfolio/orders");
                return Of(await _exchange.GetOrdersAsync(null, default), orders => orders.Count);
            case "get_portfolio_order":
                var orderId = Text("order", "order_id")!;
                Serve($"portfolio/orders/{orderId}");
                return Of(await _exchange.GetOrderAsync(orderId, default), _ => 1);
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
        result.Success ? new Read(null, items(result.Value)) : new Read(result.Error, 0);

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
