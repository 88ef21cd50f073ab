using System.Collections;
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
}
