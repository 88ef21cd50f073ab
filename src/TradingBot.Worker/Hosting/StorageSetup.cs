using System.Collections;
using TradingBot.Kalshi;
using TradingBot.Storage;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Hosting;

/// <summary>The database the configuration names, with the password from a file or the systemd credential.</summary>
internal static class StorageSetup
{
    public static BotDatabase Database(CheckedSettings settings, IDictionary? environment) =>
        BotDatabase.FromOptions(
            settings.Get<StorageOptions>(),
            settings.Get<TradingBotOptions>().DataDirectory,
            (environment ?? Environment.GetEnvironmentVariables())["CREDENTIALS_DIRECTORY"] as string);

    /// <summary>
    /// In-process paper mode with the default SQLite storage keeps its own database under data/paper
    /// (<see cref="Venue.PaperDatabase"/>), so the control verbs (halt, resume, status) must use that one too.
    /// </summary>
    public static bool UsesPaperDatabase(CheckedSettings settings)
    {
        var storage = settings.Get<StorageOptions>();
        return settings.Get<TradingBotOptions>().Mode == TradingMode.Paper && settings.Get<KalshiOptions>().BaseUrl.Length == 0
            && storage.Provider == StorageProvider.Sqlite && storage.ConnectionString.Length == 0;
    }

    /// <summary>The database the running bot reads its controls from, as the CLI's control verbs should find it.</summary>
    public static BotDatabase ControlDatabase(CheckedSettings settings, IDictionary? environment)
    {
        return UsesPaperDatabase(settings)
            ? BotDatabase.Sqlite(Venue.PaperDatabasePath(settings.Get<TradingBotOptions>()))
            : Database(settings, environment);
    }
}
