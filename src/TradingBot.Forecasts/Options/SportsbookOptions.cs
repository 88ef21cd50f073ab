using TradingBot.Core.Settings;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Sportsbook;

namespace TradingBot.Forecasts.Options;

/// <summary>
/// Sportsbook consensus from The Odds API v4 (section <c>Forecasts:Sportsbook</c>): from its URL with an API key,
/// or from a file of the same JSON when <see cref="Path"/> is set.
/// </summary>
public sealed class SportsbookOptions : PollingSettings, ISettingsSection
{
    public SportsbookOptions()
    {
        // Every poll of every sport costs API credits: poll less often than a free feed.
        PollInterval = TimeSpan.FromMinutes(5);
        StaleAfter = TimeSpan.FromMinutes(30);
    }

    public static string SectionName => "Forecasts:Sportsbook";

    public bool Enabled { get; set; }

    public string BaseUrl { get; set; } = "https://api.the-odds-api.com";

    /// <summary>Sent as the <c>apiKey</c> query parameter; never written to health or logs.</summary>
    [Secret]
    public string? ApiKey { get; set; }

    /// <summary>Read odds from this file (an array of Odds API events, any sports) instead of the URL.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Comma-separated Odds API sport keys, one request each per poll. A string rather than a list because the
    /// configuration binder appends a configured list to a default one instead of replacing it.
    /// </summary>
    public string Sports { get; set; } = "americanfootball_nfl,basketball_nba,baseball_mlb,icehockey_nhl";

    public IReadOnlyList<string> SportKeys =>
        (Sports ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string Regions { get; set; } = "us,eu";

    public string Markets { get; set; } = "h2h,spreads,totals";

    public OddsFormat OddsFormat { get; set; } = OddsFormat.Decimal;

    public DevigMethod Method { get; set; } = DevigMethod.Shin;

    /// <summary>Weight per bookmaker key (e.g. <c>pinnacle: 3</c>); books not listed get <see cref="DefaultBookWeight"/>; 0 leaves a book out.</summary>
    public Dictionary<string, decimal> BookWeights { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public decimal DefaultBookWeight { get; set; } = 1m;

    /// <summary>A book's market whose <c>last_update</c> is older than this is skipped.</summary>
    public TimeSpan MaxBookAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Fewest fresh books that must quote Kalshi's exact line (a winner market: a moneyline) before their consensus is
    /// used. Two by default: one book's line is one opinion, and its mistake would be traded on alone.
    /// </summary>
    public int MinBooks { get; set; } = 2;

    /// <summary>How a spread or total line with fewer than <see cref="MinBooks"/> books is priced: not at all (Exact), or by <see cref="LineModel.Normal"/>.</summary>
    public LineModel LineModel { get; set; } = LineModel.Exact;

    /// <summary>
    /// Standard deviation of the final margin about the books' expected margin, per league (NFL, NBA, MLB, NHL), for
    /// <see cref="LineModel.Normal"/>. NFL 13.1: the nflverse closing spreads of 2010–2025 (4,271 games) missed the
    /// result by 13.05 points (root mean square). A league not listed is not modelled.
    /// </summary>
    public Dictionary<string, decimal> MarginSd { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["NFL"] = 13.1m };

    /// <summary>As <see cref="MarginSd"/> for the combined score. NFL 13.2: the same games' closing totals missed by 13.23 points.</summary>
    public Dictionary<string, decimal> TotalSd { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["NFL"] = 13.2m };

    /// <summary>How far the feed's commence time may be from Kalshi's game start for the two to be one game.</summary>
    public TimeSpan MatchTolerance { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The zone Kalshi's ticker dates are in, used when a market has no game start.</summary>
    public string CalendarTimeZone { get; set; } = "America/New_York";

    /// <summary>The stated deviation for the league and kind, or null when none is stated.</summary>
    public double? SdOf(League league, bool total)
    {
        var deviations = total ? TotalSd : MarginSd;
        var stated = deviations.Where(d => Leagues.TryParse(d.Key, out var l) && l == league).Select(d => (decimal?)d.Value).FirstOrDefault();
        return stated is { } sd ? (double)sd : null;
    }

    public double WeightOf(string bookKey) =>
        (double)(BookWeights.TryGetValue(bookKey, out var weight) ? weight : DefaultBookWeight);

    public IEnumerable<SettingsProblem> Validate()
    {
        var fromFile = !string.IsNullOrWhiteSpace(Path);
        var rules = new SettingsRules(SectionName)
            .That(!Enabled || fromFile || IsHttpUrl(BaseUrl), nameof(BaseUrl), $"must be an absolute http or https URL (got '{BaseUrl}')")
            .That(!Enabled || fromFile || !string.IsNullOrWhiteSpace(ApiKey), nameof(ApiKey), "is required to poll The Odds API (or set Path to read a file)")
            .That(!Enabled || fromFile || SportKeys.Count > 0, nameof(Sports), "must list at least one Odds API sport key")
            .That(SportKeys.All(s => s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')), nameof(Sports), $"sport keys are letters, digits and underscores, separated by commas (got '{Sports}')")
            .Defined(nameof(OddsFormat), OddsFormat)
            .Defined(nameof(Method), Method)
            .NotNegative(nameof(DefaultBookWeight), DefaultBookWeight)
            .That(DefaultBookWeight > 0 || BookWeights.Values.Any(w => w > 0), nameof(BookWeights), "gives every book a weight of 0: nothing would be used")
            .Positive(nameof(MaxBookAge), MaxBookAge)
            .Between(nameof(MinBooks), MinBooks, 1, 50)
            .Defined(nameof(LineModel), LineModel)
            .Positive(nameof(MatchTolerance), MatchTolerance)
            .That(MatchTolerance <= TimeSpan.FromHours(12), nameof(MatchTolerance), $"must be at most 12:00:00, or one day's games blur into the next (got {MatchTolerance:c})")
            .That(TimeZoneInfo.TryFindSystemTimeZoneById(CalendarTimeZone ?? "", out _), nameof(CalendarTimeZone), $"'{CalendarTimeZone}' is not a time zone on this machine");
        foreach (var (book, weight) in BookWeights)
            rules.NotNegative($"{nameof(BookWeights)}:{book}", weight);
        foreach (var (name, deviations) in new[] { (nameof(MarginSd), MarginSd), (nameof(TotalSd), TotalSd) })
        {
            foreach (var (league, sd) in deviations)
            {
                rules.That(Leagues.TryParse(league, out _), $"{name}:{league}", "is not a league (NFL, NBA, MLB, NHL, NCAAF, NCAAMB)")
                    .That(sd is > 0 and <= 100, $"{name}:{league}", $"must be above 0 and at most 100 points (got {sd})");
            }
        }

        ValidatePolling(rules);
        return rules.Problems;
    }
}
