using TradingBot.Core.Values;
using TradingBot.Simulator.MarketMaking;

namespace TradingBot.Simulator.Tests.Scenarios;

public class QuoteLadderTests
{
    private static readonly MarketMakerOptions Options = MarketMakerOptions.Default;

    [Theory]
    [InlineData(48, 400, 2, 10)]
    [InlineData(24, 400, 2, 10)]
    [InlineData(12, 250, 4, 55)]
    [InlineData(0.001, 100, 5, 100)]
    [InlineData(-1, 200, 5, 100)]
    public void The_ladder_tightens_and_deepens_toward_the_start_and_widens_in_play(double hoursToStart, int halfSpreadUnits, int levels, int size)
    {
        var shape = QuoteLadder.Shape(Options, TimeSpan.FromHours(hoursToStart));

        Assert.Equal(new LadderShape(halfSpreadUnits, levels, Contracts.Whole(size)), shape);
    }

    /// <summary>The property that keeps makers from trading with each other: every bid below the consensus, every ask above it.</summary>
    [Fact]
    public void Every_maker_bids_below_and_offers_above_the_consensus_on_the_grid()
    {
        TickStructure.TryCreate(
            [new PriceBand(Price.Zero, Price.FromDollars(0.1m), 0.001m), new PriceBand(Price.FromDollars(0.1m), Price.FromDollars(0.9m), 0.01m), new PriceBand(Price.FromDollars(0.9m), Price.One, 0.001m)],
            out var subpenny, out _);
        TickStructure.TryCreate([new PriceBand(Price.Zero, Price.One, 0.05m)], out var coarse, out _);
        foreach (var ticks in (TickStructure[])[TickStructure.LinearCent, subpenny, coarse])
        {
            for (var consensus = 0.0005; consensus < 1; consensus += 0.0037)
            {
                foreach (var hours in (double[])[40, 6, 0.2, -1])
                {
                    for (var maker = 0; maker < 3; maker++)
                    {
                        var quotes = QuoteLadder.Build(Options, maker, consensus, TimeSpan.FromHours(hours), ticks);
                        Assert.All(quotes, q => Assert.True(ticks.IsValid(q.Price)));
                        Assert.All(quotes.Where(q => q.Side == BookSide.Bid), q => Assert.True(q.Price.Units < consensus * 10_000));
                        Assert.All(quotes.Where(q => q.Side == BookSide.Ask), q => Assert.True(q.Price.Units > consensus * 10_000));
                        Assert.Equal(quotes.Count, quotes.Select(q => (q.Side, q.Price)).Distinct().Count());
                    }
                }
            }
        }
    }

    [Fact]
    public void A_second_maker_quotes_one_step_wider()
    {
        var first = QuoteLadder.Build(Options, 0, 0.5, TimeSpan.FromMinutes(1), TickStructure.LinearCent);
        var second = QuoteLadder.Build(Options, 1, 0.5, TimeSpan.FromMinutes(1), TickStructure.LinearCent);

        Assert.Equal(Price.FromDollars(0.49m), first.Where(q => q.Side == BookSide.Bid).Max(q => q.Price));
        Assert.Equal(Price.FromDollars(0.48m), second.Where(q => q.Side == BookSide.Bid).Max(q => q.Price));
        Assert.Equal(Price.FromDollars(0.52m), second.Where(q => q.Side == BookSide.Ask).Min(q => q.Price));
    }

    [Fact]
    public void Near_certainty_leaves_only_the_side_that_fits()
    {
        var quotes = QuoteLadder.Build(Options, 0, 0.995, TimeSpan.FromMinutes(1), TickStructure.LinearCent);

        Assert.DoesNotContain(quotes, q => q.Side == BookSide.Ask);
        Assert.Equal(5, quotes.Count);
    }
}
