using TradingBot.Core.Settings;
using TradingBot.Forecasts.Feeds;

namespace TradingBot.Forecasts.Options;

/// <summary>The operator's model output as a local file (section <c>Forecasts:File</c>; format in the Forecasts README).</summary>
public sealed class FileFeedOptions : ISettingsSection
{
    public static string SectionName => "Forecasts:File";

    public bool Enabled { get; set; }

    public string? Path { get; set; }

    /// <summary><c>Auto</c> reads <c>.json</c> as JSON and anything else as CSV.</summary>
    public FeedFormat Format { get; set; } = FeedFormat.Auto;

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .That(!Enabled || !string.IsNullOrWhiteSpace(Path), nameof(Path), "must name the feed file when the file source is enabled")
            .Defined(nameof(Format), Format)
            .Problems;
}
