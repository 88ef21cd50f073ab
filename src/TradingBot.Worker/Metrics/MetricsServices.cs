using TradingBot.Core.Engine;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Metrics;

internal static class MetricsServices
{
    /// <summary>
    /// The worker's instruments always (the services record into them; with nobody listening that costs next to
    /// nothing); the export and its endpoint only when <c>Metrics:Enabled</c>. Registered before the trading services,
    /// so the endpoint is up before the first scan.
    /// </summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services, MetricsOptions options)
    {
        services.AddSingleton(sp =>
        {
            var controls = sp.GetRequiredService<TradingControls>();
            // Latencies are wall time, as the HTTP layer's are: the paper simulator's clock runs faster than the world.
            return new BotMetrics(TimeProvider.System, () => controls.Status);
        });
        if (options.Enabled)
        {
            services.AddSingleton<PrometheusExport>();
            services.AddHostedService<MetricsEndpoint>();
        }

        return services;
    }
}
