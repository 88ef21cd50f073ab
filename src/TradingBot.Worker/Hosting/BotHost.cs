using Serilog;
using TradingBot.Core.Persistence;
using TradingBot.Storage;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Metrics;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Hosting;

/// <summary>The composition root: one Generic Host, wired from checked settings and the venue the mode chose.</summary>
internal static class BotHost
{
    /// <summary>systemd's default TimeoutStopSec is 90 s; finish well inside it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <param name="dashboard">Settings of the dashboard served in process (Paper mode), or null for none.</param>
    public static IHost Build(IConfiguration configuration, CheckedSettings settings, Serilog.Core.Logger logger, Venue venue, BotDatabase database,
        TradingBot.Dashboard.DashboardSettings? dashboard = null)
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
        builder.Services.AddSingleton(venue.Clock);
        builder.Services.AddSingleton(venue);

        foreach (var section in BotSettings.Sections)
            section.Register(builder.Services, settings);

        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddSingleton<IBotStore>(sp => new SqlBotStore(sp.GetRequiredService<BotDatabase>(), sp.GetRequiredService<TimeProvider>()));

        // WATCHDOG=1 on the wall clock (systemd's), judging the loops on the trading clock they wait on.
        builder.Services.AddSingleton<LoopLiveness>();
        builder.Services.AddHostedService(sp => new SystemdWatchdog(sp.GetRequiredService<LoopLiveness>(), TimeProvider.System,
            Environment.GetEnvironmentVariables(), sp.GetRequiredService<ILogger<SystemdWatchdog>>()));
        builder.Services.AddHostedService<StartupSummary>();
        builder.Services.AddHostedService<StoreMigration>();
        builder.Services.AddBotMetrics(settings.Get<MetricsOptions>());
        builder.Services.AddTrading(settings);
        // Last, so the trading services are started before it; on the bot's clock, which its heartbeat is stamped with.
        if (dashboard is not null)
            builder.Services.AddHostedService(sp => new InProcessDashboard(dashboard, database, venue.Clock, sp.GetRequiredService<ILoggerFactory>()));
        return builder.Build();
    }
}
