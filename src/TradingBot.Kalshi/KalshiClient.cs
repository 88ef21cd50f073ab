using TradingBot.Kalshi.Http;

namespace TradingBot.Kalshi;

/// <summary>
/// Kalshi's Trade API v2, one method per endpoint the bot uses, each returning the documented reply record as an
/// <see cref="Core.Exchange.ExchangeResult{T}"/>. Paths are relative to the base URL (which ends in
/// <c>/trade-api/v2/</c>). Endpoint families live in their own files.
/// </summary>
public sealed partial class KalshiClient(KalshiTransport transport)
{
    private static string Segment(string value) => Uri.EscapeDataString(value);
}
