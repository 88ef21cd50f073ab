using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Forecasts.Feeds;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Tests.Support;

namespace TradingBot.Forecasts.Tests.Feeds;

public sealed class HttpForecastSourceTests
{
    private const string Feed = """{ "forecasts": [ { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "probability": 0.61, "as_of": "2026-09-13T12:00:00Z" } ] }""";
    private const string Dal = "KXNFLGAME-26SEP13DALNYG-DAL";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 18, 0, 0, TimeSpan.Zero));

    private static HttpFeedOptions Options(string url) => new()
    {
        Enabled = true,
        Url = url,
        Timeout = TimeSpan.FromSeconds(10),
        PollInterval = TimeSpan.FromMinutes(1),
        FirstRetry = TimeSpan.FromSeconds(5),
        MaxBackoff = TimeSpan.FromSeconds(30),
        StaleAfter = TimeSpan.FromMinutes(15),
    };

    [Fact]
    public async Task A_real_server_on_loopback_is_polled_at_the_interval_and_its_rows_answer()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Answer = _ => (200, Feed);
        using var http = new HttpClient();
        var source = new HttpForecastSource(http, Options(new Uri(server.BaseAddress, "/model/latest").ToString()), _time);

        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(0.61m, source.Get(Requests.For(Dal))!.Value.Yes.Value);
        Assert.Equal(["/model/latest"], server.Requests);
        Assert.Equal(_time.GetUtcNow(), source.Health.LastUpdated);
        Assert.Null(source.Health.Problem);

        // Called again within the interval: no request.
        _time.Advance(TimeSpan.FromSeconds(59));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Single(server.Requests);

        _time.Advance(TimeSpan.FromSeconds(1));
        server.Answer = _ => (200, Feed.Replace("0.61", "0.64", StringComparison.Ordinal));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(0.64m, source.Get(Requests.For(Dal))!.Value.Yes.Value);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_to_the_cap_keep_the_data_and_health_says_when_the_last_good_poll_was()
    {
        var fail = false;
        var handler = new StubHandler((_, _) => Task.FromResult(fail ? StubHandler.Json("oops", HttpStatusCode.ServiceUnavailable) : StubHandler.Json(Feed)));
        using var http = new HttpClient(handler);
        var source = new HttpForecastSource(http, Options("http://127.0.0.1:9/feed"), _time);
        await source.RefreshAsync(CancellationToken.None);
        var goodAt = _time.GetUtcNow();

        fail = true;
        _time.Advance(TimeSpan.FromMinutes(1));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, handler.Calls);
        Assert.Contains("1 failed poll(s) in a row, last: HTTP 503 ServiceUnavailable", source.Health.Problem, StringComparison.Ordinal);

        // 5 s, 10 s, 20 s, then capped at 30 s: a refresh just before each wait ends sends nothing.
        var calls = handler.Calls;
        foreach (var wait in new[] { 5, 10, 20, 30, 30 })
        {
            _time.Advance(TimeSpan.FromSeconds(wait) - TimeSpan.FromMilliseconds(1));
            await source.RefreshAsync(CancellationToken.None);
            Assert.Equal(calls, handler.Calls);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await source.RefreshAsync(CancellationToken.None);
            Assert.Equal(++calls, handler.Calls);
        }

        Assert.Equal(0.61m, source.Get(Requests.For(Dal))!.Value.Yes.Value);
        Assert.Equal(goodAt, source.Health.LastUpdated);
        Assert.DoesNotContain("stale", source.Health.Problem, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains("stale: last good poll at 2026-09-13T18:00:00Z", source.Health.Problem, StringComparison.Ordinal);

        fail = false;
        _time.Advance(TimeSpan.FromSeconds(30));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Null(source.Health.Problem);
    }

    [Fact]
    public async Task A_hung_server_times_out_on_the_injected_clock()
    {
        var handler = new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, token);
            return StubHandler.Json(Feed);
        });
        using var http = new HttpClient(handler);
        var source = new HttpForecastSource(http, Options("http://127.0.0.1:9/feed"), _time);

        var refresh = source.RefreshAsync(CancellationToken.None);
        Assert.False(refresh.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        await refresh.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.Contains("timed out after 10 s", source.Health.Problem, StringComparison.Ordinal);
        Assert.Contains("no good poll yet", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unparseable_reply_counts_as_a_failure_and_keeps_the_last_good_data()
    {
        var body = Feed;
        var handler = new StubHandler((_, _) => Task.FromResult(StubHandler.Json(body)));
        using var http = new HttpClient(handler);
        var source = new HttpForecastSource(http, Options("http://127.0.0.1:9/feed"), _time);
        await source.RefreshAsync(CancellationToken.None);

        body = "<html>maintenance</html>";
        _time.Advance(TimeSpan.FromMinutes(1));
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.61m, source.Get(Requests.For(Dal))!.Value.Yes.Value);
        Assert.Contains("reply not applied: the JSON cannot be read", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failure_not_an_exception()
    {
        var handler = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var http = new HttpClient(handler);
        var source = new HttpForecastSource(http, Options("http://127.0.0.1:9/feed"), _time);

        await source.RefreshAsync(CancellationToken.None);

        Assert.Contains("request failed (ConnectionError): Connection refused", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_refresh_is_quiet_and_is_not_counted_as_a_failure()
    {
        var handler = new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, token);
            return StubHandler.Json(Feed);
        });
        using var http = new HttpClient(handler);
        var source = new HttpForecastSource(http, Options("http://127.0.0.1:9/feed"), _time);
        using var stop = new CancellationTokenSource();

        var refresh = source.RefreshAsync(stop.Token);
        await stop.CancelAsync();
        await refresh.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        Assert.Equal("no good poll yet", source.Health.Problem);
    }
}
