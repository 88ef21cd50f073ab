using Microsoft.Extensions.Time.Testing;
using TradingBot.Simulator.Http;

namespace TradingBot.Simulator.Tests.Http;

public class SimClockTests
{
    private static readonly DateTimeOffset WallStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MarketStart = new(2026, 9, 13, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_manual_clock_moves_only_when_told()
    {
        var wall = new FakeTimeProvider(WallStart);
        var clock = new SimClock(wall, MarketStart);

        wall.Advance(TimeSpan.FromHours(1));
        var still = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(5));
        var advanced = clock.GetUtcNow();
        clock.Set(MarketStart.AddDays(1));

        Assert.Equal(MarketStart, still);
        Assert.Equal(MarketStart.AddMinutes(5), advanced);
        Assert.Equal(MarketStart.AddDays(1), clock.GetUtcNow());
    }

    [Fact]
    public void An_accelerated_clock_runs_a_multiple_of_the_wall_clock_and_can_still_be_moved()
    {
        var wall = new FakeTimeProvider(WallStart);
        var clock = new SimClock(wall, MarketStart, speed: 60);

        wall.Advance(TimeSpan.FromSeconds(2));
        var afterTwoSeconds = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        wall.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(MarketStart.AddMinutes(2), afterTwoSeconds);
        Assert.Equal(MarketStart.AddMinutes(2).AddHours(1).AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void The_market_clock_never_goes_back()
    {
        var clock = new SimClock(new FakeTimeProvider(WallStart), MarketStart);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(MarketStart.AddTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimClock(TimeProvider.System, MarketStart, speed: -1));
    }
}
