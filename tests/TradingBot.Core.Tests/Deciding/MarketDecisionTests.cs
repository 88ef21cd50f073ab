using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests.Deciding;

/// <summary>
/// The findings of issue 12's review, each played scan after scan: what the bot does on the next scan with the
/// order it just placed, when that order is half filled, and when the model or the book moves.
/// </summary>
public class MarketDecisionTests
{
    private static DecisionDesk HundredDollarCap()
    {
        var risk = RiskLimits();
        risk.MaxPositionPerMarket = 100m;
        return new DecisionDesk(risk: risk);
    }

    [Fact]
    public void It_never_bids_against_its_own_resting_order()
    {
        // Others bid YES 0.40 and offer it at 0.50; the model says 0.50. Old code: 93 @ 0.41, then 78 @ 0.42, then 66 @ 0.43.
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);

        var first = desk.Scan(0.50m);
        var second = desk.Scan(0.50m);
        var third = desk.Scan(0.50m);

        var placed = Assert.Single(desk.Placed);
        Assert.Equal((Execution.Make, P(0.41m), C(93m)), (placed.Execution, placed.LimitPrice, placed.Count));
        Assert.Equal(MarketActionKind.Place, Assert.Single(first).Kind);
        Assert.All(second.Concat(third), a => Assert.Equal((MarketActionKind.Nothing, DecisionCode.OrderWorking), (a.Kind, a.Code)));
        // The book it priced against on the later scans was the others' (0.40), not its own 0.41.
        Assert.Equal(P(0.40m), desk.State().Quote.YesBid.Price);
        Assert.Single(desk.Open);
    }

    [Fact]
    public void Kelly_is_not_bet_again_on_what_is_already_held()
    {
        // q = 0.55, ask 0.47: quarter Kelly on $1000 takes 62. Old code bought 42 more on the next scan, then up to the cap.
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.45m, noBid: 0.53m);

        desk.Scan(0.55m);
        var next = desk.Scan(0.55m);
        var after = desk.Scan(0.55m);

        var bought = Assert.Single(desk.Placed);
        Assert.Equal(C(62m), bought.Count);
        Assert.Equal(C(62m), desk.Position!.Count);
        Assert.Equal(DecisionCode.AtTarget, Assert.Single(next).Code);
        Assert.Equal(DecisionCode.AtTarget, Assert.Single(after).Code);
    }

    [Fact]
    public void A_half_filled_resting_order_is_kept_and_nothing_is_added_beside_it()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        desk.FillResting(40m);
        var next = desk.Scan(0.50m);

        Assert.Single(desk.Placed);
        Assert.Equal(C(40m), desk.Position!.Count);
        Assert.Equal(C(53m), Assert.Single(desk.Open).Remaining);
        Assert.Equal(DecisionCode.OrderWorking, Assert.Single(next).Code);
    }

    [Fact]
    public void A_resting_entry_is_pulled_when_the_model_moves_against_it()
    {
        // Bid 0.41 on a model of 0.50; news moves the model to 0.35: the informed would fill it. Old code left it resting.
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        var actions = desk.Scan(0.35m);

        var cancel = Assert.Single(actions, a => a.Kind == MarketActionKind.Cancel);
        Assert.Equal(DecisionCode.EdgeGone, cancel.Code);
        Assert.Empty(desk.Open);
    }

    [Fact]
    public void A_market_found_unpriceable_pulls_its_resting_entry_and_says_why()
    {
        // The listing changed under a resting bid (a strike that no longer agrees with the ticker): pull it, name the reason.
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        var pulled = desk.ScanUnpriced(DecisionCode.StrikeMismatch, "floor_strike gives line 2.5 but the ticker reads 1.5");
        var after = desk.ScanUnpriced(DecisionCode.StrikeMismatch, "floor_strike gives line 2.5 but the ticker reads 1.5");

        Assert.Equal((MarketActionKind.Cancel, DecisionCode.StrikeMismatch), (Assert.Single(pulled).Kind, pulled[0].Code));
        Assert.Equal((MarketActionKind.Nothing, DecisionCode.StrikeMismatch), (Assert.Single(after).Kind, after[0].Code));
        Assert.Empty(desk.Open);
    }

    [Fact]
    public void A_resting_entry_is_pulled_when_its_forecast_goes_stale()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        var actions = desk.Scan(0.50m, forecastAge: desk.Risk.MaxForecastAge + TimeSpan.FromSeconds(1));

        Assert.Equal((MarketActionKind.Cancel, DecisionCode.StaleForecast), (Assert.Single(actions).Kind, actions[0].Code));
    }

    [Fact]
    public void A_resting_entry_outbid_by_someone_else_is_amended_in_place_to_the_front()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);
        var orderId = desk.Open[0].OrderId;

        desk.SetBook(yesBid: 0.42m, noBid: 0.50m);
        var repriced = desk.Scan(0.50m);
        var next = desk.Scan(0.50m);

        var amend = Assert.Single(repriced);
        Assert.Equal((MarketActionKind.Amend, DecisionCode.Reprice, P(0.43m)), (amend.Kind, amend.Code, amend.Intent.LimitPrice));
        Assert.Equal(DecisionCode.OrderWorking, Assert.Single(next).Code);
        // One order all along: re-priced in place, never a second order beside it. Quarter Kelly at 0.43 on $1000: 0.25 × 0.07 / 0.57 × 1000 = $30.70, 71 contracts.
        Assert.Single(desk.Placed);
        var resting = Assert.Single(desk.Open);
        Assert.Equal((orderId, P(0.43m), C(71m)), (resting.OrderId, resting.Order.YesPrice, resting.Remaining));
    }

    [Fact]
    public void A_resting_entry_left_alone_at_the_front_is_re_priced_down_when_the_bid_under_it_leaves()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        desk.SetBook(yesBid: 0.37m, noBid: 0.50m);
        var pulled = desk.Scan(0.50m);

        Assert.Equal(DecisionCode.Reprice, Assert.Single(pulled).Code);
        Assert.Contains("front_of_book=0.3800", pulled[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resting_entry_one_tick_above_the_front_keeps_its_place()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        // The bid under it drops a tick: 0.41 now overpays the 0.40 it would post by one tick, not worth a cancel.
        desk.SetBook(yesBid: 0.39m, noBid: 0.50m);
        var actions = desk.Scan(0.50m);

        Assert.Equal(DecisionCode.OrderWorking, Assert.Single(actions).Code);
        Assert.Equal(P(0.41m), Assert.Single(desk.Open).Order.YesPrice);
    }

    [Fact]
    public void A_resting_entry_is_pulled_when_its_target_shrinks()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        // The bankroll halves (a loss elsewhere): the target is now half of what rests, and the order shrinks in place.
        desk.Balance -= M(500m);
        var actions = desk.Scan(0.50m);

        var amend = Assert.Single(actions);
        Assert.Equal((MarketActionKind.Amend, DecisionCode.TargetShrunk, P(0.41m)), (amend.Kind, amend.Code, amend.Intent.LimitPrice));
        Assert.True(amend.Intent.Count < C(93m), amend.Intent.Count.ToString());
        Assert.Equal(amend.Intent.Count, Assert.Single(desk.Open).Remaining);
    }

    [Fact]
    public void Taking_becomes_better_than_resting_so_the_rest_is_pulled_first()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        var actions = desk.Scan(0.60m);

        Assert.Equal(DecisionCode.Reprice, Assert.Single(actions).Code);
        Assert.Contains("taking", actions[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Holding_one_side_it_never_buys_the_other()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.45m, noBid: 0.53m);
        desk.Position = new LedgerPosition(Ticker, OutcomeSide.Yes, C(10m), M(4.7m), Now);

        // The model now loves NO (0.30 YES): NO asks 0.55 against a value of 0.70, but YES is held.
        var actions = desk.Scan(0.30m);

        Assert.DoesNotContain(desk.Placed, p => p.Direction is { Action: OrderAction.Buy, Side: OutcomeSide.No });
        Assert.DoesNotContain(actions, a => a.Kind == MarketActionKind.Place && a.Intent.Kind == IntentKind.Entry);
    }

    [Fact]
    public void A_bid_above_the_models_value_sells_the_holding_into_it()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.60m, noBid: 0.38m);
        desk.Position = new LedgerPosition(Ticker, OutcomeSide.Yes, C(10m), M(4.5m), Now);

        // Bid 0.60, taker fee 0.0168, model 0.50: 0.0832 per contract over the model's value.
        var actions = desk.Scan(0.50m);

        var exit = Assert.Single(actions);
        Assert.Equal((MarketActionKind.Place, DecisionCode.EdgeReversed, IntentKind.Exit, IntentReason.EdgeReversal), (exit.Kind, exit.Code, exit.Intent.Kind, exit.Intent.Reason));
        Assert.Equal(new OrderDirection(OrderAction.Sell, OutcomeSide.Yes), exit.Intent.Direction);
        Assert.Equal((P(0.60m), C(10m)), (exit.Intent.LimitPrice, exit.Intent.Count));
        Assert.True(exit.Intent.ReduceOnly);
        Assert.Null(desk.Position);
    }

    [Fact]
    public void With_edge_reversal_exits_off_the_holding_is_kept()
    {
        var strategy = Strategy();
        strategy.ExitOnEdgeReversal = false;
        var desk = new DecisionDesk(strategy);
        desk.SetBook(yesBid: 0.60m, noBid: 0.38m);
        desk.Position = new LedgerPosition(Ticker, OutcomeSide.Yes, C(10m), M(4.5m), Now);

        desk.Scan(0.50m);

        Assert.Empty(desk.Placed);
    }

    [Fact]
    public void A_latched_market_pulls_its_resting_entry_and_the_gate_refuses_a_new_one()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        desk.Latched = true;
        var pulled = desk.Scan(0.50m);
        var next = desk.Scan(0.50m);

        Assert.Equal((MarketActionKind.Cancel, DecisionCode.StopLossLatched), (Assert.Single(pulled).Kind, pulled[0].Code));
        Assert.Single(desk.Placed);
        var entry = Assert.Single(next);
        var verdict = new RiskGate(desk.Risk).Check(entry.Intent, new RiskSnapshot(desk.Account(), desk.State(), Now));
        Assert.Equal(DecisionCode.StopLossLatched, verdict.Code);
    }

    [Fact]
    public void A_halt_pulls_the_resting_entry()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);

        desk.Trading = TradingStatus.From(TradingState.Halted, false, false);
        var actions = desk.Scan(0.50m);

        Assert.Equal((MarketActionKind.Cancel, DecisionCode.TradingHalted), (Assert.Single(actions).Kind, actions[0].Code));
    }

    [Fact]
    public void An_order_in_doubt_freezes_the_market()
    {
        var desk = HundredDollarCap();
        desk.SetBook(yesBid: 0.40m, noBid: 0.50m);
        desk.Scan(0.50m);
        desk.Open[0] = desk.Open[0] with { Status = OutboxStatus.CancelPending };

        var actions = desk.Scan(0.20m);

        Assert.Equal((MarketActionKind.Nothing, DecisionCode.OrderInDoubt), (Assert.Single(actions).Kind, actions[0].Code));
    }
}

/// <summary>Finding 9: the caps count all-in capital, fees paid and the fees working orders will pay.</summary>
public class AllInExposureTests
{
    [Fact]
    public void A_position_counts_the_fees_paid_on_it_and_a_resting_order_the_fee_it_will_pay()
    {
        var ledger = new PositionLedger();
        ledger.Apply(new FillInfo("f1", "o1", Ticker, OutcomeSide.Yes, P(0.47m), C(62m), M(1.0811m), true, Now));
        var position = ledger.PositionIn(Ticker)!;
        var makerFees = new Fees.FeeSchedule(Fees.FeeType.QuadraticWithMakerFees, 1m);
        var resting = OutboxEntry.FromIntent(Entry(0.40m, 10m) with { Execution = Execution.Make }, ClientOrderId.Derive(Guid.NewGuid()), Now)
            with { Status = OutboxStatus.Resting, OrderId = "o2", Remaining = C(10m) };

        var exposure = Exposure.From([position], [resting], _ => Event, _ => makerFees);

        Assert.Equal(M(1.0811m), position.Fees);
        // 62 × 0.47 + 1.0811 paid, 10 × 0.40 + ceil(0.0175 × 10 × 0.40 × 0.60) = 0.0420 the maker fee to come.
        Assert.Equal(M(29.14m + 1.0811m + 4.00m + 0.0420m), exposure.InMarket(Ticker));
    }

    [Fact]
    public void Selling_part_of_a_position_releases_that_share_of_its_fees()
    {
        var ledger = new PositionLedger();
        ledger.Apply(new FillInfo("f1", "o1", Ticker, OutcomeSide.Yes, P(0.50m), C(10m), M(0.20m), true, Now));
        ledger.Apply(new FillInfo("f2", "o2", Ticker, OutcomeSide.No, P(0.60m), C(4m), M(0.07m), true, Now));

        var position = ledger.PositionIn(Ticker)!;
        Assert.Equal((C(6m), M(3.00m), M(0.12m)), (position.Count, position.Cost, position.Fees));
    }
}
