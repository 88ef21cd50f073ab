using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Benchmarks;

/// <summary>The client's own costs per request: signing it, and reading a full page of 1000 markets.</summary>
[MemoryDiagnoser]
public class KalshiBenchmarks
{
    private RequestSigner _signer = null!;
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _signer = new RequestSigner(RSA.Create(2048));
        var markets = new StringBuilder("""{"cursor":"c2xhdGU=","markets":[""");
        for (var i = 0; i < 1000; i++)
        {
            if (i > 0)
                markets.Append(',');
            var bid = (i % 90) + 5;
            markets.Append(CultureInfo.InvariantCulture, $$"""
                {"ticker":"KXNFLGAME-26SEP13G{{i:D4}}-A","event_ticker":"KXNFLGAME-26SEP13G{{i:D4}}","market_type":"binary",
                "yes_sub_title":"Team A","no_sub_title":"Team B","created_time":"2026-09-01T12:00:00Z","updated_time":"2026-09-10T12:00:00Z",
                "open_time":"2026-09-01T12:00:00Z","close_time":"2026-09-14T04:00:00Z","latest_expiration_time":"2026-09-21T04:00:00Z",
                "expected_expiration_time":"2026-09-14T03:00:00Z","settlement_timer_seconds":300,"status":"active",
                "yes_bid_dollars":"0.{{bid:D2}}00","yes_bid_size_fp":"120.00","yes_ask_dollars":"0.{{bid + 2:D2}}00","yes_ask_size_fp":"80.00",
                "no_bid_dollars":"0.{{98 - bid:D2}}00","no_ask_dollars":"0.{{100 - bid:D2}}00","last_price_dollars":"0.{{bid + 1:D2}}00",
                "volume_fp":"15000.00","volume_24h_fp":"2000.00","open_interest_fp":"9000.00","result":"","can_close_early":true,
                "notional_value_dollars":"1.0000","previous_yes_bid_dollars":"0.4900","previous_yes_ask_dollars":"0.5100",
                "previous_price_dollars":"0.5000","expiration_value":"","rules_primary":"If Team A wins the game, the market resolves to Yes.",
                "rules_secondary":"","price_level_structure":"linear_cent","price_ranges":[{"start":"0.0000","end":"1.0000","step":"0.0100"}]}
                """);
        }

        markets.Append("]}");
        _page = Encoding.UTF8.GetBytes(markets.ToString());
    }

    [Benchmark]
    public string SignRequest() => _signer.Sign(1703123456789, "POST", "/trade-api/v2/portfolio/events/orders");

    [Benchmark]
    public int ReadMarketsPage() => JsonSerializer.Deserialize(_page, KalshiJson.Default.GetMarketsReply)!.Markets.Count;

    /// <summary>What a scan pays per page: the JSON read plus every market checked into Core's types.</summary>
    [Benchmark]
    public int ReadAndMapMarketsPage()
    {
        var reply = JsonSerializer.Deserialize(_page, KalshiJson.Default.GetMarketsReply)!;
        var observedAt = DateTimeOffset.UnixEpoch;
        var mapped = 0;
        foreach (var market in reply.Markets)
        {
            if (MarketMapping.ToMarket(market, observedAt).TopOfBook.YesBid.Exists)
                mapped++;
        }

        return mapped;
    }
}
