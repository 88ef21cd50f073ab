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

    /// <summary>How long one attempt may take before it counts as a timeout (an order write's outcome is then unknown).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a read after 429, 5xx, a timeout or a dropped connection. Order writes are never retried.</summary>
    public int ReadRetryAttempts { get; set; } = 3;

    /// <summary>First back-off of a read retry; each further one doubles, with jitter.</summary>
    public TimeSpan ReadRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Read tokens per second; 0 takes the tier's budget.</summary>
    public int ReadTokensPerSecond { get; set; }

    /// <summary>Write tokens per second; 0 takes the tier's budget.</summary>
    public int WriteTokensPerSecond { get; set; }

    /// <summary>
    /// The subaccount the bot trades and reads (0 the primary, 1 to 63 numbered ones). Sent on every portfolio read and
    /// order write: Kalshi lists fills, settlements and orders of every subaccount when it is omitted.
    /// </summary>
    public int Subaccount { get; set; }

    /// <summary>At start-up, size the buckets from <c>GET /account/limits</c> instead of the tier table when the venue answers.</summary>
    public bool UseAccountLimits { get; set; } = true;

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .Defined(nameof(Tier), Tier)
            .That(BaseUrl.Length == 0 || IsHttpUrl(BaseUrl), nameof(BaseUrl), $"must be an absolute http(s) URL (got '{BaseUrl}')")
            .Positive(nameof(RequestTimeout), RequestTimeout)
            .That(RequestTimeout <= TimeSpan.FromMinutes(2), nameof(RequestTimeout), "must be at most 00:02:00")
            .Between(nameof(ReadRetryAttempts), ReadRetryAttempts, 0, 10)
            .NotNegative(nameof(ReadRetryBaseDelay), ReadRetryBaseDelay)
            .Between(nameof(ReadTokensPerSecond), ReadTokensPerSecond, 0, 1_000_000)
            .Between(nameof(WriteTokensPerSecond), WriteTokensPerSecond, 0, 1_000_000)
            .Between(nameof(Subaccount), Subaccount, 0, 63)
            .Problems;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
