using Microsoft.AspNetCore.Http;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Wire;

namespace TradingBot.Simulator.Http;

/// <summary>
/// A request the API refuses, thrown from deep inside parsing so handlers read straight through; the gate turns it
/// into Kalshi's error body. Never used for engine outcomes, which come back as <see cref="SimRejection"/> values.
/// </summary>
internal sealed class ApiProblem(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ApiProblem Invalid(string message) => new(StatusCodes.Status400BadRequest, "invalid_parameters", message);

    public static ApiProblem Missing(string field) => new(StatusCodes.Status400BadRequest, "missing_parameters", $"{field} is required");

    public static ApiProblem NotFound(string message) => new(StatusCodes.Status404NotFound, "not_found", message);
}

/// <summary>The bodies every endpoint answers with.</summary>
internal static class ApiResults
{
    public static IResult Ok<T>(T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        Results.Json(body, type, statusCode: status);

    public static IResult Error(int status, string code, string message, string? details = null) =>
        Results.Json(new ErrorWire(code, message, details), KalshiJsonContext.Default.ErrorWire, statusCode: status);

    public static IResult Error(SimRejection rejection) => Error(rejection.HttpStatus, rejection.Code, rejection.Message);

    public static IResult Error(ApiProblem problem) => Error(problem.Status, problem.Code, problem.Message);

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "unauthorized", message);

    /// <summary>rate_limits.md: this exact body, and no Retry-After.</summary>
    public static IResult TooManyRequests() =>
        Results.Json(new RateLimitedWire("too many requests"), KalshiJsonContext.Default.RateLimitedWire, statusCode: StatusCodes.Status429TooManyRequests);
}
