using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// An IOC that fills as it is placed closes its outbox row at once; its fills must count against the position limit
/// before the next intent is judged, not only once the periodic reconciler has pulled them minutes later.
/// </summary>
public sealed class PlacementFillTests : IAsyncLifetime
{
    private OneMarketDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await OneMarketDesk.OpenAsync(BookSide.Ask, "0.45");

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task A_fill_on_placement_counts_against_the_limit_before_any_reconciliation()
    {
        await ExecuteTwiceAsync(_desk.Venue);

        Assert.Single(_desk.Exchange.Read(e => e.Accounts["bot"].OrderHistory));
        var denial = Assert.Single(await _desk.Store.Decisions.RecentAsync(10, default), d => d.Outcome == Decisions.Denied);
        Assert.Equal("POSITION_LIMIT", denial.Code);
        var position = Assert.Single(await _desk.Store.Ledger.PositionsAsync(default));
        Assert.Equal(Contracts.Whole(15), position.Count);
    }

    [Fact]
    public async Task Fills_that_cannot_be_read_back_leave_the_market_in_doubt_until_reconciled()
    {
        await ExecuteTwiceAsync(new FillsUnreadable(_desk.Venue));

        Assert.Single(_desk.Exchange.Read(e => e.Accounts["bot"].OrderHistory));
        Assert.Equal("ORDER_IN_DOUBT", Assert.Single(await _desk.Store.Decisions.RecentAsync(10, default), d => d.Outcome == Decisions.Denied).Code);
        Assert.Equal(OutboxStatus.Unknown, Assert.Single(await _desk.Store.Outbox.OpenAsync(default)).Status);

        var report = await new Reconciler(_desk.Venue, _desk.Store, _desk.Time).RunAsync(default);
        Assert.True(report.Success, report.ToString());
        Assert.Empty(await _desk.Store.Outbox.OpenAsync(default));
        Assert.Equal(Contracts.Whole(15), Assert.Single(await _desk.Store.Ledger.PositionsAsync(default)).Count);
    }

    /// <summary>Two evaluations that both saw an empty market queue the same IOC buy: 15 YES at 0.45 is $7.01 with its fee, under the $10 cap alone.</summary>
    private async Task ExecuteTwiceAsync(IExchange venue)
    {
        var book = await _desk.ScanAsync(venue);
        var execution = new ExecutionStep(venue, _desk.Store, new OrderSubmitter(venue, _desk.Store.Outbox, _desk.Time), new RiskGate(_desk.Risk), book, _desk.Controls, new OrderRateWindow(), _desk.Alerts, _desk.Time);

        var view = book.All.Single();
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.45"), Contracts.Whole(15), Execution.Take, Money.Parse("0.2599"), Probability.FromValue(0.55m), Money.Parse("1.2"), Price.Parse("0.45"));
        await SingleWriterTests.RunExecutorAsync(execution, _desk.Time.GetUtcNow(), intent, intent);
    }

    /// <summary>The venue, except that its fills cannot be read (a 5xx on GET /portfolio/fills).</summary>
    private sealed class FillsUnreadable(IExchange inner) : IExchange
    {
        public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
            Task.FromResult<ExchangeResult<IReadOnlyList<FillInfo>>>(new ExchangeError(ExchangeErrorKind.Unavailable, "injected: fills unreadable"));

        public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) => inner.GetExchangeStatusAsync(cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) => inner.GetMaintenanceWindowsAsync(cancellationToken);

        public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesAsync(seriesTicker, cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) => inner.GetSeriesFeeChangesAsync(seriesTicker, cancellationToken);

        public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) => inner.GetEventFeeChangesAsync(cancellationToken);

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
}
