using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;
using TradingBot.Worker.Notifications;

namespace TradingBot.Worker.Trading;

/// <summary>The trading pipeline in the container: Core's steps, the services that schedule them, notifications.</summary>
internal static class TradingServices
{
    public static IServiceCollection AddTrading(this IServiceCollection services, CheckedSettings settings)
    {
        var risk = settings.Get<RiskOptions>();
        var strategy = settings.Get<StrategyOptions>();

        services.AddSingleton<OperatorAlerts>();
        services.AddSingleton<IOperatorAlerts>(sp => sp.GetRequiredService<OperatorAlerts>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value);
        services.AddSingleton<IReadOnlyList<INotificationChannel>>(sp => ChannelFactory.Create(sp.GetRequiredService<NotificationOptions>(), new HttpClient { Timeout = TimeSpan.FromSeconds(15) }));

        // Core's steps, wired as the backtest wires them (one place: TradingSteps); every call to the venue feeds the
        // API error guard. The services below schedule them.
        services.AddSingleton(sp => new TradingSteps(sp.GetRequiredService<Venue>().Exchange, sp.GetRequiredService<IBotStore>(),
            sp.GetRequiredService<IReadOnlyList<IForecastSource>>(), risk, strategy, sp.GetRequiredService<IOptions<ScannerOptions>>().Value,
            sp.GetRequiredService<IOperatorAlerts>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Zone);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Controls);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Exchange);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Book);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Rate);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Gate);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Latch);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Forecasts);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Submitter);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Scan);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Evaluation);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Execution);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Monitor);
        services.AddSingleton(sp => sp.GetRequiredService<TradingSteps>().Reconciler);
        services.AddSingleton<TradingQueues>();
        services.AddSingleton<TradingReadiness>();
        services.AddSingleton(sp => new OperatorCommands(sp.GetRequiredService<IBotStore>().Control, sp.GetRequiredService<TradingControls>(),
            sp.GetRequiredService<IOperatorAlerts>(), sp.GetRequiredService<TimeProvider>()));
        var mode = settings.Get<TradingBotOptions>().Mode.ToString();
        services.AddSingleton(sp => new StatusWriter(sp.GetRequiredService<IBotStore>(), sp.GetRequiredService<TradingControls>(), sp.GetRequiredService<MarketBook>(),
            risk, sp.GetRequiredService<TimeProvider>(), BotVersion.Current, mode));
        services.AddSingleton<IReadOnlyList<IForecastSource>>(sp => ForecastSetup.Sources(settings, sp.GetRequiredService<Venue>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));

        services.AddSingleton<ForecastBook>();
        services.AddSingleton<MarketScanner>();
        services.AddSingleton<PositionMonitor>();
        services.AddSingleton<PeriodicReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<ForecastBook>());
        services.AddHostedService<NotificationSender>();
        services.AddHostedService<ControlsWatcher>();
        services.AddHostedService<StartupReconciliation>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketScanner>());
        services.AddHostedService<Evaluator>();
        services.AddHostedService<OrderExecutor>();
        services.AddHostedService(sp => sp.GetRequiredService<PositionMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<PeriodicReconciler>());

        var recorder = settings.Get<TradingBot.Backtest.Recording.RecorderOptions>();
        if (recorder.Enabled)
        {
            var folder = Recording.DirectoryOf(recorder, settings.Get<TradingBotOptions>());
            services.AddSingleton(_ => new TradingBot.Backtest.Recording.DatasetRecorder(folder, recorder.MaxTotalMegabytes * 1024L * 1024L));
            services.AddSingleton<Recording>();
            services.AddHostedService<RecordedSettlements>();
        }

        return services;
    }
}
