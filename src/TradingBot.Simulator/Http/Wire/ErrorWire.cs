using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>Kalshi's error body: every error but a 429 carries it.</summary>
public sealed record ErrorWire(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details")] string? Details = null);

/// <summary>The 429 body, which is not an <see cref="ErrorWire"/> (rate_limits.md).</summary>
public sealed record RateLimitedWire([property: JsonPropertyName("error")] string Error);

/// <summary>What order-group writes answer: an empty object.</summary>
public sealed record EmptyWire;
