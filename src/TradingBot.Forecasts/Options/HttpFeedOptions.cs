using TradingBot.Core.Settings;

namespace TradingBot.Forecasts.Options;

/// <summary>The operator's model output polled from a URL that returns the feed's JSON (section <c>Forecasts:Http</c>).</summary>
public sealed class HttpFeedOptions : PollingSettings, ISettingsSection
{
    public static string SectionName => "Forecasts:Http";

    public bool Enabled { get; set; }

    public string? Url { get; set; }

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName)
            .That(!Enabled || IsHttpUrl(Url), nameof(Url), $"must be an absolute http or https URL when the HTTP source is enabled (got '{Url}')");
        ValidatePolling(rules);
        return rules.Problems;
    }
}
