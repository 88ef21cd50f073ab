using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Simulator.Http.Faults;
using static TradingBot.Simulator.Http.Admin.AdminEndpoints;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Admin;

/// <summary>/sim/faults: list, add, remove one, clear all.</summary>
internal static class AdminFaultEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimAdmin admin)
    {
        group.MapGet("faults", Handler(_ => Faults(admin)));
        group.MapPost("faults", Handler(http => AddFault(admin, http)));
        group.MapDelete("faults", Handler(_ => ClearFaults(admin)));
        group.MapDelete("faults/{fault_id}", Handler(http => RemoveFault(admin, http)));
    }

    private static IResult Faults(SimAdmin admin) =>
        Results.Json(new FaultsWire(admin.Faults.List().Select(FaultOf).ToList()), AdminJsonContext.Default.FaultsWire);

    private static async Task<IResult> AddFault(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.FaultRequest).ConfigureAwait(false);
        var kind = request.Kind switch
        {
            "status" => FaultKind.Status,
            "latency" => FaultKind.Latency,
            "drop" => FaultKind.Drop,
            "accept_then_500" => FaultKind.AcceptThen500,
            "accept_then_timeout" => FaultKind.AcceptThenTimeout,
            null => throw ApiProblem.Missing("kind"),
            _ => throw ApiProblem.Invalid("kind must be status, latency, drop, accept_then_500 or accept_then_timeout"),
        };
        if (request.LatencyMs is < 0 || request.HoldMs is < 0)
            throw ApiProblem.Invalid("latency_ms and hold_ms are not negative");
        var spec = new FaultSpec(
            kind,
            request.Status ?? StatusCodes.Status500InternalServerError,
            request.Probability ?? 1.0,
            request.Count,
            request.PathPrefix,
            request.Method,
            TimeSpan.FromMilliseconds(request.LatencyMs ?? 0),
            request.HoldMs is { } hold ? TimeSpan.FromMilliseconds(hold) : null);
        var id = admin.Faults.Add(spec);
        return Results.Json(FaultOf(new ActiveFault(id, spec, spec.Count)), AdminJsonContext.Default.FaultWire, statusCode: StatusCodes.Status201Created);
    }

    private static IResult ClearFaults(SimAdmin admin)
    {
        admin.Faults.Clear();
        return Ok();
    }

    private static IResult RemoveFault(SimAdmin admin, HttpContext http)
    {
        var id = (string)http.Request.RouteValues["fault_id"]!;
        return admin.Faults.Remove(id) ? Ok() : throw ApiProblem.NotFound($"no fault {id}");
    }

    private static FaultWire FaultOf(ActiveFault fault) => new()
    {
        FaultId = fault.Id,
        Kind = fault.Spec.Kind switch
        {
            FaultKind.Status => "status",
            FaultKind.Latency => "latency",
            FaultKind.Drop => "drop",
            FaultKind.AcceptThen500 => "accept_then_500",
            _ => "accept_then_timeout",
        },
        Status = fault.Spec.Kind == FaultKind.Status ? fault.Spec.Status : null,
        Probability = fault.Spec.Probability,
        Remaining = fault.Remaining,
        PathPrefix = fault.Spec.PathPrefix,
        Method = fault.Spec.Method,
        LatencyMs = fault.Spec.Kind == FaultKind.Latency ? (long)fault.Spec.Latency.TotalMilliseconds : null,
        HoldMs = fault.Spec.Hold is { } hold ? (long)hold.TotalMilliseconds : null,
    };
}
