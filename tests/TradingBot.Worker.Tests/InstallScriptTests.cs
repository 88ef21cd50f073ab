using System.Diagnostics;
using System.Text.RegularExpressions;
using TradingBot.Tests.Shared;

namespace TradingBot.Worker.Tests;

/// <summary>
/// deploy/install.sh into a scratch root (<c>--root</c>): the layout, idempotence, the operator's settings kept, the
/// token generated once, and upgrades that check first, migrate, and put the previous binaries back on failure.
/// Stand-in binaries (a script that writes down each call) show the order; one test runs the real bot.
/// </summary>
public sealed partial class InstallScriptTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("tradingbot-install-");

    private string Root => Path.Combine(_scratch.FullName, "root");

    private string CallLog => Path.Combine(_scratch.FullName, "calls");

    private string Settings => Path.Combine(Root, "etc/tradingbot/appsettings.json");

    private string Token => Path.Combine(Root, "etc/tradingbot/credentials/dashboard-token");

    [Fact]
    public async Task A_first_install_lays_out_the_unit_group_the_settings_and_a_root_only_token()
    {
        var result = await InstallAsync(StandIn("v1"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["v1 check-config", "v1 migrate"], Calls());
        Assert.Equal("v1", Installed());
        foreach (var unit in new[] { "tradingbot.service", "tradingbot-dashboard.service", "tradingbot.target", "tradingbot-backup.service", "tradingbot-backup.timer" })
            Assert.True(File.Exists(Path.Combine(Root, "etc/systemd/system", unit)), unit);
        Assert.Equal("/opt/tradingbot/tradingbot", new FileInfo(Path.Combine(Root, "usr/local/bin/tradingbot")).LinkTarget);
        Assert.Contains("\"DataDirectory\": \"/var/lib/tradingbot\"", await File.ReadAllTextAsync(Settings), StringComparison.Ordinal);
        Assert.False(File.Exists(Settings + ".new"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(Token)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Token));
        Assert.Matches(TokenShape(), await File.ReadAllTextAsync(Token)); // 32 bytes, base64url, no padding
    }

    [Fact]
    public async Task Running_it_again_keeps_the_operators_settings_and_token_and_puts_the_new_defaults_beside_them()
    {
        Assert.Equal(0, (await InstallAsync(StandIn("v1"))).ExitCode);
        var defaults = await File.ReadAllTextAsync(Settings);
        var token = await File.ReadAllTextAsync(Token);
        var edited = defaults.Replace("\"Mode\": \"Paper\"", "\"Mode\": \"Demo\"", StringComparison.Ordinal);
        Assert.NotEqual(defaults, edited);
        await File.WriteAllTextAsync(Settings, edited);

        for (var run = 0; run < 2; run++)
        {
            var result = await InstallAsync(StandIn("v2"));
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(edited, await File.ReadAllTextAsync(Settings));
            Assert.Equal(defaults, await File.ReadAllTextAsync(Settings + ".new"));
            Assert.Equal(token, await File.ReadAllTextAsync(Token));
            Assert.Equal("v2", Installed());
        }

        Assert.Equal(["v1 check-config", "v1 migrate", "v2 check-config", "v2 migrate", "v2 check-config", "v2 migrate"], Calls());
        Assert.False(Directory.Exists(Path.Combine(Root, "opt/tradingbot.new")));
    }

    [Theory]
    [InlineData("check-config", new[] { "v2 check-config" })]
    [InlineData("migrate", new[] { "v2 check-config", "v2 migrate" })]
    public async Task An_upgrade_the_new_version_fails_leaves_the_previous_binaries_in_place(string failing, string[] calls)
    {
        Assert.Equal(0, (await InstallAsync(StandIn("v1"))).ExitCode);
        File.Delete(CallLog);

        var result = await InstallAsync(StandIn("v2", failing));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{failing} failed", result.Output, StringComparison.Ordinal);
        Assert.Equal(calls, Calls());
        Assert.Equal("v1", Installed());
        Assert.False(Directory.Exists(Path.Combine(Root, "opt/tradingbot.new")));
    }

    [Fact]
    public async Task Credentials_pointed_to_are_installed_root_only_and_never_into_the_settings()
    {
        var key = Path.Combine(_scratch.FullName, "key.pem");
        await File.WriteAllTextAsync(key, "not a real key");
        var password = Path.Combine(_scratch.FullName, "password");
        await File.WriteAllTextAsync(password, "hunter2\n");

        var result = await InstallAsync(StandIn("v1"), "--kalshi-key", key, "--postgres-password-file", password);

        Assert.True(result.ExitCode == 0, result.Output);
        var credentials = Path.GetDirectoryName(Token)!;
        Assert.Equal("not a real key", await File.ReadAllTextAsync(Path.Combine(credentials, "kalshi-private-key")));
        Assert.Equal("hunter2\n", await File.ReadAllTextAsync(Path.Combine(credentials, "postgres-password")));
        Assert.All(Directory.GetFiles(credentials), file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
        Assert.DoesNotContain("hunter2", await File.ReadAllTextAsync(Settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_bot_passes_its_check_and_migrates_its_database_inside_the_root()
    {
        var result = await InstallAsync(AppContext.BaseDirectory);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("applied 0001 initial", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "var/lib/tradingbot/tradingbot.db")));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>A published folder whose <c>tradingbot</c> writes "VERSION VERB" to the call log and fails <paramref name="failing"/>.</summary>
    private string StandIn(string version, string failing = "")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch.FullName, $"{version}-{failing}")).FullName;
        File.WriteAllText(Path.Combine(folder, "version"), version);
        var script = Path.Combine(folder, "tradingbot");
        File.WriteAllText(script, $"""
            #!/bin/sh
            echo "{version} $1" >> "{CallLog}"
            if [ "$1" = "{failing}" ]; then echo "$1 failed" >&2; exit 1; fi
            """ + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    private string Installed() => File.ReadAllText(Path.Combine(Root, "opt/tradingbot/version"));

    private string[] Calls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog) : [];

    private async Task<(int ExitCode, string Output)> InstallAsync(string binaries, params string[] more)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(RepositoryLayout.Root, "deploy", "install.sh"), "--root", Root, "--binaries", binaries, .. more])
            info.ArgumentList.Add(argument);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADINGBOT__", StringComparison.OrdinalIgnoreCase) || k == "CREDENTIALS_DIRECTORY").ToList())
            info.Environment.Remove(name);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenShape();
}
