using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using TradingBot.Worker.Cli;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests;

/// <summary>The published executable as a whole process: exit codes, systemd notifications, SIGTERM.</summary>
public class HostProcessTests
{
    [Fact]
    public async Task Check_config_on_a_broken_file_exits_2_and_names_both_problems()
    {
        using var config = new TempConfig(json =>
        {
            json["Risk"]!["DailyLossLimit"] = -5;
            json["Risk"]!.AsObject().Remove("MaxConsecutiveApiErrors");
        });

        var result = await BotProcess.RunToEndAsync(config.Directory, "check-config", "--config", config.Path);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Risk:DailyLossLimit: must be greater than 0 (got -5)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Risk:MaxConsecutiveApiErrors: is required but not set", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Microsoft.Extensions.Hosting.Systemd believes it runs under systemd when its parent process is named
    /// "systemd": a copy of /bin/sh under that name is the parent here, and a datagram socket stands in for
    /// systemd's notify socket.
    /// </summary>
    [Fact]
    public async Task Under_systemd_the_host_notifies_ready_watchdog_and_stopping_logs_with_priorities_and_stops_cleanly_on_SIGTERM()
    {
        using var config = new TempConfig(json => json["TradingBot"]!["DataDirectory"] = "data");
        var fakeSystemd = Path.Combine(config.Directory, "systemd");
        File.Copy("/bin/sh", fakeSystemd); // keeps the execute bits

        var socketPath = Path.Combine(config.Directory, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));

        // The shell starts the bot as its child, prints the child's pid, and waits for it: the bot's parent is "systemd".
        var info = BotProcess.StartInfo(fakeSystemd, config.Directory,
            ["-c", "\"$0\" \"$@\" & echo $!; wait $!", BotProcess.DotnetHost, BotProcess.Assembly, "run", "--speed", "120", "--config", config.Path]);
        info.Environment["NOTIFY_SOCKET"] = socketPath;
        info.Environment["WATCHDOG_USEC"] = "2000000"; // WatchdogSec=2: a ping a second while the loops turn
        using var parent = Process.Start(info)!;
        var stderr = parent.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(BotProcess.Deadline);

        var botPid = int.Parse((await parent.StandardOutput.ReadLineAsync(deadline.Token))!, CultureInfo.InvariantCulture);
        try
        {
            var messages = await ReceiveUntilAsync(notify, "READY=1", deadline.Token);
            // Watchdog pings may come before READY=1 (systemd accepts them); at least one comes once it runs.
            messages.AddRange(await ReceiveUntilAsync(notify, "WATCHDOG=1", deadline.Token));
            await BotProcess.TerminateAsync(botPid);
            messages.AddRange(await ReceiveUntilAsync(notify, "STOPPING=1", deadline.Token));
            Assert.All(messages, m => Assert.Contains(m, new[] { "READY=1", "WATCHDOG=1", "STOPPING=1" }));
            await parent.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!parent.HasExited)
                KillQuietly(botPid);
        }

        Assert.True(parent.ExitCode == 0, $"exit code {parent.ExitCode}; stderr: {await stderr}");
        var lines = (await parent.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(new Regex("^<[0-7]>"), line));
        Assert.Contains(lines, line => line.StartsWith("<6>StartupSummary: Mode Paper", StringComparison.Ordinal) && line.Contains("clock at 120x", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("<6>StartupSummary: State is kept in SQLite at ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("<6>StartupSummary: Stopping: no new orders", StringComparison.Ordinal));
    }

    /// <summary>The messages received up to and including <paramref name="last"/>.</summary>
    private static async Task<List<string>> ReceiveUntilAsync(Socket socket, string last, CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        do
            messages.Add(await ReceiveAsync(socket, cancellationToken));
        while (messages[^1] != last);
        return messages;
    }

    private static async Task<string> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, received).Trim();
    }

    private static void KillQuietly(int pid)
    {
        try
        {
            Process.GetProcessById(pid).Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
