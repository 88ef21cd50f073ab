using TradingBot.Core.Settings;

namespace TradingBot.Kalshi;

/// <summary>Kalshi's published rate-limit tiers (rate_limits.md).</summary>
public enum KalshiTier
{
    Basic,
    Advanced,
    Expert,
    Premier,
    Paragon,
    Prime,
    Prestige,
}

/// <summary>Credentials and connection settings for Kalshi's Trade API (section <c>Kalshi</c>).</summary>
public sealed class KalshiOptions : ISettingsSection
{
    public static string SectionName => "Kalshi";

    /// <summary>The API key's id (a UUID). The private key itself never lives in configuration.</summary>
    [Secret]
    public string ApiKeyId { get; set; } = "";

    /// <summary>PEM file holding the RSA private key; must not be readable by group or others.</summary>
    public string PrivateKeyPath { get; set; } = "";

    public KalshiTier Tier { get; set; } = KalshiTier.Basic;

    /// <summary>Overrides the base URL the mode implies (Demo, Live); used for the simulator.</summary>
    public string BaseUrl { get; set; } = "";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .Defined(nameof(Tier), Tier)
            .That(BaseUrl.Length == 0 || IsHttpUrl(BaseUrl), nameof(BaseUrl), $"must be an absolute http(s) URL (got '{BaseUrl}')")
            .Positive(nameof(RequestTimeout), RequestTimeout)
            .Problems;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
