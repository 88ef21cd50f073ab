using System.Text.Json;
using TradingBot.Simulator.Tests.Http.Support;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>Each fault kind the admin API injects, as the client meets it.</summary>
public class FaultTests
{
    [Fact]
    public async Task A_status_fault_hits_the_next_N_matching_requests_only()
    {
        await using var server = await StartAsync();
        var (added, fault) = await server.Admin(HttpMethod.Post, "faults", """{"kind":"status","status":503,"count":2,"path_prefix":"portfolio","method":"GET"}""");

        var (first, body) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);
        var (otherPath, _) = await server.Call(HttpMethod.Get, "markets");
        var (otherMethod, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.0100", "1"), server.Alice);
        var (_, listed) = await server.Admin(HttpMethod.Get, "faults");
        var (second, _) = await server.Call(HttpMethod.Get, "portfolio/positions", signer: server.Alice);
        var (third, _) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);
        var (_, after) = await server.Admin(HttpMethod.Get, "faults");

        Assert.Equal(201, added);
        Assert.Equal(2, fault.GetProperty("remaining").GetInt32());
        Assert.Equal(503, first);
        Assert.Equal("service_unavailable", body.GetProperty("code").GetString());
        Assert.Equal((200, 201), (otherPath, otherMethod));
        Assert.Equal(1, listed.GetProperty("faults")[0].GetProperty("remaining").GetInt32());
        Assert.Equal((503, 200), (second, third));
        Assert.Equal(0, after.GetProperty("faults").GetArrayLength());
    }

    [Fact]
    public async Task A_status_fault_with_a_probability_hits_some_requests()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"status","status":500,"probability":0.5,"path_prefix":"/trade-api/v2/exchange"}""");

        var statuses = new List<int>();
        for (var i = 0; i < 100; i++)
            statuses.Add((await server.Call(HttpMethod.Get, "exchange/status")).Status);

        Assert.InRange(statuses.Count(s => s == 500), 25, 75);
        Assert.Equal(100, statuses.Count(s => s is 500 or 200));
    }

    [Fact]
    public async Task An_injected_429_has_the_rate_limit_body()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"status","status":429,"count":1}""");

        var response = await server.Get("exchange/status");

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("""{"error":"too many requests"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_wall_clock_has_moved()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"latency","latency_ms":2000,"path_prefix":"exchange/status"}""");

        var pending = server.Get("exchange/status");
        await Until.True(() => server.Faults.DelaysStarted == 1, "the request to be held");
        Assert.False(pending.IsCompleted);
        server.Wall.Advance(TimeSpan.FromSeconds(2));
        var response = await pending;

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_dropped_connection_gives_the_client_no_answer()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"drop","count":1}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => server.Get("portfolio/balance", server.Alice));
        var (next, _) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);

        Assert.Equal(200, next);
    }

    [Fact]
    public async Task Accept_then_500_places_the_order_and_a_resend_proves_it_with_409()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"accept_then_500","count":1}""");

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "3", "unknown-outcome"), server.Alice);
        var (_, state) = await server.Admin(HttpMethod.Get, "state?member_id=alice");
        var (resend, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "3", "unknown-outcome"), server.Alice);

        Assert.Equal(500, status);
        Assert.Equal("internal_server_error", body.GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("order_id", out _));
        Assert.Equal(["unknown-outcome"], ClientOrderIds(state));
        Assert.Equal(409, resend);
    }

    [Fact]
    public async Task Accept_then_timeout_places_the_order_and_never_answers()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"accept_then_timeout","count":1}""");
        using var giveUp = new CancellationTokenSource();

        var pending = server.Client.SendAsync(server.Request(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "3", "timed-out"), server.Alice), giveUp.Token);
        await Until.True(() => server.Exchange.Read(x => x.Accounts["alice"].Orders.Count) == 1, "the order to be placed");
        await Until.True(() => server.Faults.DelaysStarted == 1, "the answer to be held");
        Assert.False(pending.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var (_, orders) = await server.Call(HttpMethod.Get, "portfolio/orders", signer: server.Alice);
        Assert.Equal("timed-out", orders.GetProperty("orders")[0].GetProperty("client_order_id").GetString());
    }

    [Fact]
    public async Task Accept_then_timeout_drops_the_connection_when_its_hold_ends()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"accept_then_timeout","hold_ms":1000}""");

        var pending = server.Send(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "3"), server.Alice);
        await Until.True(() => server.Faults.DelaysStarted == 1, "the answer to be held");
        server.Wall.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        Assert.Single(server.Exchange.Read(x => x.Accounts["alice"].Orders.ToList()));
    }

    [Fact]
    public async Task An_accept_then_fault_leaves_refused_creates_alone()
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"accept_then_500","count":1}""");

        var (refused, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order("NOPE", "bid", "0.4000", "3"), server.Alice);
        var (read, _) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: server.Alice);
        var (accepted, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "3"), server.Alice);

        Assert.Equal((404, 200, 500), (refused, read, accepted));
    }

    [Fact]
    public async Task Clearing_faults_restores_normal_answers()
    {
        await using var server = await StartAsync();
        var (_, fault) = await server.Admin(HttpMethod.Post, "faults", """{"kind":"status","status":502}""");
        await server.Admin(HttpMethod.Post, "faults", """{"kind":"drop","path_prefix":"portfolio/fills"}""");

        var (before, _) = await server.Call(HttpMethod.Get, "exchange/status");
        var (removed, _) = await server.Admin(HttpMethod.Delete, $"faults/{fault.GetProperty("fault_id").GetString()}");
        var (cleared, _) = await server.Admin(HttpMethod.Delete, "faults");
        var (after, _) = await server.Call(HttpMethod.Get, "portfolio/fills", signer: server.Alice);

        Assert.Equal((502, 200, 200, 200), (before, removed, cleared, after));
    }

    [Theory]
    [InlineData("""{"kind":"explode"}""")]
    [InlineData("""{"kind":"status","status":200}""")]
    [InlineData("""{"kind":"status","probability":1.5}""")]
    [InlineData("""{"kind":"latency"}""")]
    [InlineData("""{"kind":"drop","count":0}""")]
    [InlineData("""{"status":500}""")]
    public async Task A_bad_fault_is_refused(string json)
    {
        await using var server = await StartAsync();

        var (status, _) = await server.Admin(HttpMethod.Post, "faults", json);

        Assert.Equal(400, status);
    }

    private static List<string> ClientOrderIds(JsonElement state) =>
        state.GetProperty("members")[0].GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()!).ToList();
}
