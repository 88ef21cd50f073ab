using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Storage;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// Two evaluations that each saw an empty market both approve an order that fits the position limit alone; the
/// single executor, re-checking on exposure read fresh from the store before each submission, sends only one.
/// </summary>
public sealed class SingleWriterTests : IAsyncLifetime
{
    private const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-race-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Two_racing_evaluations_cannot_exceed_the_position_limit()
    {
        var exchange = new SimExchange(_time);
        exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL", "Sports", FeeType.Quadratic, 1m));
        exchange.AddEvent(new SimEvent("KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", "Dallas at New York", "", _time.GetUtcNow().AddHours(3), "NFL"));
        exchange.AddMarket(new MarketSpec(Ticker, "KXNFLGAME-26SEP13DALNYG", "Dallas", "Dallas", "New York", _time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddHours(6)));
        exchange.OpenAccount("mm", Money.Zero, unlimited: true);
        exchange.OpenAccount("bot", Money.FromDollars(1000m));
        Assert.True(exchange.Submit("mm", new OrderSubmission(Ticker, BookSide.Bid, Price.Parse("0.40"), Contracts.Whole(100), TimeInForce.GoodTillCanceled)).Success);
        var venue = new InProcessVenue(exchange, "bot");

        var database = BotDatabase.Sqlite(Path.Combine(_folder, "bot.db"));
        await Migrator.MigrateAsync(database, _time, default);
        var store = new SqlBotStore(database, _time);
        var risk = new RiskOptions { MaxPositionPerMarket = 10m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };
        var alerts = new NullAlerts();
        var controls = new TradingControls(store.Risk, risk, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), alerts, _time);
        var book = new MarketBook();
        Assert.True((await new ScanStep(venue, book, _time).ScanAsync(["KXNFLGAME"], _ => true, default)).Success);
        var execution = new ExecutionStep(venue, store, new OrderSubmitter(venue, store.Outbox, _time), new RiskGate(risk), book, controls, new OrderRateWindow(), alerts, _time);

        // Both evaluations priced the market on the same empty picture: 15 YES resting at 0.45 is $6.75, under the $10 cap.
        var view = book.All.Single();
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.45"), Contracts.Whole(15), Execution.Make, Money.Zero, Probability.FromValue(0.55m), Money.Parse("1.5"), Price.Parse("0.45"));
        var forecastAsOf = _time.GetUtcNow();
        var queues = new TradingQueues();
        Assert.True(queues.Intents.Writer.TryWrite(new QueuedIntent(intent, forecastAsOf)));
        Assert.True(queues.Intents.Writer.TryWrite(new QueuedIntent(intent, forecastAsOf)));
        queues.Intents.Writer.Complete();
        var readiness = new TradingReadiness();
        readiness.MarkReady();

        using var executor = new OrderExecutor(execution, queues, readiness, NullLogger<OrderExecutor>.Instance);
        await executor.StartAsync(default);
        await executor.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(exchange.Read(e => e.Accounts["bot"].OrderHistory));
        var decisions = await store.Decisions.RecentAsync(10, default);
        Assert.Contains(decisions, d => d.Code == "POSITION_LIMIT" && d.Detail.Contains("limit=10.00", StringComparison.Ordinal));
        Assert.Contains(decisions, d => d.Outcome == Decisions.Submitted);
    }

    private sealed class NullAlerts : IOperatorAlerts
    {
        public void Raise(AlertKind kind, string message)
        {
        }
    }
}
