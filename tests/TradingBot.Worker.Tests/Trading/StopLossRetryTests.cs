using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Storage;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>A stop-loss whose exit did not complete (denied, or the IOC found no bids) is issued again, not given up on.</summary>
public sealed class StopLossRetryTests : IAsyncLifetime
{
    private const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-stoploss-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_exit_that_left_the_position_held_is_issued_again_after_a_minute_and_the_operator_told_once()
    {
        var exchange = new SimExchange(_time);
        exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL", "Sports", FeeType.Quadratic, 1m));
        exchange.AddEvent(new SimEvent("KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", "Dallas at New York", "", _time.GetUtcNow().AddHours(3), "NFL"));
        exchange.AddMarket(new MarketSpec(Ticker, "KXNFLGAME-26SEP13DALNYG", "Dallas", "Dallas", "New York", _time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddHours(6)));
        exchange.OpenAccount("mm", Money.Zero, unlimited: true);
        exchange.OpenAccount("bot", Money.FromDollars(1000m));
        Assert.True(exchange.Submit("mm", new OrderSubmission(Ticker, BookSide.Bid, Price.Parse("0.10"), Contracts.Whole(100), TimeInForce.GoodTillCanceled)).Success);
        var venue = new InProcessVenue(exchange, "bot");

        var database = BotDatabase.Sqlite(Path.Combine(_folder, "bot.db"));
        await Migrator.MigrateAsync(database, _time, default);
        var store = new SqlBotStore(database, _time);
        // 10 YES bought at 0.50; the best bid is now 0.10, far under a 50% floor.
        await store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", MarketTicker.Parse(Ticker), OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, _time.GetUtcNow()), default);
        var risk = new RiskOptions { MaxPositionPerMarket = 10m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };
        var alerts = new RecordingAlerts();
        var controls = new TradingControls(store.Risk, risk, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), alerts, _time);
        var book = new MarketBook();
        Assert.True((await new ScanStep(venue, book, _time).ScanAsync(["KXNFLGAME"], _ => true, default)).Success);
        var monitor = new MonitorStep(store, book, controls, new StopLoss(risk.StopLossFloorPercent, risk.StopLossMaxSlippage), alerts, _time);

        var first = await monitor.RunAsync(default);
        var meanwhile = await monitor.RunAsync(default);
        _time.Advance(MonitorStep.ExitRetryAfter);
        var retried = await monitor.RunAsync(default);
        _time.Advance(MonitorStep.ExitRetryAfter);
        var retriedAgain = await monitor.RunAsync(default);

        // Nothing was sold (the exits were never executed here), so each minute brings one more exit.
        Assert.Single(first.Exits);
        Assert.Empty(meanwhile.Exits);
        Assert.Single(retried.Exits);
        Assert.Single(retriedAgain.Exits);
        Assert.Equal(OrderAction.Sell, retried.Exits[0].Direction.Action);
        Assert.Equal(Contracts.Whole(10), retried.Exits[0].Count);
        Assert.Collection(alerts.Raised.Where(a => a.Kind == AlertKind.StopLossExit),
            a => Assert.StartsWith("Stop-loss on ", a.Message, StringComparison.Ordinal),
            a => Assert.Contains("has not completed", a.Message, StringComparison.Ordinal));
    }

    private sealed class RecordingAlerts : IOperatorAlerts
    {
        public List<(AlertKind Kind, string Message)> Raised { get; } = [];

        public void Raise(AlertKind kind, string message) => Raised.Add((kind, message));
    }
}
