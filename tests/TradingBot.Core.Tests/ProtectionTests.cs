using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

public class StopLossTests
{
    private static readonly StopLoss Rule = new(floorPercent: 50m, maxSlippage: 0.05m);

    /// <summary>10 contracts that cost $5.00: the floor is $2.50, a bid of $0.25.</summary>
    private static StopLossCheck Check(OutcomeSide side, decimal bid) =>
        Rule.Check(Market(quote: side == OutcomeSide.Yes ? Quote(bid, 0.50m) : Quote(0.40m, bid), holding: new Holding(side, C(10m), M(5m))));

    [Theory]
    [InlineData(0.26, StopLossVerdict.Hold)]
    [InlineData(0.25, StopLossVerdict.Hold)]
    [InlineData(0.24, StopLossVerdict.Exit)]
    public void The_mark_at_the_best_bid_is_judged_against_the_floor(decimal bid, StopLossVerdict verdict)
    {
        var check = Check(OutcomeSide.Yes, bid);
        Assert.Equal(verdict, check.Verdict);
        Assert.Equal(M(bid * 10m), check.Mark);
        Assert.Equal(M(2.5m), check.Floor);
    }

    [Fact]
    public void A_YES_exit_sells_everything_reduce_only_no_lower_than_the_bid_less_slippage()
    {
        var exit = Check(OutcomeSide.Yes, 0.24m).Exit;
        Assert.Equal(IntentKind.Exit, exit.Kind);
        Assert.Equal(IntentReason.StopLoss, exit.Reason);
        Assert.True(exit.ReduceOnly);
        Assert.Equal(new OrderDirection(OrderAction.Sell, OutcomeSide.Yes), exit.Direction);
        Assert.Equal(Execution.Take, exit.Execution);
        Assert.Equal(C(10m), exit.Count);
        Assert.Equal(P(0.19m), exit.LimitPrice);
        Assert.Equal(BookSide.Ask, exit.Direction.BookSide);
        Assert.Equal(P(0.19m), exit.YesPrice);
    }

    [Fact]
    public void A_NO_exit_is_a_YES_bid_at_the_complement()
    {
        var exit = Check(OutcomeSide.No, 0.24m).Exit;
        Assert.Equal(new OrderDirection(OrderAction.Sell, OutcomeSide.No), exit.Direction);
        Assert.Equal(P(0.19m), exit.LimitPrice);
        Assert.Equal(BookSide.Bid, exit.Direction.BookSide);
        Assert.Equal(P(0.81m), exit.YesPrice);
    }

    [Fact]
    public void The_bound_never_goes_below_the_lowest_tick()
    {
        var check = Check(OutcomeSide.Yes, 0.03m);
        Assert.Equal(StopLossVerdict.Exit, check.Verdict);
        Assert.Equal(P(0.01m), check.Exit.LimitPrice);
    }

    [Fact]
    public void With_nobody_bidding_the_mark_is_zero_and_there_is_nothing_to_sell_into()
    {
        var check = Rule.Check(Market(quote: Quote(0m, 0.50m), holding: new Holding(OutcomeSide.Yes, C(10m), M(5m))));
        Assert.Equal(StopLossVerdict.BelowFloorNoBid, check.Verdict);
        Assert.Equal(Money.Zero, check.Mark);
    }

    [Fact]
    public void Nothing_held_nothing_to_do() => Assert.Equal(StopLossVerdict.Hold, Rule.Check(Market()).Verdict);

    [Fact]
    public void The_exit_passes_the_gate_even_in_reducing_only()
    {
        var market = Market(quote: Quote(0.24m, 0.50m), holding: new Holding(OutcomeSide.Yes, C(10m), M(5m)));
        var exit = Rule.Check(market).Exit;
        var snapshot = Snapshot(Account(trading: TradingStatus.From(TradingState.ReducingOnly, false, false)), market);
        Assert.True(new RiskGate(RiskLimits()).Check(exit, snapshot).IsApproved);
    }
}

public class DailyCircuitBreakerTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DailyCircuitBreaker Breaker() => new(NewYork, M(100m));

    [Theory]
    [InlineData(-99.99, false)]
    [InlineData(-100, true)]
    [InlineData(-100.01, true)]
    public void Trips_when_the_days_realised_PnL_reaches_minus_the_limit(decimal pnl, bool trips)
    {
        var breaker = Breaker();
        Assert.Equal(trips, breaker.Observe(M(pnl), Now));
        Assert.Equal(trips, breaker.IsTripped(Now));
    }

    [Fact]
    public void Reports_the_trip_once_and_keeps_what_must_be_persisted()
    {
        var breaker = Breaker();
        Assert.True(breaker.Observe(M(-120m), Now));
        Assert.False(breaker.Observe(M(-150m), Now.AddMinutes(5)));
        Assert.Equal(new CircuitBreakerState(new DateOnly(2026, 9, 13), Now, M(-120m)), breaker.Tripped);
    }

    [Theory]
    [InlineData("2026-09-14T03:59:59Z", true)]
    [InlineData("2026-09-14T04:00:00Z", false)]
    public void Holds_until_midnight_in_New_York_in_summer(string instant, bool tripped)
    {
        var breaker = Breaker();
        breaker.Observe(M(-100m), Now);
        Assert.Equal(tripped, breaker.IsTripped(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-27T04:59:59Z", true)]
    [InlineData("2026-11-27T05:00:00Z", false)]
    public void Holds_until_midnight_in_New_York_in_winter(string instant, bool tripped)
    {
        var breaker = Breaker();
        var trippedAt = new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero);
        breaker.Observe(M(-100m), trippedAt);
        Assert.Equal(tripped, breaker.IsTripped(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_restored_trip_holds_on_its_day_only()
    {
        var breaker = Breaker();
        breaker.Restore(new CircuitBreakerState(new DateOnly(2026, 9, 13), Now, M(-100m)));
        Assert.True(breaker.IsTripped(Now.AddHours(1)));
        Assert.False(breaker.IsTripped(Now.AddDays(1)));
        Assert.False(breaker.Observe(M(-50m), Now.AddDays(1)));
    }

    [Theory]
    [InlineData(-99.99, false)]
    [InlineData(-100, true)]
    public void A_closed_days_late_loss_past_the_limit_trips_the_breaker_for_the_current_day(decimal yesterday, bool trips)
    {
        var breaker = Breaker();
        var justAfterMidnight = new DateTimeOffset(2026, 9, 14, 4, 1, 0, TimeSpan.Zero);
        Assert.Equal(trips, breaker.Observe(new DateOnly(2026, 9, 13), M(yesterday), justAfterMidnight));
        Assert.Equal(trips, breaker.IsTripped(justAfterMidnight.AddHours(23)));
        Assert.False(breaker.IsTripped(justAfterMidnight.AddHours(24)));
        if (trips)
            Assert.Equal(new CircuitBreakerState(new DateOnly(2026, 9, 14), justAfterMidnight, M(yesterday)), breaker.Tripped);
    }

    [Fact]
    public void A_closed_day_that_tripped_on_its_own_day_does_not_trip_the_next()
    {
        var breaker = Breaker();
        Assert.True(breaker.Observe(M(-100m), Now));
        Assert.False(breaker.Observe(new DateOnly(2026, 9, 13), M(-180m), Now.AddDays(1)));
        Assert.False(breaker.IsTripped(Now.AddDays(1)));
    }

    [Fact]
    public void A_day_not_yet_begun_is_ignored() => Assert.False(Breaker().Observe(new DateOnly(2026, 9, 14), M(-500m), Now));

    [Fact]
    public void A_non_positive_limit_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new DailyCircuitBreaker(NewYork, Money.Zero));
}

public class ApiErrorGuardTests
{
    private static ApiErrorGuard Guard() => new(5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    [Fact]
    public void Backs_off_exponentially_and_enters_safe_mode_at_the_threshold()
    {
        var guard = Guard();
        var steps = Enumerable.Range(0, 5).Select(_ => guard.RecordFailure(ApiPath.Read, "GET /markets: 503", Now)).ToList();

        Assert.Equal([2, 4, 8, 16, 32], steps.Select(s => (int)s.Backoff.TotalSeconds));
        Assert.Equal([false, false, false, false, true], steps.Select(s => s.EnteredSafeMode));
        Assert.True(guard.InSafeMode);
        Assert.Equal("5 consecutive API failures on reads, the last: GET /markets: 503", guard.SafeMode!.Value.Reason);
        Assert.Equal(Now.AddSeconds(32), guard.BackingOffUntil(ApiPath.Read));
    }

    [Fact]
    public void The_back_off_is_capped()
    {
        var guard = Guard();
        Assert.Equal(TimeSpan.FromMinutes(5), guard.BackoffFor(9));
        Assert.Equal(TimeSpan.FromSeconds(256), guard.BackoffFor(8));
        Assert.Equal(TimeSpan.FromMinutes(5), guard.BackoffFor(1000));
    }

    [Fact]
    public void A_success_resets_the_count_but_not_safe_mode()
    {
        var guard = Guard();
        for (var i = 0; i < 4; i++)
            guard.RecordFailure(ApiPath.Write, "x", Now);
        guard.RecordSuccess(ApiPath.Write);
        Assert.False(guard.RecordFailure(ApiPath.Write, "x", Now).EnteredSafeMode);
        Assert.Equal(1, guard.ConsecutiveFailures(ApiPath.Write));

        for (var i = 0; i < 4; i++)
            guard.RecordFailure(ApiPath.Write, "x", Now);
        guard.RecordSuccess(ApiPath.Write);
        Assert.True(guard.InSafeMode);
        Assert.Null(guard.BackingOffUntil(ApiPath.Write));
    }

    [Fact]
    public void Reads_and_writes_are_counted_and_backed_off_apart()
    {
        var guard = Guard();
        for (var i = 0; i < 4; i++)
        {
            guard.RecordFailure(ApiPath.Write, "create: 500", Now);
            guard.RecordSuccess(ApiPath.Read);
        }

        var read = guard.RecordFailure(ApiPath.Read, "markets: 503", Now);

        Assert.Equal(4, guard.ConsecutiveFailures(ApiPath.Write));
        Assert.Equal(TimeSpan.FromSeconds(2), read.Backoff);
        Assert.Equal(Now.AddSeconds(16), guard.BackingOffUntil(ApiPath.Write));
        Assert.True(guard.RecordFailure(ApiPath.Write, "create: 500", Now).EnteredSafeMode);
        Assert.Equal("5 consecutive API failures on order writes, the last: create: 500", guard.SafeMode!.Value.Reason);
    }

    [Fact]
    public void Only_the_operator_leaves_safe_mode()
    {
        var guard = Guard();
        guard.Restore(new SafeModeState("restored", Now));
        Assert.True(guard.InSafeMode);
        Assert.False(guard.RecordFailure(ApiPath.Write, "x", Now).EnteredSafeMode);
        guard.Resume();
        Assert.False(guard.InSafeMode);
        Assert.Equal(0, guard.ConsecutiveFailures(ApiPath.Write));
        Assert.Null(guard.BackingOffUntil(ApiPath.Write));
    }
}

public class TradingControlTests
{
    [Theory]
    [InlineData(TradingState.Active, false, false, TradingState.Active, TradingStateReason.None)]
    [InlineData(TradingState.ReducingOnly, false, false, TradingState.ReducingOnly, TradingStateReason.OperatorReduceOnly)]
    [InlineData(TradingState.Halted, true, true, TradingState.Halted, TradingStateReason.OperatorHalt)]
    [InlineData(TradingState.ReducingOnly, true, false, TradingState.Halted, TradingStateReason.SafeMode)]
    [InlineData(TradingState.Active, false, true, TradingState.Halted, TradingStateReason.CircuitBreaker)]
    public void The_most_restrictive_control_wins(TradingState operatorState, bool safeMode, bool breaker, TradingState state, TradingStateReason reason) =>
        Assert.Equal(new TradingStatus(state, reason), TradingStatus.From(operatorState, safeMode, breaker));

    [Fact]
    public void The_order_rate_window_forgets_after_a_minute()
    {
        var window = new OrderRateWindow();
        window.Record(Now);
        window.Record(Now.AddSeconds(30));
        Assert.Equal(2, window.CountAt(Now.AddSeconds(59)));
        Assert.Equal(1, window.CountAt(Now.AddSeconds(60)));
        Assert.Equal(0, window.CountAt(Now.AddSeconds(90)));
    }

    [Fact]
    public void Denial_codes_are_unique_stable_words()
    {
        var codes = Enum.GetValues<DecisionCode>().Select(c => c.Code()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.DoesNotContain("UNKNOWN", codes);
        Assert.Equal(13, (int)DecisionCode.PositionLimit);
        Assert.Equal("POSITION_LIMIT", DecisionCode.PositionLimit.Code());
    }
}
