using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Admin;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Endpoints;
using TradingBot.Simulator.Http.Faults;
using TradingBot.Simulator.Http.Limits;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http;

/// <summary>
/// Mounts the simulator in any ASP.NET Core host: in process for paper mode, standalone, or in tests.
/// <code>
/// builder.Services.AddKalshiSimulator(o => o.WallClock = TimeProvider.System);
/// app.MapKalshiApi(exchange);           // /trade-api/v2/...
/// app.MapSimulatorAdmin(exchange, clock); // /sim/...: bind the host to loopback
/// </code>
/// </summary>
public static class KalshiSimulatorExtensions
{
    public const string ApiRoot = "/trade-api/v2";
    public const string AdminRoot = "/sim";

    public static IServiceCollection AddKalshiSimulator(this IServiceCollection services, Action<KalshiSimulatorOptions>? configure = null)
    {
        var options = new KalshiSimulatorOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<ApiKeyRegistry>();
        services.TryAddSingleton(sp => new RateLimiter(sp.GetRequiredService<KalshiSimulatorOptions>().WallClock));
        services.TryAddSingleton(sp => sp.GetRequiredService<KalshiSimulatorOptions>().FaultSeed is { } seed ? new FaultInjector(new Random(seed)) : new FaultInjector());
        return services;
    }

    /// <summary>Kalshi's REST API under /trade-api/v2, backed by <paramref name="exchange"/>.</summary>
    public static RouteGroupBuilder MapKalshiApi(this IEndpointRouteBuilder endpoints, SimExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var api = new SimApi(
            exchange,
            services.GetRequiredService<ApiKeyRegistry>(),
            services.GetRequiredService<RateLimiter>(),
            services.GetRequiredService<FaultInjector>(),
            services.GetRequiredService<KalshiSimulatorOptions>(),
            services.GetService<ILoggerFactory>()?.CreateLogger("TradingBot.Simulator.Http") ?? NullLogger.Instance);

        var group = endpoints.MapGroup(ApiRoot);
        group.AddEndpointFilter(api.Gate);
        EventEndpoints.Map(group, api);
        MarketEndpoints.Map(group, api);
        PortfolioEndpoints.Map(group, api);
        OrderEndpoints.Map(group, api);
        OrderChangeEndpoints.Map(group, api);
        OrderGroupEndpoints.Map(group, api);

        // Anything else, the switched-off V1 order writes included, is Kalshi's 404 body rather than an empty one.
        group.MapFallback(Handler(http => ApiResults.Error(StatusCodes.Status404NotFound, "not_found", $"no endpoint {http.Request.Method} {http.Request.Path}")))
            .WithMetadata(ApiRoute.PublicRead);
        return group;
    }

    /// <summary>
    /// The operator's API under /sim: keys, clock, settlement, pauses, state, faults, scenarios. It takes no
    /// signature, so the host must listen on loopback only.
    /// </summary>
    public static RouteGroupBuilder MapSimulatorAdmin(this IEndpointRouteBuilder endpoints, SimExchange exchange, ISimClock clock)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var admin = new SimAdmin(
            exchange,
            clock,
            services.GetRequiredService<ApiKeyRegistry>(),
            services.GetRequiredService<FaultInjector>(),
            services.GetRequiredService<KalshiSimulatorOptions>(),
            services.GetServices<ISimScenario>().ToList(),
            services.GetService<ISimFairPrices>(),
            services.GetServices<ISimClockListener>().ToList());
        var group = endpoints.MapGroup(AdminRoot);
        group.AddEndpointFilter(SimAdmin.Guard);
        AdminEndpoints.Map(group, admin);
        return group;
    }
}
