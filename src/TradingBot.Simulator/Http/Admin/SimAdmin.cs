using System.Net;
using Microsoft.AspNetCore.Http;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Faults;
using TradingBot.Simulator.Http.Wire;

namespace TradingBot.Simulator.Http.Admin;

/// <summary>What the admin endpoints share, and their guard.</summary>
internal sealed class SimAdmin(
    SimExchange exchange,
    ISimClock clock,
    ApiKeyRegistry keys,
    FaultInjector faults,
    KalshiSimulatorOptions options,
    IReadOnlyList<ISimScenario> scenarios,
    ISimFairPrices? fairPrices,
    IReadOnlyList<ISimClockListener> clockListeners)
{
    public SimExchange Exchange => exchange;

    public ISimClock Clock => clock;

    public ApiKeyRegistry Keys => keys;

    public FaultInjector Faults => faults;

    public KalshiSimulatorOptions Options => options;

    public IReadOnlyList<ISimScenario> Scenarios => scenarios;

    public ISimFairPrices? FairPrices => fairPrices;

    /// <summary>Applies a clock move to the exchange (markets open and close, orders expire), then tells the scenarios.</summary>
    public void ClockMoved()
    {
        exchange.Tick();
        var now = exchange.Clock.GetUtcNow();
        foreach (var listener in clockListeners)
            listener.ClockMoved(exchange, now);
    }

    /// <summary>
    /// Refuses anyone not on loopback (the admin API takes no signature), and turns the engine's exceptions into
    /// statuses: an unknown name is 404, a state that forbids the move 409, a bad argument 400.
    /// </summary>
    public static async ValueTask<object?> Guard(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var remote = invocation.HttpContext.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
            return Error(StatusCodes.Status403Forbidden, "forbidden", "the simulator's admin API answers on loopback only");
        try
        {
            return await next(invocation).ConfigureAwait(false);
        }
        catch (ApiProblem problem)
        {
            return Error(problem.Status, problem.Code, problem.Message);
        }
        catch (KeyNotFoundException e)
        {
            return Error(StatusCodes.Status404NotFound, "not_found", e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Error(StatusCodes.Status409Conflict, "conflict", e.Message);
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_parameters", e.Message);
        }
    }

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorWire(code, message), AdminJsonContext.Default.ErrorWire, statusCode: status);
}
