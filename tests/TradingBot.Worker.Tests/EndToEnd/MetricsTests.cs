using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using TradingBot.Worker.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// The real paper bot, scraped: a forecast far above the market makes it buy; its <c>/metrics</c> then shows the
/// scans, the decision codes, the accepted order, the fill, the gauges and its API calls by endpoint template (no
/// ticker, no order id). Its first metrics address is a port already taken: the bot warns and trades all the same,
/// serving on the second.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class MetricsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TcpListener _squatter = new(IPAddress.Loopback, 0);
    private int _taken;
    private int _port;
    private E2eWorld _world = null!;

    public async Task InitializeAsync()
    {
        _squatter.Start();
        _taken = ((IPEndPoint)_squatter.LocalEndpoint).Port;
        _port = MetricsScrape.FreePort();
        _world = await E2eWorld.StartAsync(output, games: 1, json =>
        {
            json["Metrics"]!["Enabled"] = true;
            json["Metrics"]!["Urls"] = $"http://127.0.0.1:{_taken};http://127.0.0.1:{_port}";
        });
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _squatter.Dispose();
    }

    [Fact]
    public async Task A_trading_paper_bot_shows_its_work_at_metrics_and_a_taken_port_is_only_a_warning()
    {
        var ticker = _world.Game.Ticker;
        await _world.WriteForecastsAsync((ticker, 0.70m));
        _world.StartBot();
        await _world.UntilAsync(() => _world.BotFills().Count > 0, "a fill at the venue");

        MetricsScrape? scrape = null;
        await _world.UntilAsync(async () =>
        {
            scrape = await MetricsScrape.FromAsync(_port);
            // The monitor's round after the fill, and the fill read into the ledger.
            return scrape.Samples.GetValueOrDefault("tradingbot_exposure_dollars") > 0 && scrape.Samples.GetValueOrDefault("tradingbot_fills_total{side=\"yes\"}") >= 1;
        }, "the fill and the exposure at /metrics");
        output.WriteLine(scrape!.Text);

        Assert.Contains($"Metrics cannot be served at http://127.0.0.1:{_taken}/metrics (", _world.Bot!.Log, StringComparison.Ordinal);
        Assert.Contains($"Metrics served at http://127.0.0.1:{_port}/metrics", _world.Bot.Log, StringComparison.Ordinal);
        Assert.True(scrape["tradingbot_scans_total{result=\"ok\"}"] >= 1);
        Assert.True(scrape["tradingbot_scan_duration_seconds_count"] >= 1);
        Assert.True(scrape["tradingbot_decisions_total{code=\"APPROVED\"}"] >= 1, scrape.Text);
        Assert.True(scrape["tradingbot_decision_pass_duration_seconds_count"] >= 1);
        Assert.True(scrape["tradingbot_orders_total{action=\"place\",outcome=\"accepted\"}"] >= 1, scrape.Text);
        Assert.True(scrape["tradingbot_order_submit_duration_seconds_count{action=\"place\"}"] >= 1);
        Assert.True(scrape["tradingbot_filled_contracts_total{side=\"yes\"}"] >= 1);
        Assert.Equal(1, scrape["tradingbot_trading_state{state=\"Active\"}"]);
        Assert.Contains("tradingbot_realised_pnl_today_dollars", scrape.Samples.Keys);

        // API calls by endpoint template: the order went out, the executor read the market's book, and no label names
        // a market or an order, so the number of series stays bounded however many markets the bot sees.
        var calls = scrape.SeriesOf("tradingbot_api_requests_total").Select(s => ApiCall().Match(s)).ToList();
        Assert.All(calls, c => Assert.True(c.Success));
        var endpoints = calls.Select(c => c.Groups["endpoint"].Value).ToHashSet();
        Assert.Contains(calls, c => c.Groups["endpoint"].Value == "portfolio/events/orders" && c.Groups["method"].Value == "POST" && c.Groups["status"].Value.StartsWith('2'));
        Assert.Contains("markets/{ticker}/orderbook", endpoints);
        Assert.All(endpoints, e => Assert.Matches("^[a-z_{}/]+$", e));
        Assert.DoesNotContain(endpoints, e => e.Contains(ticker, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("""^tradingbot_api_requests_total\{endpoint="(?<endpoint>[^"]*)",method="(?<method>[A-Z]+)",status="(?<status>[^"]+)"\}$""")]
    private static partial Regex ApiCall();
}
