using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// The operator's flatten, as a command in storage carried out by the worker: reducing-only at once, and every
/// holding sold at its bid with a reduce-only IOC (above its stop-loss floor too), again each minute until none is
/// left; a new entry is refused meanwhile and the market is not latched as a stop-loss would latch it.
/// </summary>
public sealed class FlattenTests
{
    private static readonly MarketTicker Market = MarketTicker.Parse(OneMarketDesk.Ticker);

    [Fact]
    public async Task A_flatten_command_goes_reducing_only_and_sells_a_holding_that_is_above_its_floor()
    {
        // 10 YES bought at 0.50; others bid 0.55: well above a 50% floor, so no stop-loss would sell it.
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.55");
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Market, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, desk.Time.GetUtcNow()), default);
        var book = await desk.ScanAsync();
        var before = await desk.Monitor(book).RunAsync(default);

        var id = await desk.Store.Control.IssueAsync(ControlCommandKind.Flatten, "done for the day", "api:127.0.0.1", desk.Time.GetUtcNow(), default);
        var done = await new OperatorCommands(desk.Store.Control, desk.Controls, desk.Alerts, desk.Time).RunPendingAsync(default);
        var monitor = desk.Monitor(book);
        var report = await monitor.RunAsync(default);
        var again = await monitor.RunAsync(default);
        var exit = Assert.Single(report.Exits);
        var entry = exit with { Kind = IntentKind.Entry, Reason = IntentReason.Edge, Direction = new OrderDirection(OrderAction.Buy, OutcomeSide.Yes), LimitPrice = Price.Parse("0.45") };
        var refused = await desk.Execution(book).ExecuteAsync(entry, desk.Time.GetUtcNow(), default);
        var sold = await desk.Execution(book).ExecuteAsync(exit, null, default);

        Assert.Empty(before.Exits);
        Assert.Equal(id, Assert.Single(done).Id);
        Assert.StartsWith("flattening", done[0].Outcome, StringComparison.Ordinal);
        Assert.Empty(await desk.Store.Control.PendingAsync(default));
        Assert.Equal(TradingState.ReducingOnly, desk.Controls.Status.State);
        Assert.True(desk.Controls.Flattening);
        Assert.Equal((IntentKind.Exit, IntentReason.Flatten, OrderAction.Sell, OutcomeSide.Yes, Contracts.Whole(10)),
            (exit.Kind, exit.Reason, exit.Direction.Action, exit.Direction.Side, exit.Count));
        Assert.Empty(again.Exits);
        Assert.Equal(DecisionCode.ReducingOnly, refused.Gate.Code);
        Assert.True(sold.Gate.IsApproved);
        Assert.NotNull(sold.Submission);
        Assert.False(desk.Latch.IsLatched(Market, desk.Time.GetUtcNow()));
        Assert.Contains(desk.Alerts.Raised, a => a.Kind == AlertKind.OperatorCommand && a.Message.Contains("from api:127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(desk.Alerts.Raised, a => a.Kind == AlertKind.OperatorCommand && a.Message.StartsWith("Flatten on ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flatten_lasts_across_a_restart_and_resume_ends_it()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.55");
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Market, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(10), Money.Zero, true, desk.Time.GetUtcNow()), default);
        await desk.Store.Control.IssueAsync(ControlCommandKind.Flatten, "news", "cli:ops", desk.Time.GetUtcNow(), default);
        await new OperatorCommands(desk.Store.Control, desk.Controls, desk.Alerts, desk.Time).RunPendingAsync(default);

        // A new process: its controls read the stored state.
        var restarted = new TradingControls(desk.Store.Risk, desk.Risk, desk.Controls.Zone, desk.Alerts, desk.Time);
        await restarted.RefreshAsync(default);
        var flattening = restarted.Flattening;
        await desk.Store.Control.IssueAsync(ControlCommandKind.Resume, "calm again", "cli:ops", desk.Time.GetUtcNow(), default);
        await new OperatorCommands(desk.Store.Control, restarted, desk.Alerts, desk.Time).RunPendingAsync(default);

        Assert.True(flattening);
        Assert.False(restarted.Flattening);
        Assert.Equal(TradingState.Active, restarted.Status.State);
    }
}
