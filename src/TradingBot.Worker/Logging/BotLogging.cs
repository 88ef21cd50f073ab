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
    /// Plain terminal lines would lose their level in the journal, and priority prefixes clutter a terminal,
    /// so Auto decides by where stdout goes: to journald, or to a process started by systemd.
    /// </summary>
    public static bool UseSyslogPriorities(LogFormat format) => format switch
    {
        LogFormat.Journald => true,
        LogFormat.Plain => false,
        _ => StdoutIsJournal(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), StdoutTarget()) || SystemdHelpers.IsSystemdService(),
    };

    /// <summary>
    /// systemd sets JOURNAL_STREAM to "device:inode" of the socket it connected to stdout. Children inherit the
    /// variable even when their own stdout goes elsewhere (a shell opened from a service), so the inode is
    /// compared with stdout's own when /proc can tell it.
    /// </summary>
    public static bool StdoutIsJournal(string? journalStream, string? stdoutTarget)
    {
        if (string.IsNullOrEmpty(journalStream))
            return false;
        var colon = journalStream.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == journalStream.Length - 1)
            return false;
        if (stdoutTarget is null)
            return true;
        return stdoutTarget == $"socket:[{journalStream[(colon + 1)..]}]";
    }

    /// <summary>What /proc says fd 1 points at ("socket:[12345]", "/dev/pts/0"), or null where there is no /proc.</summary>
    private static string? StdoutTarget()
    {
        try
        {
            return new FileInfo("/proc/self/fd/1").LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
