using TradingBot.Core.Risk;

namespace TradingBot.Core.Tests;

public class RiskOptionsTests
{
    private static RiskOptions Valid() => new()
    {
        MaxPositionPerMarket = 50m,
        StopLossFloorPercent = 50m,
        DailyLossLimit = 100m,
        MaxConsecutiveApiErrors = 5,
    };

    private static List<string> ProblemKeys(RiskOptions options) => options.Validate().Select(p => p.Key).ToList();

    [Fact]
    public void Stated_limits_with_the_defaults_are_valid() => Assert.Empty(Valid().Validate());

    [Fact]
    public void Limits_left_at_zero_are_each_reported()
    {
        var keys = ProblemKeys(new RiskOptions());
        Assert.Contains("Risk:MaxPositionPerMarket", keys);
        Assert.Contains("Risk:DailyLossLimit", keys);
        Assert.Contains("Risk:StopLossFloorPercent", keys);
        Assert.Contains("Risk:MaxConsecutiveApiErrors", keys);
    }

    [Theory]
    [InlineData(-100, false)]
    [InlineData(0, false)]
    [InlineData(0.01, true)]
    public void DailyLossLimit_must_be_positive(decimal limit, bool ok)
    {
        var options = Valid();
        options.DailyLossLimit = limit;
        Assert.Equal(ok, !ProblemKeys(options).Contains("Risk:DailyLossLimit"));
    }

    [Theory]
    [InlineData(49.99, false)]
    [InlineData(50, true)]
    public void Per_event_cap_must_hold_at_least_one_full_market(decimal perEvent, bool ok)
    {
        var options = Valid();
        options.MaxExposurePerEvent = perEvent;
        Assert.Equal(ok, !ProblemKeys(options).Contains("Risk:MaxExposurePerEvent"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(99, true)]
    [InlineData(100, false)]
    public void StopLossFloorPercent_is_strictly_inside_0_and_100(decimal percent, bool ok)
    {
        var options = Valid();
        options.StopLossFloorPercent = percent;
        Assert.Equal(ok, ProblemKeys(options).Count == 0);
    }

    [Fact]
    public void Unknown_time_zone_is_reported_with_its_name()
    {
        var options = Valid();
        options.TradingDayTimeZone = "America/Nowhere";
        var problem = Assert.Single(options.Validate());
        Assert.Contains("America/Nowhere", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Back_off_maximum_below_its_start_is_reported()
    {
        var options = Valid();
        options.ApiErrorBackoffInitial = TimeSpan.FromSeconds(10);
        options.ApiErrorBackoffMax = TimeSpan.FromSeconds(5);
        Assert.Equal(["Risk:ApiErrorBackoffMax"], ProblemKeys(options));
    }
}
