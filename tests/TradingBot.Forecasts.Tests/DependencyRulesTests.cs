using TradingBot.Tests.Shared;

namespace TradingBot.Forecasts.Tests;

public class DependencyRulesTests
{
    [Fact]
    public void Forecasts_use_only_Core() =>
        Assert.Equal(["TradingBot.Core"], RepositoryLayout.ProjectReferencesOf("TradingBot.Forecasts"));
}
