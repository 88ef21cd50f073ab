using Serilog.Events;
using Serilog.Parsing;
using TradingBot.Worker.Logging;

namespace TradingBot.Worker.Tests;

public class ConsoleLineFormatterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 14, 30, 5, 123, TimeSpan.Zero);

    private static string Format(bool syslog, LogEventLevel level, Exception? exception = null)
    {
        var template = new MessageTemplateParser().Parse("Order {ClientOrderId} on {Ticker} for {Count} contracts");
        var properties = new[]
        {
            new LogEventProperty("ClientOrderId", new ScalarValue("tb-7f3a")),
            new LogEventProperty("Ticker", new ScalarValue("KXNFLGAME-26SEP13DALNYG-DAL")),
            new LogEventProperty("Count", new ScalarValue(12.5m)),
            new LogEventProperty("SourceContext", new ScalarValue("TradingBot.Worker.OrderExecutor")),
        };
        using var output = new StringWriter();
        new ConsoleLineFormatter(syslog).Format(new LogEvent(At, level, exception, template, properties), output);
        return output.ToString();
    }

    [Theory]
    [InlineData(LogEventLevel.Fatal, "<2>")]
    [InlineData(LogEventLevel.Error, "<3>")]
    [InlineData(LogEventLevel.Warning, "<4>")]
    [InlineData(LogEventLevel.Information, "<6>")]
    [InlineData(LogEventLevel.Debug, "<7>")]
    [InlineData(LogEventLevel.Verbose, "<7>")]
    public void Under_systemd_each_line_starts_with_its_syslog_priority(LogEventLevel level, string prefix)
    {
        var line = Format(syslog: true, level);
        Assert.Equal($"{prefix}OrderExecutor: Order tb-7f3a on KXNFLGAME-26SEP13DALNYG-DAL for 12.5 contracts\n", line);
    }

    [Fact]
    public void Under_systemd_every_line_of_an_exception_keeps_the_priority()
    {
        Exception exception;
        try
        {
            throw new InvalidOperationException("first line\nsecond line");
        }
        catch (InvalidOperationException ex)
        {
            exception = ex;
        }

        var lines = Format(syslog: true, LogEventLevel.Error, exception).TrimEnd('\n').Split('\n');
        Assert.True(lines.Length >= 3, $"expected the message, the exception and its stack, got {lines.Length} lines");
        Assert.All(lines, line => Assert.StartsWith("<3>", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line == "<3>second line");
    }

    [Fact]
    public void In_a_terminal_lines_carry_a_timestamp_and_a_short_level_and_no_priority()
    {
        var line = Format(syslog: false, LogEventLevel.Warning);
        Assert.Equal("2026-11-26 14:30:05.123 WRN OrderExecutor: Order tb-7f3a on KXNFLGAME-26SEP13DALNYG-DAL for 12.5 contracts\n", line);
    }
}
