using System.Text.Json;
using TradingBot.Tests.Shared.KalshiDocs;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>The shared schema checker the endpoint tests lean on does catch, in a live reply, what it claims to.</summary>
public class SchemaValidatorTests
{
    private static readonly ApiDoc Trades = ApiDoc.Load("market/get-trades.md");

    private const string GoodTrade =
        """{"trade_id":"t","ticker":"T","count_fp":"1.00","yes_price_dollars":"0.5500","no_price_dollars":"0.4500","taker_outcome_side":"yes","taker_book_side":"bid","created_time":"2026-09-10T12:00:00Z","is_block_trade":false}""";

    [Fact]
    public void A_conforming_reply_has_no_problems() =>
        Assert.Empty(SchemaValidator.ReplyProblems(Trades, 200, Parse($$"""{"trades":[{{GoodTrade}}],"cursor":""}""")));

    [Theory]
    [InlineData("\"count_fp\":\"1.00\"", "\"count_fp\":\"1\"", "count with 2 decimals")]
    [InlineData("\"yes_price_dollars\":\"0.5500\"", "\"yes_price_dollars\":\"0.55\"", "4 to 6 decimals")]
    [InlineData("\"created_time\":\"2026-09-10T12:00:00Z\"", "\"created_time\":\"2026-09-10T12:00:00+00:00\"", "in UTC")]
    [InlineData("\"taker_book_side\":\"bid\"", "\"taker_book_side\":\"buy\"", "documented values")]
    [InlineData("\"is_block_trade\":false", "\"is_block_trade\":\"false\"", "expected a boolean")]
    [InlineData("\"is_block_trade\":false", "\"is_block_trade\":false,\"yes_price\":55", "not in the documented schema")]
    [InlineData(",\"is_block_trade\":false", "", "'is_block_trade' is missing")]
    public void A_wrong_reply_is_caught(string from, string to, string expected)
    {
        var problems = SchemaValidator.ReplyProblems(Trades, 200, Parse($$"""{"trades":[{{GoodTrade.Replace(from, to, StringComparison.Ordinal)}}],"cursor":""}"""));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_price_level_that_is_not_a_pair_is_caught()
    {
        var problems = SchemaValidator.ReplyProblems(ApiDoc.Load("market/get-market-orderbook.md"), 200,
            Parse("""{"orderbook_fp":{"yes_dollars":[["0.1500","100.00","1"]],"no_dollars":[["0.2000"]]}}"""));

        Assert.Equal(2, problems.Count(p => p.Contains("outside minItems/maxItems", StringComparison.Ordinal)));
    }

    [Fact]
    public void Asserting_a_reply_fails_on_a_wrong_body_or_an_undocumented_method()
    {
        Assert.Throws<Xunit.Sdk.TrueException>(() => Trades.AssertReply("get", 200, Parse("""{"trades":[],"cursor":1}""")));
        Assert.Throws<Xunit.Sdk.EqualException>(() => Trades.AssertReply("post", 200, Parse("""{"trades":[],"cursor":""}""")));
        Trades.AssertReply("get", 200, Parse("""{"trades":[],"cursor":""}"""));
    }

    /// <summary>Kalshi documents free-form maps (custom_strike, product_metadata) as a bare object; a named property set stays closed.</summary>
    [Fact]
    public void Only_an_object_schema_that_names_no_property_takes_any_property()
    {
        var freeForm = new Dictionary<object, object> { ["type"] = "object" };
        var named = new Dictionary<object, object> { ["type"] = "object", ["properties"] = new Dictionary<object, object> { ["a"] = new Dictionary<object, object> { ["type"] = "string" } } };
        var value = System.Text.Json.Nodes.JsonNode.Parse("""{"football_team":"f95a55a7-8472-4ffa-be20-14547e3c32ff"}""");

        Assert.Empty(SchemaValidator.Problems(Trades, freeForm, value));
        Assert.Contains(SchemaValidator.Problems(Trades, named, value), p => p.Contains("'football_team' is not in the documented schema", StringComparison.Ordinal));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
