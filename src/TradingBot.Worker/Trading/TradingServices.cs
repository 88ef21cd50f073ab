using Microsoft.Extensions.Options;
using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
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
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById(risk.TradingDayTimeZone));

        services.AddSingleton<OperatorAlerts>();
        services.AddSingleton<IOperatorAlerts>(sp => sp.GetRequiredService<OperatorAlerts>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value);
        services.AddSingleton<IReadOnlyList<INotificationChannel>>(sp => ChannelFactory.Create(sp.GetRequiredService<NotificationOptions>(), new HttpClient { Timeout = TimeSpan.FromSeconds(15) }));

        services.AddSingleton(sp => new TradingControls(sp.GetRequiredService<IBotStore>().Risk, risk, sp.GetRequiredService<TimeZoneInfo>(),
            sp.GetRequiredService<IOperatorAlerts>(), sp.GetRequiredService<TimeProvider>()));
        // Every call to the venue feeds the API error guard.
        services.AddSingleton<IExchange>(sp => new GuardedExchange(sp.GetRequiredService<Venue>().Exchange, sp.GetRequiredService<TradingControls>()));
        services.AddSingleton<MarketBook>();
        services.AddSingleton<OrderRateWindow>();
        services.AddSingleton<TradingQueues>();
        services.AddSingleton<TradingReadiness>();
        services.AddSingleton(sp => new RiskGate(risk));
        var strategy = settings.Get<StrategyOptions>();
        services.AddSingleton(sp => new EntryEvaluator(strategy, risk));
        services.AddSingleton(sp => new MarketDecision(sp.GetRequiredService<EntryEvaluator>(), strategy, risk));
        services.AddSingleton(sp => new StopLossLatch(risk.StopLossCooldown, sp.GetRequiredService<TimeZoneInfo>()));
        services.AddSingleton(sp => new ForecastChoice(sp.GetRequiredService<IReadOnlyList<IForecastSource>>(), strategy.TradePreseason, strategy.ExtraCompetitions));
        services.AddSingleton(sp => new EvaluationStep(sp.GetRequiredService<MarketDecision>(), sp.GetRequiredService<RiskGate>(), sp.GetRequiredService<IExchange>(),
            sp.GetRequiredService<IBotStore>(), sp.GetRequiredService<MarketBook>(), sp.GetRequiredService<ScanStep>(), sp.GetRequiredService<TradingControls>(),
            sp.GetRequiredService<OrderRateWindow>(), sp.GetRequiredService<StopLossLatch>(), sp.GetRequiredService<ForecastChoice>(),
            sp.GetRequiredService<IOptions<ScannerOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ScanStep(sp.GetRequiredService<IExchange>(), sp.GetRequiredService<MarketBook>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new OrderSubmitter(sp.GetRequiredService<IExchange>(), sp.GetRequiredService<IBotStore>().Outbox, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Reconciler(sp.GetRequiredService<IExchange>(), sp.GetRequiredService<IBotStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StopLoss(risk.StopLossFloorPercent, risk.StopLossMaxSlippage));
        services.AddSingleton<ExecutionStep>();
        services.AddSingleton<MonitorStep>();
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
