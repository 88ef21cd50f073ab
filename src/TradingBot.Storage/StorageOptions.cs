using TradingBot.Core.Settings;

namespace TradingBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the bot keeps what it must not forget (section <c>Storage</c>).</summary>
public sealed class StorageOptions : ISettingsSection
{
    public static string SectionName => "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>tradingbot.db</c> in the data directory. Required for Postgres.</summary>
    [Secret]
    public string ConnectionString { get; set; } = "";

    /// <summary>Optional file holding the database password, so it stays out of appsettings.json.</summary>
    public string PasswordFile { get; set; } = "";

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .Defined(nameof(Provider), Provider)
            .That(Provider != StorageProvider.Postgres || ConnectionString.Length > 0, nameof(ConnectionString),
                "is required when Storage:Provider is Postgres")
            .Problems;
}
