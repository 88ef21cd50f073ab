namespace TradingBot.Kalshi.Http;

/// <summary>Kalshi's published base URLs (getting_started/api_environments.md).</summary>
public static class KalshiEnvironment
{
    public static readonly Uri Production = new("https://external-api.kalshi.com/trade-api/v2/");
    public static readonly Uri Demo = new("https://external-api.demo.kalshi.co/trade-api/v2/");

    /// <summary>A base URL always ends in '/', so relative paths append to it rather than replace its last segment.</summary>
    public static Uri Normalize(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
