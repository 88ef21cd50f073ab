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
        await ExecuteTwiceAsync(new FaultyVenue(_desk.Venue) { FillsUnavailable = true });

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
        var execution = _desk.Execution(book, venue);

        var view = book.All.Single();
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.45"), Contracts.Whole(15), Execution.Take, Money.Parse("0.2599"), Probability.FromValue(0.55m), Money.Parse("1.2"), Price.Parse("0.45"));
        await SingleWriterTests.RunExecutorAsync(execution, _desk.Time.GetUtcNow(), intent, intent);
    }
}
