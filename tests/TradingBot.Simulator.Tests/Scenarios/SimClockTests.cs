using Microsoft.Extensions.Time.Testing;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Simulator.Tests.Scenarios;

public class SimClockTests
{
    private static readonly DateTimeOffset Anchor = ScenarioFixtures.T0;

    [Theory]
    [InlineData(1.0, 10, 10)]
    [InlineData(60.0, 1, 60)]
    [InlineData(0.5, 10, 5)]
    public void Now_is_the_anchor_plus_real_elapsed_time_times_the_speed(double speed, int realSeconds, int simulatedSeconds)
    {
        var real = new FakeTimeProvider(Anchor.AddYears(-3));
        var clock = new SimClock(real, Anchor, speed);

        real.Advance(TimeSpan.FromSeconds(realSeconds));

        Assert.Equal(Anchor.AddSeconds(simulatedSeconds), clock.GetUtcNow());
    }

    [Fact]
    public void A_frozen_clock_stands_still_until_moved_by_hand_and_resumes_from_there()
    {
        var real = new FakeTimeProvider();
        var clock = new SimClock(real, Anchor, 60);
        real.Advance(TimeSpan.FromSeconds(1));
        clock.Freeze();

        real.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Anchor.AddMinutes(1), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Anchor.AddMinutes(6), clock.GetUtcNow());
        clock.Set(Anchor.AddHours(2));
        Assert.Equal(Anchor.AddHours(2), clock.GetUtcNow());

        clock.Resume();
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Anchor.AddHours(2).AddMinutes(2), clock.GetUtcNow());
        Assert.False(clock.IsFrozen);
    }

    [Fact]
    public void Moving_by_hand_also_works_while_running()
    {
        var real = new FakeTimeProvider();
        var clock = new SimClock(real, Anchor, 2);

        real.Advance(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromHours(1));
        real.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Anchor.AddHours(1).AddSeconds(40), clock.GetUtcNow());
    }

    [Fact]
    public void Resuming_a_running_clock_changes_nothing()
    {
        var real = new FakeTimeProvider();
        var clock = new SimClock(real, Anchor, 10);
        real.Advance(TimeSpan.FromSeconds(6));

        clock.Resume();

        Assert.Equal(Anchor.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Changing_speed_keeps_the_time_already_reached()
    {
        var real = new FakeTimeProvider();
        var clock = new SimClock(real, Anchor, 1);
        real.Advance(TimeSpan.FromSeconds(30));

        clock.SetSpeed(60);
        real.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Anchor.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(60, clock.Speed);
    }

    [Fact]
    public void Time_never_goes_backwards()
    {
        var clock = SimClock.Frozen(Anchor);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(Anchor.AddSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal(Anchor, clock.GetUtcNow());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(SimClock.MaxSpeed + 1)]
    public void A_speed_must_be_positive_and_finite(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimClock(new FakeTimeProvider(), Anchor, speed));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimClock.Frozen(Anchor).SetSpeed(speed));
    }

    [Fact]
    public void Timestamps_measure_simulated_time()
    {
        var real = new FakeTimeProvider();
        var clock = new SimClock(real, Anchor, 60);
        var before = clock.GetTimestamp();

        real.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromMinutes(2), clock.GetElapsedTime(before));
        Assert.Equal(TimeSpan.TicksPerSecond, clock.TimestampFrequency);
        Assert.Equal(clock.GetUtcNow().UtcTicks, clock.GetTimestamp());
    }

    [Fact]
    public void Timers_wait_for_simulated_time()
    {
        var real = new FakeTimeProvider();
        var clock = new SimClock(real, Anchor, 60);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, fired);

        timer.Change(TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, fired);
    }
}
