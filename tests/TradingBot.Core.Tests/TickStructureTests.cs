using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

public class TickStructureTests
{
    /// <summary>Deci-cent ticks near the tails, cents in the middle (a tapered subpenny market).</summary>
    private static readonly TickStructure Tapered = Create(
        new PriceBand(P(0m), P(0.10m), 0.001m),
        new PriceBand(P(0.10m), P(0.90m), 0.01m),
        new PriceBand(P(0.90m), P(1m), 0.001m));

    private static TickStructure Create(params PriceBand[] bands)
    {
        Assert.True(TickStructure.TryCreate(bands, out var structure, out var error), error);
        return structure;
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.01, true)]
    [InlineData(0.5, true)]
    [InlineData(0.505, false)]
    [InlineData(0.99, true)]
    [InlineData(1, false)]
    public void Linear_cent_accepts_every_cent_strictly_inside(decimal price, bool valid) =>
        Assert.Equal(valid, TickStructure.LinearCent.IsValid(P(price)));

    [Theory]
    [InlineData(0.001, true)]
    [InlineData(0.055, true)]
    [InlineData(0.0555, false)]
    [InlineData(0.10, true)]
    [InlineData(0.105, false)]
    [InlineData(0.55, true)]
    [InlineData(0.555, false)]
    [InlineData(0.955, true)]
    [InlineData(0.999, true)]
    public void Tapered_bands_accept_their_own_steps(decimal price, bool valid) => Assert.Equal(valid, Tapered.IsValid(P(price)));

    [Theory]
    [InlineData(0.555, 0.55, 0.56)]
    [InlineData(0.55, 0.55, 0.55)]
    [InlineData(0.0555, 0.055, 0.056)]
    [InlineData(0.1005, 0.10, 0.11)]
    [InlineData(0.9005, 0.90, 0.901)]
    public void Snapping_goes_down_for_a_buy_and_up_for_a_sell(decimal wanted, decimal buy, decimal sell)
    {
        Assert.True(Tapered.TrySnap(P(wanted), OrderAction.Buy, out var down));
        Assert.True(Tapered.TrySnap(P(wanted), OrderAction.Sell, out var up));
        Assert.Equal(P(buy), down);
        Assert.Equal(P(sell), up);
    }

    [Fact]
    public void Snapping_past_the_ends_finds_no_tradable_price()
    {
        Assert.False(Tapered.TrySnapDown(P(0.0005m), out _));
        Assert.False(Tapered.TrySnapUp(P(0.9995m), out _));
        Assert.False(TickStructure.LinearCent.TrySnapDown(P(0.005m), out _));
    }

    [Fact]
    public void Next_tick_crosses_band_edges()
    {
        Assert.True(Tapered.TryNextAbove(P(0.10m), out var above));
        Assert.True(Tapered.TryNextBelow(P(0.10m), out var below));
        Assert.Equal(P(0.11m), above);
        Assert.Equal(P(0.099m), below);
        Assert.False(TickStructure.LinearCent.TryNextAbove(P(0.99m), out _));
    }

    [Theory]
    [InlineData(0.0, 0.5, 0.0, "step")]
    [InlineData(0.5, 0.5, 0.01, "empty")]
    [InlineData(0.0, 0.5, 0.03, "whole number")]
    [InlineData(0.0, 0.5, 0.00005, "step")]
    public void Malformed_ranges_are_refused_with_a_reason(decimal start, decimal end, decimal step, string reason)
    {
        Assert.False(TickStructure.TryCreate([new PriceBand(P(start), P(end), step)], out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_ranges_at_all_is_refused() => Assert.False(TickStructure.TryCreate([], out _, out _));

    /// <summary>Every 4-decimal price there is, not a sample: 10,001 cases are cheap.</summary>
    public static IEnumerable<Price> EveryPrice() => Enumerable.Range(0, 10_001).Select(i => Price.FromDollars(i / 10000m));

    [Fact]
    public void Snapping_down_lands_on_the_nearest_valid_tick_at_or_below()
    {
        foreach (var wanted in EveryPrice())
        {
            if (!Tapered.TrySnapDown(wanted, out var snapped))
            {
                Assert.True(wanted.Dollars < 0.001m, $"nothing below {wanted}");
                continue;
            }

            Assert.True(Tapered.IsValid(snapped) && snapped <= wanted, $"{wanted} snapped down to {snapped}");
            Assert.True(!Tapered.TryNextAbove(snapped, out var next) || next > wanted, $"{wanted} snapped down to {snapped}, but {next} is nearer");
        }
    }

    [Fact]
    public void Snapping_up_lands_on_the_nearest_valid_tick_at_or_above()
    {
        foreach (var wanted in EveryPrice())
        {
            if (!Tapered.TrySnapUp(wanted, out var snapped))
            {
                Assert.True(wanted.Dollars > 0.999m, $"nothing above {wanted}");
                continue;
            }

            Assert.True(Tapered.IsValid(snapped) && snapped >= wanted, $"{wanted} snapped up to {snapped}");
            Assert.True(!Tapered.TryNextBelow(snapped, out var previous) || previous < wanted, $"{wanted} snapped up to {snapped}, but {previous} is nearer");
        }
    }
}
