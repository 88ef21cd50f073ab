namespace TradingBot.Simulator.Http.Faults;

public enum FaultKind
{
    /// <summary>Answer with a given HTTP status instead of handling the request.</summary>
    Status,

    /// <summary>Hold the request for a while, then handle it normally.</summary>
    Latency,

    /// <summary>Abort the connection without an answer.</summary>
    Drop,

    /// <summary>An order create is placed in the engine, then answered with a 500: the client cannot tell it landed.</summary>
    AcceptThen500,

    /// <summary>An order create is placed in the engine, then never answered: the client times out.</summary>
    AcceptThenTimeout,
}

/// <summary>
/// One injected fault. It fires on requests matching <see cref="PathPrefix"/> (relative to <c>/trade-api/v2</c> or
/// absolute) and <see cref="Method"/>, with <see cref="Probability"/>, for the next <see cref="Count"/> matches (or
/// until cleared when Count is null).
/// </summary>
public sealed record FaultSpec(
    FaultKind Kind,
    int Status = 500,
    double Probability = 1.0,
    int? Count = null,
    string? PathPrefix = null,
    string? Method = null,
    TimeSpan Latency = default,
    TimeSpan? Hold = null);

/// <summary>An active fault as listed by the admin API.</summary>
public sealed record ActiveFault(string Id, FaultSpec Spec, int? Remaining);
