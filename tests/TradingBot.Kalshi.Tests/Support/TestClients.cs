using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using TradingBot.Kalshi.Auth;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.RateLimiting;

namespace TradingBot.Kalshi.Tests.Support;

/// <summary>A real client (signing, limiter, resilience) over a <see cref="RecordedVenue"/>.</summary>
internal static class TestClients
{
    public const string ApiKeyId = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";

    /// <summary>No waiting between retries, generous buckets: tests about other things are not slowed by these.</summary>
    public static readonly KalshiResilience FastResilience = KalshiResilience.Default with { ReadRetryBaseDelay = TimeSpan.Zero };

    public static KalshiClient Create(RecordedVenue venue, TimeProvider? time = null, KalshiResilience? resilience = null, BucketSize? read = null, BucketSize? write = null, ILogger? logger = null) =>
        new(Transport(venue, time, resilience, read, write, logger));

    public static KalshiTransport Transport(RecordedVenue venue, TimeProvider? time = null, KalshiResilience? resilience = null, BucketSize? read = null, BucketSize? write = null, ILogger? logger = null)
    {
        time ??= TimeProvider.System;
        var signer = new RequestSigner(RSA.Create(2048));
        var http = new HttpClient(new SigningHandler(ApiKeyId, signer, time) { InnerHandler = venue }) { BaseAddress = RecordedVenue.BaseAddress };
        var limiter = new KalshiRateLimiter(read ?? new BucketSize(100_000, 100_000), write ?? new BucketSize(100_000, 100_000), time);
        return new KalshiTransport(http, limiter, resilience ?? FastResilience, time, logger);
    }
}
