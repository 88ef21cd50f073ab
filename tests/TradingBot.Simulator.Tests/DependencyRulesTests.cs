using TradingBot.Tests.Shared;

namespace TradingBot.Simulator.Tests;

public class DependencyRulesTests
{
    /// <summary>
    /// Each side writes Kalshi's wire format from the docs on its own, so a contract test between the
    /// simulator and the client can catch a wrong field name instead of sharing it.
    /// </summary>
    [Fact]
    public void Simulator_uses_only_Core_and_never_the_Kalshi_client()
    {
        var references = RepositoryLayout.ProjectReferencesOf("TradingBot.Simulator");
        Assert.DoesNotContain("TradingBot.Kalshi", references);
        Assert.Equal(["TradingBot.Core"], references);
    }
}
