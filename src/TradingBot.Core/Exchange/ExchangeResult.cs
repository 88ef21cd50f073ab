using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Core.Exchange;

/// <summary>What went wrong talking to a venue, in terms the bot acts on.</summary>
public enum ExchangeErrorKind
{
    /// <summary>401/403: bad key, bad signature, clock skew. Retrying will not help.</summary>
    Auth,

    /// <summary>400/422 and other definite refusals of the request's content.</summary>
    Validation,

    NotFound,

    /// <summary>409: on an order create, the <c>client_order_id</c> was already used (the first attempt landed).</summary>
    Conflict,

    /// <summary>429 from the venue, or this bot's own token bucket was empty for an order write.</summary>
    RateLimited,

    /// <summary>5xx.</summary>
    Server,

    /// <summary>The connection failed or dropped.</summary>
    Transport,

    Timeout,

    /// <summary>A 2xx whose body could not be read or broke the contract (bad JSON, a price of "1.5", a missing field).</summary>
    Unreadable,

    /// <summary>The client's circuit breaker is open after repeated failures: nothing was sent.</summary>
    Unavailable,
}

/// <summary>
/// One failure, with the venue's own <c>code</c>/<c>message</c> where it sent one. <see cref="SubmitOutcomeUnknown"/>
/// is the order-integrity flag: for an order write it means the order may or may not exist, and the market must
/// be blocked until reconciliation finds out (never re-send blindly).
/// </summary>
public sealed record ExchangeError(ExchangeErrorKind Kind, string Message, string? Code = null, int? HttpStatus = null)
{
    public bool IsTransient => Kind is ExchangeErrorKind.RateLimited or ExchangeErrorKind.Server
        or ExchangeErrorKind.Transport or ExchangeErrorKind.Timeout or ExchangeErrorKind.Unavailable;

    /// <summary>
    /// For a write that reached the venue: true when the venue may have acted on it. A definite refusal (4xx, our own
    /// limiter, an open circuit) is known not to have placed anything.
    /// </summary>
    public bool SubmitOutcomeUnknown => Kind is ExchangeErrorKind.Server or ExchangeErrorKind.Transport
        or ExchangeErrorKind.Timeout or ExchangeErrorKind.Unreadable;

    public override string ToString() =>
        $"{Kind}{(HttpStatus is { } status ? $" (HTTP {status})" : "")}{(Code is null ? "" : $" {Code}")}: {Message}";
}

/// <summary>A venue call's outcome as a value: the value, or the error. <see cref="Success"/> tells the compiler <see cref="Value"/> is set.</summary>
public readonly record struct ExchangeResult<T>
{
    private ExchangeResult(T? value, ExchangeError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ExchangeError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public static ExchangeResult<T> Ok(T value) => new(value, null);

    public static ExchangeResult<T> Fail(ExchangeError error) => new(default, error);

    public static implicit operator ExchangeResult<T>(ExchangeError error) => Fail(error);

    /// <summary>Maps the value, keeping the error.</summary>
    public ExchangeResult<TOut> Map<TOut>(Func<T, TOut> map) => Success ? ExchangeResult<TOut>.Ok(map(Value)) : ExchangeResult<TOut>.Fail(Error);

    public override string ToString() => Success ? $"Ok({Value})" : $"Fail({Error})";
}
