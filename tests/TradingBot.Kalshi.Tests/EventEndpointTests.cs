using System.Net;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Tests.Docs;
using TradingBot.Tests.Shared.KalshiDocs;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// Events, milestones, trades and account limits, beyond the generic contract: what the bot needs from them (game
/// start times, whole scans across pages, the venue's own bucket sizes) and the query each request record sends.
/// </summary>
public class EventEndpointTests
{
    private const string EventTicker = "KXNFLGAME-26SEP13DALNYG";
    private const string MilestoneId = "5f1c2e7a-9b4d-4c1e-8a2f-3d6b7e9c0a11";
    private static readonly DateTimeOffset s_kickoff = new(2026, 9, 13, 17, 0, 0, TimeSpan.Zero);

    private static string Market(string ticker) => $$"""
        {
          "ticker": "{{ticker}}",
          "event_ticker": "{{EventTicker}}",
          "market_type": "binary",
          "yes_sub_title": "Dallas",
          "no_sub_title": "Dallas",
          "created_time": "2026-08-30T14:00:00Z",
          "updated_time": "2026-09-12T09:30:00Z",
          "open_time": "2026-08-31T14:00:00Z",
          "close_time": "2026-09-27T17:00:00Z",
          "latest_expiration_time": "2026-09-27T17:00:00Z",
          "expected_expiration_time": "2026-09-13T20:30:00Z",
          "occurrence_datetime": "2026-09-13T20:15:00Z",
          "settlement_timer_seconds": 300,
          "status": "active",
          "yes_bid_dollars": "0.5600",
          "yes_bid_size_fp": "120.00",
          "yes_ask_dollars": "0.5700",
          "yes_ask_size_fp": "35.50",
          "no_bid_dollars": "0.4300",
          "no_ask_dollars": "0.4400",
          "last_price_dollars": "0.5600",
          "previous_yes_bid_dollars": "0.5400",
          "previous_yes_ask_dollars": "0.5500",
          "previous_price_dollars": "0.5500",
          "notional_value_dollars": "1.0000",
          "volume_fp": "15234.00",
          "volume_24h_fp": "812.00",
          "open_interest_fp": "9100.00",
          "result": "",
          "can_close_early": true,
          "expiration_value": "",
          "rules_primary": "If Dallas wins the game, the market resolves to Yes.",
          "rules_secondary": "",
          "price_level_structure": "linear_cent",
          "price_ranges": [{ "start": "0.0100", "end": "0.9900", "step": "0.0100" }],
          "exchange_index": 0
        }
        """;

    private static readonly string s_event = $$"""
        {
          "event_ticker": "{{EventTicker}}",
          "series_ticker": "KXNFLGAME",
          "sub_title": "DAL at NYG (Sep 13)",
          "title": "Dallas at New York G",
          "collateral_return_type": "binary",
          "mutually_exclusive": true,
          "available_on_brokers": false,
          "settlement_sources": [{ "name": "NFL", "url": "https://www.nfl.com" }],
          "last_updated_ts": "2026-09-12T09:30:00Z",
          "exchange_index": 0,
          "markets": [{{Market(EventTicker + "-DAL")}}, {{Market(EventTicker + "-NYG")}}]
        }
        """;

    private static readonly string s_milestone = $$"""
        {
          "id": "{{MilestoneId}}",
          "category": "Sports",
          "type": "football_game",
          "start_date": "2026-09-13T17:00:00Z",
          "end_date": null,
          "related_event_tickers": ["{{EventTicker}}", "KXNFLSPREAD-26SEP13DALNYG", "KXNFLTOTAL-26SEP13DALNYG"],
          "primary_event_tickers": ["{{EventTicker}}"],
          "title": "Dallas at New York G",
          "notification_message": "DAL at NYG is starting",
          "source_id": "sr:match:51234567",
          "source_ids": { "sportradar": "sr:match:51234567" },
          "details": { "home_team_id": "nyg", "away_team_id": "dal", "competition": "Pro Football" },
          "last_updated_ts": "2026-09-10T12:00:00Z"
        }
        """;

    [Fact]
    public async Task An_events_page_with_nested_markets_and_milestones_reads_and_gives_each_game_its_start_time()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "events", HttpStatusCode.OK,
            $$"""{ "events": [{{s_event}}], "milestones": [{{s_milestone}}], "cursor": "" }""");

        var result = await TestClients.Create(venue).GetEventsAsync(new GetEventsRequest { SeriesTicker = "KXNFLGAME", WithNestedMarkets = true, WithMilestones = true }, default);

        Assert.True(result.Success, result.Error?.ToString());
        var game = Assert.Single(result.Value.Events);
        Assert.Equal("KXNFLGAME", game.SeriesTicker);
        Assert.Equal([EventTicker + "-DAL", EventTicker + "-NYG"], game.Markets!.Select(m => m.Ticker));
        Assert.All(game.Markets!, m => Assert.Equal(EventTicker, m.EventTicker));
        Assert.Equal("0.5600", game.Markets![0].YesBidDollars);
        var milestone = Assert.Single(result.Value.Milestones!, m => m.RelatedEventTickers.Contains(game.EventTicker));
        Assert.Equal(s_kickoff, milestone.StartDate);
        // The market's own times are hours off the kickoff: only the milestone says when the game starts.
        Assert.NotEqual(milestone.StartDate, game.Markets![0].OccurrenceDatetime);
        Assert.Equal("nyg", milestone.Details!.Value.GetProperty("home_team_id").GetString());
        var query = QueryOf(Assert.Single(venue.Requests));
        Assert.Equal("true", query["with_nested_markets"]);
        Assert.Equal("true", query["with_milestones"]);
    }

    [Theory]
    [InlineData(""", "cursor": "" """)]
    [InlineData(""", "cursor": null """)]
    [InlineData("")]
    public async Task Events_pages_are_followed_by_cursor_until_an_empty_or_missing_cursor(string lastPageCursor)
    {
        var second = s_event.Replace(EventTicker, "KXNFLGAME-26SEP14KCBAL", StringComparison.Ordinal);
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Get, "events", HttpStatusCode.OK, $$"""{ "events": [{{s_event}}], "cursor": "CgwI9t2: page/2" }""", once: true)
            .Reply(HttpMethod.Get, "events", HttpStatusCode.OK, $$"""{ "events": [{{second}}]{{lastPageCursor}} }""", once: true);
        var client = TestClients.Create(venue);

        var tickers = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetEventsAsync(new GetEventsRequest { SeriesTicker = "KXNFLGAME", Cursor = cursor }, default);
            Assert.True(page.Success, page.Error?.ToString());
            tickers.AddRange(page.Value.Events.Select(e => e.EventTicker));
            cursor = page.Value.Cursor;
        }
        while (!string.IsNullOrEmpty(cursor));

        Assert.Equal([EventTicker, "KXNFLGAME-26SEP14KCBAL"], tickers);
        Assert.Equal(2, venue.Requests.Count);
        Assert.False(QueryOf(venue.Requests[0]).ContainsKey("cursor"));
        // The cursor goes back exactly as received, escaped on the wire.
        Assert.Equal("CgwI9t2: page/2", QueryOf(venue.Requests[1])["cursor"]);
    }

    [Fact]
    public async Task The_events_request_sends_exactly_the_documented_query_parameters()
    {
        var request = new GetEventsRequest
        {
            Limit = 50,
            Cursor = "abc",
            WithNestedMarkets = true,
            WithMilestones = false,
            Status = "open",
            SeriesTicker = "KXNFLGAME",
            EventTickers = [EventTicker, "KXNFLGAME-26SEP14KCBAL"],
            MinCloseTs = 1_789_000_000,
            MinUpdatedTs = 1_788_000_000,
        };

        var query = await SentQuery("events", """{ "events": [], "cursor": "" }""", c => c.GetEventsAsync(request, default));

        Assert.Equal(Sorted(ApiDoc.Load("events/get-events.md").QueryParameters), Sorted(query.Keys));
        Assert.Equal("50", query["limit"]);
        Assert.Equal("false", query["with_milestones"]);
        Assert.Equal($"{EventTicker},KXNFLGAME-26SEP14KCBAL", query["tickers"]);
        Assert.Equal("1789000000", query["min_close_ts"]);
    }

    [Fact]
    public async Task An_events_request_with_nothing_set_sends_only_the_largest_page_size()
    {
        var query = await SentQuery("events", """{ "events": [], "cursor": "" }""", c => c.GetEventsAsync(new GetEventsRequest(), default));

        Assert.Equal(new Dictionary<string, string> { ["limit"] = "200" }, query);
    }

    [Fact]
    public async Task The_event_request_sends_exactly_the_documented_query_parameters()
    {
        var query = await SentQuery($"events/{EventTicker}", $$"""{ "event": {{s_event}}, "markets": [] }""", c => c.GetEventAsync(EventTicker, true, default));

        Assert.Equal(Sorted(ApiDoc.Load("events/get-event.md").QueryParameters), Sorted(query.Keys));
        Assert.Equal("true", query["with_nested_markets"]);
    }

    [Fact]
    public async Task The_fee_change_requests_send_exactly_the_documented_query_parameters()
    {
        var series = await SentQuery("series/fee_changes", """{ "series_fee_change_arr": [] }""",
            c => c.GetSeriesFeeChangesAsync(new GetSeriesFeeChangesRequest { SeriesTicker = "KXNFLGAME", ShowHistorical = true }, default));
        var events = await SentQuery("events/fee_changes", """{ "event_fee_changes": [], "cursor": "" }""",
            c => c.GetEventFeeChangesAsync(new GetEventFeeChangesRequest { EventTicker = EventTicker, Limit = 10, Cursor = "abc" }, default));

        Assert.Equal(Sorted(ApiDoc.Load("exchange/get-series-fee-changes.md").QueryParameters), Sorted(series.Keys));
        Assert.Equal("true", series["show_historical"]);
        Assert.Equal(Sorted(ApiDoc.Load("events/get-event-fee-changes.md").QueryParameters), Sorted(events.Keys));
        Assert.Equal(EventTicker, events["event_ticker"]);
    }

    [Fact]
    public async Task Fee_change_requests_with_nothing_set_ask_for_upcoming_changes_and_the_largest_page()
    {
        var series = await SentQuery("series/fee_changes", """{ "series_fee_change_arr": [] }""", c => c.GetSeriesFeeChangesAsync(new GetSeriesFeeChangesRequest(), default));
        var events = await SentQuery("events/fee_changes", """{ "event_fee_changes": [], "cursor": "" }""", c => c.GetEventFeeChangesAsync(new GetEventFeeChangesRequest(), default));

        Assert.Empty(series);
        Assert.Equal(new Dictionary<string, string> { ["limit"] = "1000" }, events);
    }

    [Fact]
    public async Task An_event_fee_change_that_clears_the_override_reads_as_nulls_and_one_without_them_is_unreadable()
    {
        var cleared = $$"""{ "id": "efc-1", "event_ticker": "{{EventTicker}}", "series_ticker": "KXNFLGAME", "fee_type_override": null, "fee_multiplier_override": null, "scheduled_ts": "2026-09-13T14:00:00Z" }""";
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Get, "events/fee_changes", HttpStatusCode.OK, $$"""{ "event_fee_changes": [{{cleared}}], "cursor": "" }""", once: true)
            .Reply(HttpMethod.Get, "events/fee_changes", HttpStatusCode.OK,
                $$"""{ "event_fee_changes": [{{cleared.Replace("\"fee_type_override\": null, ", "", StringComparison.Ordinal)}}], "cursor": "" }""", once: true);
        var client = TestClients.Create(venue);

        var read = await client.GetEventFeeChangesAsync(new GetEventFeeChangesRequest(), default);
        var missing = await client.GetEventFeeChangesAsync(new GetEventFeeChangesRequest(), default);

        Assert.True(read.Success, read.Error?.ToString());
        var change = Assert.Single(read.Value.EventFeeChanges);
        Assert.Null(change.FeeTypeOverride);
        Assert.Null(change.FeeMultiplierOverride);
        Assert.Equal(new DateTimeOffset(2026, 9, 13, 14, 0, 0, TimeSpan.Zero), change.ScheduledTs);
        Assert.Equal(ExchangeErrorKind.Unreadable, missing.Error?.Kind);
    }

    [Fact]
    public async Task The_milestones_request_sends_exactly_the_documented_query_parameters()
    {
        var request = new GetMilestonesRequest
        {
            Limit = 100,
            Cursor = "abc",
            MinimumStartDate = new DateTimeOffset(2026, 9, 13, 13, 0, 0, 250, TimeSpan.FromHours(-4)),
            Category = "Sports",
            Competition = "Pro Football",
            SourceId = "sr:match:51234567",
            Type = "football_game",
            RelatedEventTicker = EventTicker,
            MinUpdatedTs = 1_788_000_000,
        };

        var query = await SentQuery("milestones", """{ "milestones": [] }""", c => c.GetMilestonesAsync(request, default));

        Assert.Equal(Sorted(ApiDoc.Load("milestone/get-milestones.md").QueryParameters), Sorted(query.Keys));
        Assert.Equal("2026-09-13T17:00:00Z", query["minimum_start_date"]);
        Assert.Equal("Pro Football", query["competition"]);
    }

    [Fact]
    public async Task A_milestones_request_always_sends_the_limit_Kalshi_requires()
    {
        var query = await SentQuery("milestones", """{ "milestones": [] }""", c => c.GetMilestonesAsync(new GetMilestonesRequest(), default));

        Assert.Equal(new Dictionary<string, string> { ["limit"] = "500" }, query);
    }

    [Fact]
    public async Task The_trades_request_sends_exactly_the_documented_query_parameters()
    {
        var request = new GetTradesRequest { Limit = 10, Cursor = "abc", Ticker = EventTicker + "-DAL", MinTs = 1_789_000_000, MaxTs = 1_789_003_600, IsBlockTrade = false };

        var query = await SentQuery("markets/trades", """{ "trades": [], "cursor": "" }""", c => c.GetTradesAsync(request, default));

        Assert.Equal(Sorted(ApiDoc.Load("market/get-trades.md").QueryParameters), Sorted(query.Keys));
        Assert.Equal("false", query["is_block_trade"]);
        Assert.Equal("1789003600", query["max_ts"]);
    }

    [Fact]
    public async Task A_milestone_reads_with_its_start_time_and_events()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, $"milestones/{MilestoneId}", HttpStatusCode.OK, $$"""{ "milestone": {{s_milestone}} }""");

        var result = await TestClients.Create(venue).GetMilestoneAsync(MilestoneId, default);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(s_kickoff, result.Value.Milestone.StartDate);
        Assert.Null(result.Value.Milestone.EndDate);
        Assert.Equal([EventTicker], result.Value.Milestone.PrimaryEventTickers!);
        Assert.Equal("sr:match:51234567", result.Value.Milestone.SourceIds!["sportradar"]);
    }

    [Fact]
    public async Task A_milestone_without_a_start_date_is_unreadable_rather_than_a_default_time()
    {
        var undated = s_milestone.Replace("\"start_date\": \"2026-09-13T17:00:00Z\",", "", StringComparison.Ordinal);
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "milestones", HttpStatusCode.OK, $$"""{ "milestones": [{{undated}}] }""");

        var result = await TestClients.Create(venue).GetMilestonesAsync(new GetMilestonesRequest(), default);

        Assert.Equal(ExchangeErrorKind.Unreadable, result.Error?.Kind);
    }

    [Fact]
    public async Task An_event_reads_its_fee_override_and_reads_without_the_deprecated_top_level_markets()
    {
        var overridden = s_event.Replace("\"exchange_index\": 0,", "\"exchange_index\": 0, \"fee_type_override\": \"quadratic\", \"fee_multiplier_override\": 0.5,", StringComparison.Ordinal);
        var venue = new RecordedVenue().Reply(HttpMethod.Get, $"events/{EventTicker}", HttpStatusCode.OK, $$"""{ "event": {{overridden}} }""");

        var result = await TestClients.Create(venue).GetEventAsync(EventTicker, true, default);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Null(result.Value.Markets);
        Assert.Equal(2, result.Value.Event.Markets!.Count);
        Assert.Equal("quadratic", result.Value.Event.FeeTypeOverride);
        Assert.Equal(0.5, result.Value.Event.FeeMultiplierOverride);
    }

    [Fact]
    public async Task Trades_keep_the_venues_price_and_count_strings_and_taker_direction()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "markets/trades", HttpStatusCode.OK, $$"""
            {
              "trades": [{
                "trade_id": "0c3e5c0b-7d1a-4a8e-9f52-6b1d2f3a4c5e",
                "ticker": "{{EventTicker}}-DAL",
                "count_fp": "2.50",
                "yes_price_dollars": "0.563400",
                "no_price_dollars": "0.436600",
                "taker_side": "no",
                "taker_outcome_side": "no",
                "taker_book_side": "ask",
                "created_time": "2026-09-13T17:42:07.123Z",
                "is_block_trade": false
              }],
              "cursor": ""
            }
            """);

        var result = await TestClients.Create(venue).GetTradesAsync(new GetTradesRequest { Ticker = EventTicker + "-DAL" }, default);

        Assert.True(result.Success, result.Error?.ToString());
        var trade = Assert.Single(result.Value.Trades);
        Assert.Equal("2.50", trade.CountFp);
        Assert.Equal("0.563400", trade.YesPriceDollars);
        Assert.Equal("ask", trade.TakerBookSide);
        Assert.Equal(new DateTimeOffset(2026, 9, 13, 17, 42, 7, 123, TimeSpan.Zero), trade.CreatedTime);
    }

    [Fact]
    public async Task Account_limits_read_refill_rate_and_capacity_for_the_read_and_write_buckets()
    {
        // The example in getting_started/rate_limits.md.
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "account/limits", HttpStatusCode.OK, """
            {
              "usage_tier": "premier",
              "read":  { "refill_rate": 1000, "bucket_capacity": 1000 },
              "write": { "refill_rate": 1000, "bucket_capacity": 2000 },
              "grants": [
                { "exchange_instance": "event_contract", "level": "premier", "expires_ts": 1751558400, "source": "volume" },
                { "exchange_instance": "event_contract", "level": "advanced", "source": "manual" }
              ]
            }
            """);

        var result = await TestClients.Create(venue).GetAccountApiLimitsAsync(default);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("premier", result.Value.UsageTier);
        Assert.Equal((1000, 1000), (result.Value.Read.RefillRate, result.Value.Read.BucketCapacity));
        Assert.Equal((1000, 2000), (result.Value.Write.RefillRate, result.Value.Write.BucketCapacity));
        Assert.Equal([1751558400L, null], result.Value.Grants!.Select(g => g.ExpiresTs));
        Assert.Empty(Assert.Single(venue.Requests).Uri.Query);
    }

    [Fact]
    public async Task Account_limits_without_a_bucket_capacity_are_unreadable_rather_than_a_zero_bucket()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "account/limits", HttpStatusCode.OK,
            """{ "usage_tier": "basic", "read": { "refill_rate": 200 }, "write": { "refill_rate": 100, "bucket_capacity": 100 }, "grants": [] }""");

        var result = await TestClients.Create(venue).GetAccountApiLimitsAsync(default);

        Assert.Equal(ExchangeErrorKind.Unreadable, result.Error?.Kind);
    }

    private static async Task<Dictionary<string, string>> SentQuery<T>(string path, string reply, Func<KalshiClient, Task<ExchangeResult<T>>> call)
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, path, HttpStatusCode.OK, reply);
        var result = await call(TestClients.Create(venue));
        Assert.True(result.Success, result.Error?.ToString());
        return QueryOf(Assert.Single(venue.Requests));
    }

    /// <summary>Name to value, unescaped; a name sent twice fails the test, since none of these parameters repeat.</summary>
    private static Dictionary<string, string> QueryOf(RecordedRequest request) =>
        request.Uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));

    private static List<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToList();
}
