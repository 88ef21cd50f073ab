using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Metrics;
using TradingBot.Worker.Tests.Support;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Metrics;

/// <summary>
/// The worker's <c>/metrics</c>, in process: real steps on the one-market desk (a scan, the single executor placing
/// an IOC that fills, a monitor round) recorded as the services record them, then scraped over loopback. The
/// worker's series are this test's own (a meter per host); Core's and the Kalshi client's are process-wide, so
/// those are asserted as at least what this test did.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private OneMarketDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await OneMarketDesk.OpenAsync(BookSide.Ask, "0.45");

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task A_scan_a_decision_an_order_that_filled_and_the_gauges_appear_at_metrics()
    {
        var port = MetricsScrape.FreePort();
        using var metrics = new BotMetrics(_desk.Time, () => _desk.Controls.Status);
        using var export = new PrometheusExport(metrics);
        var endpoint = new MetricsEndpoint(Options.Create(new MetricsOptions { Urls = $"http://127.0.0.1:{port}" }), export, NullLogger<MetricsEndpoint>.Instance);
        await endpoint.StartAsync(default);
        try
        {
            var book = new MarketBook();
            var scan = await new ScanStep(_desk.Venue, book, _desk.Time).ScanAsync(["KXNFLGAME"], _ => true, default);
            metrics.Scanned(scan.Success, metrics.Start());
            var ticker = book.All.Single().Ticker;
            metrics.Evaluated(new EvaluationReport(1, 0, [Evaluated(ticker, DecisionCode.EdgeBelowMinimum), Evaluated(ticker, DecisionCode.EdgeBelowMinimum)]), metrics.Start());
            await RunExecutorAsync(metrics, _desk.Execution(book), Buy(book.All.Single(), 15));
            metrics.Monitored(await _desk.Monitor(book).RunAsync(default));

            var scrape = await MetricsScrape.FromAsync(port);

            Assert.Equal(1, scrape["tradingbot_scans_total{result=\"ok\"}"]);
            Assert.Equal(1, scrape["tradingbot_scan_duration_seconds_count"]);
            Assert.Equal(2, scrape["tradingbot_decisions_total{code=\"EDGE_BELOW_MINIMUM\"}"]);
            Assert.Equal(1, scrape["tradingbot_decision_pass_duration_seconds_count"]);
            Assert.Equal(1, scrape["tradingbot_orders_total{action=\"place\",outcome=\"accepted\"}"]);
            Assert.Equal(1, scrape["tradingbot_order_submit_duration_seconds_count{action=\"place\"}"]);
            Assert.Contains("tradingbot_order_submit_duration_seconds_bucket{action=\"place\",le=\"0.05\"}", scrape.Samples.Keys);
            Assert.True(scrape["tradingbot_fills_total{side=\"yes\"}"] >= 1, scrape.Text);
            Assert.True(scrape["tradingbot_filled_contracts_total{side=\"yes\"}"] >= 15, scrape.Text);
            Assert.Equal((1, 0, 0), (scrape["tradingbot_trading_state{state=\"Active\"}"], scrape["tradingbot_trading_state{state=\"ReducingOnly\"}"], scrape["tradingbot_trading_state{state=\"Halted\"}"]));
            Assert.Equal(1, scrape["tradingbot_trading_state_reason{reason=\"None\"}"]);
            // 15 YES at 0.45 is $6.75 plus the $0.26 fee, held: that is the exposure; the fee is booked as realised at once.
            Assert.Equal(7.01, scrape["tradingbot_exposure_dollars"], precision: 6);
            Assert.Equal(-0.26, scrape["tradingbot_realised_pnl_today_dollars"], precision: 6);
            Assert.Equal(0, scrape["tradingbot_metrics_export_errors_total"]);
            Assert.Contains("process_start_time_seconds", scrape.Samples.Keys);
        }
        finally
        {
            await endpoint.StopAsync(default);
        }
    }

    [Fact]
    public async Task A_halt_shows_in_the_state_gauges_at_the_next_scrape()
    {
        var port = MetricsScrape.FreePort();
        using var metrics = new BotMetrics(_desk.Time, () => _desk.Controls.Status);
        using var export = new PrometheusExport(metrics);
        var endpoint = new MetricsEndpoint(Options.Create(new MetricsOptions { Urls = $"http://127.0.0.1:{port}" }), export, NullLogger<MetricsEndpoint>.Instance);
        await endpoint.StartAsync(default);
        try
        {
            await _desk.Controls.HaltAsync(TradingState.Halted, "test", default);

            var scrape = await MetricsScrape.FromAsync(port);

            Assert.Equal((0, 1), (scrape["tradingbot_trading_state{state=\"Active\"}"], scrape["tradingbot_trading_state{state=\"Halted\"}"]));
            Assert.Equal(1, scrape["tradingbot_trading_state_reason{reason=\"OperatorHalt\"}"]);
        }
        finally
        {
            await endpoint.StopAsync(default);
        }
    }

    [Fact]
    public async Task An_address_already_taken_is_a_warning_and_the_other_addresses_still_serve()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var free = MetricsScrape.FreePort();
        using var metrics = new BotMetrics(_desk.Time, () => _desk.Controls.Status);
        using var export = new PrometheusExport(metrics);
        var log = new KeptLog<MetricsEndpoint>();
        var endpoint = new MetricsEndpoint(Options.Create(new MetricsOptions { Urls = $"http://127.0.0.1:{taken};http://127.0.0.1:{free}" }), export, log);

        await endpoint.StartAsync(default);
        try
        {
            var warning = Assert.Single(log.Lines, l => l.Level == LogLevel.Warning);
            Assert.StartsWith($"Metrics cannot be served at http://127.0.0.1:{taken}/metrics (", warning.Message, StringComparison.Ordinal);
            Assert.EndsWith("); trading goes on without them", warning.Message, StringComparison.Ordinal);
            Assert.Contains("tradingbot_trading_state{state=\"Active\"}", (await MetricsScrape.FromAsync(free)).Samples.Keys);
        }
        finally
        {
            await endpoint.StopAsync(default);
        }
    }

    [Theory]
    [InlineData(true, "http://127.0.0.1:9464", null)]
    [InlineData(true, "http://127.0.0.1:9464; http://[::1]:9465", null)]
    [InlineData(false, "", null)]
    [InlineData(true, "", "must list at least one http URL")]
    [InlineData(true, "https://127.0.0.1:9464", "is not an absolute http URL")]
    [InlineData(true, "127.0.0.1:9464", "is not an absolute http URL")]
    [InlineData(true, "http://127.0.0.1:9464/metrics", "must be scheme, host and port only")]
    public void The_settings_take_plain_http_addresses_only(bool enabled, string urls, string? problem)
    {
        var problems = new MetricsOptions { Enabled = enabled, Urls = urls }.Validate().ToList();
        if (problem is null)
            Assert.Empty(problems);
        else
            Assert.Contains(problems, p => p.Key == "Metrics:Urls" && p.Message.Contains(problem, StringComparison.Ordinal));
    }

    private static Evaluation Evaluated(MarketTicker ticker, DecisionCode code)
    {
        var action = MarketAction.Nothing(ticker, code, "test");
        return new Evaluation(ticker, action, Decisions.For(action, default), null);
    }

    private TradeIntent Buy(MarketView view, int count) =>
        new(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.45"), Contracts.Whole(count), Execution.Take, Money.Parse("0.2599"), Probability.FromValue(0.55m), Money.Parse("1.2"), Price.Parse("0.45"));

    /// <summary>The real single executor, recording into <paramref name="metrics"/>, run until it has taken the intents.</summary>
    private async Task RunExecutorAsync(BotMetrics metrics, ExecutionStep execution, params TradeIntent[] intents)
    {
        var queues = new TradingQueues();
        foreach (var intent in intents)
            Assert.True(queues.Actions.Writer.TryWrite(new QueuedAction(MarketAction.Place(intent, DecisionCode.Approved, "test", default), _desk.Time.GetUtcNow())));
        queues.Actions.Writer.Complete();
        var readiness = new TradingReadiness();
        readiness.MarkReady();
        using var executor = new OrderExecutor(execution, queues, readiness, new TradingBot.Worker.Hosting.LoopLiveness(TimeProvider.System), metrics, NullLogger<OrderExecutor>.Instance);
        await executor.StartAsync(default);
        await executor.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>Log lines kept for the test to read.</summary>
internal sealed class KeptLog<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
