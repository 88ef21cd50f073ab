using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>
/// A loss booked after its trading day closed (a game settling at 23:58 ET, reconciled at 00:01) still reaches the
/// daily breaker: a closed day whose realised P&amp;L now breaks the limit trips the breaker for the current day.
/// </summary>
public sealed class LateSettlementBreakerTests
{
    private static readonly MarketTicker Ticker = MarketTicker.Parse(OneMarketDesk.Ticker);

    [Fact]
    public async Task A_settlement_at_23_58_booked_at_00_01_with_a_loss_beyond_the_limit_trips_the_breaker_and_is_persisted()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var monitor = await MonitorAsync(desk);
        // 300 YES bought at 0.50 during the day ($150); the game settles NO at 23:58 Eastern (03:58 UTC).
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Ticker, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(300), Money.Zero, true, desk.Time.GetUtcNow()), default);
        var settledAt = new DateTimeOffset(2026, 9, 14, 3, 58, 0, TimeSpan.Zero);
        var beforeMidnight = await monitor.RunAsync(default);

        // Reconciliation finds the settlement at 00:01 Eastern, in the next trading day.
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 9, 14, 4, 1, 0, TimeSpan.Zero));
        await desk.Store.Ledger.RecordSettlementAsync(Settlement(settledAt), default);
        await monitor.RunAsync(default);

        Assert.Equal(Money.Zero, beforeMidnight.RealisedToday);
        Assert.Equal(TradingStateReason.CircuitBreaker, desk.Controls.Status.Reason);
        var stored = (await desk.Store.Risk.LoadAsync(default)).CircuitBreaker;
        Assert.Equal(new DateOnly(2026, 9, 14), stored?.TradingDay);
        Assert.Equal(Money.FromDollars(-150m), stored?.RealisedAtTrip);
        Assert.Contains("2026-09-13", Assert.Single(desk.Alerts.Raised, a => a.Kind == AlertKind.CircuitBreakerTripped).Message, StringComparison.Ordinal);

        // It holds for the whole new day, and the day after starts afresh.
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 9, 15, 3, 59, 0, TimeSpan.Zero));
        await monitor.RunAsync(default);
        Assert.Equal(TradingStateReason.CircuitBreaker, desk.Controls.Status.Reason);
        desk.Time.SetUtcNow(new DateTimeOffset(2026, 9, 15, 4, 1, 0, TimeSpan.Zero));
        await monitor.RunAsync(default);
        Assert.Equal(TradingStateReason.None, desk.Controls.Status.Reason);
    }

    [Fact]
    public async Task A_day_that_tripped_on_its_own_does_not_trip_the_next_day_again()
    {
        await using var desk = await OneMarketDesk.OpenAsync(BookSide.Bid, "0.40");
        var monitor = await MonitorAsync(desk);
        await desk.Store.Ledger.RecordFillAsync(new FillInfo("f1", "o1", Ticker, OutcomeSide.Yes, Price.Parse("0.50"), Contracts.Whole(300), Money.Zero, true, desk.Time.GetUtcNow()), default);
        await desk.Store.Ledger.RecordSettlementAsync(Settlement(desk.Time.GetUtcNow().AddHours(3)), default);
        desk.Time.Advance(TimeSpan.FromHours(3));
        await monitor.RunAsync(default);
        Assert.Equal(TradingStateReason.CircuitBreaker, desk.Controls.Status.Reason);

        desk.Time.SetUtcNow(new DateTimeOffset(2026, 9, 14, 4, 1, 0, TimeSpan.Zero));
        await monitor.RunAsync(default);

        Assert.Equal(TradingStateReason.None, desk.Controls.Status.Reason);
        Assert.Equal(new DateOnly(2026, 9, 13), (await desk.Store.Risk.LoadAsync(default)).CircuitBreaker?.TradingDay);
        Assert.Single(desk.Alerts.Raised, a => a.Kind == AlertKind.CircuitBreakerTripped);
    }

    private static async Task<MonitorStep> MonitorAsync(OneMarketDesk desk) => desk.Monitor(await desk.ScanAsync());

    /// <summary>The 300 YES settle NO: no revenue, the $150 they cost is lost.</summary>
    private static SettlementInfo Settlement(DateTimeOffset at) =>
        new(Ticker, EventTicker.Parse("KXNFLGAME-26SEP13DALNYG"), MarketResult.No, Contracts.Whole(300), Contracts.Zero, Money.FromDollars(150m), Money.Zero, Money.Zero, Money.Zero, at);
}
