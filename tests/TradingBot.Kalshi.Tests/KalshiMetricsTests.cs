using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.RateLimiting;
using TradingBot.Kalshi.Tests.Support;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Tests;

/// <summary>The client's instruments are process-wide: these tests run alone, so what they count is theirs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KalshiMetricsCollection
{
    public const string Name = "Kalshi metrics";
}

/// <summary>What the transport counts: each attempt by templated endpoint, method and status; the limiter's waits and refusals.</summary>
[Collection(KalshiMetricsCollection.Name)]
public sealed class KalshiMetricsTests
{
    [Theory]
    [InlineData("markets/KXNFLGAME-26SEP13DALNYG-DAL/orderbook", "markets/{ticker}/orderbook")]
    [InlineData("markets/KXNFLGAME-26SEP13DALNYG-DAL", "markets/{ticker}")]
    [InlineData("markets/orderbooks?tickers=A&tickers=B", "markets/orderbooks")]
    [InlineData("events/KXNFLGAME-26SEP13DALNYG?with_nested_markets=true", "events/{event_ticker}")]
    [InlineData("events/fee_changes", "events/fee_changes")]
    [InlineData("series/KXNFLGAME", "series/{series_ticker}")]
    [InlineData("portfolio/events/orders", "portfolio/events/orders")]
    [InlineData("portfolio/events/orders/5f7c1b2e-0d4b-4a57-9d1e-3c9a1f0e2b6d?subaccount=2", "portfolio/events/orders/{order_id}")]
    [InlineData("portfolio/events/orders/5f7c1b2e-0d4b-4a57-9d1e-3c9a1f0e2b6d/amend?subaccount=2", "portfolio/events/orders/{order_id}/amend")]
    [InlineData("portfolio/order_groups/9b1e/limit", "portfolio/order_groups/{order_group_id}/limit")]
    [InlineData("portfolio/balance?subaccount=0", "portfolio/balance")]
    [InlineData("someday/NEW-THING/KX-1", "{id}/{id}/{id}")]
    public void An_endpoint_is_its_path_with_every_identifier_replaced(string path, string endpoint) =>
        Assert.Equal(endpoint, KalshiMetrics.Endpoint(path));

    [Fact]
    public async Task Each_attempt_is_counted_by_endpoint_method_and_status_and_a_dropped_connection_by_what_happened()
    {
        const string path = "markets/KXNFLGAME-26SEP13DALNYG-DAL/orderbook";
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Get, path, HttpStatusCode.ServiceUnavailable, """{"error":"busy"}""", once: true)
            .Drop(HttpMethod.Get, path, once: true)
            .Reply(HttpMethod.Get, path, HttpStatusCode.OK, """{"orderbook_fp":{"yes_dollars":[],"no_dollars":[]}}""");
        using var measured = new Measured();

        var result = await TestClients.Transport(venue).GetAsync(path, Query.Empty, KalshiJson.Default.GetOrderBookReply, default);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(
            [("markets/{ticker}/orderbook", "GET", "503"), ("markets/{ticker}/orderbook", "GET", "transport_error"), ("markets/{ticker}/orderbook", "GET", "200")],
            measured.Requests());
    }

    [Fact]
    public async Task A_read_that_waits_for_its_bucket_counts_a_wait_and_its_seconds_and_a_short_write_bucket_a_refusal()
    {
        var time = new FakeTimeProvider();
        var venue = new RecordedVenue().Reply(HttpMethod.Get, "exchange/status", HttpStatusCode.OK, """{"exchange_active":true,"trading_active":true}""");
        var transport = TestClients.Transport(venue, time, read: new BucketSize(10, 10), write: new BucketSize(10, 10));
        using var measured = new Measured();

        Assert.True((await transport.GetAsync("exchange/status", Query.Empty, KalshiJson.Default.ExchangeStatusWire, default)).Success);
        var second = transport.GetAsync("exchange/status", Query.Empty, KalshiJson.Default.ExchangeStatusWire, default);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await second.WaitAsync(TimeSpan.FromSeconds(30))).Success);
        var refused = await transport.WriteAsync(HttpMethod.Post, "portfolio/events/orders", KalshiJson.Default.ExchangeStatusWire, 20, default);

        Assert.False(refused.Success);
        Assert.Equal([("tradingbot_rate_limiter_waits_total", "read", 1d), ("tradingbot_rate_limiter_wait_seconds_total", "read", 1d), ("tradingbot_rate_limiter_refusals_total", "write", 1d)],
            measured.Limiter());
        Assert.Equal(2, measured.Requests().Count);
    }

    /// <summary>The client's measurements while the test runs.</summary>
    private sealed class Measured : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Name, double Value, Dictionary<string, string> Tags)> _seen = [];

        public Measured()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == KalshiMetrics.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
            _listener.Start();
        }

        public List<(string Endpoint, string Method, string Status)> Requests()
        {
            lock (_seen)
                return _seen.Where(m => m.Name == "tradingbot_api_requests_total").Select(m => (m.Tags["endpoint"], m.Tags["method"], m.Tags["status"])).ToList();
        }

        public List<(string Name, string Bucket, double Value)> Limiter()
        {
            lock (_seen)
                return _seen.Where(m => m.Name.StartsWith("tradingbot_rate_limiter", StringComparison.Ordinal)).Select(m => (m.Name, m.Tags["bucket"], m.Value)).ToList();
        }

        public void Dispose() => _listener.Dispose();

        private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var kept = new Dictionary<string, string>();
            foreach (var tag in tags)
                kept[tag.Key] = tag.Value?.ToString() ?? "";
            lock (_seen)
                _seen.Add((instrument.Name, value, kept));
        }
    }
}
