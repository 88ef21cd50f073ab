using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>Kalshi's RSA-PSS request signature, checked against the injected wall clock.</summary>
public class AuthTests
{
    [Fact]
    public async Task A_signed_request_names_its_member()
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);

        Assert.Equal(200, status);
        Assert.Equal(100_000, body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task A_member_endpoint_without_a_signature_is_401()
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Get, "portfolio/balance");

        AssertUnauthorized(status, body);
    }

    [Fact]
    public async Task A_signature_by_another_key_is_401()
    {
        await using var server = await StartAsync();
        using var request = server.Request(HttpMethod.Get, "portfolio/balance");
        server.Maker.Sign(request, keyId: server.Alice.KeyId);

        var (status, body) = await Read(await server.Client.SendAsync(request));

        AssertUnauthorized(status, body);
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        await using var server = await StartAsync();
        using var request = server.Request(HttpMethod.Get, "portfolio/balance");
        server.Alice.Sign(request, keyId: "a952bcbe-ec3b-4b5b-b8f9-11dae589608c");

        var (status, body) = await Read(await server.Client.SendAsync(request));

        AssertUnauthorized(status, body);
    }

    [Theory]
    [InlineData(-31, 401)]
    [InlineData(-29, 200)]
    [InlineData(29, 200)]
    [InlineData(31, 401)]
    public async Task A_timestamp_more_than_30_seconds_from_the_wall_clock_is_401(int offsetSeconds, int expected)
    {
        await using var server = await StartAsync();
        using var request = server.Request(HttpMethod.Get, "portfolio/balance");
        server.Alice.Sign(request, at: server.Wall.GetUtcNow().AddSeconds(offsetSeconds));

        var (status, _) = await Read(await server.Client.SendAsync(request));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_request_signed_now_goes_stale_as_the_wall_clock_moves_but_not_the_market_clock()
    {
        await using var server = await StartAsync();
        using var stale = server.Request(HttpMethod.Get, "portfolio/balance", signer: server.Alice);
        using var fresh = server.Request(HttpMethod.Get, "portfolio/balance", signer: server.Alice);

        server.Market.Advance(TimeSpan.FromHours(1));
        var (afterMarketMove, _) = await Read(await server.Client.SendAsync(fresh));
        server.Wall.Advance(TimeSpan.FromSeconds(31));
        var (afterWallMove, body) = await Read(await server.Client.SendAsync(stale));

        Assert.Equal(200, afterMarketMove);
        AssertUnauthorized(afterWallMove, body);
    }

    [Fact]
    public async Task The_signed_path_excludes_the_query()
    {
        await using var server = await StartAsync();
        using var withoutQuery = server.Request(HttpMethod.Get, "portfolio/orders?limit=5");
        server.Alice.Sign(withoutQuery, signedPath: "/trade-api/v2/portfolio/orders");
        using var withQuery = server.Request(HttpMethod.Get, "portfolio/orders?limit=5");
        server.Alice.Sign(withQuery, signedPath: "/trade-api/v2/portfolio/orders?limit=5");

        var (good, _) = await Read(await server.Client.SendAsync(withoutQuery));
        var (bad, _) = await Read(await server.Client.SendAsync(withQuery));

        Assert.Equal((200, 401), (good, bad));
    }

    [Fact]
    public async Task A_signature_over_another_method_is_401()
    {
        await using var server = await StartAsync();
        using var request = server.Request(HttpMethod.Delete, "portfolio/events/orders/x");
        server.Alice.Sign(request, signedMethod: "GET");

        var (status, body) = await Read(await server.Client.SendAsync(request));

        AssertUnauthorized(status, body);
    }

    [Fact]
    public async Task Market_data_is_public_but_a_bad_signature_on_it_is_still_refused()
    {
        await using var server = await StartAsync();
        using var badlySigned = server.Request(HttpMethod.Get, "markets");
        server.Alice.Sign(badlySigned, at: server.Wall.GetUtcNow().AddMinutes(-5));

        var (unsigned, _) = await server.Call(HttpMethod.Get, "markets");
        var (signed, _) = await server.Call(HttpMethod.Get, "markets", signer: server.Alice);
        var (status, body) = await Read(await server.Client.SendAsync(badlySigned));

        Assert.Equal((200, 200), (unsigned, signed));
        AssertUnauthorized(status, body);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("1.5")]
    public async Task A_timestamp_that_is_not_milliseconds_is_401(string timestamp)
    {
        await using var server = await StartAsync();
        using var request = server.Request(HttpMethod.Get, "portfolio/balance");
        request.Headers.Add("KALSHI-ACCESS-KEY", server.Alice.KeyId);
        request.Headers.Add("KALSHI-ACCESS-TIMESTAMP", timestamp);
        request.Headers.Add("KALSHI-ACCESS-SIGNATURE", "bm90IGEgc2lnbmF0dXJl");

        var (status, body) = await Read(await server.Client.SendAsync(request));

        AssertUnauthorized(status, body);
    }

    private static void AssertUnauthorized(int status, System.Text.Json.JsonElement body)
    {
        Assert.Equal(401, status);
        Assert.Equal("unauthorized", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }
}
