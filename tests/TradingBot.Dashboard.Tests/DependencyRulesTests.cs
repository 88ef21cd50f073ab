using TradingBot.Tests.Shared;

namespace TradingBot.Dashboard.Tests;

public class DependencyRulesTests
{
    /// <summary>The dashboard reads storage through Core's ports and never calls the exchange: no Kalshi client, no simulator.</summary>
    [Fact]
    public void Dashboard_uses_only_Core()
    {
        Assert.Equal(["TradingBot.Core"], RepositoryLayout.ProjectReferencesOf("TradingBot.Dashboard"));
        Assert.Empty(RepositoryLayout.PackageReferencesOf("TradingBot.Dashboard"));
    }
}
