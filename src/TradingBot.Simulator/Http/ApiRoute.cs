using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingBot.Simulator.Http.Limits;

namespace TradingBot.Simulator.Http;

/// <summary>
/// Per-endpoint metadata the gate reads: whether a signature is required, which bucket pays and how many tokens
/// (0 when the handler charges by the number of batch items), and whether it creates orders (for accept-then faults).
/// </summary>
internal sealed record ApiRoute(bool IsPublic, RateBucket Bucket, int Cost, bool CreatesOrders = false)
{
    public static readonly ApiRoute PublicRead = new(true, RateBucket.Read, RateLimiter.DefaultCost);
}

internal static class ApiRouteExtensions
{
    /// <summary>Market data: readable without a signature; a signed request is verified and charged like any other.</summary>
    public static RouteHandlerBuilder Public(this RouteHandlerBuilder route) => route.WithMetadata(ApiRoute.PublicRead);

    public static RouteHandlerBuilder MemberRead(this RouteHandlerBuilder route) =>
        route.WithMetadata(new ApiRoute(false, RateBucket.Read, RateLimiter.DefaultCost));

    public static RouteHandlerBuilder MemberWrite(this RouteHandlerBuilder route, int cost = RateLimiter.DefaultCost, bool createsOrders = false) =>
        route.WithMetadata(new ApiRoute(false, RateBucket.Write, cost, createsOrders));

    /// <summary>
    /// Forces the <see cref="Delegate"/> overloads of MapGet and friends: an async lambda also converts to
    /// <see cref="RequestDelegate"/>, which would skip the endpoint filters and never write the returned result.
    /// </summary>
    public static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    public static Delegate Handler(Func<HttpContext, IResult> handler) => handler;
}
