using Microsoft.Extensions.Configuration;
using TradingBot.Core.Values;
using TradingBot.Simulator.Hosting;
using TradingBot.Simulator.Scenarios;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Tests.Hosting;

/// <summary>
/// Paper mode against a simulator started on its own (the README's standalone recipe): the bot trades on the
/// simulator's clock, or at 60x every DEMO forecast is "from the future" after a minute and every game far off.
/// </summary>
public sealed class SimulatorClockTests
{
    private static readonly DateTimeOffset SimStart = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_frozen_simulator_gives_its_exact_time()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Speed = 0, Start = SimStart, StepInterval = TimeSpan.FromHours(1) });

        var (clock, problem) = await SimulatorClock.FollowAsync(simulator.ApiUrl, CancellationToken.None);

        Assert.Null(problem);
        Assert.NotNull(clock);
        Assert.True(clock.IsFrozen);
        Assert.Equal(SimStart, clock.GetUtcNow());
    }

    [Fact]
    public async Task An_accelerated_simulator_is_followed_at_its_speed_from_its_time_not_the_wall()
    {
        var start = TimeProvider.System.GetUtcNow().AddDays(-3);
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Speed = 60, Start = start, StepInterval = TimeSpan.FromHours(1) });

        var (clock, problem) = await SimulatorClock.FollowAsync(simulator.ApiUrl, CancellationToken.None);

        Assert.Null(problem);
        Assert.NotNull(clock);
        Assert.Equal(60, clock.Speed);
        // Both clocks run 60x from nearly the same point: they agree to the time the read took, far from the wall's 3 days.
        var gap = (clock.GetUtcNow() - simulator.Clock.GetUtcNow()).Duration();
        Assert.True(gap < TimeSpan.FromMinutes(5), $"the followed clock is {gap} from the simulator's");
        Assert.True(clock.GetUtcNow() < TimeProvider.System.GetUtcNow().AddDays(-2));
    }

    [Fact]
    public async Task No_simulator_behind_the_url_is_a_stated_problem_not_a_crash()
    {
        var (clock, problem) = await SimulatorClock.FollowAsync(new Uri("http://127.0.0.1:9/trade-api/v2/"), CancellationToken.None);

        Assert.Null(clock);
        Assert.Contains("/sim/clock", problem);
    }

    [Theory]
    [InlineData("""{"market_time":"2026-12-07T18:00:00Z"}""")]
    [InlineData("""{"market_time":"2026-12-07T18:00:00Z","speed":0}""")]
    [InlineData("""{"market_time":"yesterday","speed":60}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""<html>""")]
    public void A_reply_without_a_time_and_a_speed_is_refused(string json)
    {
        var (clock, problem) = SimulatorClock.Parse(json, new Uri("http://127.0.0.1:5090/sim/clock"));

        Assert.Null(clock);
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task Paper_mode_with_a_base_url_trades_on_the_simulators_clock()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Speed = 0, Start = SimStart, StepInterval = TimeSpan.FromHours(1) });
        var (key, keyId) = simulator.CreateKey("standalone", Money.FromDollars(100m));
        var keyPath = Path.Combine(Path.GetTempPath(), $"sim-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TradingBot:Mode"] = "Paper",
                ["Kalshi:BaseUrl"] = simulator.ApiUrl.ToString(),
                ["Kalshi:ApiKeyId"] = keyId,
                ["Kalshi:PrivateKeyPath"] = keyPath,
                ["Kalshi:UseAccountLimits"] = "false",
            }).Build();

            await using var venue = await Venue.ConnectAsync(ConfigurationCheck.Run(configuration), new Dictionary<string, string>(), CancellationToken.None);

            Assert.Equal(SimStart, venue.Clock.GetUtcNow());
            Assert.Contains("simulator's frozen clock", venue.Description);
        }
        finally
        {
            File.Delete(keyPath);
        }
    }
}
