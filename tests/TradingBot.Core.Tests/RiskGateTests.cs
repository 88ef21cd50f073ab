using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

/// <summary>Each rule bracketed just under, at and just over its threshold, through the whole gate.</summary>
public class RiskGateTests
{
    private static readonly RiskGate Gate = new(RiskLimits());

    private static RiskDecision Check(TradeIntent? intent = null, RiskSnapshot? snapshot = null) =>
        Gate.Check(intent ?? Entry(), snapshot ?? Snapshot());

    private static void AssertDenied(DecisionCode code, RiskDecision decision)
    {
        Assert.False(decision.IsApproved, "expected a denial");
        Assert.Equal(code, decision.Code);
    }

    [Fact]
    public void A_sound_entry_is_approved() => Assert.True(Check().IsApproved, Check().ToString());

    [Theory]
    [InlineData(TradingState.Active, false, false, DecisionCode.None)]
    [InlineData(TradingState.Halted, false, false, DecisionCode.TradingHalted)]
    [InlineData(TradingState.ReducingOnly, false, false, DecisionCode.ReducingOnly)]
    [InlineData(TradingState.Active, true, false, DecisionCode.TradingHalted)]
    [InlineData(TradingState.Active, false, true, DecisionCode.TradingHalted)]
    public void Trading_state_gates_entries(TradingState operatorState, bool safeMode, bool breaker, DecisionCode expected)
    {
        var decision = Check(snapshot: Snapshot(Account(trading: TradingStatus.From(operatorState, safeMode, breaker))));
        Assert.Equal(expected, decision.Code);
    }

    [Fact]
    public void Reducing_only_lets_an_exit_through_and_halted_does_not()
    {
        var holding = new Holding(OutcomeSide.Yes, C(10m), M(5m));
        var reducing = Snapshot(Account(trading: TradingStatus.From(TradingState.ReducingOnly, false, false)), Market(holding: holding));
        var halted = Snapshot(Account(trading: TradingStatus.From(TradingState.Active, true, false)), Market(holding: holding));
        Assert.True(Gate.Check(Exit(), reducing).IsApproved);
        var denial = Gate.Check(Exit(), halted);
        AssertDenied(DecisionCode.TradingHalted, denial);
        Assert.Equal("TRADING_HALTED: market=KXNFLGAME-26SEP13DALNYG-DAL, reason=safe_mode", denial.ToString());
    }

    [Theory]
    [InlineData(true, true, DecisionCode.None)]
    [InlineData(false, true, DecisionCode.ExchangeClosed)]
    [InlineData(true, false, DecisionCode.ExchangePaused)]
    public void The_exchange_must_be_open_and_trading(bool exchangeActive, bool tradingActive, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(Account(exchange: new ExchangeStatus(exchangeActive, tradingActive)))).Code);

    [Theory]
    [InlineData(MarketStatus.Active, DecisionCode.None)]
    [InlineData(MarketStatus.Inactive, DecisionCode.MarketNotActive)]
    [InlineData(MarketStatus.Initialized, DecisionCode.MarketNotActive)]
    [InlineData(MarketStatus.Closed, DecisionCode.MarketNotActive)]
    [InlineData(MarketStatus.Unknown, DecisionCode.MarketNotActive)]
    public void The_market_must_be_active(MarketStatus status, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(market: Market(status: status))).Code);

    [Theory]
    [InlineData(-1, DecisionCode.None)]
    [InlineData(0, DecisionCode.MarketPastClose)]
    [InlineData(1, DecisionCode.MarketPastClose)]
    public void Nothing_trades_at_or_after_close(int secondsFromClose, DecisionCode expected)
    {
        var market = Market() with { CloseTime = Now.AddSeconds(-secondsFromClose), GameStart = Now.AddHours(-1) };
        var decision = Gate.Check(Exit(), Snapshot(market: market with { Holding = new Holding(OutcomeSide.Yes, C(10m), M(5m)) }));
        Assert.Equal(expected, decision.Code);
    }

    [Theory]
    [InlineData(301, DecisionCode.None)]
    [InlineData(300, DecisionCode.None)]
    [InlineData(299, DecisionCode.TooCloseToGameStart)]
    [InlineData(1, DecisionCode.TooCloseToGameStart)]
    [InlineData(0, DecisionCode.InPlay)]
    [InlineData(-60, DecisionCode.InPlay)]
    public void Entries_stop_five_minutes_before_the_game(int secondsToStart, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(market: Market(untilStart: TimeSpan.FromSeconds(secondsToStart)))).Code);

    [Fact]
    public void In_play_entries_pass_when_allowed_but_the_window_before_start_still_holds()
    {
        var options = RiskLimits();
        options.AllowInPlay = true;
        var gate = new RiskGate(options);
        Assert.True(gate.Check(Entry(), Snapshot(market: Market(untilStart: TimeSpan.FromSeconds(-60)))).IsApproved);
        Assert.Equal(DecisionCode.TooCloseToGameStart, gate.Check(Entry(), Snapshot(market: Market(untilStart: TimeSpan.FromSeconds(60)))).Code);
    }

    [Fact]
    public void An_unknown_game_start_denies_entries() =>
        AssertDenied(DecisionCode.GameStartUnknown, Check(snapshot: Snapshot(market: Market(startUnknown: true))));

    [Fact]
    public void Exits_ignore_the_game_clock()
    {
        var market = Market(untilStart: TimeSpan.FromSeconds(-600), holding: new Holding(OutcomeSide.Yes, C(10m), M(5m)));
        Assert.True(Gate.Check(Exit(), Snapshot(market: market)).IsApproved);
    }

    [Theory]
    [InlineData(29, DecisionCode.None)]
    [InlineData(30, DecisionCode.None)]
    [InlineData(31, DecisionCode.StaleQuote)]
    public void Quotes_older_than_30_seconds_are_stale(int ageSeconds, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(market: Market(quote: Quote(0.45m, 0.53m, at: Now.AddSeconds(-ageSeconds))))).Code);

    [Fact]
    public void A_stale_quote_stops_exits_too()
    {
        var market = Market(quote: Quote(0.45m, 0.53m, at: Now.AddMinutes(-5)), holding: new Holding(OutcomeSide.Yes, C(10m), M(5m)));
        AssertDenied(DecisionCode.StaleQuote, Gate.Check(Exit(), Snapshot(market: market)));
    }

    [Theory]
    [InlineData(899, DecisionCode.None)]
    [InlineData(900, DecisionCode.None)]
    [InlineData(901, DecisionCode.StaleForecast)]
    public void Forecasts_older_than_15_minutes_are_stale(int ageSeconds, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(forecastAge: TimeSpan.FromSeconds(ageSeconds))).Code);

    [Fact]
    public void No_forecast_no_entry() => AssertDenied(DecisionCode.NoForecast, Check(snapshot: Snapshot(noForecast: true)));

    /// <summary>10 YES at $0.47 cost $4.70 + ceil(0.07 × 10 × 0.47 × 0.53) = $0.1744 fee: $4.8744. The cap is $50.</summary>
    [Theory]
    [InlineData(45.1255, DecisionCode.None)]
    [InlineData(45.1256, DecisionCode.None)]
    [InlineData(45.1257, DecisionCode.PositionLimit)]
    public void The_position_limit_counts_what_is_there_plus_this_order(decimal existing, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(market: Market(marketExposure: M(existing), eventExposure: M(existing)))).Code);

    [Fact]
    public void A_position_limit_denial_says_the_limit_and_what_it_would_be()
    {
        // 20 × $0.47 = $9.40, fee ceil(0.07 × 20 × 0.47 × 0.53) = $0.3488.
        var decision = Check(Entry(price: 0.47m, count: 20m), Snapshot(market: Market(marketExposure: M(45m), eventExposure: M(45m))));
        Assert.Equal("POSITION_LIMIT: market=KXNFLGAME-26SEP13DALNYG-DAL, limit=50.00, would_be=54.7488", decision.ToString());
    }

    [Theory]
    [InlineData(95.1255, DecisionCode.None)]
    [InlineData(95.1256, DecisionCode.None)]
    [InlineData(95.1257, DecisionCode.EventExposureLimit)]
    public void The_event_cap_counts_every_market_of_the_game(decimal eventExposure, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(market: Market(eventExposure: M(eventExposure)))).Code);

    [Theory]
    [InlineData(495.1255, DecisionCode.None)]
    [InlineData(495.1256, DecisionCode.None)]
    [InlineData(495.1257, DecisionCode.TotalExposureLimit)]
    public void The_total_cap_counts_everything(decimal total, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(Account(totalExposure: total))).Code);

    [Theory]
    [InlineData(4.8745, 0, DecisionCode.None)]
    [InlineData(4.8744, 0, DecisionCode.None)]
    [InlineData(4.8743, 0, DecisionCode.InsufficientBalance)]
    [InlineData(14.8745, 10, DecisionCode.None)]
    [InlineData(14.8744, 10, DecisionCode.None)]
    [InlineData(14.8743, 10, DecisionCode.InsufficientBalance)]
    public void The_order_must_be_payable_above_the_reserve(decimal balance, decimal reserve, DecisionCode expected)
    {
        var options = RiskLimits();
        options.MinBalanceReserve = reserve;
        Assert.Equal(expected, new RiskGate(options).Check(Entry(), Snapshot(Account(balance: balance))).Code);
    }

    /// <summary>Kalshi checks collateral inside each shard's matching engine: MLB games created after 24 August 2026 are on shard 3.</summary>
    [Fact]
    public void An_order_on_a_shard_without_cash_is_denied_with_the_shard_even_when_another_shard_holds_plenty()
    {
        var decision = Check(snapshot: Snapshot(Account(balances: Shards((0, 1000m), (3, 0m))), Market(exchangeIndex: 3)));

        Assert.Equal(DecisionCode.InsufficientBalance, decision.Code);
        Assert.Contains("exchange_index=3, available=0.00, order_cost=", decision.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, DecisionCode.None)]
    [InlineData(3, DecisionCode.InsufficientBalance)]
    [InlineData(2, DecisionCode.InsufficientBalance)]
    public void Only_the_markets_shard_pays_and_a_shard_the_venue_did_not_report_holds_nothing(int shard, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(Account(balances: Shards((0, 1000m), (3, 4m))), Market(exchangeIndex: shard))).Code);

    [Theory]
    [InlineData(0, DecisionCode.None)]
    [InlineData(1000, DecisionCode.None)]
    [InlineData(1001, DecisionCode.InsufficientBalance)]
    public void The_reserve_is_kept_across_the_account_while_the_shard_bounds_the_cost(decimal reserve, DecisionCode expected)
    {
        var options = RiskLimits();
        options.MinBalanceReserve = reserve;
        // $995 on shard 0 and $10 on shard 3, $1005 in all: the order costs $4.8743 on shard 3.
        var snapshot = Snapshot(Account(balances: Shards((0, 995m), (3, 10m))), Market(exchangeIndex: 3));
        Assert.Equal(expected, new RiskGate(options).Check(Entry(), snapshot).Code);
    }

    [Theory]
    [InlineData(19, DecisionCode.None)]
    [InlineData(20, DecisionCode.OrderRateLimit)]
    [InlineData(21, DecisionCode.OrderRateLimit)]
    public void At_most_20_orders_a_minute(int sent, DecisionCode expected) =>
        Assert.Equal(expected, Check(snapshot: Snapshot(Account(ordersInLastMinute: sent))).Code);

    [Fact]
    public void The_order_rate_limit_holds_for_exits()
    {
        var market = Market(holding: new Holding(OutcomeSide.Yes, C(10m), M(5m)));
        AssertDenied(DecisionCode.OrderRateLimit, Gate.Check(Exit(), Snapshot(Account(ordersInLastMinute: 20), market)));
    }

    [Theory]
    [InlineData(0.47, 10, DecisionCode.None)]
    [InlineData(0.475, 10, DecisionCode.OffTick)]
    [InlineData(0.47, 0, DecisionCode.InvalidCount)]
    public void Price_must_be_on_the_grid_and_count_positive(decimal price, decimal count, DecisionCode expected) =>
        Assert.Equal(expected, Check(Entry(price: price, count: count, winProbability: price + 0.05m)).Code);

    [Fact]
    public void A_price_of_zero_is_refused() =>
        AssertDenied(DecisionCode.InvalidPrice, Check(Entry() with { LimitPrice = Price.Zero }));

    [Fact]
    public void A_NO_order_is_checked_on_the_yes_leg_grid()
    {
        var ticks = TickStructure.TryCreate([new PriceBand(P(0m), P(0.10m), 0.001m), new PriceBand(P(0.10m), P(1m), 0.01m)], out var s, out _) ? s : null;
        var market = Market(ticks: ticks);
        Assert.True(Gate.Check(Entry(price: 0.905m, winProbability: 0.95m, side: OutcomeSide.No), Snapshot(market: market)).IsApproved);
        AssertDenied(DecisionCode.OffTick, Gate.Check(Entry(price: 0.095m, winProbability: 0.12m, side: OutcomeSide.No), Snapshot(market: market)));
    }

    [Theory]
    [InlineData(0.71, DecisionCode.None)]
    [InlineData(0.72, DecisionCode.None)]
    [InlineData(0.7201, DecisionCode.ImplausibleEdge)]
    public void An_edge_above_25_cents_looks_like_a_mapping_error(decimal winProbability, DecisionCode expected) =>
        Assert.Equal(expected, Check(Entry(price: 0.47m, winProbability: winProbability)).Code);

    [Theory]
    [InlineData(10, OutcomeSide.Yes, DecisionCode.None)]
    [InlineData(10.01, OutcomeSide.Yes, DecisionCode.ExitExceedsPosition)]
    [InlineData(1, OutcomeSide.No, DecisionCode.ExitExceedsPosition)]
    public void An_exit_sells_at_most_what_is_held_on_its_side(decimal count, OutcomeSide side, DecisionCode expected)
    {
        var market = Market(holding: new Holding(OutcomeSide.Yes, C(10m), M(5m)));
        Assert.Equal(expected, Gate.Check(Exit(count: count, side: side), Snapshot(market: market)).Code);
    }

    [Fact]
    public void Exits_skip_the_entry_only_rules()
    {
        var market = Market(marketExposure: M(1000m), eventExposure: M(1000m), untilStart: TimeSpan.FromMinutes(-10), holding: new Holding(OutcomeSide.Yes, C(10m), M(5m)));
        var snapshot = Snapshot(Account(balance: 0m, totalExposure: 10_000m), market, noForecast: true);
        Assert.True(Gate.Check(Exit(), snapshot).IsApproved);
        Assert.False(Gate.Check(Entry(), snapshot).IsApproved);
    }

    [Fact]
    public void The_first_denial_in_the_fixed_order_wins()
    {
        var snapshot = Snapshot(Account(exchange: new ExchangeStatus(true, false), ordersInLastMinute: 99), Market(status: MarketStatus.Inactive), noForecast: true);
        AssertDenied(DecisionCode.ExchangePaused, Check(snapshot: snapshot));
        Assert.IsType<Core.Risk.Rules.TradingStateRule>(Gate.Rules[0]);
    }
}
