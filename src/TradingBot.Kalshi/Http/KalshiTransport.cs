using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.RateLimiting;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Http;

/// <summary>How hard the client tries: per-attempt timeout, read retries, and when the circuit opens.</summary>
public sealed record KalshiResilience(
    TimeSpan RequestTimeout,
    int ReadRetryAttempts,
    TimeSpan ReadRetryBaseDelay,
    int BreakerMinimumThroughput,
    TimeSpan BreakerSamplingDuration,
    TimeSpan BreakerBreakDuration)
{
    public static KalshiResilience Default { get; } = new(TimeSpan.FromSeconds(10), 3, TimeSpan.FromMilliseconds(250), 10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));
}

/// <summary>
/// Every request goes through here. Reads wait for read tokens, then get a timeout per attempt and jittered
/// exponential retries on 429, 5xx, timeouts and transport errors (429 has no Retry-After on Kalshi: back off).
/// Writes take write tokens or fail at once (never queue a stale order), get a timeout and are never retried.
/// A circuit breaker over the whole client stops calls when the venue keeps failing. Every outcome is a value.
/// </summary>
public sealed class KalshiTransport
{
    private const long MaxReplyBytes = 64 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly KalshiRateLimiter _limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> _breaker;
    private readonly ResiliencePipeline<HttpResponseMessage> _read;
    private readonly ResiliencePipeline<HttpResponseMessage> _write;

    /// <param name="logger">Where the client warns about what it read around (a field it read leniently, a book level it dropped).</param>
    public KalshiTransport(HttpClient http, KalshiRateLimiter limiter, KalshiResilience resilience, TimeProvider time, ILogger? logger = null)
    {
        Logger = logger ?? NullLogger.Instance;
        _http = http;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.MaxResponseContentBufferSize = MaxReplyBytes;
        _limiter = limiter;

        var failure = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => IsTransient(response.StatusCode));

        _breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = failure,
                FailureRatio = 0.5,
                MinimumThroughput = resilience.BreakerMinimumThroughput,
                SamplingDuration = resilience.BreakerSamplingDuration,
                BreakDuration = resilience.BreakerBreakDuration,
            })
            .Build();

        var reads = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (resilience.ReadRetryAttempts > 0)
        {
            reads.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = failure,
                MaxRetryAttempts = resilience.ReadRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = resilience.ReadRetryBaseDelay,
            });
        }

        _read = reads.AddTimeout(resilience.RequestTimeout).Build();
        _write = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddTimeout(resilience.RequestTimeout).Build();
    }

    public Uri? BaseAddress => _http.BaseAddress;

    public KalshiRateLimiter Limiter => _limiter;

    internal ILogger Logger { get; }

    /// <summary>A GET: waits for read tokens, retries what is worth retrying.</summary>
    public async Task<ExchangeResult<T>> GetAsync<T>(string path, Query query, JsonTypeInfo<T> reply, CancellationToken cancellationToken)
    {
        KalshiMetrics.Waited("read", await _limiter.Read.TakeAsync(KalshiRateLimits.RequestCost, cancellationToken).ConfigureAwait(false));
        return await SendAsync(_read, HttpMethod.Get, () => new HttpRequestMessage(HttpMethod.Get, path + query), path, reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An order write: sent at most once, only if the write bucket covers <paramref name="cost"/> right now.</summary>
    public Task<ExchangeResult<T>> WriteAsync<TBody, T>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> reply, int cost, CancellationToken cancellationToken)
    {
        if (!_limiter.Write.TryTake(cost))
        {
            KalshiMetrics.Refused("write");
            return Task.FromResult(ExchangeResult<T>.Fail(new ExchangeError(ExchangeErrorKind.RateLimited,
                $"the client's write bucket holds {_limiter.Write.Available:0} of the {cost} tokens this write needs; not sent")));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        return SendAsync(_write, method, () => new HttpRequestMessage(method, path)
        {
            Content = new ByteArrayContent(json) { Headers = { ContentType = new("application/json") } },
        }, path, reply, cancellationToken);
    }

    /// <summary>An order write without a body (a cancel is a DELETE).</summary>
    public Task<ExchangeResult<T>> WriteAsync<T>(HttpMethod method, string path, JsonTypeInfo<T> reply, int cost, CancellationToken cancellationToken)
    {
        if (!_limiter.Write.TryTake(cost))
        {
            KalshiMetrics.Refused("write");
            return Task.FromResult(ExchangeResult<T>.Fail(new ExchangeError(ExchangeErrorKind.RateLimited,
                $"the client's write bucket holds {_limiter.Write.Available:0} of the {cost} tokens this write needs; not sent")));
        }

        return SendAsync(_write, method, () => new HttpRequestMessage(method, path), path, reply, cancellationToken);
    }

    private async Task<ExchangeResult<T>> SendAsync<T>(ResiliencePipeline<HttpResponseMessage> pipeline, HttpMethod method, Func<HttpRequestMessage> request, string path, JsonTypeInfo<T> reply, CancellationToken cancellationToken)
    {
        var endpoint = KalshiMetrics.Endpoint(path);
        HttpResponseMessage response;
        try
        {
            response = await _breaker.ExecuteAsync(
                outer => pipeline.ExecuteAsync(async inner =>
                {
                    // Each attempt is counted: retries spend the venue's rate budget too.
                    using var message = request();
                    try
                    {
                        var sent = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, inner).ConfigureAwait(false);
                        KalshiMetrics.Request(endpoint, method, (int)sent.StatusCode);
                        return sent;
                    }
                    catch (Exception ex)
                    {
                        KalshiMetrics.Request(endpoint, method, ex switch
                        {
                            OperationCanceledException when cancellationToken.IsCancellationRequested => "canceled",
                            OperationCanceledException => "timeout",
                            HttpRequestException => "transport_error",
                            _ => "error",
                        });
                        throw;
                    }
                }, outer),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            KalshiMetrics.Request(endpoint, method, "circuit_open");
            return new ExchangeError(ExchangeErrorKind.Unavailable, $"the client's circuit breaker is open after repeated failures; retry after {ex.RetryAfter?.TotalSeconds:0} s");
        }
        catch (TimeoutRejectedException ex)
        {
            return new ExchangeError(ExchangeErrorKind.Timeout, $"no reply within {ex.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new ExchangeError(ExchangeErrorKind.Transport, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExchangeError(ExchangeErrorKind.Transport, "the request was cancelled by the transport");
        }

        using (response)
        {
            return await ReadAsync(response, path, reply, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ExchangeResult<T>> ReadAsync<T>(HttpResponseMessage response, string path, JsonTypeInfo<T> reply, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new ExchangeError(response.IsSuccessStatusCode ? ExchangeErrorKind.Unreadable : KindOf(response.StatusCode), $"reply body lost: {ex.Message}", HttpStatus: status);
        }

        if (!response.IsSuccessStatusCode)
            return ErrorFrom(response.StatusCode, body);

        try
        {
            T? value;
            using (var notes = LenientNotes.Collect())
            {
                value = JsonSerializer.Deserialize(body, reply);
                foreach (var problem in notes.Count == 0 ? [] : notes.Describe(body))
                    Logger.LenientField(path, problem);
            }

            return value is null
                ? new ExchangeError(ExchangeErrorKind.Unreadable, "reply was JSON null", HttpStatus: status)
                : ExchangeResult<T>.Ok(value);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return new ExchangeError(ExchangeErrorKind.Unreadable, $"reply does not match the contract: {Shorten(ex.Message)}", HttpStatus: status);
        }
    }

    private static ExchangeError ErrorFrom(HttpStatusCode statusCode, byte[] body)
    {
        string? code = null;
        var message = body.Length == 0 ? statusCode.ToString() : Shorten(System.Text.Encoding.UTF8.GetString(body));
        try
        {
            var reply = JsonSerializer.Deserialize(body, KalshiJson.Default.ErrorReply);
            code = reply?.Code;
            message = reply?.Message ?? message;
            if (reply?.Error is { ValueKind: JsonValueKind.Object } nested)
            {
                code ??= nested.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                message = nested.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? message : message;
            }
            else if (reply?.Error is { ValueKind: JsonValueKind.String } text)
            {
                message = text.GetString() ?? message;
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep the shortened text.
        }

        return new ExchangeError(KindOf(statusCode), Shorten(message), code, (int)statusCode);
    }

    private static ExchangeErrorKind KindOf(HttpStatusCode statusCode) => (int)statusCode switch
    {
        401 or 403 => ExchangeErrorKind.Auth,
        404 => ExchangeErrorKind.NotFound,
        409 => ExchangeErrorKind.Conflict,
        429 => ExchangeErrorKind.RateLimited,
        408 => ExchangeErrorKind.Timeout,
        >= 500 => ExchangeErrorKind.Server,
        _ => ExchangeErrorKind.Validation,
    };

    private static bool IsTransient(HttpStatusCode statusCode) => (int)statusCode is 408 or 429 or >= 500;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
