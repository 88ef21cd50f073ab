using TradingBot.Core.Exchange;
using TradingBot.Simulator.MarketMaking;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Simulator.Tests.Scenarios;

public class FairPathTests
{
    private static readonly DateTimeOffset Origin = ScenarioFixtures.T0;
    private static readonly DateTimeOffset Start = Origin.AddHours(1);
    private static readonly DateTimeOffset End = Start.AddHours(3);

    [Fact]
    public void The_same_seed_gives_the_same_path_however_often_it_is_stepped()
    {
        var fine = Path(seed: 11);
        var coarse = Path(seed: 11);
        var checkpoints = new List<(double, double)>();

        for (var at = Origin; at <= End; at = at.AddSeconds(7))
        {
            fine.AdvanceTo(at);
            if ((at - Origin).Ticks % TimeSpan.FromMinutes(35).Ticks == 0)
            {
                coarse.AdvanceTo(at);
                checkpoints.Add((fine.Probability, coarse.Probability));
            }
        }

        fine.AdvanceTo(End);
        coarse.AdvanceTo(End);
        Assert.True(checkpoints.Count >= 6);
        Assert.All(checkpoints, pair => Assert.Equal(pair.Item1, pair.Item2));
        Assert.Equal(fine.Result, coarse.Result);
        Assert.Equal(fine.Jumps, coarse.Jumps);
    }

    [Fact]
    public void Different_seeds_give_different_paths()
    {
        var a = Path(seed: 1);
        var b = Path(seed: 2);

        a.AdvanceTo(Start.AddHours(1));
        b.AdvanceTo(Start.AddHours(1));

        Assert.NotEqual(a.Probability, b.Probability);
    }

    [Fact]
    public void Scoring_jumps_happen_only_during_the_game()
    {
        var jumps = Enumerable.Range(0, 20).SelectMany(seed =>
        {
            var path = Path(seed, spec: Spec(seed) with { JumpRate = 20 });
            path.AdvanceTo(End);
            return path.Jumps;
        }).ToList();

        Assert.True(jumps.Count > 500);
        Assert.All(jumps, at => Assert.InRange(at, Start.AddTicks(1), End));
    }

    [Theory]
    [InlineData(OutcomeRule.Yes, MarketResult.Yes)]
    [InlineData(OutcomeRule.No, MarketResult.No)]
    public void A_forced_outcome_is_the_result_and_the_path_converges_to_it(OutcomeRule rule, MarketResult expected)
    {
        DateTimeOffset[] checkpoints = [Start, Start.AddMinutes(90), End.AddMinutes(-10), End.AddSeconds(-10)];
        var agreement = new double[checkpoints.Length];
        const int Paths = 200;
        for (var seed = 0; seed < Paths; seed++)
        {
            var path = Path(seed, rule);
            for (var i = 0; i < checkpoints.Length; i++)
            {
                path.AdvanceTo(checkpoints[i]);
                agreement[i] += (expected == MarketResult.Yes ? path.Probability : 1 - path.Probability) / Paths;
            }

            path.AdvanceTo(End);
            Assert.Equal(expected, path.Result);
            Assert.Equal(expected == MarketResult.Yes ? 1.0 : 0.0, path.Probability);
        }

        Assert.True(agreement.Zip(agreement.Skip(1)).All(pair => pair.Second > pair.First), string.Join(", ", agreement));
        Assert.True(agreement[^1] > 0.85, $"average {agreement[^1]:0.000} ten seconds before the end");
    }

    [Fact]
    public void A_drawn_outcome_matches_where_the_path_ended_up_and_is_calibrated()
    {
        var agreed = 0;
        var yes = 0;
        const int Paths = 1000;
        for (var seed = 0; seed < Paths; seed++)
        {
            var path = Path(seed, spec: Spec(seed) with { StartProbability = 0.3 });
            path.AdvanceTo(End.AddMinutes(-1));
            var late = path.Probability;
            path.AdvanceTo(End);
            yes += path.Result == MarketResult.Yes ? 1 : 0;
            agreed += (late > 0.5) == (path.Result == MarketResult.Yes) ? 1 : 0;
        }

        Assert.InRange(yes / (double)Paths, 0.26, 0.34);
        Assert.True(agreed > 0.9 * Paths, $"{agreed} of {Paths} agreed with the probability a minute before the end");
    }

    [Fact]
    public void Before_the_game_the_path_drifts_only_with_its_pregame_volatility()
    {
        var calm = Path(3, spec: Spec(3) with { Volatility = 0 });

        calm.AdvanceTo(Start);

        Assert.Equal(0.6, calm.Probability, 9);
        Assert.Empty(calm.Jumps);
    }

    [Fact]
    public void A_hand_move_sets_the_fair_and_the_consensus_follows_partly()
    {
        var path = Path(4, market: MarketMakerOptions.Exact with { JumpLag = 0.5 });
        path.AdvanceTo(Origin.AddMinutes(5));

        Assert.True(path.TryMoveTo(0.9));

        Assert.Equal(0.9, path.Probability, 9);
        Assert.InRange(path.Consensus, 0.7, 0.85);
        path.AdvanceTo(Origin.AddHours(1));
        Assert.InRange(path.Consensus, Math.Max(0.5, path.Probability - 0.05), path.Probability + 0.05);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_hand_move_needs_a_probability_strictly_inside(double probability) =>
        Assert.False(Path(5).TryMoveTo(probability));

    [Fact]
    public void After_the_game_the_fair_is_final()
    {
        var path = Path(6);
        path.AdvanceTo(End.AddHours(1));

        Assert.NotNull(path.Result);
        Assert.False(path.TryMoveTo(0.5));
        Assert.Equal(End, path.At);
    }

    [Fact]
    public void Market_mispricing_wanders_around_the_fair_but_never_far()
    {
        var path = Path(8, market: MarketMakerOptions.Default);
        var gaps = new List<double>();
        for (var at = Origin; at < Start; at = at.AddMinutes(1))
        {
            path.AdvanceTo(at);
            gaps.Add(FairPath.Logit(path.Consensus) - FairPath.Logit(path.Probability));
        }

        Assert.Contains(gaps, g => Math.Abs(g) > 0.05);
        Assert.All(gaps, g => Assert.InRange(g, -1.5, 1.5));
    }

    private static PathSpec Spec(int seed) => new(0.6, 0.1, 0.8, 3, 0.4, seed);

    private static FairPath Path(int seed, OutcomeRule rule = OutcomeRule.Drawn, PathSpec? spec = null, MarketMakerOptions? market = null) =>
        new(spec ?? Spec(seed), rule, Origin, Start, End, market ?? MarketMakerOptions.Exact);
}
