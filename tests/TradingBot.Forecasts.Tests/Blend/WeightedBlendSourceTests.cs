using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Forecasts.Blend;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Tests.Support;

namespace TradingBot.Forecasts.Tests.Blend;

public class WeightedBlendSourceTests
{
    private static readonly DateTimeOffset Noon = new(2026, 9, 13, 12, 0, 0, TimeSpan.Zero);
    private static readonly ForecastRequest Dal = Requests.For("KXNFLGAME-26SEP13DALNYG-DAL");

    private sealed class Fixed(string name, decimal? yes, DateTimeOffset asOf, string? problem = null, bool throws = false) : IForecastSource
    {
        public int Refreshes { get; private set; }

        public string Name => name;

        public ForecastSourceHealth Health => new(name, yes is null ? null : asOf, yes is null ? 0 : 1, problem);

        public Forecast? Get(ForecastRequest market) =>
            throws ? throw new InvalidOperationException("broken") : yes is { } p ? new Forecast(p, asOf) : null;

        public Task RefreshAsync(CancellationToken cancellationToken)
        {
            Refreshes++;
            return throws ? throw new InvalidOperationException("broken") : Task.CompletedTask;
        }
    }

    // logit 0.6 = 0.405465, logit 0.8 = 1.386294; (2 × 0.405465 + 1.386294) / 3 = 0.732408; 1 / (1 + e^−0.732408) = 0.675334.
    [Fact]
    public void Forecasts_are_averaged_by_weight_in_log_odds_and_dated_by_the_oldest()
    {
        var blend = new WeightedBlendSource(
        [
            (new Fixed("file", 0.6m, Noon), 2),
            (new Fixed("elo", 0.8m, Noon.AddHours(-1)), 1),
            (new Fixed("sportsbook", null, Noon.AddHours(-5)), 5),
        ]);

        var forecast = blend.Get(Dal);

        Assert.Equal(0.675334m, forecast!.Value.Yes.Value);
        Assert.Equal(Noon.AddHours(-1), forecast.Value.AsOf);
    }

    [Fact]
    public void Two_sources_agreeing_keep_their_probability_and_a_certain_one_is_held_inside_0_and_1()
    {
        Assert.Equal(0.1m, new WeightedBlendSource([(new Fixed("a", 0.1m, Noon), 1), (new Fixed("b", 0.1m, Noon), 3)]).Get(Dal)!.Value.Yes.Value);

        // logit(1 − 1e−6) = 13.815510; halved with logit 0.5 = 0: 1 / (1 + e^−6.907755) = 0.999001.
        Assert.Equal(0.999001m, new WeightedBlendSource([(new Fixed("a", 1m, Noon), 1), (new Fixed("b", 0.5m, Noon), 1)]).Get(Dal)!.Value.Yes.Value);
    }

    [Fact]
    public void With_no_member_forecast_there_is_no_blend()
    {
        var blend = new WeightedBlendSource([(new Fixed("a", null, Noon), 1), (new Fixed("b", 0.7m, Noon), 0)]);
        Assert.Null(blend.Get(Dal));
    }

    [Fact]
    public async Task A_member_that_throws_loses_its_vote_and_does_not_stop_the_others_refreshing()
    {
        var good = new Fixed("file", 0.6m, Noon);
        var broken = new Fixed("elo", 0.9m, Noon, throws: true);
        var blend = new WeightedBlendSource([(good, 1), (broken, 1)]);

        await blend.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, good.Refreshes);
        Assert.Equal(1, broken.Refreshes);
        Assert.Equal(0.6m, blend.Get(Dal)!.Value.Yes.Value);
    }

    [Fact]
    public void Health_names_each_member_problem_and_is_as_old_as_the_oldest_member()
    {
        var blend = WeightedBlendSource.FromOptions(
            new BlendOptions { Enabled = true, Weights = new(StringComparer.OrdinalIgnoreCase) { ["file"] = 1, ["elo"] = 1, ["sportsbook"] = 2 } },
            [new Fixed("file", 0.6m, Noon), new Fixed("elo", 0.6m, Noon.AddDays(-1), problem: "stale")]);

        var health = blend.Health;

        Assert.Equal("blend", health.Name);
        Assert.Equal(Noon.AddDays(-1), health.LastUpdated);
        Assert.Equal("weighted but not running: sportsbook | elo: stale", health.Problem);
    }
}
