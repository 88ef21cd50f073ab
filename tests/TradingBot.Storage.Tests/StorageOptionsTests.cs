using TradingBot.Tests.Shared;

namespace TradingBot.Storage.Tests;

public class StorageOptionsTests
{
    [Fact]
    public void Sqlite_needs_no_connection_string() =>
        Assert.Empty(new StorageOptions { Provider = StorageProvider.Sqlite }.Validate());

    [Fact]
    public void Postgres_without_a_connection_string_is_reported()
    {
        var problem = Assert.Single(new StorageOptions { Provider = StorageProvider.Postgres }.Validate());
        Assert.Equal("Storage:ConnectionString", problem.Key);
    }

    [Fact]
    public void An_undefined_provider_is_reported() =>
        Assert.Equal("Storage:Provider", Assert.Single(new StorageOptions { Provider = (StorageProvider)7 }.Validate()).Key);

    [Fact]
    public void Storage_uses_only_Core() =>
        Assert.Equal(["TradingBot.Core"], RepositoryLayout.ProjectReferencesOf("TradingBot.Storage"));
}
