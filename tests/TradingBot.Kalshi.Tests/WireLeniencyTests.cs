using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// What decides money is read strictly (a bad value fails the read, as a bad price does); what the bot does not
/// decide on is read leniently (an odd value is noted in a warning and the page kept). Strikes and competitions are
/// read here too.
/// </summary>
public class WireLeniencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 0, 0, TimeSpan.Zero);
    private readonly RecordedVenue _venue = new();
    private readonly ListLogger _log = new();
    private readonly KalshiExchange _exchange;

    public WireLeniencyTests()
    {
        var time = new FakeTimeProvider(Now);
        _exchange = new KalshiExchange(TestClients.Create(_venue, time, logger: _log), time);
    }

    private async Task<ExchangeResult<IReadOnlyList<MarketInfo>>> ReadAsync(params JsonObject[] markets)
    {
        _venue.Reply(HttpMethod.Get, "markets", HttpStatusCode.OK, new JsonObject { ["markets"] = new JsonArray(markets), ["cursor"] = "" }.ToJsonString());
        return await _exchange.GetMarketsAsync(new MarketQuery("KXNFLSPREAD"), default);
    }

    private static JsonObject Market(string field, JsonNode? value)
    {
        var market = KalshiExchangeTests.Market("KXNFLSPREAD-26SEP17DETBUF-DET2");
        market[field] = value;
        return market;
    }

    public static TheoryData<string, string> OddUnusedFields => new()
    {
        { "settlement_timer_seconds", "\"1800\"" },
        { "settlement_timer_seconds", "1.5" },
        { "can_close_early", "\"yes\"" },
        { "created_time", "\"soon\"" },
        { "latest_expiration_time", "12" },
        { "title", "42" },
        { "rules_primary", "{\"text\":\"x\"}" },
        { "volume_fp", "1547.49" },
        { "yes_ask_dollars", "0.47" },
        { "is_provisional", "\"false\"" },
        { "price_level_structure", "[]" },
    };

    [Theory]
    [MemberData(nameof(OddUnusedFields))]
    public async Task An_odd_value_in_a_field_the_bot_does_not_decide_on_is_noted_and_the_page_kept(string field, string json)
    {
        var result = await ReadAsync(Market(field, JsonNode.Parse(json)), KalshiExchangeTests.Market("KXNFLSPREAD-26SEP17DETBUF-BUF2"));

        Assert.True(result.Success, result.ToString());
        Assert.Equal(2, result.Value.Count);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains($"{field}: ", warning, StringComparison.Ordinal);
        Assert.StartsWith("Kalshi reply to markets: ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_odd_field_on_every_market_is_one_warning_with_a_count()
    {
        var result = await ReadAsync(Market("settlement_timer_seconds", "1800"), Market("settlement_timer_seconds", "1800"), Market("settlement_timer_seconds", "1800"));

        Assert.Equal(3, result.Value!.Count);
        Assert.Contains("settlement_timer_seconds: \"1800\" where an integer is documented (×3)", Assert.Single(_log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_page_logs_nothing()
    {
        Assert.True((await ReadAsync(KalshiExchangeTests.Market("KXNFLSPREAD-26SEP17DETBUF-DET2"))).Success);
        Assert.Empty(_log.Warnings);
    }

    public static TheoryData<string, string> BadMoneyFields => new()
    {
        { "close_time", "\"soon\"" },
        { "open_time", "12" },
        { "status", "5" },
        { "yes_bid_size_fp", "120" },
        { "yes_bid_dollars", "0.45" },
        { "result", "true" },
        { "exchange_index", "\"3\"" },
        { "fee_waiver_expiration_time", "\"never\"" },
        { "yes_sub_title", "7" },
        { "floor_strike", "\"abc\"" },
        { "floor_strike", "\"\"" },
        { "floor_strike", "true" },
        { "cap_strike", "{}" },
        { "custom_strike", "\"DET\"" },
        { "price_ranges", "\"linear\"" },
    };

    [Theory]
    [MemberData(nameof(BadMoneyFields))]
    public async Task A_bad_value_in_a_field_that_decides_money_still_fails_the_read(string field, string json)
    {
        var market = Market(field, JsonNode.Parse(json));
        market["strike_type"] = "greater";

        var error = (await ReadAsync(market)).Error!;

        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("greater", "1.5", "1.5")]
    [InlineData("greater", "\"13.1\"", "13.1")]
    [InlineData("greater", "49.5", "49.5")]
    [InlineData("greater", "0.1", "0.1")]
    [InlineData("greater_or_equal", "-3.5", "-3.5")]
    [InlineData("greater", "2.5e1", "25")]
    public async Task A_floor_strike_is_read_as_the_exact_number_sent(string type, string json, string expected)
    {
        var market = Market("floor_strike", JsonNode.Parse(json));
        market["strike_type"] = type;
        market["cap_strike"] = null;
        market.Remove("custom_strike");

        var strike = (await ReadAsync(market)).Value![0].Strike!;

        Assert.Equal(type, strike.Type);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), strike.Floor);
        Assert.Null(strike.Cap);
        Assert.Null(strike.Custom);
    }

    [Fact]
    public async Task A_between_strike_has_floor_and_cap_and_a_custom_strike_keeps_its_string_values()
    {
        var market = Market("strike_type", "between");
        market["floor_strike"] = 40.5;
        market["cap_strike"] = "44.5";
        market["custom_strike"] = new JsonObject { ["football_team"] = "f9acd396", ["weight"] = 2, ["flag"] = null };

        var strike = (await ReadAsync(market)).Value![0].Strike!;

        Assert.Equal(new MarketStrike("between", 40.5m, 44.5m), strike with { Custom = null });
        Assert.Equal(new Dictionary<string, string> { ["football_team"] = "f9acd396" }, strike.Custom);
    }

    [Fact]
    public async Task Without_a_strike_type_there_is_no_strike()
    {
        var market = Market("floor_strike", 1.5);
        market.Remove("strike_type");

        Assert.Null((await ReadAsync(market)).Value![0].Strike);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("null", null)]
    [InlineData("{}", null)]
    [InlineData("\"Pro Football\"", null)]
    [InlineData("[]", null)]
    [InlineData("""{"competition": 5}""", null)]
    [InlineData("""{"competition": ""}""", null)]
    [InlineData("""{"competition_scope": "Game"}""", null)]
    [InlineData("""{"competition": "Pro Football Preseason", "competition_scope": "Game"}""", "Pro Football Preseason")]
    [InlineData("""{"competition": "NCAA Football", "extra": {"a": 1}}""", "NCAA Football")]
    public async Task An_events_competition_is_read_leniently_from_its_product_metadata(string? metadata, string? expected)
    {
        var ev = new JsonObject
        {
            ["event_ticker"] = "KXNFLGAME-26AUG13DETATL",
            ["series_ticker"] = "KXNFLGAME",
            ["title"] = "Detroit at Atlanta",
            ["sub_title"] = "DET at ATL (Aug 13)",
            ["settlement_sources"] = new JsonArray(),
        };
        if (metadata is not null)
            ev["product_metadata"] = JsonNode.Parse(metadata);
        _venue.Reply(HttpMethod.Get, "events", HttpStatusCode.OK, new JsonObject { ["events"] = new JsonArray(ev), ["cursor"] = "" }.ToJsonString());

        var read = (await _exchange.GetEventsAsync("KXNFLGAME", default)).Value!.Single();

        Assert.Equal(expected, read.Competition);
        Assert.Equal("DET at ATL (Aug 13)", read.SubTitle);
        Assert.Empty(_log.Warnings);
    }
}
