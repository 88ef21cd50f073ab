using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// Two evaluations that each saw an empty market both approve an entry; the single executor, re-checking on the
/// picture read fresh from the store before each submission, sends only one: the first rests, so the second is an
/// entry on a market where one already works.
/// </summary>
public sealed class SingleWriterTests
{
    [Fact]
    public async Task Two_racing_evaluations_cannot_both_place_an_entry()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var book = await desk.ScanAsync();
        var execution = desk.Execution(book);

        // Both evaluations priced the market on the same empty picture: 15 YES resting at 0.45 is $6.75, under the $10 cap.
        var view = book.All.Single();
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, view.Ticker, view.Market.Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.45"), Contracts.Whole(15), Execution.Make, Money.Zero, Probability.FromValue(0.55m), Money.Parse("1.5"), Price.Parse("0.45"));
        await RunExecutorAsync(execution, desk.Time.GetUtcNow(), intent, intent);

        Assert.Single(desk.Exchange.Read(e => e.Accounts["bot"].OrderHistory));
        var decisions = await desk.Store.Decisions.RecentAsync(10, default);
        Assert.Contains(decisions, d => d.Outcome == Decisions.Denied && d.Code == "ORDER_WORKING");
        Assert.Contains(decisions, d => d.Outcome == Decisions.Submitted);
    }

    /// <summary>Queues the intents as racing evaluations would, and runs the single executor until it has taken them all.</summary>
    internal static async Task RunExecutorAsync(ExecutionStep execution, DateTimeOffset forecastAsOf, params TradeIntent[] intents)
    {
        var queues = new TradingQueues();
        foreach (var intent in intents)
            Assert.True(queues.Actions.Writer.TryWrite(new QueuedAction(MarketAction.Place(intent, DecisionCode.Approved, "test", default), forecastAsOf)));
        queues.Actions.Writer.Complete();
        var readiness = new TradingReadiness();
        readiness.MarkReady();

        using var metrics = new Worker.Metrics.BotMetrics(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), () => default);
        using var executor = new OrderExecutor(execution, queues, readiness, new TradingBot.Worker.Hosting.LoopLiveness(TimeProvider.System), metrics, NullLogger<OrderExecutor>.Instance);
        await executor.StartAsync(default);
        await executor.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
