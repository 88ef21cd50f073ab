using TradingBot.Core.Risk;
using TradingBot.Tests.Shared;

namespace TradingBot.Core.Tests;

/// <summary>ARCHITECTURE.md: Core uses nothing of ours and does no I/O.</summary>
public class DependencyRulesTests
{
    [Fact]
    public void Core_references_no_project_and_no_package()
    {
        Assert.Empty(RepositoryLayout.ProjectReferencesOf("TradingBot.Core"));
        Assert.Empty(RepositoryLayout.PackageReferencesOf("TradingBot.Core"));
    }

    [Fact]
    public void Core_assembly_uses_only_the_base_library_and_no_networking()
    {
        var referenced = typeof(RiskOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(referenced, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("System.Net", StringComparison.Ordinal),
            $"TradingBot.Core references {name}"));
    }
}
