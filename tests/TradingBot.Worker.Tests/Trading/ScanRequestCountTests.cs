using System.Collections.Concurrent;
using TradingBot.Core.Engine;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Kalshi;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Hosting;
using TradingBot.Simulator.Http.Limits;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// What a scan costs in HTTP requests, counted on the wire between the real client and the simulator: the exchange
/// status and schedule, the events' scheduled fee changes (once a day, for all series), then per series its details
/// and scheduled fee changes (once a day), its events (200 a page) and its open markets (1000 a page), and nothing else.
/// </summary>
public sealed class ScanRequestCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SimulatorServer _server = null!;
    private readonly CountingHandler _wire = new();

    public async Task InitializeAsync() =>
        _server = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Speed = 0, StepInterval = TimeSpan.FromHours(1) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_series_of_2520_open_markets_costs_three_market_pages_plus_the_fixed_reads()
    {
        const int games = 30, marketsPerGame = 84;
        AddSeries("KXTESTBIG", games, marketsPerGame);
        var scan = Scanner();

        var first = await scan.ScanAsync(["KXTESTBIG"], _ => true, default);
        var firstCount = _wire.Take();
        var second = await scan.ScanAsync(["KXTESTBIG"], _ => true, default);
        var secondCount = _wire.Take();

        Assert.True(first.Success, first.ToString());
        Assert.Equal(games * marketsPerGame, first.Value.Markets);
        Assert.Equal(games, first.Value.Events);
        // status + schedule + events' fee changes + series + its fee changes + 1 events page + ceil(2520 / 1000) = 3 market pages.
        Assert.Equal(9, firstCount.Total);
        Assert.Equal(3, firstCount.Of("/markets"));
        Assert.Equal((1, 1), (firstCount.Of("/series/fee_changes"), firstCount.Of("/events/fee_changes")));
        // The series' details and the fee changes are read once a day, so the next scan is three requests cheaper.
        Assert.Equal(6, secondCount.Total);
        output.WriteLine($"2520 markets in 30 games: first scan {firstCount}; next scan {secondCount}");
    }

    [Fact]
    public async Task A_series_named_twice_is_scanned_once()
    {
        AddSeries("KXTESTBIG", 2, 3);

        var report = await Scanner().ScanAsync(["KXTESTBIG", "KXTESTBIG"], _ => true, default);

        Assert.True(report.Success, report.ToString());
        Assert.Equal(6, report.Value.Markets);
        Assert.Equal(1, _wire.Take().Of("/markets"));
    }

    [Fact]
    public async Task The_default_series_on_the_demo_slate_cost_one_request_each_when_unknown_and_four_when_listed()
    {
        var series = new ScannerOptions().Series;
        var listed = _server.Exchange.Read(x => series.Count(s => x.Series.ContainsKey(s)));
        var scan = Scanner();

        var first = await scan.ScanAsync(series, _ => true, default);
        var firstCount = _wire.Take();
        var second = await scan.ScanAsync(series, _ => true, default);
        var secondCount = _wire.Take();

        Assert.True(first.Success, first.ToString());
        Assert.InRange(first.Value.Markets, 1, 999); // one page per series
        // status + schedule + events' fee changes, then series + its fee changes + events + markets per listed series.
        Assert.Equal(3 + 4 * listed + (series.Count - listed), firstCount.Total);
        // Unknown series are skipped for a day and listed series' details and fee changes are cached: events + markets per series.
        Assert.Equal(2 + 2 * listed, secondCount.Total);
        output.WriteLine($"{series.Count} default series ({listed} listed), {first.Value.Markets} markets: first scan {firstCount}; next scan {secondCount}");
    }

    private ScanStep Scanner()
    {
        var (key, keyId) = _server.CreateKey("scanner", Money.FromDollars(1000m), RateTier.Prestige);
        var options = new KalshiOptions { ApiKeyId = keyId, UseAccountLimits = false };
        var client = KalshiConnection.Create(options, _server.ApiUrl, new RequestSigner(key), TimeProvider.System, _wire);
        return new ScanStep(new KalshiExchange(client, _server.Clock), new MarketBook(), _server.Clock);
    }

    private void AddSeries(string series, int games, int marketsPerGame)
    {
        var now = _server.Clock.GetUtcNow();
        _server.Exchange.AddSeries(new SimSeries(series, "Load test", "Sports", FeeType.Quadratic, 1m));
        for (var g = 0; g < games; g++)
        {
            var eventTicker = $"{series}-G{g:D3}";
            _server.Exchange.AddEvent(new SimEvent(eventTicker, series, $"Game {g}", "", now.AddHours(3), "NFL"));
            for (var m = 0; m < marketsPerGame; m++)
                _server.Exchange.AddMarket(new MarketSpec($"{eventTicker}-M{m:D2}", eventTicker, $"Line {m}", "Over", "Under", now.AddHours(-1), now.AddHours(6)));
        }
    }

    /// <summary>Counts the requests that reach the wire, by path after the API root.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private ConcurrentDictionary<string, int> _paths = new();

        public RequestCount Take() => new(Interlocked.Exchange(ref _paths, new ConcurrentDictionary<string, int>()));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            _paths.AddOrUpdate(path[(path.IndexOf("/v2", StringComparison.Ordinal) + 3)..], 1, (_, n) => n + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed record RequestCount(IReadOnlyDictionary<string, int> Paths)
    {
        public int Total => Paths.Values.Sum();

        public int Of(string path) => Paths.GetValueOrDefault(path);

        public override string ToString() => $"{Total} requests ({string.Join(", ", Paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})";
    }
}
