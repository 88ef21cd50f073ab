using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TradingBot.Kalshi.Auth;
using TradingBot.Storage;
using TradingBot.Tests.Shared;
using TradingBot.Worker.Cli;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Tests;

/// <summary>
/// The shipped unit group agrees with the code it runs (exit codes, credential names, the stop timeout), holds
/// together as a group, and passes systemd's own checks: <c>systemd-analyze verify</c> and an exposure of 2.0 or
/// better from <c>systemd-analyze security</c>.
/// </summary>
public partial class SystemdUnitTests
{
    private const string Worker = "tradingbot.service";
    private const string Dashboard = "tradingbot-dashboard.service";
    private const string Target = "tradingbot.target";
    private const double MaxExposure = 2.0;

    private static string UnitPath(string unit) => Path.Combine(RepositoryLayout.Root, "deploy", unit);

    private static string[] Lines(string unit) => File.ReadAllLines(UnitPath(unit));

    private static string Setting(string unit, string key) =>
        Lines(unit).Single(line => line.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    private static IEnumerable<string> Settings(string unit, string key) =>
        Lines(unit).Where(line => line.StartsWith(key + "=", StringComparison.Ordinal)).Select(line => line[(key.Length + 1)..]);

    [Fact]
    public void It_is_a_notify_service_that_does_not_restart_on_an_invalid_configuration()
    {
        Assert.Equal("notify", Setting(Worker, "Type"));
        Assert.Equal(ExitCodes.InvalidConfiguration.ToString(CultureInfo.InvariantCulture), Setting(Worker, "RestartPreventExitStatus"));
        Assert.StartsWith("/opt/tradingbot/tradingbot run --config /etc/tradingbot/appsettings.json", Setting(Worker, "ExecStart"), StringComparison.Ordinal);
    }

    [Fact]
    public void Systemd_waits_longer_than_the_host_takes_to_stop()
    {
        var timeout = TimeSpan.FromSeconds(int.Parse(Setting(Worker, "TimeoutStopSec"), CultureInfo.InvariantCulture));
        Assert.True(timeout > BotHost.ShutdownTimeout, $"TimeoutStopSec {timeout} must exceed the host's {BotHost.ShutdownTimeout}");
    }

    [Fact]
    public void A_watchdog_timeout_restarts_the_worker()
    {
        // The watchdog pings only while the loops turn, so a wedged bot is killed after WatchdogSec and restarted.
        var watchdog = TimeSpan.FromSeconds(int.Parse(Setting(Worker, "WatchdogSec"), CultureInfo.InvariantCulture));
        Assert.InRange(watchdog, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
        Assert.Equal("on-failure", Setting(Worker, "Restart"));
        Assert.Equal("main", Setting(Worker, "NotifyAccess"));
    }

    [Fact]
    public void The_credentials_each_unit_offers_are_the_ones_its_process_reads()
    {
        Assert.Equal(new[] { PrivateKeyLoader.CredentialName, BotDatabase.PasswordCredential }.Order(StringComparer.Ordinal), Credentials(Worker));
        Assert.Equal(new[] { DashboardOptions.CredentialName, BotDatabase.PasswordCredential }.Order(StringComparer.Ordinal), Credentials(Dashboard));
        // Root-only files, never the settings.
        Assert.All(Settings(Worker, "LoadCredential").Concat(Settings(Dashboard, "LoadCredential")),
            c => Assert.StartsWith("/etc/tradingbot/credentials/", c.Split(':', 2)[1], StringComparison.Ordinal));
    }

    [Fact]
    public void The_dashboard_runs_the_same_executable_and_settings_as_the_worker()
    {
        Assert.Equal("/opt/tradingbot/tradingbot dashboard --config /etc/tradingbot/appsettings.json", Setting(Dashboard, "ExecStart"));
        Assert.Equal(Setting(Worker, "User"), Setting(Dashboard, "User"));
        // Loopback only: beyond it the operator adds addresses in a drop-in.
        Assert.Equal("any", Setting(Dashboard, "IPAddressDeny"));
        Assert.Equal("localhost", Setting(Dashboard, "IPAddressAllow"));
    }

    [Fact]
    public void The_target_starts_stops_and_restarts_both_and_the_dashboard_cannot_reach_the_worker()
    {
        Assert.Equal([Worker, Dashboard], Setting(Target, "Wants").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Target, Setting(Worker, "PartOf"));
        Assert.Equal(Target, Setting(Dashboard, "PartOf"));
        Assert.Equal("multi-user.target", Setting(Target, "WantedBy"));

        // Nothing in the worker's unit names the dashboard, and nothing in the dashboard's carries a stop or restart
        // over to another unit: its crash or restart stays its own.
        Assert.DoesNotContain(Lines(Worker), line => !line.StartsWith('#') && line.Contains("dashboard", StringComparison.Ordinal));
        string[] propagating = ["BindsTo", "Requires", "Requisite", "PropagatesStopTo", "PropagatesReloadTo", "StopPropagatedFrom", "Conflicts", "OnFailure", "OnSuccess"];
        Assert.DoesNotContain(Lines(Dashboard), line => propagating.Any(key => line.StartsWith(key + "=", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [InlineData(Worker)]
    [InlineData(Dashboard)]
    public async Task Each_service_is_sandboxed_to_an_exposure_of_two_or_better(string unit)
    {
        Skip.If(SystemdAnalyze is null, "systemd-analyze is not installed (.ci/run installs Debian's systemd)");
        var result = await RunAsync(SystemdAnalyze, "security", "--offline=true", "--no-pager", UnitPath(unit));
        var overall = OverallExposure().Match(result.Output);
        Assert.True(overall.Success, $"no overall exposure in the output:\n{result.Output}\n{result.Error}");
        var exposure = double.Parse(overall.Groups["score"].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= MaxExposure, $"{unit}: exposure {exposure} above {MaxExposure}:\n{result.Output}");
    }

    /// <summary>
    /// verify loads the units as systemd would, from a scratch root holding them and stand-ins for the programs they
    /// run (verify checks that each Exec line's program can run). It needs no running systemd; sysinit.target is the
    /// one unit it insists on.
    /// </summary>
    [SkippableFact]
    public async Task The_unit_group_and_the_backup_timer_pass_systemd_analyze_verify()
    {
        Skip.If(SystemdAnalyze is null, "systemd-analyze is not installed (.ci/run installs Debian's systemd)");
        string[] all = [Worker, Dashboard, Target, "tradingbot-backup.service", "tradingbot-backup.timer"];
        var root = Directory.CreateTempSubdirectory("tradingbot-units-");
        try
        {
            var units = Directory.CreateDirectory(Path.Combine(root.FullName, "etc/systemd/system")).FullName;
            foreach (var unit in all)
                File.Copy(UnitPath(unit), Path.Combine(units, unit));
            await File.WriteAllTextAsync(Path.Combine(units, "sysinit.target"), "[Unit]\nDescription=stand-in\n");
            var programs = all.SelectMany(Lines).Where(line => ExecLine().IsMatch(line)).Select(line => ExecLine().Match(line).Groups["program"].Value).Distinct();
            foreach (var program in programs)
            {
                var standIn = Path.Combine(root.FullName, program.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(standIn)!);
                await File.WriteAllTextAsync(standIn, "#!/bin/sh\n");
                File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var result = await RunAsync(SystemdAnalyze, ["verify", "--man=no", "--root=" + root.FullName, .. all]);
            // Unknown keys and bad values are only warnings: any output at all fails the check.
            Assert.True(result.ExitCode == 0 && result.Output.Length == 0 && result.Error.Length == 0,
                $"systemd-analyze verify exited {result.ExitCode}:\n{result.Output}{result.Error}");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string? SystemdAnalyze { get; } =
        new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);

    private static IEnumerable<string> Credentials(string unit) =>
        Settings(unit, "LoadCredential").Select(value => value.TrimStart('-').Split(':')[0]).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^Exec\w+=[-@:+!]*(?<program>/\S+)")]
    private static partial Regex ExecLine();

    [GeneratedRegex(@"Overall exposure level for \S+: (?<score>\d+\.\d+)")]
    private static partial Regex OverallExposure();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["SYSTEMD_COLORS"] = "0";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, (await output).Trim(), (await error).Trim());
    }
}
