using TradingBot.Core.Settings;

namespace TradingBot.Forecasts.Options;

/// <summary>How a source that fetches over HTTP paces itself: the timeout, the poll interval, the back-off and when data counts as stale.</summary>
public abstract class PollingSettings
{
    /// <summary>One request's limit; a hung server must not hold a refresh for the HttpClient's 100 s default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The least time between polls after a good one: refreshes called more often than this return at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait after the first failure; it doubles with each failure in a row up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Health reports the source stale when its last good poll is older than this.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    protected void ValidatePolling(SettingsRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Positive(nameof(Timeout), Timeout)
            .That(Timeout <= TimeSpan.FromMinutes(5), nameof(Timeout), $"must be at most 00:05:00 (got {Timeout:c})")
            .Positive(nameof(PollInterval), PollInterval)
            .Positive(nameof(FirstRetry), FirstRetry)
            .That(MaxBackoff >= FirstRetry, nameof(MaxBackoff), $"must be at least FirstRetry ({FirstRetry:c}; got {MaxBackoff:c})")
            .That(StaleAfter >= PollInterval, nameof(StaleAfter), $"must be at least PollInterval ({PollInterval:c}; got {StaleAfter:c}), or every poll looks stale");
    }

    protected static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
