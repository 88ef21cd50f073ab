using TradingBot.Core.Settings;

namespace TradingBot.Forecasts.Options;

/// <summary>The weighted blend of the other sources (section <c>Forecasts:Blend</c>), e.g. <c>Weights: { sportsbook: 2, file: 1, elo: 0.5 }</c>.</summary>
public sealed class BlendOptions : ISettingsSection
{
    /// <summary>The names the sources answer to, which are the keys of <see cref="Weights"/>.</summary>
    public static readonly IReadOnlyList<string> SourceNames = ["file", "http", "sportsbook", "elo"];

    public static string SectionName => "Forecasts:Blend";

    public bool Enabled { get; set; }

    /// <summary>Weight per source name; a source not listed, or weighted 0, is left out of the blend.</summary>
    public Dictionary<string, decimal> Weights { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName)
            .That(!Enabled || Weights.Values.Any(w => w > 0), nameof(Weights), "must give at least one source a weight above 0 when the blend is enabled");
        foreach (var (name, weight) in Weights)
        {
            rules.NotNegative($"{nameof(Weights)}:{name}", weight)
                .That(SourceNames.Contains(name, StringComparer.OrdinalIgnoreCase), $"{nameof(Weights)}:{name}", $"is not a source (one of {string.Join(", ", SourceNames)})");
        }

        return rules.Problems;
    }
}
