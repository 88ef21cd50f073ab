using Microsoft.Extensions.Logging;
using System.Net;
using TradingBot.Kalshi.Auth;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.RateLimiting;

namespace TradingBot.Kalshi;

/// <summary>Builds a client from the operator's settings: base URL, key, buckets and resilience, all in one place.</summary>
public static class KalshiConnection
{
    /// <param name="baseUrl">The venue: <see cref="KalshiEnvironment.Demo"/>, <see cref="KalshiEnvironment.Production"/>, or the simulator.</param>
    /// <param name="signer">Signs every request; null only for a venue that needs no authentication.</param>
    /// <param name="logger">Where the client's warnings go (fields read leniently, book levels dropped); none if null.</param>
    public static KalshiClient Create(KalshiOptions options, Uri baseUrl, RequestSigner? signer, TimeProvider time, HttpMessageHandler? innerHandler = null, ILogger? logger = null)
    {
        var (read, write) = BucketSizes(options);
        var handler = innerHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.RequestTimeout,
        };
        HttpMessageHandler pipeline = signer is null ? handler : new SigningHandler(options.ApiKeyId, signer, time) { InnerHandler = handler };
        var http = new HttpClient(pipeline) { BaseAddress = KalshiEnvironment.Normalize(baseUrl) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tradingbot");
        var resilience = KalshiResilience.Default with
        {
            RequestTimeout = options.RequestTimeout,
            ReadRetryAttempts = options.ReadRetryAttempts,
            ReadRetryBaseDelay = options.ReadRetryBaseDelay,
        };
        return new KalshiClient(new KalshiTransport(http, new KalshiRateLimiter(read, write, time), resilience, time, logger));
    }

    /// <summary>The tier's buckets, with any per-second override; capacity keeps the tier's seconds of budget.</summary>
    public static (BucketSize Read, BucketSize Write) BucketSizes(KalshiOptions options)
    {
        var (read, write) = KalshiRateLimits.ForTier(options.Tier);
        return (Override(read, options.ReadTokensPerSecond), Override(write, options.WriteTokensPerSecond));
    }

    private static BucketSize Override(BucketSize size, int perSecond) =>
        perSecond <= 0 ? size : new BucketSize(perSecond, perSecond * (size.Capacity / size.RefillPerSecond));
}
