using Microsoft.Extensions.Hosting.Systemd;
using Serilog;
using Serilog.Settings.Configuration;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Logging;

/// <summary>Serilog from the <c>Serilog</c> section (levels, overrides), writing through <see cref="ConsoleLineFormatter"/>.</summary>
internal static class BotLogging
{
    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration, LogFormat format) =>
        new LoggerConfiguration()
            .ReadFrom.Configuration(configuration, new ConfigurationReaderOptions { SectionName = "Serilog" })
            .Enrich.FromLogContext()
            .WriteTo.Console(new ConsoleLineFormatter(UseSyslogPriorities(format)))
            .CreateLogger();

    /// <summary>
    /// journald sets JOURNAL_STREAM when stdout is connected to it; a service started by systemd is the other
    /// sign. Either way plain terminal lines would lose their level in the journal.
    /// </summary>
    public static bool UseSyslogPriorities(LogFormat format) => format switch
    {
        LogFormat.Journald => true,
        LogFormat.Plain => false,
        _ => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")) || SystemdHelpers.IsSystemdService(),
    };
}
