using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Backtest;
using TradingBot.Backtest.Recording;
using TradingBot.Backtest.Report;
using Decisions = TradingBot.Core.Engine.Decisions;
using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Scenarios;
using TradingBot.Storage;
using TradingBot.Worker.Tests.Support;
using TradingBot.Worker.Trading;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// Issue 15's parity: a paper session recorded by the worker's recorder, replayed by <c>tradingbot backtest</c>,
/// makes the same entry decisions (market, side, price, size, time). The paper session is the worker's pipeline as
/// its services run it (scan, evaluate and record, execute each action in turn; the monitor and the reconciler on
/// their intervals) against the simulator's demo slate (its market makers re-quoting as the fair prices wander) on a
/// fake clock, with the bot's SQLite store: the same steps, so any difference is the recording's or the replay's.
/// Taker entries only (<c>Strategy:AllowMaking</c> off): a resting order's fills in paper come from the simulator's
/// own flow, which a top-of-book recording cannot carry (README, "Parity"), so making is compared apart.
/// </summary>
public sealed class RecordedParityTests(ITestOutputHelper output) : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 10, 4, 14, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-parity-").FullName;

    private static RiskOptions Risk => new() { MaxPositionPerMarket = 50m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };

    [Fact]
    public async Task A_recorded_paper_session_replayed_by_the_backtest_makes_the_same_entries()
    {
        var strategy = new StrategyOptions { AllowMaking = false };
        var (paper, decisions) = await PaperSession.RunAsync(_folder, Start, TimeSpan.FromHours(3), Risk, strategy);
        var recording = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "recordings")));

        // The paper account's cash, as paper mode splits it: some on shard 3, where baseball trades.
        var replay = await BacktestRunner.RunAsync(recording, new BacktestOptions(Risk, strategy, new ScannerOptions(),
            PaperSession.MonitorInterval, PaperSession.ReconcileInterval, PaperSession.Balance, ShardBalances: PaperSession.ShardBalances));

        // Within one pass the order of submission is the store's tie-break, not a decision: compared sorted.
        var paperEntries = paper.Where(o => o.Kind == IntentKind.Entry).Select(Decision).Order().ToList();
        var replayEntries = replay.Orders.Where(o => o.Kind == IntentKind.Entry).Select(o => (o.At, o.Ticker, o.Side, o.Price, o.Count)).Order().ToList();
        output.WriteLine($"paper: {paper.Count} orders ({paperEntries.Count} entries, {paper.Count(o => o.Kind == IntentKind.Exit)} exits); replay: {replay.Orders.Count} orders, {replay.Trades.Count} filled entries, {replay.Counts.Scans} scans");
        Assert.True(paperEntries.Count >= 20, $"the session made only {paperEntries.Count} entries: too few to compare");
        Assert.Equal(paperEntries, replayEntries);
        // And each order, entry or exit, filled as much.
        Assert.Equal(paper.Select(o => (o.CreatedAt, o.Order.Ticker.Value, o.Kind, o.Filled)).Order(), replay.Orders.Select(o => (o.At, o.Ticker, o.Kind, o.Filled)).Order());

        // Every action the evaluation decided (place, amend, cancel: side, price, size and code), and what the executor
        // sent, pass by pass. (A denial is written down as "denied" by the evaluation and by the executor alike, so the
        // executor's denials in the replay are looked for among the paper session's.)
        string[] decidedOutcomes = [Decisions.Queued, Decisions.Amend, Decisions.Cancel];
        var paperDecided = decisions.Where(d => decidedOutcomes.Contains(d.Outcome)).Select(d => (d.At, d.Ticker.Value, d.Outcome, d.Code, d.Side, d.Price, d.Count)).Order().ToList();
        var replayDecided = replay.Actions.Where(a => a.From == "scan").Select(a => (a.At, a.Ticker, a.Decided, a.Code, a.Side, a.Price, a.Count)).Order().ToList();
        var paperSent = decisions.Where(d => d.Outcome == Decisions.Submitted).Select(d => (d.At, d.Ticker.Value, d.Code)).Order().ToList();
        var replaySent = replay.Actions.Where(a => a.Executed == Decisions.Submitted).Select(a => (a.At, a.Ticker, a.ExecutedCode)).Order().ToList();
        var paperDenied = decisions.Where(d => d.Outcome == Decisions.Denied).Select(d => (d.At, d.Ticker.Value, d.Code)).ToHashSet();
        var replayDenied = replay.Actions.Where(a => a.Executed == Decisions.Denied).Select(a => (a.At, a.Ticker, a.ExecutedCode)).ToList();
        output.WriteLine($"actions decided: paper {paperDecided.Count}, replay {replayDecided.Count}; sent: paper {paperSent.Count}, replay {replaySent.Count}; denied at the executor in the replay: {replayDenied.Count}");
        Assert.Equal(paperDecided, replayDecided);
        Assert.Equal(paperSent, replaySent);
        Assert.All(replayDenied, denial => Assert.Contains(denial, paperDenied));
    }

    private static (DateTimeOffset At, string Ticker, OutcomeSide Side, Price Price, Contracts Count) Decision(OutboxEntry entry) =>
        (entry.CreatedAt, entry.Order.Ticker.Value, entry.Order.Side.ToOutcomeSide(), entry.Order.Side.ToOutcomeSide().PriceOf(entry.Order.YesPrice), entry.Order.Count);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The worker's trading pipeline on a fake clock, in the order its services run: the scanner's pass (scan, the
/// evaluator's pass, recorded as <see cref="Recording"/> does, then each action through the single executor), the
/// monitor every <see cref="MonitorInterval"/> (exits through the executor), the reconciler every
/// <see cref="ReconcileInterval"/>, the forecast book's refresh every ten seconds, and the simulator stepping its
/// world every thirty seconds (its server steps every half second of wall time at 60×).
/// </summary>
internal static class PaperSession
{
    public static readonly TimeSpan MonitorInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromMinutes(2);
    public static readonly Money Balance = Money.FromDollars(TradingBot.Worker.Hosting.Venue.PaperStartingBalance);
    public static readonly IReadOnlyDictionary<int, Money> ShardBalances = new Dictionary<int, Money> { [3] = Money.FromDollars(TradingBot.Worker.Hosting.Venue.PaperBaseballShardBalance) };
    private static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    /// <summary>Runs the session for <paramref name="length"/>: every order the bot committed, oldest first, and every decision it wrote down.</summary>
    public static async Task<(IReadOnlyList<OutboxEntry> Orders, IReadOnlyList<DecisionRecord> Decisions)> RunAsync(string folder, DateTimeOffset start, TimeSpan length, RiskOptions risk, StrategyOptions strategy)
    {
        var time = new FakeTimeProvider(start);
        var exchange = new SimExchange(time);
        var world = new ScenarioRunner(exchange);
        Assert.True(world.LoadDemo(seed: 7).Success);
        // Balances to $0.0001 as the backtest keeps them (paper mode's account keeps cents: README, "Parity", lists what that changes).
        exchange.OpenAccount("bot", Balance - ShardBalances[3], Money.CenticentDecimals);
        exchange.Deposit("bot", ShardBalances[3], 3);
        var database = BotDatabase.Sqlite(Path.Combine(folder, "bot.db"));
        await Migrator.MigrateAsync(database, time, default);
        var store = new SqlBotStore(database, time);

        var scanner = new ScannerOptions();
        var forecasts = new DemoForecasts(world, time);
        var steps = new TradingSteps(new InProcessVenue(exchange, "bot"), store, [forecasts], risk, strategy, scanner, new RecordingAlerts(), time);
        var (scan, evaluation, execution, monitor, reconciler, book) = (steps.Scan, steps.Evaluation, steps.Execution, steps.Monitor, steps.Reconciler, steps.Book);
        using var recorder = new DatasetRecorder(Path.Combine(folder, "recordings"), 64L * 1024 * 1024);
        var recording = new Recording(recorder, NullLogger<Recording>.Instance);

        var end = start + length;
        DateTimeOffset nextScan = start, nextMonitor = start, nextReconcile = start + ReconcileInterval, nextStep = start, nextRefresh = start;
        while (true)
        {
            var now = Min(Min(Min(nextScan, nextMonitor), Min(nextReconcile, nextStep)), nextRefresh);
            if (now >= end)
                break;
            time.SetUtcNow(now);
            if (nextStep == now)
            {
                world.Step();
                nextStep = now + StepInterval;
            }

            if (nextRefresh == now)
            {
                await forecasts.RefreshAsync(default);
                nextRefresh = now + RefreshInterval;
            }

            if (nextScan == now)
            {
                var report = await scan.ScanAsync(scanner.Series, await ScanStep.HeldOrOrderedAsync(store, default), default);
                Assert.True(report.Success, report.Success ? "" : report.Error.ToString());
                var evaluated = await evaluation.RunAsync(book.Listed, default);
                recording.Observe(evaluated);
                foreach (var result in evaluated.Results)
                    await store.Decisions.RecordAsync(result.Decision, default);
                foreach (var result in evaluated.Results.Where(r => r.Action.Kind != MarketActionKind.Nothing))
                    await execution.ExecuteAsync(result.Action, result.Forecast?.AsOf, default);
                nextScan = now + ExchangeCalendar.Next(time.GetUtcNow(), book.Exchange, scan.Maintenance, book.Listed, scanner, risk.AllowInPlay).Delay;
            }

            if (nextMonitor == now)
            {
                var report = await monitor.RunAsync(default);
                foreach (var exit in report.Exits)
                    await execution.ExecuteAsync(MarketAction.Place(exit, DecisionCode.Approved, "stop-loss", default), null, default);
                nextMonitor = now + MonitorInterval;
            }

            if (nextReconcile == now)
            {
                await reconciler.RunAsync(default);
                nextReconcile = now + ReconcileInterval;
            }
        }

        return ((await store.Outbox.SinceAsync(start, default)).OrderBy(o => o.CreatedAt).ToList(), await store.Decisions.RecentAsync(1_000_000, default));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    /// <summary>
    /// The paper DEMO model as a source: the simulator's hidden fair price with noise on its log-odds, refreshed on the
    /// forecast book's schedule and stamped with the fair price's time (as the DEMO feed file is), without a file.
    /// </summary>
    private sealed class DemoForecasts(ScenarioRunner world, TimeProvider time) : IForecastSource
    {
        private readonly Random _noise = new(17);
        private Dictionary<string, Forecast> _latest = [];

        public string Name => "DEMO";

        public ForecastSourceHealth Health => new(Name, time.GetUtcNow(), _latest.Count, null);

        public Forecast? Get(ForecastRequest market) => _latest.GetValueOrDefault(market.Ticker.Value);

        public Task RefreshAsync(CancellationToken cancellationToken)
        {
            _latest = world.Fairs().Where(f => f.Result is null).ToDictionary(f => f.Ticker, f =>
            {
                var logOdds = Math.Log(f.Probability / (1 - f.Probability)) + (Gaussian() * 0.15);
                var p = Math.Round(Math.Clamp(1 / (1 + Math.Exp(-logOdds)), 0.01, 0.99), 4);
                return new Forecast(Probability.FromValue((decimal)p), f.AsOf);
            });
            return Task.CompletedTask;
        }

        private double Gaussian() => Math.Sqrt(-2.0 * Math.Log(1.0 - _noise.NextDouble())) * Math.Cos(2.0 * Math.PI * _noise.NextDouble());
    }
}
