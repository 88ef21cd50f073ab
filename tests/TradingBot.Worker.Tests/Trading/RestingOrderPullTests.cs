using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>A halt that left the bot's bids on the book would still buy: the monitor pulls resting entries.</summary>
public sealed class RestingOrderPullTests
{
    [Theory]
    [InlineData(TradingState.Halted)]
    [InlineData(TradingState.ReducingOnly)]
    public async Task A_halt_pulls_the_bots_resting_entries_and_an_active_bot_leaves_them(TradingState state)
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var book = await desk.ScanAsync();
        var view = book.All.Single();
        // A made YES bid one tick inside the spread: it rests.
        var bid = new TradeIntent(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.41"), Contracts.Whole(5), Execution.Make, Money.Zero, Probability.FromValue(0.5m), Money.Parse("0.45"), Price.Parse("0.41"));
        var sent = await new OrderSubmitter(desk.Venue, desk.Store.Outbox, desk.Time).SubmitAsync(bid, default);
        Assert.Equal(OutboxStatus.Resting, (await desk.Store.Outbox.FindAsync(sent.ClientOrderId, default))!.Status);
        var monitor = desk.Monitor(book);

        var whileActive = await monitor.RunAsync(default);
        await desk.Controls.HaltAsync(state, "test", default);
        var whileHalted = await monitor.RunAsync(default);
        var afterwards = await monitor.RunAsync(default);

        Assert.Empty(whileActive.Canceled);
        Assert.Contains("pulled: trading", Assert.Single(whileHalted.Canceled), StringComparison.Ordinal);
        Assert.Empty(afterwards.Canceled);
        Assert.Equal(OutboxStatus.Canceled, (await desk.Store.Outbox.FindAsync(sent.ClientOrderId, default))!.Status);
        Assert.DoesNotContain(desk.Exchange.Read(e => e.Accounts["bot"].OrderHistory.Select(o => o.Status).ToList()), s => s == OrderStatus.Resting);
    }
}
