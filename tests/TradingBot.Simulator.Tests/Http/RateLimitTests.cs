using System.Net;
using System.Text.Json;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Tests.Http.Support;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>Token buckets per key as rate_limits.md gives them, timed by the fake wall clock.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task A_burst_beyond_the_Basic_write_bucket_is_429_without_Retry_After_until_it_refills()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 10; i++)
        {
            var (ok, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);
            Assert.Equal(201, ok);
        }

        var refused = await server.Send(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);
        var refusedBody = await refused.Content.ReadAsStringAsync();
        var (otherMember, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Maker);
        server.Wall.Advance(TimeSpan.FromMilliseconds(99));
        var (stillEmpty, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);
        server.Wall.Advance(TimeSpan.FromMilliseconds(1));
        var (refilled, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("""{"error":"too many requests"}""", refusedBody);
        Assert.Null(refused.Headers.RetryAfter);
        Assert.False(refused.Headers.Contains("X-RateLimit-Remaining"));
        Assert.Equal(201, otherMember);
        Assert.Equal(429, stillEmpty);
        Assert.Equal(201, refilled);
        Assert.Equal(11, server.Exchange.Read(x => x.Accounts["alice"].Orders.Count));
    }

    [Fact]
    public async Task Reads_have_their_own_bucket_of_two_seconds()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 40; i++)
            Assert.Equal(200, (await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice)).Status);

        var (refused, _) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);
        var (writeStillOpen, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);

        Assert.Equal(429, refused);
        Assert.Equal(201, writeStillOpen);
    }

    [Fact]
    public async Task A_cancel_costs_two_tokens()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 5; i++)
            await MarketDataTests.Place(server, server.Alice, Order(Dal, "bid", "0.0100", "1"));

        // 50 tokens spent on creates leave 50: exactly 25 cancels.
        var statuses = new List<int>();
        for (var i = 0; i < 26; i++)
            statuses.Add((await server.Call(HttpMethod.Delete, "portfolio/events/orders/nope", signer: server.Alice)).Status);

        Assert.All(statuses[..25], s => Assert.Equal(404, s));
        Assert.Equal(429, statuses[25]);
    }

    [Fact]
    public async Task A_batch_costs_the_sum_of_its_items_and_must_fit_the_bucket()
    {
        await using var server = await StartAsync();
        string Batch(int n) => $$"""{"orders":[{{string.Join(',', Enumerable.Range(0, n).Select(_ => Order(Dal, "bid", "0.0100", "1")))}}]}""";

        var (tooBig, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders/batched", Batch(11), server.Alice);
        var (fits, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders/batched", Batch(10), server.Alice);
        var (empty, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);

        Assert.Equal(400, tooBig);
        Assert.Equal("invalid_parameters", body.GetProperty("code").GetString());
        Assert.Equal(201, fits);
        Assert.Equal(429, empty);
    }

    [Fact]
    public async Task Unsigned_market_data_is_not_metered()
    {
        await using var server = await StartAsync();

        for (var i = 0; i < 45; i++)
            Assert.Equal(200, (await server.Call(HttpMethod.Get, "exchange/status")).Status);
    }

    [Theory]
    [InlineData(RateTier.Basic, 200, 400, 100, 100)]
    [InlineData(RateTier.Advanced, 300, 600, 300, 600)]
    [InlineData(RateTier.Premier, 1000, 1000, 1000, 2000)]
    [InlineData(RateTier.Prestige, 10000, 10000, 8000, 16000)]
    public async Task Account_limits_report_the_keys_tier(RateTier tier, int readRate, int readCapacity, int writeRate, int writeCapacity)
    {
        await using var server = await StartAsync();
        var rsa = TestKeys.Next();
        var (_, key) = await server.Admin(HttpMethod.Post, "keys", $$"""{"public_key_pem":{{JsonSerializer.Serialize(rsa.ExportSubjectPublicKeyInfoPem())}},"tier":"{{tier}}","member_id":"alice"}""");
        var signer = new TestSigner(rsa, key.GetProperty("key_id").GetString()!, server.Wall);

        var (status, body) = await server.Call(HttpMethod.Get, "account/limits", signer: signer);

        Assert.Equal(200, status);
        Assert.Equal(tier.ToString().ToLowerInvariant(), body.GetProperty("usage_tier").GetString());
        Assert.Equal((readRate, readCapacity), (body.GetProperty("read").GetProperty("refill_rate").GetInt32(), body.GetProperty("read").GetProperty("bucket_capacity").GetInt32()));
        Assert.Equal((writeRate, writeCapacity), (body.GetProperty("write").GetProperty("refill_rate").GetInt32(), body.GetProperty("write").GetProperty("bucket_capacity").GetInt32()));
        Assert.Equal(tier == RateTier.Basic ? 0 : 1, body.GetProperty("grants").GetArrayLength());
    }

    [Fact]
    public async Task A_higher_tier_bursts_further()
    {
        await using var server = await StartAsync();
        var rsa = TestKeys.Next();
        var (_, key) = await server.Admin(HttpMethod.Post, "keys", $$"""{"public_key_pem":{{JsonSerializer.Serialize(rsa.ExportSubjectPublicKeyInfoPem())}},"tier":"advanced","member_id":"carol","starting_balance":"50.00"}""");
        var signer = new TestSigner(rsa, key.GetProperty("key_id").GetString()!, server.Wall);

        var statuses = new List<int>();
        for (var i = 0; i < 61; i++)
            statuses.Add((await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), signer)).Status);

        Assert.All(statuses[..60], s => Assert.Equal(201, s));
        Assert.Equal(429, statuses[60]);
    }
}
