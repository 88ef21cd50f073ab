using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Worker.Tests.Support;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>A held market that leaves the open list is marked from a fresh read of the venue, never from the last scan's frozen quote.</summary>
public sealed class ClosedMarketMarkTests
{
    private static readonly MarketTicker Ticker = MarketTicker.Parse(OneMarketDesk.Ticker);

    [Fact]
    public async Task A_held_market_that_closed_is_marked_from_a_fresh_read_and_gets_no_stop_loss_exit()
    {
        // 10 YES bought at 0.50; the last scan saw a bid of 0.10, far under the 50% floor.
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.10");
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Ticker, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, desk.Time.GetUtcNow()), default);
        var book = new MarketBook();
        var scan = new ScanStep(desk.Venue, book, desk.Time);
        Assert.True((await scan.ScanAsync(["KXNFLGAME"], t => t == Ticker, default)).Success);

        // The game ends: the venue closes the market (its resting bids go) and the next scan no longer lists it.
        desk.Exchange.Determine(OneMarketDesk.Ticker, MarketResult.No);
        Assert.True((await scan.ScanAsync(["KXNFLGAME"], t => t == Ticker, default)).Success);
        var monitor = desk.Monitor(book);
        var report = await monitor.RunAsync(default);

        Assert.Empty(report.Exits);
        Assert.DoesNotContain(desk.Alerts.Raised, a => a.Kind == AlertKind.StopLossExit);
        var position = Assert.Single(report.Positions);
        Assert.Equal(Money.Zero, position.Mark); // nobody bids on a closed market: not the frozen 0.10
        Assert.Equal(StopLossVerdict.Hold, position.Verdict);
        Assert.True(book.TryGet(Ticker, out var view));
        Assert.Equal(MarketStatus.Determined, view.Market.Status);
    }

    [Fact]
    public async Task Markets_that_leave_the_open_list_are_dropped_unless_held_or_with_an_open_order_of_the_bots()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var now = desk.Time.GetUtcNow();
        foreach (var team in new[] { "NYG", "TIE" })
            desk.Exchange.AddMarket(new MarketSpec($"KXNFLGAME-26SEP13DALNYG-{team}", "KXNFLGAME-26SEP13DALNYG", team, team, "not " + team, now.AddHours(-1), now.AddHours(6)));
        var nyg = MarketTicker.Parse("KXNFLGAME-26SEP13DALNYG-NYG");
        var tie = MarketTicker.Parse("KXNFLGAME-26SEP13DALNYG-TIE");
        var book = new MarketBook();
        var scan = new ScanStep(desk.Venue, book, desk.Time);
        Assert.True((await scan.ScanAsync(["KXNFLGAME"], await ScanStep.HeldOrOrderedAsync(desk.Store, default), default)).Success);
        Assert.Equal(3, book.Listed.Count);

        // DAL is held, an entry of the bot's is open on TIE, nothing on NYG; then all three leave the open list.
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Ticker, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, now), default);
        var entry = new TradeIntent(IntentKind.Entry, IntentReason.Edge, tie, EventTicker.Parse("KXNFLGAME-26SEP13DALNYG"), new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.05"), Contracts.Whole(5), Execution.Make, Money.Zero, Probability.FromValue(0.5m), Money.Parse("0.45"), Price.Parse("0.05"));
        await desk.Store.Outbox.RecordIntentAsync(OutboxEntry.FromIntent(entry, ClientOrderId.Derive(Guid.NewGuid()), now), default);
        desk.Exchange.Determine(OneMarketDesk.Ticker, MarketResult.No);
        desk.Exchange.Determine(nyg.Value, MarketResult.Yes);
        desk.Exchange.SetMarketActive(tie.Value, false);
        Assert.True((await scan.ScanAsync(["KXNFLGAME"], await ScanStep.HeldOrOrderedAsync(desk.Store, default), default)).Success);

        Assert.Equal([Ticker.Value, tie.Value], book.All.Select(v => v.Ticker.Value).Order(StringComparer.Ordinal));
        Assert.False(book.IsListed(Ticker));
        Assert.False(book.IsListed(tie));
        Assert.Empty(book.Listed);

        // Settled and no longer ordered: gone at the next scan, so the book does not grow without bound.
        await desk.Store.Ledger.RecordSettlementAsync(new SettlementInfo(Ticker, EventTicker.Parse("KXNFLGAME-26SEP13DALNYG"), MarketResult.No, Contracts.Whole(10), Contracts.Zero,
            Money.FromDollars(5m), Money.Zero, Money.Zero, Money.Zero, now), default);
        var open = Assert.Single(await desk.Store.Outbox.OpenAsync(default));
        await desk.Store.Outbox.UpdateAsync(open.ClientOrderId, new OutboxUpdate(OutboxStatus.Canceled, null, Contracts.Zero, Contracts.Zero, "test", now), default);
        Assert.True((await scan.ScanAsync(["KXNFLGAME"], await ScanStep.HeldOrOrderedAsync(desk.Store, default), default)).Success);
        Assert.Equal(0, book.Count);
    }
}
