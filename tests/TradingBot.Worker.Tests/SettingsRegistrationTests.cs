using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests;

public class SettingsRegistrationTests
{
    [Fact]
    public void The_services_see_the_checked_settings_so_a_configured_list_replaces_its_default()
    {
        var environment = new Hashtable { ["TRADINGBOT__Scanner__Series__0"] = "KXNFLGAME", ["TRADINGBOT__Scanner__Series__1"] = "KXNBAGAME" };
        var settings = ConfigurationCheck.Run(BotConfiguration.Load(TempConfig.ShippedPath, environment));
        Assert.True(settings.IsValid);
        var services = new ServiceCollection();
        foreach (var section in BotSettings.Sections)
            section.Register(services, settings);

        using var provider = services.BuildServiceProvider();

        Assert.Equal(["KXNFLGAME", "KXNBAGAME"], provider.GetRequiredService<IOptions<ScannerOptions>>().Value.Series);
        Assert.Same(settings.Get<ScannerOptions>(), provider.GetRequiredService<IOptions<ScannerOptions>>().Value);
    }
}

public class DashboardTokenFileTests
{
    [Fact]
    public void The_token_comes_from_the_setting_else_the_systemd_credential_else_nowhere()
    {
        var credentials = Directory.CreateTempSubdirectory("tradingbot-credentials-").FullName;
        try
        {
            Assert.Null(new Configuration.DashboardOptions().TokenPath(null));
            Assert.Null(new Configuration.DashboardOptions().TokenPath(credentials)); // systemd skipped a missing credential
            File.WriteAllText(Path.Combine(credentials, Configuration.DashboardOptions.CredentialName), "token");
            Assert.Equal(Path.Combine(credentials, "dashboard-token"), new Configuration.DashboardOptions().TokenPath(credentials));
            Assert.Equal("/etc/token", new Configuration.DashboardOptions { ControlTokenPath = "/etc/token" }.TokenPath(credentials));
        }
        finally
        {
            Directory.Delete(credentials, recursive: true);
        }
    }
}
