using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace TradingBot.Worker.Logging;

/// <summary>
/// Writes one log event per line. Under systemd every physical line starts with its syslog priority
/// (<c>&lt;3&gt;</c> error … <c>&lt;7&gt;</c> debug) so journald files it at the right level and
/// <c>journalctl -p warning</c> works; journald adds its own timestamp. In a terminal the line carries a
/// timestamp and a short level name instead. Serilog.Sinks.Journald is not available, hence this class.
/// </summary>
public sealed class ConsoleLineFormatter(bool syslogPriorities) : ITextFormatter
{
    public bool SyslogPriorities { get; } = syslogPriorities;

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        var source = ShortSourceContext(logEvent);
        var message = RenderMessage(logEvent);
        var text = source.Length == 0 ? message : $"{source}: {message}";
        if (logEvent.Exception is not null)
            text += Environment.NewLine + logEvent.Exception;

        if (SyslogPriorities)
        {
            var prefix = $"<{SyslogPriority(logEvent.Level)}>";
            foreach (var line in SplitLines(text))
            {
                output.Write(prefix);
                output.Write(line);
                output.Write('\n');
            }
        }
        else
        {
            var stamp = logEvent.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            output.Write($"{stamp} {ShortLevel(logEvent.Level)} {text}");
            output.Write('\n');
        }
    }

    /// <summary>RFC 5424 severities, as sd-daemon(3) prefixes expect them.</summary>
    public static int SyslogPriority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    private static string ShortLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "FTL",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Information => "INF",
        LogEventLevel.Debug => "DBG",
        _ => "VRB",
    };

    /// <summary>Like Serilog's own rendering, but strings appear as written, without quotes.</summary>
    private static string RenderMessage(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value))
            {
                if (value is ScalarValue { Value: string text })
                    writer.Write(text);
                else
                    value.Render(writer, property.Format, CultureInfo.InvariantCulture);
            }
            else
            {
                token.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);
            }
        }

        return writer.ToString();
    }

    private static string ShortSourceContext(LogEvent logEvent)
    {
        if (!logEvent.Properties.TryGetValue("SourceContext", out var value) || value is not ScalarValue { Value: string context })
            return "";
        var dot = context.LastIndexOf('.');
        return dot < 0 ? context : context[(dot + 1)..];
    }

    private static IEnumerable<string> SplitLines(string text) =>
        text.Split('\n').Select(line => line.TrimEnd('\r'));
}
