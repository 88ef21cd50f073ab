using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// Finding 4 (no buying back into a market the stop-loss is selling) and finding 5 (exits never wait on account
/// reads), through the real engine steps, the in-process simulator and SQLite.
/// </summary>
public sealed class StopLossLatchTests
{
    private static readonly MarketTicker Market = MarketTicker.Parse(OneMarketDesk.Ticker);

    /// <summary>10 YES bought for $5.00; the bid is now 0.20, under a 50 % floor; the model still says 0.40.</summary>
    private static async Task<OneMarketDesk> StoppedOutDeskAsync()
    {
        var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.20");
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Market, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, desk.Time.GetUtcNow()), default);
        return desk;
    }

    private static TradeIntent BuyBack(MarketView view) =>
        new(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.22"), Contracts.Whole(10), Execution.Make, Money.Zero, Probability.FromValue(0.40m), Money.Parse("1.8"), Price.Parse("0.22"));

    [Fact]
    public async Task After_a_stop_loss_fires_the_market_takes_no_new_entry_even_after_a_restart()
    {
        await using var desk = await StoppedOutDeskAsync();
        var book = await desk.ScanAsync();
        var report = await desk.Monitor(book).RunAsync(default);
        var exit = Assert.Single(report.Exits);

        // The buy-back the old evaluator approved (100 @ 0.22 on a 0.40 model) is refused while the exit is selling...
        var refused = await desk.Execution(book).ExecuteAsync(BuyBack(book.All.Single()), desk.Time.GetUtcNow(), default);
        var sold = await desk.Execution(book).ExecuteAsync(exit, null, default);

        // ...and after it sold, and after a restart: a fresh latch, restored from the outbox by the monitor's first run.
        desk.Time.Advance(TimeSpan.FromMinutes(30));
        var restarted = new StopLossLatch(null, desk.Controls.Zone);
        var fresh = await desk.ScanAsync();
        await desk.Monitor(fresh, latch: restarted).RunAsync(default);
        var afterRestart = await desk.Execution(fresh, latch: restarted).ExecuteAsync(BuyBack(fresh.All.Single()), desk.Time.GetUtcNow(), default);

        Assert.Equal(DecisionCode.StopLossLatched, refused.Gate.Code);
        // The exit passes the gate and is sent (the simulator refuses it: this desk's holding is in the bot's ledger only).
        Assert.True(sold.Gate.IsApproved);
        Assert.NotNull(sold.Submission);
        Assert.Equal(DecisionCode.StopLossLatched, afterRestart.Gate.Code);
        Assert.DoesNotContain(await desk.Store.Outbox.SinceAsync(DateTimeOffset.MinValue, default), o => o.Kind == IntentKind.Entry);
    }

    [Fact]
    public async Task The_latch_ends_with_the_trading_day()
    {
        await using var desk = await StoppedOutDeskAsync();
        var book = await desk.ScanAsync();
        await desk.Monitor(book).RunAsync(default);
        Assert.True(desk.Latch.IsLatched(Market, desk.Time.GetUtcNow()));

        // 16:00 UTC is noon in New York; the next trading day starts at 04:00 UTC.
        desk.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        Assert.False(desk.Latch.IsLatched(Market, desk.Time.GetUtcNow()));
    }

    [Fact]
    public async Task A_stop_loss_exit_goes_out_while_the_balance_cannot_be_read_and_entries_wait()
    {
        await using var desk = await StoppedOutDeskAsync();
        var venue = new FaultyVenue(desk.Venue) { BalanceUnavailable = true };
        var book = await desk.ScanAsync();
        var exit = Assert.Single((await desk.Monitor(book, venue).RunAsync(default)).Exits);

        var sold = await desk.Execution(book, venue).ExecuteAsync(exit, null, default);
        var entry = await desk.Execution(book, venue).ExecuteAsync(BuyBack(book.All.Single()) with { Ticker = Market }, desk.Time.GetUtcNow(), default);

        Assert.True(sold.Gate.IsApproved);
        Assert.NotNull(sold.Submission);
        Assert.Equal(DecisionCode.InsufficientBalance, entry.Gate.Code);
        Assert.Contains("balance=unreadable", entry.Gate.Detail, StringComparison.Ordinal);
    }
}
