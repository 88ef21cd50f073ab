using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

public class FeeScheduleTests
{
    private static Money Fee(FeeType type, decimal count, decimal price, Liquidity liquidity, decimal multiplier = 1m)
    {
        Assert.True(new FeeSchedule(type, multiplier).TryTradeFee(C(count), P(price), liquidity, out var fee));
        return fee;
    }

    [Fact]
    public void Hundred_contracts_at_50_cents_cost_a_taker_175() =>
        Assert.Equal(M(1.75m), Fee(FeeType.Quadratic, 100m, 0.50m, Liquidity.Taker));

    [Fact]
    public void Hundred_contracts_at_50_cents_cost_a_maker_04375_where_makers_pay() =>
        Assert.Equal(M(0.4375m), Fee(FeeType.QuadraticWithMakerFees, 100m, 0.50m, Liquidity.Maker));

    [Fact]
    public void Makers_pay_nothing_on_a_plain_quadratic_series() =>
        Assert.Equal(Money.Zero, Fee(FeeType.Quadratic, 100m, 0.50m, Liquidity.Maker));

    [Fact]
    public void Combo_series_charge_makers_half_the_taker_rate() =>
        Assert.Equal(M(0.875m), Fee(FeeType.QuadraticWithComboMakerFees, 100m, 0.50m, Liquidity.Maker));

    [Theory]
    [InlineData(1, 0.50, 0.0175)]
    [InlineData(1, 0.55, 0.0174)]
    [InlineData(1, 0.01, 0.0007)]
    [InlineData(3, 0.055, 0.0110)]
    [InlineData(10, 0.99, 0.0070)]
    public void The_trade_fee_is_rounded_up_to_a_centicent(decimal count, decimal price, decimal expected) =>
        Assert.Equal(M(expected), Fee(FeeType.Quadratic, count, price, Liquidity.Taker));

    [Fact]
    public void The_series_multiplier_scales_the_fee() =>
        Assert.Equal(M(0.875m), Fee(FeeType.Quadratic, 100m, 0.50m, Liquidity.Taker, multiplier: 0.5m));

    [Theory]
    [InlineData(FeeType.Flat)]
    [InlineData(FeeType.Unknown)]
    public void A_schedule_this_build_cannot_price_yields_no_fee(FeeType type)
    {
        var schedule = new FeeSchedule(type, 1m);
        Assert.False(schedule.IsPriced);
        Assert.False(schedule.TryTradeFee(C(1m), P(0.5m), Liquidity.Taker, out _));
    }

    [Fact]
    public void A_negative_multiplier_is_not_priced() => Assert.False(new FeeSchedule(FeeType.Quadratic, -1m).IsPriced);
}

/// <summary>The worked examples of Kalshi's getting_started/fee_rounding page (docs.kalshi.com), fill by fill, their numbers held here.</summary>
public class FeeRoundingTests
{
    public static TheoryData<string, decimal, decimal, decimal, decimal[][]> WorkedExamples => new()
    {
        // name, price, count per fill, trade fee per fill, rows of: rounding, accumulator, rebate, net fee, balance change
        {
            "subpenny: 3 × 1 at $0.055", 0.055m, 1m, 0.0085m,
            [[0.0065m, 0.0065m, 0m, 0.0150m, -0.07m], [0.0065m, 0.0130m, 0.01m, 0.0050m, -0.07m], [0.0065m, 0.0095m, 0m, 0.0150m, -0.07m]]
        },
        {
            "fractional: 3 × 0.30 at $0.50", 0.50m, 0.30m, 0.0041m,
            [[0.0059m, 0.0059m, 0m, 0.0100m, -0.16m], [0.0059m, 0.0118m, 0.01m, 0.0000m, -0.16m], [0.0059m, 0.0077m, 0m, 0.0100m, -0.16m]]
        },
        {
            "combined: 3 × 0.03 at $0.3301", 0.3301m, 0.03m, 0.0005m,
            [[0.009597m, 0.009597m, 0m, 0.010097m, -0.02m], [0.009597m, 0.019194m, 0.01m, 0.000097m, -0.02m], [0.009597m, 0.018791m, 0.01m, 0.000097m, -0.02m]]
        },
    };

    [Theory]
    [MemberData(nameof(WorkedExamples))]
    public void Each_fill_matches_the_worked_example(string name, decimal price, decimal count, decimal tradeFee, decimal[][] rows)
    {
        var accumulator = new OrderFeeAccumulator(Money.CentDecimals);
        foreach (var (row, fill) in rows.Select((row, i) => (row, i + 1)))
        {
            var fee = accumulator.Apply(-(C(count) * P(price)), M(tradeFee));
            var context = $"{name}, fill {fill}";
            Assert.True(M(tradeFee) == fee.TradeFee, context);
            Assert.True(M(row[0]) == fee.RoundingFee, $"{context}: rounding {fee.RoundingFee}");
            Assert.True(M(row[1]) == fee.Accumulated, $"{context}: accumulator {fee.Accumulated}");
            Assert.True(M(row[2]) == fee.Rebate, $"{context}: rebate {fee.Rebate}");
            Assert.True(M(row[3]) == fee.NetFee, $"{context}: net {fee.NetFee}");
            Assert.True(M(row[4]) == fee.BalanceChange, $"{context}: balance {fee.BalanceChange}");
        }
    }

    [Fact]
    public void One_contract_at_50_cents_taker_is_charged_2_cents_on_a_cent_balance()
    {
        FeeSchedule.Standard.TryTradeFee(C(1m), P(0.50m), Liquidity.Taker, out var tradeFee);
        var fee = new OrderFeeAccumulator(Money.CentDecimals).Apply(-(C(1m) * P(0.50m)), tradeFee);
        Assert.Equal(M(0.0175m), fee.TradeFee);
        Assert.Equal(M(0.02m), fee.NetFee);
        Assert.Equal(M(-0.52m), fee.BalanceChange);
    }

    [Fact]
    public void A_direct_member_pays_the_trade_fee_with_no_rounding()
    {
        FeeSchedule.Standard.TryTradeFee(C(1m), P(0.50m), Liquidity.Taker, out var tradeFee);
        var fee = new OrderFeeAccumulator(Money.CenticentDecimals).Apply(-(C(1m) * P(0.50m)), tradeFee);
        Assert.Equal(M(0.0175m), fee.NetFee);
        Assert.Equal(Money.Zero, fee.RoundingFee);
        Assert.Equal(M(-0.5175m), fee.BalanceChange);
    }

    [Fact]
    public void A_seller_receives_revenue_less_the_fee_floored()
    {
        var fee = new OrderFeeAccumulator(Money.CentDecimals).Apply(C(1m) * P(0.50m), M(0.0175m));
        Assert.Equal(M(0.48m), fee.BalanceChange);
        Assert.Equal(M(0.02m), fee.NetFee);
    }

    [Fact]
    public void Over_many_fills_the_net_fee_converges_to_a_single_fill()
    {
        var accumulator = new OrderFeeAccumulator(Money.CentDecimals);
        var total = Money.Zero;
        for (var i = 0; i < 100; i++)
            total += accumulator.Apply(-(C(1m) * P(0.055m)), M(0.0037m)).NetFee;
        var single = new OrderFeeAccumulator(Money.CentDecimals).Apply(-(C(100m) * P(0.055m)), M(0.37m)).NetFee;
        // What is still in the accumulator (at most a cent) is the only difference.
        Assert.True((total - single).Dollars is >= 0m and <= 0.01m, $"100 fills cost {total}, one fill {single}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void Only_the_two_kalshi_balance_precisions_are_accepted(int precision) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderFeeAccumulator(precision));
}
