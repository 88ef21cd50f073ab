using System.Reflection;

namespace TradingBot.Worker.Hosting;

/// <summary>The build's version as the CLI prints it and the status reports it (the informational version without its commit suffix).</summary>
internal static class BotVersion
{
    public static string Current { get; } =
        typeof(BotVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
