using Serilog;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Hosting;

/// <summary>The composition root: one Generic Host, wired from checked settings.</summary>
internal static class BotHost
{
    /// <summary>systemd's default TimeoutStopSec is 90 s; finish well inside it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static IHost Build(IConfiguration configuration, CheckedSettings settings, Serilog.Core.Logger logger, System.Collections.IDictionary? environment = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddConfiguration(configuration);

        // Under systemd: READY=1 once started, STOPPING=1 on the way down; SIGTERM stops the host.
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSingleton(TimeProvider.System);

        foreach (var section in BotSettings.Sections)
            section.Register(builder.Services, builder.Configuration);

        builder.Services.AddSingleton(StorageSetup.Database(settings, environment));
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddSingleton<TradingBot.Core.Persistence.IBotStore>(sp => new TradingBot.Storage.SqlBotStore(sp.GetRequiredService<TradingBot.Storage.BotDatabase>(), sp.GetRequiredService<TimeProvider>()));

        builder.Services.AddHostedService<StartupSummary>();
        builder.Services.AddHostedService<StoreMigration>();
        return builder.Build();
    }
}
