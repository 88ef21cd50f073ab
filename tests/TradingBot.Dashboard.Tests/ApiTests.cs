using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;
using TradingBot.Dashboard.Tests.Support;

namespace TradingBot.Dashboard.Tests;

/// <summary>Every endpoint over a real SQLite store filled through the store's own methods.</summary>
public class ApiTests
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_is_ok_with_a_fresh_heartbeat_a_recent_scan_and_no_safe_mode()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(2)), default);

        var response = await world.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await JsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_when_no_worker_ever_wrote_a_heartbeat()
    {
        await using var world = await ApiWorld.StartAsync();
        await AssertProblemAsync(await world.Client.GetAsync("/healthz"), HttpStatusCode.ServiceUnavailable, "worker heartbeat missing");
    }

    [Fact]
    public async Task Healthz_is_503_when_the_heartbeat_is_older_than_three_refreshes_and_five_seconds()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(10)), default);
        Assert.Equal(HttpStatusCode.OK, (await world.Client.GetAsync("/healthz")).StatusCode);

        world.Advance(TimeSpan.FromSeconds(2));

        await AssertProblemAsync(await world.Client.GetAsync("/healthz"), HttpStatusCode.ServiceUnavailable, "worker heartbeat is 12 s old");
    }

    [Fact]
    public async Task Healthz_is_503_in_safe_mode_with_its_reason()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(1), safeMode: "5 consecutive failed order writes"), default);

        var response = await world.Client.GetAsync("/healthz");

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "safe mode since 2026-08-07T15:57:00.000Z: 5 consecutive failed order writes");
    }

    [Fact]
    public async Task Healthz_is_503_when_the_last_scan_is_older_than_expected()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(1), lastScanAge: TimeSpan.FromMinutes(22)), default);

        var response = await world.Client.GetAsync("/healthz");

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "last scan 2026-08-07T15:38:00.000Z is 1320 s old (expected within 1260 s)");
        Assert.Single((await JsonAsync(response)).GetProperty("reasons").EnumerateArray());
    }

    [Fact]
    public async Task Healthz_is_503_when_the_database_is_unreachable()
    {
        await using var world = await ApiWorld.StartAsync(store: _ => new UnreachableStore());

        await AssertProblemAsync(await world.Client.GetAsync("/healthz"), HttpStatusCode.ServiceUnavailable, "database unreachable: connection refused");
        // Every read says the same, as a 503, not a 500.
        await AssertProblemAsync(await world.Client.GetAsync("/api/positions"), HttpStatusCode.ServiceUnavailable, "could not be read: connection refused");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await world.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Status_gives_the_workers_snapshot_with_money_as_decimal_strings_and_utc_times()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(3)), default);
        await world.Store.Control.IssueAsync(ControlCommandKind.Halt, "lunch", "cli:ops", ApiWorld.Now, default);

        var status = await JsonAsync(await world.Client.GetAsync("/api/status"));

        Assert.Equal("2026-08-07T15:59:57.000Z", status.GetProperty("at").GetString());
        Assert.Equal(3.0, status.GetProperty("heartbeatAgeSeconds").GetDouble());
        Assert.True(status.GetProperty("workerRunning").GetBoolean());
        Assert.Equal("Active", status.GetProperty("state").GetString());
        Assert.Equal("-12.3400", status.GetProperty("realisedToday").GetString());
        Assert.Equal("100.0000", status.GetProperty("dailyLossLimit").GetString());
        Assert.Equal("987.654321", status.GetProperty("balance").GetString());
        Assert.Equal(72, status.GetProperty("marketsTracked").GetInt32());
        var pending = Assert.Single(status.GetProperty("pendingCommands").EnumerateArray());
        Assert.Equal("halt", pending.GetProperty("kind").GetString());
        Assert.Equal("cli:ops", pending.GetProperty("issuedBy").GetString());
    }

    [Fact]
    public async Task Status_is_a_404_problem_when_no_worker_ever_ran_on_the_database()
    {
        await using var world = await ApiWorld.StartAsync();
        await AssertProblemAsync(await world.Client.GetAsync("/api/status"), HttpStatusCode.NotFound, "No worker has written its status");
    }

    [Fact]
    public async Task Positions_come_from_the_ledger_with_the_marks_and_unrealised_pnl_the_worker_wrote()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-1", OutcomeSide.Yes, 0.42m, 10m, 0.17m, ApiWorld.Now - TimeSpan.FromHours(1)), default);
        var mark = new PositionMark(ApiWorld.Ticker.Value, "Yes", Contracts.Whole(10), Money.FromDollars(4.2m), Money.FromDollars(0.17m),
            Money.FromDollars(4.5m), Money.FromDollars(0.13m));
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(1), marks: [mark]), default);

        var position = Assert.Single((await JsonAsync(await world.Client.GetAsync("/api/positions"))).EnumerateArray());

        Assert.Equal(ApiWorld.Ticker.Value, position.GetProperty("ticker").GetString());
        Assert.Equal("yes", position.GetProperty("side").GetString());
        Assert.Equal("10.00", position.GetProperty("count").GetString());
        Assert.Equal("4.2000", position.GetProperty("cost").GetString());
        Assert.Equal("0.1700", position.GetProperty("fees").GetString());
        Assert.Equal("4.5000", position.GetProperty("mark").GetString());
        Assert.Equal("0.1300", position.GetProperty("unrealised").GetString());
        Assert.Equal("2026-08-07T15:59:59.000Z", position.GetProperty("markedAt").GetString());
    }

    [Fact]
    public async Task Orders_fills_and_decisions_are_listed_newest_first_within_the_limit()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Outbox.RecordIntentAsync(ApiWorld.Order("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1", ApiWorld.Now - TimeSpan.FromMinutes(5)), default);
        await world.Store.Outbox.RecordIntentAsync(ApiWorld.Order("9d35ecb3-328f-4f52-8c7c-0f4b9862f8d2", ApiWorld.Now - TimeSpan.FromMinutes(1)), default);
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-1", OutcomeSide.Yes, 0.42m, 10m, 0.17m, ApiWorld.Now - TimeSpan.FromMinutes(4)), default);
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-2", OutcomeSide.Yes, 0.43m, 2m, 0.05m, ApiWorld.Now - TimeSpan.FromMinutes(2)), default);
        await world.Store.Decisions.RecordAsync(new DecisionRecord(ApiWorld.Now - TimeSpan.FromMinutes(3), ApiWorld.Ticker, "denied", "POSITION_LIMIT",
            "market=KX…, limit=50.00, would_be=54.7488", OutcomeSide.Yes, Price.Parse("0.4200"), Contracts.Whole(5), Probability.FromValue(0.5m),
            Money.FromDollars(0.05m), Money.FromDollars(0.25m)), default);

        var orders = (await JsonAsync(await world.Client.GetAsync("/api/orders?limit=1"))).EnumerateArray().ToList();
        var fills = (await JsonAsync(await world.Client.GetAsync("/api/fills"))).EnumerateArray().ToList();
        var decision = Assert.Single((await JsonAsync(await world.Client.GetAsync("/api/decisions?limit=10"))).EnumerateArray());

        var order = Assert.Single(orders);
        Assert.Equal("9d35ecb3-328f-4f52-8c7c-0f4b9862f8d2", order.GetProperty("clientOrderId").GetString());
        Assert.Equal("0.4200", order.GetProperty("yesPrice").GetString());
        Assert.Equal("Resting", order.GetProperty("status").GetString());
        Assert.True(order.GetProperty("open").GetBoolean());
        Assert.Equal(["f-2", "f-1"], fills.Select(f => f.GetProperty("fillId").GetString()));
        Assert.Equal("0.0500", fills[0].GetProperty("fee").GetString());
        Assert.Equal("POSITION_LIMIT", decision.GetProperty("code").GetString());
        Assert.Equal("market=KX…, limit=50.00, would_be=54.7488", decision.GetProperty("detail").GetString());
        Assert.Equal("0.50", decision.GetProperty("modelProbability").GetString()![..4]);
    }

    [Fact]
    public async Task Pnl_is_realised_by_trading_day_in_the_configured_zone()
    {
        await using var world = await ApiWorld.StartAsync();
        // Bought at 0.40 and sold at 0.50 yesterday evening in New York (01:30 UTC today): +1.00 less 0.10 of fees, booked yesterday.
        var yesterdayEvening = new DateTimeOffset(2026, 8, 7, 1, 30, 0, TimeSpan.Zero);
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-1", OutcomeSide.Yes, 0.40m, 10m, 0.05m, yesterdayEvening - TimeSpan.FromHours(1)), default);
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-2", OutcomeSide.No, 0.50m, 10m, 0.05m, yesterdayEvening), default);
        // Today: bought 0.30, sold 0.25: -0.50, a fee of 0.02 on the sale (and 0.02 on the buy).
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-3", OutcomeSide.Yes, 0.30m, 10m, 0.02m, ApiWorld.Now - TimeSpan.FromHours(2)), default);
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-4", OutcomeSide.No, 0.25m, 10m, 0.02m, ApiWorld.Now - TimeSpan.FromHours(1)), default);

        var pnl = await JsonAsync(await world.Client.GetAsync("/api/pnl?days=3"));

        Assert.Equal("America/New_York", pnl.GetProperty("tradingDayTimeZone").GetString());
        var days = pnl.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("day").GetString(), d.GetProperty("realised").GetString(), d.GetProperty("cumulative").GetString())).ToList();
        Assert.Equal([("2026-08-05", "0.0000", "0.0000"), ("2026-08-06", "0.9000", "0.9000"), ("2026-08-07", "-0.5400", "0.3600")], days);
        Assert.Equal("0.3600", pnl.GetProperty("total").GetString());
    }

    [Fact]
    public async Task Risk_events_merge_notifications_and_commands_newest_first()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.Store.Notifications.RecordAsync(new NotificationRecord(ApiWorld.Now - TimeSpan.FromMinutes(10), "CircuitBreaker", "daily loss limit reached", true), default);
        await world.Store.Control.IssueAsync(ControlCommandKind.Flatten, "end of day", "api:127.0.0.1", ApiWorld.Now - TimeSpan.FromMinutes(5), default);

        var events = (await JsonAsync(await world.Client.GetAsync("/api/risk-events"))).EnumerateArray().ToList();

        Assert.Equal(["command", "notification"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("flatten", events[0].GetProperty("kind").GetString());
        Assert.Equal("api:127.0.0.1", events[0].GetProperty("issuedBy").GetString());
        Assert.Equal("end of day (pending)", events[0].GetProperty("message").GetString());
        Assert.Equal("CircuitBreaker", events[1].GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("/api/pnl?days=-1", "'days' must be a whole number from 1 to 366")]
    [InlineData("/api/pnl?days=0", "'days' must be a whole number from 1 to 366")]
    [InlineData("/api/pnl?days=367", "'days' must be a whole number from 1 to 366")]
    [InlineData("/api/decisions?limit=abc", "'limit' must be a whole number from 1 to 1000 (got 'abc')")]
    [InlineData("/api/decisions?limit=1001", "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/orders?limit=1.5", "'limit' must be a whole number")]
    [InlineData("/api/fills?limit=", "'limit' must be a whole number")]
    [InlineData("/api/risk-events?limit=10&limit=20", "'limit' must be a whole number")]
    public async Task Bad_query_values_are_400_problems(string path, string detail)
    {
        await using var world = await ApiWorld.StartAsync();
        await AssertProblemAsync(await world.Client.GetAsync(path), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await using var world = await ApiWorld.StartAsync();
        var response = await world.Client.GetAsync("/api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Control_with_no_token_configured_is_refused_with_403_and_writes_nothing()
    {
        await using var world = await ApiWorld.StartAsync(token: null);

        var response = await world.Client.SendAsync(world.Request(HttpMethod.Post, "/api/control/halt", bearer: "anything"));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "No control token is configured");
        Assert.Empty(await world.Store.Control.RecentAsync(10, default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("s3cret-token-for-test")]
    [InlineData("s3cret-token-for-tests-and-more")]
    public async Task Control_with_a_missing_or_wrong_token_is_401_and_writes_nothing(string? bearer)
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);

        var response = await world.Client.SendAsync(world.Request(HttpMethod.Post, "/api/control/halt", bearer));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authorization: Bearer");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await world.Store.Control.RecentAsync(10, default));
    }

    [Fact]
    public async Task Control_with_the_token_only_as_basic_credentials_is_401()
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);
        var request = world.Request(HttpMethod.Post, "/api/control/halt");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + ApiWorld.Token)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("halt", ControlCommandKind.Halt)]
    [InlineData("resume", ControlCommandKind.Resume)]
    [InlineData("flatten", ControlCommandKind.Flatten)]
    public async Task Control_with_the_right_token_writes_the_command_for_the_worker_and_answers_202_with_its_id(string action, ControlCommandKind kind)
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);

        var context = await world.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/control/" + action;
            c.Request.Headers.Authorization = "Bearer " + ApiWorld.Token;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"reason\": \"going to lunch\"}"));
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        });

        Assert.Equal(202, context.Response.StatusCode);
        var body = JsonDocument.Parse(context.Response.Body).RootElement;
        var command = Assert.Single(await world.Store.Control.PendingAsync(default));
        Assert.Equal(command.Id, body.GetProperty("id").GetInt64());
        Assert.Equal(kind, command.Kind);
        Assert.Equal("going to lunch", command.Reason);
        Assert.Equal("api:10.1.2.3", command.IssuedBy);
        Assert.Equal(ApiWorld.Now, command.IssuedAt);
        Assert.Equal("pending", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("", "by the operator from the dashboard API")]
    [InlineData("{}", "by the operator from the dashboard API")]
    [InlineData("{\"reason\": null}", "by the operator from the dashboard API")]
    public async Task Control_without_a_reason_says_it_came_from_the_api(string body, string reason)
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);

        var response = await world.Client.SendAsync(world.Request(HttpMethod.Post, "/api/control/halt", ApiWorld.Token, new StringContent(body)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(reason, Assert.Single(await world.Store.Control.PendingAsync(default)).Reason);
    }

    [Theory]
    [InlineData("not json", "The body is not JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\"reason\": 5}", "'reason' must be a string")]
    public async Task Control_with_a_bad_body_is_a_400_problem_and_writes_nothing(string body, string detail)
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);

        var response = await world.Client.SendAsync(world.Request(HttpMethod.Post, "/api/control/halt", ApiWorld.Token, new StringContent(body)));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        Assert.Empty(await world.Store.Control.RecentAsync(10, default));
    }

    [Fact]
    public async Task An_unknown_control_action_is_a_404_problem()
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);
        await AssertProblemAsync(await world.Client.SendAsync(world.Request(HttpMethod.Post, "/api/control/buy", ApiWorld.Token)),
            HttpStatusCode.NotFound, "'buy' is not a control action");
    }

    [Fact]
    public async Task Beyond_loopback_every_route_needs_the_token()
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token, url: "http://0.0.0.0:5080");
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(1)), default);

        foreach (var path in new[] { "/healthz", "/api/status", "/api/positions", "/api/orders", "/api/fills", "/api/pnl", "/api/decisions", "/api/risk-events", "/" })
        {
            await AssertProblemAsync(await world.Client.GetAsync(path), HttpStatusCode.Unauthorized, "every route needs");
            Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client.SendAsync(world.Request(HttpMethod.Get, path, "wrong"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await world.Client.SendAsync(world.Request(HttpMethod.Get, path, ApiWorld.Token))).StatusCode);
        }

        // A browser opens the page with the token as the password of a Basic login, which it is asked for.
        var page = await world.Client.GetAsync("/");
        Assert.Equal("Basic", page.Headers.WwwAuthenticate.Single().Scheme);
        var login = world.Request(HttpMethod.Get, "/");
        login.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + ApiWorld.Token)));
        Assert.Equal(HttpStatusCode.OK, (await world.Client.SendAsync(login)).StatusCode);
    }

    [Fact]
    public async Task Beyond_loopback_with_no_token_configured_every_route_is_refused()
    {
        await using var world = await ApiWorld.StartAsync(token: null, url: "http://192.168.1.20:5080");

        await AssertProblemAsync(await world.Client.GetAsync("/api/positions"), HttpStatusCode.Forbidden, "no token is configured");
        await AssertProblemAsync(await world.Client.GetAsync("/"), HttpStatusCode.Forbidden, "no token is configured");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:80", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("https://bot.example.org", false)]
    [InlineData("http://10.0.0.5:5080", false)]
    public void Loopback_is_127_8_localhost_and_ipv6_one_only(string url, bool loopback) =>
        Assert.Equal(loopback, DashboardSettings.IsLoopback(url));

    [Fact]
    public async Task The_page_renders_the_banner_positions_chart_and_tables_and_escapes_what_it_shows()
    {
        await using var world = await ApiWorld.StartAsync(token: ApiWorld.Token);
        await world.Store.Ledger.RecordFillAsync(ApiWorld.Fill("f-1", OutcomeSide.Yes, 0.42m, 10m, 0.17m, ApiWorld.Now - TimeSpan.FromHours(1)), default);
        await world.Store.Control.SaveStatusAsync(ApiWorld.Status(TimeSpan.FromSeconds(1)), default);
        await world.Store.Decisions.RecordAsync(new DecisionRecord(ApiWorld.Now, ApiWorld.Ticker, "denied", "NO_FORECAST", "<script>alert(1)</script>",
            null, null, Contracts.Zero, null, Money.Zero, Money.Zero), default);

        var response = await world.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("Paper: Active", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"positions\">", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{ApiWorld.Ticker.Value}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"pnl-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<polyline id=\"pnl-line\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"flatten\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_without_a_token_configured_shows_no_control_buttons()
    {
        await using var world = await ApiWorld.StartAsync(token: null);
        var html = await world.Client.GetStringAsync("/");
        Assert.Contains("id=\"controls-disabled\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=", html, StringComparison.Ordinal);
    }
}
