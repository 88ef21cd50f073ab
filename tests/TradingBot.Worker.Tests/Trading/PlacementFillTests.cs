using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Storage;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// An IOC that fills as it is placed closes its outbox row at once; its fills must count against the position limit
/// before the next intent is judged, not only once the periodic reconciler has pulled them minutes later.
/// </summary>
public sealed class PlacementFillTests : IAsyncLifetime
{
    private const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-fills-").FullName;
    private readonly SimExchange _exchange;
    private SqlBotStore _store = null!;

    public PlacementFillTests()
    {
        _exchange = new SimExchange(_time);
        _exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL", "Sports", FeeType.Quadratic, 1m));
        _exchange.AddEvent(new SimEvent("KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", "Dallas at New York", "", _time.GetUtcNow().AddHours(3), "NFL"));
        _exchange.AddMarket(new MarketSpec(Ticker, "KXNFLGAME-26SEP13DALNYG", "Dallas", "Dallas", "New York", _time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddHours(6)));
        _exchange.OpenAccount("mm", Money.Zero, unlimited: true);
        _exchange.OpenAccount("bot", Money.FromDollars(1000m));
        Assert.True(_exchange.Submit("mm", new OrderSubmission(Ticker, BookSide.Ask, Price.Parse("0.45"), Contracts.Whole(100), TimeInForce.GoodTillCanceled)).Success);
    }

    public async Task InitializeAsync()
    {
        var database = BotDatabase.Sqlite(Path.Combine(_folder, "bot.db"));
        await Migrator.MigrateAsync(database, _time, default);
        _store = new SqlBotStore(database, _time);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_fill_on_placement_counts_against_the_limit_before_any_reconciliation()
    {
        await ExecuteTwiceAsync(new InProcessVenue(_exchange, "bot"));

        Assert.Single(_exchange.Read(e => e.Accounts["bot"].OrderHistory));
        var denial = Assert.Single(await _store.Decisions.RecentAsync(10, default), d => d.Outcome == Decisions.Denied);
        Assert.Equal("POSITION_LIMIT", denial.Code);
        var position = Assert.Single(await _store.Ledger.PositionsAsync(default));
        Assert.Equal(Contracts.Whole(15), position.Count);
    }

    [Fact]
    public async Task Fills_that_cannot_be_read_back_leave_the_market_in_doubt_until_reconciled()
    {
        var venue = new InProcessVenue(_exchange, "bot");
        await ExecuteTwiceAsync(new FillsUnreadable(venue));

        Assert.Single(_exchange.Read(e => e.Accounts["bot"].OrderHistory));
        Assert.Equal("ORDER_IN_DOUBT", Assert.Single(await _store.Decisions.RecentAsync(10, default), d => d.Outcome == Decisions.Denied).Code);
        Assert.Equal(OutboxStatus.Unknown, Assert.Single(await _store.Outbox.OpenAsync(default)).Status);

        var report = await new Reconciler(venue, _store, _time).RunAsync(default);
        Assert.True(report.Success, report.ToString());
        Assert.Empty(await _store.Outbox.OpenAsync(default));
        Assert.Equal(Contracts.Whole(15), Assert.Single(await _store.Ledger.PositionsAsync(default)).Count);
    }

    /// <summary>Two evaluations that both saw an empty market queue the same IOC buy: 15 YES at 0.45 is $7.01 with its fee, under the $10 cap alone.</summary>
    private async Task ExecuteTwiceAsync(IExchange venue)
    {
        var risk = new RiskOptions { MaxPositionPerMarket = 10m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };
        var alerts = new NullAlerts();
        var controls = new TradingControls(_store.Risk, risk, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), alerts, _time);
        var book = new MarketBook();
        Assert.True((await new ScanStep(venue, book, _time).ScanAsync(["KXNFLGAME"], _ => true, default)).Success);
        var execution = new ExecutionStep(venue, _store, new OrderSubmitter(venue, _store.Outbox, _time), new RiskGate(risk), book, controls, new OrderRateWindow(), alerts, _time);

        var view = book.All.Single();
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.45"), Contracts.Whole(15), Execution.Take, Money.Parse("0.2599"), Probability.FromValue(0.55m), Money.Parse("1.2"), Price.Parse("0.45"));
        var queues = new TradingQueues();
        Assert.True(queues.Intents.Writer.TryWrite(new QueuedIntent(intent, _time.GetUtcNow())));
        Assert.True(queues.Intents.Writer.TryWrite(new QueuedIntent(intent, _time.GetUtcNow())));
        queues.Intents.Writer.Complete();
        var readiness = new TradingReadiness();
        readiness.MarkReady();

        using var executor = new OrderExecutor(execution, queues, readiness, NullLogger<OrderExecutor>.Instance);
        await executor.StartAsync(default);
        await executor.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The venue, except that its fills cannot be read (a 5xx on GET /portfolio/fills).</summary>
    private sealed class FillsUnreadable(IExchange inner) : IExchange
    {
        public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
            Task.FromResult<ExchangeResult<IReadOnlyList<FillInfo>>>(new ExchangeError(ExchangeErrorKind.Unavailable, "injected: fills unreadable"));

        public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => inner.GetExchangeStatusAsync(cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => inner.GetMaintenanceWindowsAsync(cancellationToken);

        public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesAsync(seriesTicker, cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) => inner.GetMarketsAsync(query, cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetEventsAsync(seriesTicker, cancellationToken);

        public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) => inner.GetOrderBookAsync(ticker, cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) => inner.GetOrderBooksAsync(tickers, cancellationToken);

        public Task<ExchangeResult<Money>> GetBalanceAsync(CancellationToken cancellationToken) => inner.GetBalanceAsync(cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetSettlementsAsync(since, cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) => inner.GetOrdersAsync(since, cancellationToken);

        public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) => inner.GetOrderAsync(orderId, cancellationToken);

        public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken) => inner.CreateOrderAsync(order, cancellationToken);

        public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) => inner.CancelOrderAsync(orderId, ticker, cancellationToken);
    }

    private sealed class NullAlerts : IOperatorAlerts
    {
        public void Raise(AlertKind kind, string message)
        {
        }
    }
}
