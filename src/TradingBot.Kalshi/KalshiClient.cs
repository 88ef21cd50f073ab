using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.RateLimiting;

namespace TradingBot.Kalshi;

/// <summary>
/// Kalshi's Trade API v2, one method per endpoint the bot uses, each returning the documented reply record as an
/// <see cref="Core.Exchange.ExchangeResult{T}"/>. Paths are relative to the base URL (which ends in
/// <c>/trade-api/v2/</c>). Endpoint families live in their own files.
/// </summary>
public sealed partial class KalshiClient(KalshiTransport transport)
{
    /// <summary>The transport's logger: the adapter warns through it too.</summary>
    internal ILogger Logger => transport.Logger;

    /// <summary>
    /// Sizes the client's buckets from the account's own limits (<c>GET /account/limits</c>), which Kalshi may have
    /// raised above the tier table. On failure the buckets keep their tier sizes.
    /// </summary>
    public async Task<ExchangeResult<(BucketSize Read, BucketSize Write)>> ApplyAccountLimitsAsync(CancellationToken cancellationToken)
    {
        var reply = await GetAccountApiLimitsAsync(cancellationToken).ConfigureAwait(false);
        if (!reply.Success)
            return reply.Error;
        var read = new BucketSize(reply.Value.Read.RefillRate, reply.Value.Read.BucketCapacity);
        var write = new BucketSize(reply.Value.Write.RefillRate, reply.Value.Write.BucketCapacity);
        if (read.RefillPerSecond <= 0 || read.Capacity < KalshiRateLimits.RequestCost || write.RefillPerSecond <= 0 || write.Capacity < KalshiRateLimits.RequestCost)
            return new ExchangeError(ExchangeErrorKind.Unreadable, $"account limits read {read.RefillPerSecond}/{read.Capacity}, write {write.RefillPerSecond}/{write.Capacity}: not usable, keeping the tier's");
        transport.Limiter.Read.Resize(read.Capacity, read.RefillPerSecond);
        transport.Limiter.Write.Resize(write.Capacity, write.RefillPerSecond);
        return ExchangeResult<(BucketSize, BucketSize)>.Ok((read, write));
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
