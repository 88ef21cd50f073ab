using TradingBot.Core.Deciding;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>The executor carries out an amend through the gate and the outbox, on the simulator's engine and SQLite.</summary>
public sealed class AmendExecutionTests
{
    private static TradeIntent Bid(MarketTicker ticker, EventTicker game, string price, long count) =>
        new(IntentKind.Entry, IntentReason.Edge, ticker, game, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse(price), Contracts.Whole(count), Execution.Make, Money.Zero, Probability.FromValue(0.55m), Money.Parse("1"), Price.Parse(price));

    [Fact]
    public async Task A_resting_bid_is_re_priced_in_place_one_order_at_the_venue_and_the_row_follows()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var book = await desk.ScanAsync();
        var view = book.All.Single();
        var placed = await desk.Execution(book).ExecuteAsync(Bid(view.Ticker, view.Market.Event, "0.41", 10), desk.Time.GetUtcNow(), default);
        var row = (await desk.Store.Outbox.FindAsync(placed.Submission!.ClientOrderId, default))!;

        var amended = await desk.Execution(book).ExecuteAsync(
            MarketAction.Amend(row, Bid(view.Ticker, view.Market.Event, "0.42", 8), DecisionCode.Reprice, "test", Money.Zero), desk.Time.GetUtcNow(), default);
        var after = (await desk.Store.Outbox.FindAsync(row.ClientOrderId, default))!;

        Assert.Equal(AmendOutcome.Amended, amended.Amend!.Outcome);
        Assert.Equal((OutboxStatus.Resting, Price.Parse("0.42"), Contracts.Whole(8)), (after.Status, after.Order.YesPrice, after.Remaining));
        var venueOrder = Assert.Single(desk.Exchange.Read(e => e.Accounts["bot"].OrderHistory));
        Assert.Equal((Price.Parse("0.42"), Contracts.Whole(8)), (venueOrder.YesPrice, venueOrder.Remaining));
    }

    [Fact]
    public async Task An_amend_that_would_break_the_position_limit_is_denied_and_the_order_rests_as_it_was()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var book = await desk.ScanAsync();
        var view = book.All.Single();
        var placed = await desk.Execution(book).ExecuteAsync(Bid(view.Ticker, view.Market.Event, "0.41", 10), desk.Time.GetUtcNow(), default);
        var row = (await desk.Store.Outbox.FindAsync(placed.Submission!.ClientOrderId, default))!;

        // 30 at 0.42 is $12.60, over the desk's $10 cap; the amend replaces the $4.10 order, it is not added to it.
        var amended = await desk.Execution(book).ExecuteAsync(
            MarketAction.Amend(row, Bid(view.Ticker, view.Market.Event, "0.42", 30), DecisionCode.Reprice, "test", Money.Zero), desk.Time.GetUtcNow(), default);
        var inPlace = await desk.Execution(book).ExecuteAsync(
            MarketAction.Amend(row, Bid(view.Ticker, view.Market.Event, "0.42", 23), DecisionCode.Reprice, "test", Money.Zero), desk.Time.GetUtcNow(), default);

        Assert.Equal(DecisionCode.PositionLimit, amended.Gate.Code);
        Assert.Null(amended.Amend);
        Assert.True(inPlace.Gate.IsApproved, inPlace.Gate.ToString());
        Assert.Equal(AmendOutcome.Amended, inPlace.Amend!.Outcome);
    }
}
