using System.Globalization;
using TradingBot.Core.Settings;
using TradingBot.Core.Sports;

namespace TradingBot.Forecasts.Options;

/// <summary>One league's Elo parameters (section <c>Forecasts:Elo:{League}</c>, e.g. <c>Forecasts:Elo:Nfl:KFactor</c>).</summary>
public sealed class EloLeagueOptions
{
    public double InitialRating { get; set; } = 1500;

    /// <summary>Points a rating moves per unit of surprise: higher follows form faster and is noisier.</summary>
    public double KFactor { get; set; } = 20;

    /// <summary>Rating points the home side is worth.</summary>
    public double HomeAdvantage { get; set; } = 50;

    /// <summary>Rating difference at which the stronger side is 10 times as likely to win as to lose (the logistic scale).</summary>
    public double Scale { get; set; } = 400;

    /// <summary>
    /// Scale each update by ln(|margin| + 1) × 2.2 / (0.001 × the winner's rating edge + 2.2): blowouts teach more,
    /// and the second factor stops favourites' ratings inflating from winning big as expected.
    /// </summary>
    public bool MarginOfVictory { get; set; }

    /// <summary>Share of the way each rating moves back toward <see cref="InitialRating"/> between seasons (rosters change).</summary>
    public double SeasonRegression { get; set; } = 1.0 / 3;

    internal void Validate(SettingsRules rules, string prefix)
    {
        rules.That(InitialRating is >= 100 and <= 5000, $"{prefix}:{nameof(InitialRating)}", $"must be between 100 and 5000 (got {Show(InitialRating)})")
            .That(KFactor is > 0 and <= 100, $"{prefix}:{nameof(KFactor)}", $"must be greater than 0 and at most 100 (got {Show(KFactor)})")
            .That(HomeAdvantage is >= 0 and <= 400, $"{prefix}:{nameof(HomeAdvantage)}", $"must be between 0 and 400 (got {Show(HomeAdvantage)})")
            .That(Scale is >= 100 and <= 1000, $"{prefix}:{nameof(Scale)}", $"must be between 100 and 1000 (got {Show(Scale)})")
            .That(SeasonRegression is >= 0 and <= 1, $"{prefix}:{nameof(SeasonRegression)}", $"must be between 0 and 1 (got {Show(SeasonRegression)})");
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Elo ratings (section <c>Forecasts:Elo</c>): where they are kept, what results feed them, and each league's parameters.</summary>
public sealed class EloOptions : ISettingsSection
{
    public static string SectionName => "Forecasts:Elo";

    public bool Enabled { get; set; }

    /// <summary>The ratings file (JSON): restored from at start, written after results are replayed.</summary>
    public string? RatingsPath { get; set; }

    /// <summary>Optional results CSV; when set and changed, ratings are rebuilt from it from scratch and saved to <see cref="RatingsPath"/>.</summary>
    public string? ResultsPath { get; set; }

    public EloLeagueOptions Nfl { get; set; } = new() { KFactor = 20, HomeAdvantage = 48, MarginOfVictory = true, SeasonRegression = 1.0 / 3 };

    public EloLeagueOptions Nba { get; set; } = new() { KFactor = 20, HomeAdvantage = 100, MarginOfVictory = true, SeasonRegression = 0.25 };

    public EloLeagueOptions Mlb { get; set; } = new() { KFactor = 4, HomeAdvantage = 24, MarginOfVictory = false, SeasonRegression = 1.0 / 3 };

    public EloLeagueOptions Nhl { get; set; } = new() { KFactor = 8, HomeAdvantage = 35, MarginOfVictory = false, SeasonRegression = 0.3 };

    public EloLeagueOptions? For(League league) => league switch
    {
        League.Nfl => Nfl,
        League.Nba => Nba,
        League.Mlb => Mlb,
        League.Nhl => Nhl,
        _ => null,
    };

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName)
            .That(!Enabled || !string.IsNullOrWhiteSpace(RatingsPath) || !string.IsNullOrWhiteSpace(ResultsPath), nameof(RatingsPath),
                "or ResultsPath must be set when the Elo source is enabled");
        foreach (var league in TeamCatalog.Leagues)
        {
            if (For(league) is { } options)
                options.Validate(rules, league.ToString());
            else
                rules.Fail(league.ToString(), "has no Elo parameters");
        }

        return rules.Problems;
    }
}
