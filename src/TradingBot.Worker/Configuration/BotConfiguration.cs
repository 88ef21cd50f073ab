using System.Collections;

namespace TradingBot.Worker.Configuration;

/// <summary>The configuration could not be read at all (missing file, broken JSON).</summary>
internal sealed class ConfigurationLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The operator's configuration: appsettings.json (beside the executable unless --config names another
/// file), overridden by environment variables such as <c>TRADINGBOT__Risk__DailyLossLimit</c>, then by the few
/// settings a command-line option names (<c>run --speed</c>). Nothing else is read, so what check-config prints is all there is.
/// </summary>
internal static class BotConfiguration
{
    public const string EnvironmentPrefix = "TRADINGBOT__";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    public static IConfigurationRoot Load(string? path, IDictionary? environment = null, IReadOnlyDictionary<string, string?>? commandLine = null)
    {
        path = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? DefaultPath : path);
        if (!File.Exists(path))
            throw new ConfigurationLoadException($"configuration file not found: {path}");

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(path, optional: false, reloadOnChange: false)
                .AddInMemoryCollection(FromEnvironment(environment ?? Environment.GetEnvironmentVariables()))
                .AddInMemoryCollection(commandLine ?? new Dictionary<string, string?>())
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new ConfigurationLoadException($"cannot read {path}: {reason}", ex);
        }
    }

    /// <summary><c>TRADINGBOT__Risk__DailyLossLimit=50</c> becomes <c>Risk:DailyLossLimit = 50</c>.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > EnvironmentPrefix.Length)
                yield return new(name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), entry.Value as string);
        }
    }
}
