using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Faults;
using TradingBot.Simulator.Http.Limits;

namespace TradingBot.Simulator.Http;

/// <summary>
/// What every Kalshi endpoint shares, and the gate each request passes through in order: injected faults,
/// signature, rate limit, the exchange catching up with its clock, the handler, then accept-then faults. Bad input
/// and engine refusals become Kalshi's error body; anything unexpected is a logged 500, never a crash.
/// </summary>
internal sealed partial class SimApi(
    SimExchange exchange,
    ApiKeyRegistry keys,
    RateLimiter limiter,
    FaultInjector faults,
    KalshiSimulatorOptions options,
    ILogger logger)
{
    private const string CallerItem = "TradingBot.Simulator.Caller";

    private readonly RequestAuthenticator _authenticator = new(keys, options.WallClock, options.SignatureTolerance);

    public SimExchange Exchange => exchange;

    public ApiKeyRegistry Keys => keys;

    /// <summary>The signed caller; only public endpoints run without one.</summary>
    public static SimApiKey Caller(HttpContext http) =>
        http.Items[CallerItem] as SimApiKey ?? throw new InvalidOperationException("this endpoint requires a signed request");

    /// <summary>Charges a batch by its items, all at once (rate_limits.md); a batch larger than the bucket can never pass.</summary>
    public void Charge(HttpContext http, RateBucket bucket, int tokens)
    {
        var key = Caller(http);
        var capacity = key.Tier.LimitOf(bucket).Capacity;
        if (tokens > capacity)
            throw ApiProblem.Invalid($"this batch costs {tokens} tokens; the {bucket.ToString().ToLowerInvariant()} bucket holds {capacity}");
        if (!limiter.TryTake(key.Id, key.Tier, bucket, tokens))
            throw new ApiProblem(StatusCodes.Status429TooManyRequests, "too_many_requests", "too many requests");
    }

    public static async Task<T> ReadBody<T>(HttpContext http, JsonTypeInfo<T> type)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(http.Request.Body, type, http.RequestAborted).ConfigureAwait(false);
            return body is null ? throw ApiProblem.Invalid("the request body is null") : body;
        }
        catch (JsonException e)
        {
            throw ApiProblem.Invalid($"the request body is not valid: {e.Message}");
        }
    }

    public async ValueTask<object?> Gate(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var route = http.GetEndpoint()?.Metadata.GetMetadata<ApiRoute>() ?? ApiRoute.PublicRead;
        try
        {
            var fault = faults.Before(http.Request);
            if (fault.Latency > TimeSpan.Zero)
                await faults.Delay(fault.Latency, options.WallClock, http.RequestAborted).ConfigureAwait(false);

            if (fault.Terminal is { } terminal)
                return Injected(http, terminal);

            if (!route.IsPublic || RequestAuthenticator.HasCredentials(http.Request))
            {
                var auth = _authenticator.Authenticate(http.Request);
                if (auth.Key is not { } key)
                    return ApiResults.Unauthorized(auth.Failure ?? "unauthorized");
                if (!exchange.Read(x => x.Accounts.ContainsKey(key.MemberId)))
                    return ApiResults.Unauthorized($"the key's member {key.MemberId} has no account");
                http.Items[CallerItem] = key;
                if (route.Cost > 0 && !limiter.TryTake(key.Id, key.Tier, route.Bucket, route.Cost))
                    return ApiResults.TooManyRequests();
            }

            exchange.Tick();
            var result = await next(invocation).ConfigureAwait(false);
            if (route.CreatesOrders && result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } && faults.AfterAccepted(http.Request) is { } after)
                return await AfterAccepted(http, after).ConfigureAwait(false);
            return result;
        }
        catch (ApiProblem problem)
        {
            return problem.Status == StatusCodes.Status429TooManyRequests ? ApiResults.TooManyRequests() : ApiResults.Error(problem);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnhandled(logger, e, http.Request.Method, http.Request.Path);
            return ApiResults.Error(StatusCodes.Status500InternalServerError, "internal_server_error", "the simulator failed to handle this request");
        }
    }

    private static IResult Injected(HttpContext http, FaultSpec fault)
    {
        if (fault.Kind == FaultKind.Drop)
        {
            http.Abort();
            return Results.Empty;
        }

        return fault.Status == StatusCodes.Status429TooManyRequests
            ? ApiResults.TooManyRequests()
            : ApiResults.Error(fault.Status, CodeOf(fault.Status), "injected fault");
    }

    private async Task<IResult> AfterAccepted(HttpContext http, FaultSpec fault)
    {
        if (fault.Kind == FaultKind.AcceptThen500)
            return ApiResults.Error(StatusCodes.Status500InternalServerError, "internal_server_error", "injected fault after the order was accepted");

        // The order is placed; the client gets nothing until it gives up, or until the hold ends and the connection drops.
        try
        {
            await faults.Delay(fault.Hold ?? options.DefaultFaultHold, options.WallClock, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        http.Abort();
        return Results.Empty;
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status500InternalServerError => "internal_server_error",
        StatusCodes.Status502BadGateway => "bad_gateway",
        StatusCodes.Status503ServiceUnavailable => "service_unavailable",
        StatusCodes.Status504GatewayTimeout => "gateway_timeout",
        _ => "injected_fault",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulator failed on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
