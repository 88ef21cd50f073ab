using TradingBot.Tests.Shared;

namespace TradingBot.Backtest.Tests;

public class DependencyRulesTests
{
    /// <summary>The backtest runs the very decision code of the bot against the simulator's engine, never the network.</summary>
    [Fact]
    public void Backtest_uses_Core_the_simulator_engine_and_forecasts_only()
    {
        var references = RepositoryLayout.ProjectReferencesOf("TradingBot.Backtest");
        Assert.Equal(["TradingBot.Core", "TradingBot.Forecasts", "TradingBot.Simulator"], references);
        Assert.DoesNotContain("TradingBot.Kalshi", references);
    }
}
