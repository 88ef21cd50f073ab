using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Storage;

namespace TradingBot.Worker.Tests.Support;

/// <summary>
/// What the engine-step tests share: one NFL market on an in-process simulator with a market maker's order resting
/// on it, the bot's account, its SQLite store in a temporary folder, a fake clock, and alerts that are kept.
/// </summary>
internal sealed class OneMarketDesk : IAsyncDisposable
{
    public const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";
    private const string EventTicker = "KXNFLGAME-26SEP13DALNYG";
    private readonly string _folder;

    private OneMarketDesk(string folder, FakeTimeProvider time, SqlBotStore store)
    {
        _folder = folder;
        Time = time;
        Store = store;
        Exchange = new SimExchange(Time);
        Exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL", "Sports", FeeType.Quadratic, 1m));
        Exchange.AddEvent(new SimEvent(EventTicker, "KXNFLGAME", "Dallas at New York", "", Time.GetUtcNow().AddHours(3), "NFL"));
        Exchange.AddMarket(new MarketSpec(Ticker, EventTicker, "Dallas", "Dallas", "New York", Time.GetUtcNow().AddHours(-1), Time.GetUtcNow().AddHours(6)));
        Exchange.OpenAccount("mm", Money.Zero, unlimited: true);
        Exchange.OpenAccount("bot", Money.FromDollars(1000m));
        Venue = new InProcessVenue(Exchange, "bot");
        Controls = new TradingControls(store.Risk, Risk, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), Alerts, Time);
    }

    public FakeTimeProvider Time { get; }

    public SimExchange Exchange { get; }

    public InProcessVenue Venue { get; }

    public SqlBotStore Store { get; }

    public RiskOptions Risk { get; } = new() { MaxPositionPerMarket = 10m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };

    public RecordingAlerts Alerts { get; } = new();

    public TradingControls Controls { get; }

    /// <summary>The stop-loss latch the desk's steps share (cooldown: the rest of the trading day).</summary>
    public StopLossLatch Latch { get; } = new(null, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    /// <summary>The single executor's step over <paramref name="venue"/> (the desk's own by default) and <paramref name="book"/>.</summary>
    public ExecutionStep Execution(MarketBook book, IExchange? venue = null, StopLossLatch? latch = null) =>
        new(venue ?? Venue, Store, new OrderSubmitter(venue ?? Venue, Store.Outbox, Time), new RiskGate(Risk), book, Controls, latch ?? Latch, new OrderRateWindow(), Alerts, Time);

    /// <summary>The position monitor's step over <paramref name="book"/>.</summary>
    public MonitorStep Monitor(MarketBook book, IExchange? venue = null, StopLossLatch? latch = null) =>
        new(venue ?? Venue, Store, book, Controls, new StopLoss(Risk.StopLossFloorPercent, Risk.StopLossMaxSlippage), latch ?? Latch, new OrderSubmitter(venue ?? Venue, Store.Outbox, Time), Alerts, Time);

    /// <summary>A desk whose market maker rests 100 contracts on <paramref name="side"/> at <paramref name="price"/>.</summary>
    public static async Task<OneMarketDesk> OpenAsync(BookSide side, string price)
    {
        var folder = Directory.CreateTempSubdirectory("tradingbot-desk-").FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));
        var database = BotDatabase.Sqlite(Path.Combine(folder, "bot.db"));
        await Migrator.MigrateAsync(database, time, default);
        var desk = new OneMarketDesk(folder, time, new SqlBotStore(database, time));
        Assert.True(desk.Exchange.Submit("mm", new OrderSubmission(Ticker, side, Price.Parse(price), Contracts.Whole(100), TimeInForce.GoodTillCanceled)).Success);
        return desk;
    }

    /// <summary>The market as a scan through <paramref name="venue"/> (the desk's own by default) sees it.</summary>
    public async Task<MarketBook> ScanAsync(IExchange? venue = null)
    {
        var book = new MarketBook();
        Assert.True((await new ScanStep(venue ?? Venue, book, Time).ScanAsync(["KXNFLGAME"], _ => true, default)).Success);
        return book;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Operator alerts kept for the test to read.</summary>
internal sealed class RecordingAlerts : IOperatorAlerts
{
    public List<(AlertKind Kind, string Message)> Raised { get; } = [];

    public void Raise(AlertKind kind, string message)
    {
        lock (Raised)
            Raised.Add((kind, message));
    }
}
