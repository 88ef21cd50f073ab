using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Hosting;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Tests;

/// <summary>The README's first command trades the demo slate's MLB games too: the paper account holds cash on their shard.</summary>
public sealed class PaperAccountTests
{
    [Fact]
    public async Task The_paper_account_keeps_part_of_its_money_on_the_baseball_shard_and_the_rest_on_shard_0()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Speed = 0, StepInterval = TimeSpan.FromHours(1) });

        Venue.OpenPaperAccount(simulator);

        var account = simulator.Exchange.Read(e => e.Accounts["paper"]);
        Assert.Equal(Money.FromDollars(Venue.PaperStartingBalance), account.Available);
        Assert.Equal(Money.FromDollars(Venue.PaperBaseballShardBalance), account.AvailableOn(ExchangeShards.TennisAndBaseball));
        Assert.Equal(Money.FromDollars(Venue.PaperStartingBalance - Venue.PaperBaseballShardBalance), account.AvailableOn(ExchangeShards.Default));
    }
}
