using System.Text.Json;
using TradingBot.Simulator.Tests.Http.Support;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>The schema checker the endpoint tests lean on does catch what it claims to.</summary>
public class DocSchemaTests
{
    private static readonly DocSchema Trades = DocSchema.Load("market/get-trades.md");

    private const string GoodTrade =
        """{"trade_id":"t","ticker":"T","count_fp":"1.00","yes_price_dollars":"0.5500","no_price_dollars":"0.4500","taker_outcome_side":"yes","taker_book_side":"bid","created_time":"2026-09-10T12:00:00Z","is_block_trade":false}""";

    [Fact]
    public void A_conforming_reply_has_no_problems() =>
        Assert.Empty(Trades.Check("get", 200, Parse($$"""{"trades":[{{GoodTrade}}],"cursor":""}""")));

    [Theory]
    [InlineData("\"count_fp\":\"1.00\"", "\"count_fp\":\"1\"", "count with 2 decimals")]
    [InlineData("\"yes_price_dollars\":\"0.5500\"", "\"yes_price_dollars\":\"0.55\"", "4 to 6 decimals")]
    [InlineData("\"created_time\":\"2026-09-10T12:00:00Z\"", "\"created_time\":\"2026-09-10T12:00:00+00:00\"", "UTC date-time")]
    [InlineData("\"taker_book_side\":\"bid\"", "\"taker_book_side\":\"buy\"", "documented values")]
    [InlineData("\"is_block_trade\":false", "\"is_block_trade\":\"false\"", "expected a boolean")]
    [InlineData("\"is_block_trade\":false", "\"is_block_trade\":false,\"yes_price\":55", "not in the documented schema")]
    [InlineData(",\"is_block_trade\":false", "", "required field is_block_trade")]
    public void A_wrong_reply_is_caught(string from, string to, string expected)
    {
        var problems = Trades.Check("get", 200, Parse($$"""{"trades":[{{GoodTrade.Replace(from, to, StringComparison.Ordinal)}}],"cursor":""}"""));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
