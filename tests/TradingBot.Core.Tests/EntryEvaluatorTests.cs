using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

/// <summary>The default book: YES bid $0.45, NO bid $0.53, so YES asks $0.47 and NO asks $0.55, 100 deep.</summary>
public class EntryEvaluatorTests
{
    private static EntryEvaluation Evaluate(decimal yesProbability, StrategyOptions? strategy = null, MarketState? market = null, AccountState? account = null, RiskOptions? risk = null) =>
        new EntryEvaluator(strategy ?? Strategy(), risk ?? RiskLimits()).Evaluate(market ?? Market(), Forecast(yesProbability), account ?? Account());

    [Fact]
    public void A_clear_edge_takes_the_ask_sized_by_quarter_Kelly()
    {
        var result = Evaluate(0.55m);

        Assert.True(result.HasIntent, result.Reason.ToString());
        var intent = result.Intent;
        Assert.Equal(new OrderDirection(OrderAction.Buy, OutcomeSide.Yes), intent.Direction);
        Assert.Equal(Execution.Take, intent.Execution);
        Assert.Equal(P(0.47m), intent.LimitPrice);
        // Edge 0.55 − 0.47 − 0.07 × 0.47 × 0.53 = 0.062563; all-in cost 0.487437; Kelly 0.12206; a quarter of $1000 is $30.515 → 62.
        Assert.Equal(0.062563m, result.BestEdge.Dollars);
        Assert.Equal(C(62m), intent.Count);
        Assert.Equal(M(1.0811m), intent.Fee);
        Assert.Equal(M(62m * 0.08m) - M(1.0811m), intent.ExpectedValue);
        Assert.Equal(IntentKind.Entry, intent.Kind);
        Assert.False(intent.ReduceOnly);
    }

    /// <summary>MLB games created after 24 August 2026 are on shard 3; the $1000 on shard 0 cannot pay for them.</summary>
    [Fact]
    public void A_market_on_a_shard_with_no_cash_is_not_sized_though_another_shard_holds_1000()
    {
        var result = Evaluate(0.55m, market: Market(exchangeIndex: 3), account: Account(balances: Shards((0, 1000m), (3, 0m))));

        Assert.False(result.HasIntent);
        Assert.Equal(DecisionCode.NoRoomToSize, result.Reason);
    }

    [Fact]
    public void Kelly_stakes_from_the_whole_bankroll_across_shards()
    {
        // $500 on each of shards 0 and 3: a quarter Kelly of the whole $1000 is 62 contracts, as with $1000 on one shard.
        var result = Evaluate(0.55m, market: Market(exchangeIndex: 3), account: Account(balances: Shards((0, 500m), (3, 500m))));

        Assert.Equal(C(62m), result.Intent.Count);
    }

    [Fact]
    public void The_order_never_costs_more_than_its_shard_holds()
    {
        // Kelly on $1000 wants 62 at $0.47; $10 on shard 3 pays for 20 (9.40 + fee 0.3488), not 21 (9.87 + 0.3662).
        var result = Evaluate(0.55m, market: Market(exchangeIndex: 3), account: Account(balances: Shards((0, 990m), (3, 10m))));

        Assert.Equal(C(20m), result.Intent.Count);
    }

    [Fact]
    public void A_small_edge_makes_one_tick_inside_the_spread_where_makers_pay_nothing()
    {
        var result = Evaluate(0.50m);

        Assert.True(result.HasIntent, result.Reason.ToString());
        Assert.Equal(Execution.Make, result.Intent.Execution);
        Assert.Equal(P(0.46m), result.Intent.LimitPrice);
        Assert.Equal(Money.Zero, result.Intent.Fee);
        Assert.Equal(0.04m, result.BestEdge.Dollars);
    }

    [Fact]
    public void A_made_order_expires_where_entries_stop_or_after_the_longest_rest_in_play_included_and_a_taken_one_never_rests()
    {
        var preGame = RiskLimits();
        preGame.MinTimeBeforeGameStart = TimeSpan.FromMinutes(5);
        var inPlayAllowed = RiskLimits();
        inPlayAllowed.AllowInPlay = true;
        var longRest = Strategy();
        longRest.MaxRestingTime = TimeSpan.FromHours(4);
        var made = Evaluate(0.50m, longRest, market: Market(untilStart: TimeSpan.FromHours(2)), risk: preGame);
        var soonerThanTheStart = Evaluate(0.50m, market: Market(untilStart: TimeSpan.FromHours(2)), risk: preGame);
        var inPlay = Evaluate(0.50m, market: Market(untilStart: TimeSpan.FromHours(2)), risk: inPlayAllowed);
        var unknownStart = Evaluate(0.50m, market: Market(startUnknown: true));
        var taken = Evaluate(0.55m);

        Assert.Equal(Execution.Make, made.Intent.Execution);
        Assert.Equal(Now + TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5), made.Intent.GoodUntil);
        Assert.Equal(made.Intent.GoodUntil, OrderRequest.From(made.Intent, ClientOrderId.Derive(Guid.NewGuid())).Expiration);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), soonerThanTheStart.Intent.GoodUntil);
        // Nothing rests without an end: in play, or with no known start, after Strategy:MaxRestingTime (30 min by default).
        Assert.Equal(Now + TimeSpan.FromMinutes(30), inPlay.Intent.GoodUntil);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), unknownStart.Intent.GoodUntil);
        Assert.Equal(Execution.Take, taken.Intent.Execution);
        Assert.Null(OrderRequest.From(taken.Intent, ClientOrderId.Derive(Guid.NewGuid())).Expiration);
    }

    [Fact]
    public void Where_makers_pay_the_make_edge_is_net_of_the_maker_fee()
    {
        var market = Market(fees: new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m));
        var result = Evaluate(0.50m, market: market);
        Assert.Equal(0.04m - 0.0175m * 0.46m * 0.54m, result.BestEdge.Dollars);
        Assert.Equal(Execution.Make, result.Intent.Execution);
        Assert.True(result.Intent.Fee > Money.Zero);
    }

    [Fact]
    public void Without_making_a_small_edge_is_no_trade_and_says_the_best_edge_seen()
    {
        var result = Evaluate(0.50m, Strategy(allowMaking: false));
        Assert.False(result.HasIntent);
        Assert.Equal(DecisionCode.EdgeBelowMinimum, result.Reason);
        Assert.Equal(0.012563m, result.BestEdge.Dollars);
    }

    [Theory]
    [InlineData(0.062563, true)]
    [InlineData(0.062564, false)]
    public void The_minimum_edge_is_inclusive(decimal minEdge, bool trades) =>
        Assert.Equal(trades, Evaluate(0.55m, Strategy(minEdge: minEdge, allowMaking: false)).HasIntent);

    [Fact]
    public void A_low_model_probability_buys_NO_at_its_ask_quoted_as_a_YES_ask()
    {
        var result = Evaluate(0.40m);

        Assert.True(result.HasIntent, result.Reason.ToString());
        var intent = result.Intent;
        Assert.Equal(OutcomeSide.No, intent.Direction.Side);
        Assert.Equal(P(0.55m), intent.LimitPrice);
        Assert.Equal(BookSide.Ask, intent.Direction.BookSide);
        Assert.Equal(P(0.45m), intent.YesPrice);
        Assert.Equal(0.60m, intent.WinProbability.Value);
    }

    [Fact]
    public void An_unpriceable_fee_schedule_is_never_traded() =>
        Assert.Equal(DecisionCode.FeeScheduleUnknown, Evaluate(0.90m, market: Market(fees: new FeeSchedule(FeeType.Flat, 1m))).Reason);

    [Fact]
    public void An_empty_book_has_no_prices() =>
        Assert.Equal(DecisionCode.NoPrices, Evaluate(0.90m, market: Market(quote: Quote(0m, 0m))).Reason);

    [Fact]
    public void Size_is_capped_by_the_room_left_in_the_market()
    {
        // Full Kelly wants $122, the cap allows $50 and $45 is in: $5 of room: 10 × $0.47 + $0.1744 fee = $4.8744 fits, 11 would not.
        var result = Evaluate(0.55m, Strategy(kelly: 1m), market: Market(marketExposure: M(45m)), account: Account(totalExposure: 45m));
        Assert.Equal(C(10m), result.Intent.Count);
    }

    [Fact]
    public void Size_is_capped_by_the_event_and_total_room()
    {
        Assert.Equal(C(10m), Evaluate(0.55m, market: Market(eventExposure: M(95m))).Intent.Count);
        Assert.Equal(C(10m), Evaluate(0.55m, account: Account(totalExposure: 495m)).Intent.Count);
    }

    [Fact]
    public void Kelly_bets_from_the_balance_above_the_reserve()
    {
        var risk = RiskLimits();
        risk.MinBalanceReserve = 900m;
        // A quarter Kelly of $100 is $3.05: 6 contracts at $0.4874 all-in.
        Assert.Equal(C(6m), Evaluate(0.55m, risk: risk).Intent.Count);
        Assert.Equal(DecisionCode.NoRoomToSize, Evaluate(0.55m, account: Account(balance: 5m)).Reason);
    }

    [Fact]
    public void Size_is_capped_per_order_and_by_the_depth_at_the_ask()
    {
        Assert.Equal(C(5m), Evaluate(0.55m, Strategy(maxPerOrder: 5m)).Intent.Count);
        Assert.Equal(C(3m), Evaluate(0.55m, market: Market(quote: Quote(0.45m, 0.53m, size: 3m))).Intent.Count);
    }

    [Fact]
    public void A_market_at_its_cap_is_at_target_and_no_room_elsewhere_is_no_trade()
    {
        Assert.Equal(DecisionCode.AtTarget, Evaluate(0.55m, Strategy(kelly: 1m), market: Market(marketExposure: M(50m)), account: Account(totalExposure: 50m)).Reason);
        Assert.Equal(DecisionCode.NoRoomToSize, Evaluate(0.55m, market: Market(eventExposure: M(100m)), account: Account(totalExposure: 100m)).Reason);
    }

    [Theory]
    [InlineData(0.55)]
    [InlineData(0.50)]
    [InlineData(0.40)]
    [InlineData(0.60)]
    public void Whatever_it_proposes_passes_the_gate_on_the_same_picture(decimal probability)
    {
        var result = Evaluate(probability);
        Assert.True(result.HasIntent);
        var decision = new RiskGate(RiskLimits()).Check(result.Intent, Snapshot());
        Assert.True(decision.IsApproved, decision.ToString());
    }
}

public class OrderSizerTests
{
    private static Contracts Size(decimal q, decimal price, decimal bankroll, decimal budget, decimal kelly = 1m, decimal maxCount = 1_000_000m) =>
        OrderSizer.Size(Probability.FromValue(q), P(price), FeeSchedule.Standard, Liquidity.Taker, kelly, new SizingLimits(M(bankroll), M(budget), C(maxCount))).Count;

    [Fact]
    public void Full_Kelly_on_the_fee_inclusive_cost()
    {
        // Cost 0.50 + 0.0175 = 0.5175; f* = (0.60 − 0.5175) / 0.4825 = 0.17098; $100 bankroll → $17.098 → 33 contracts.
        Assert.Equal(C(33m), Size(0.60m, 0.50m, 100m, 1000m));
    }

    [Fact]
    public void A_fraction_of_Kelly_bets_proportionally_less() => Assert.Equal(C(8m), Size(0.60m, 0.50m, 100m, 1000m, kelly: 0.25m));

    [Theory]
    [InlineData(0.5175)]
    [InlineData(0.50)]
    public void No_edge_after_fees_means_no_size(decimal q) => Assert.Equal(Contracts.Zero, Size(q, 0.50m, 100m, 1000m));

    [Fact]
    public void The_rounded_fee_can_cost_one_contract()
    {
        // 10 at $0.55 cost 5.50 + ceil(0.173250) = 5.6733 > 10 × 0.567325 = 5.67325: the budget buys 9.
        Assert.Equal(C(9m), Size(0.99m, 0.55m, 1_000_000m, 5.67325m));
    }

    [Fact]
    public void Sizes_are_whole_contracts_within_the_count_cap() => Assert.Equal(C(7m), Size(0.90m, 0.50m, 1000m, 1000m, maxCount: 7.5m));

    [Fact]
    public void The_cost_of_the_size_always_fits_the_budget_and_the_stake()
    {
        for (var tick = 1; tick < 100; tick++)
        {
            var price = P(tick / 100m);
            foreach (var budget in new[] { 0.5m, 3.21m, 17m, 250m })
            {
                var count = Size(0.999m, price.Dollars, 1000m, budget);
                var cost = OrderSizer.CostOf(count, price, FeeSchedule.Standard, Liquidity.Taker);
                Assert.True(cost.Dollars <= budget, $"{count} at {price} cost {cost} over {budget}");
                var oneMore = OrderSizer.CostOf(count + C(1m), price, FeeSchedule.Standard, Liquidity.Taker);
                Assert.True(oneMore.Dollars > budget || count.Count == 1_000_000m, $"{count} at {price}: one more would still fit {budget}");
            }
        }
    }
}
