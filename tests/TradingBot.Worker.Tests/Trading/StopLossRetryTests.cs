using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>A stop-loss whose exit did not complete (denied, or the IOC found no bids) is issued again, not given up on.</summary>
public sealed class StopLossRetryTests
{
    [Fact]
    public async Task An_exit_that_left_the_position_held_is_issued_again_after_a_minute_and_the_operator_told_once()
    {
        // 10 YES bought at 0.50; the best bid is now 0.10, far under a 50% floor.
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.10");
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", MarketTicker.Parse(OneMarketDesk.Ticker), OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, desk.Time.GetUtcNow()), default);
        var monitor = desk.Monitor(await desk.ScanAsync());

        var first = await monitor.RunAsync(default);
        // A resting entry on the same market does not hold the exit back.
        var entry = first.Exits[0] with { Kind = IntentKind.Entry, Direction = new OrderDirection(OrderAction.Buy, OutcomeSide.Yes), LimitPrice = Price.Parse("0.05") };
        await desk.Store.Outbox.RecordIntentAsync(OutboxEntry.FromIntent(entry, ClientOrderId.Derive(Guid.NewGuid()), desk.Time.GetUtcNow()), default);
        var meanwhile = await monitor.RunAsync(default);
        desk.Time.Advance(MonitorStep.ExitRetryAfter);
        var retried = await monitor.RunAsync(default);
        desk.Time.Advance(MonitorStep.ExitRetryAfter);
        var retriedAgain = await monitor.RunAsync(default);
        // An exit still open on the market (here: sent, outcome not yet known) is not doubled.
        await desk.Store.Outbox.RecordIntentAsync(OutboxEntry.FromIntent(retriedAgain.Exits[0], ClientOrderId.Derive(Guid.NewGuid()), desk.Time.GetUtcNow()), default);
        desk.Time.Advance(MonitorStep.ExitRetryAfter);
        var whileOpen = await monitor.RunAsync(default);

        // Nothing was sold (the exits were never executed here), so each minute brings one more exit.
        Assert.Single(first.Exits);
        Assert.Empty(meanwhile.Exits);
        Assert.Single(retried.Exits);
        Assert.Single(retriedAgain.Exits);
        Assert.Empty(whileOpen.Exits);
        Assert.Equal(OrderAction.Sell, retried.Exits[0].Direction.Action);
        Assert.Equal(Contracts.Whole(10), retried.Exits[0].Count);
        Assert.Collection(desk.Alerts.Raised.Where(a => a.Kind == AlertKind.StopLossExit),
            a => Assert.StartsWith("Stop-loss on ", a.Message, StringComparison.Ordinal),
            a => Assert.Contains("has not completed", a.Message, StringComparison.Ordinal));
    }
}
