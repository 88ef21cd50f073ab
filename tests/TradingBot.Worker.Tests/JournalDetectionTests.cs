using TradingBot.Worker.Configuration;
using TradingBot.Worker.Logging;

namespace TradingBot.Worker.Tests;

public class JournalDetectionTests
{
    [Theory]
    [InlineData(null, "socket:[4242]", false)]
    [InlineData("", "socket:[4242]", false)]
    [InlineData("8:4242", "socket:[4242]", true)]
    [InlineData("8:4242", "socket:[9999]", false)]
    [InlineData("8:4242", "/dev/pts/3", false)]
    [InlineData("8:4242", null, true)]
    [InlineData("garbage", "socket:[4242]", false)]
    public void Stdout_is_the_journal_only_when_JOURNAL_STREAM_names_stdout(string? journalStream, string? stdoutTarget, bool expected) =>
        Assert.Equal(expected, BotLogging.StdoutIsJournal(journalStream, stdoutTarget));

    [Fact]
    public void An_explicit_format_wins_over_detection()
    {
        Assert.True(BotLogging.UseSyslogPriorities(LogFormat.Journald));
        Assert.False(BotLogging.UseSyslogPriorities(LogFormat.Plain));
    }
}
