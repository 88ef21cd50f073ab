using System.Globalization;
using TradingBot.Kalshi.Auth;
using TradingBot.Storage;
using TradingBot.Tests.Shared;
using TradingBot.Worker.Cli;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Tests;

/// <summary>The shipped unit agrees with the code it runs: exit codes, credential names, the stop timeout.</summary>
public class SystemdUnitTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "deploy", "tradingbot.service"));

    private static string Setting(string key) =>
        Lines.Single(line => line.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    [Fact]
    public void It_is_a_notify_service_that_does_not_restart_on_an_invalid_configuration()
    {
        Assert.Equal("notify", Setting("Type"));
        Assert.Equal(ExitCodes.InvalidConfiguration.ToString(CultureInfo.InvariantCulture), Setting("RestartPreventExitStatus"));
        Assert.StartsWith("/opt/tradingbot/tradingbot run --config /etc/tradingbot/appsettings.json", Setting("ExecStart"), StringComparison.Ordinal);
    }

    [Fact]
    public void Systemd_waits_longer_than_the_host_takes_to_stop()
    {
        var timeout = TimeSpan.FromSeconds(int.Parse(Setting("TimeoutStopSec"), CultureInfo.InvariantCulture));
        Assert.True(timeout > BotHost.ShutdownTimeout, $"TimeoutStopSec {timeout} must exceed the host's {BotHost.ShutdownTimeout}");
    }

    [Fact]
    public void The_credentials_it_offers_are_the_ones_the_bot_reads()
    {
        var offered = Lines.Where(line => line.TrimStart('#').StartsWith("LoadCredential=", StringComparison.Ordinal))
            .Select(line => line.TrimStart('#')["LoadCredential=".Length..].Split(':')[0])
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { PrivateKeyLoader.CredentialName, BotDatabase.PasswordCredential }.Order(StringComparer.Ordinal), offered);
    }
}
