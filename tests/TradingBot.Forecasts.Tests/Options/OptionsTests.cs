using TradingBot.Core.Settings;
using TradingBot.Forecasts.Feeds;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;

namespace TradingBot.Forecasts.Tests.Options;

public class OptionsTests
{
    private static List<string> Keys(ISettingsSection options) => options.Validate().Select(p => p.Key).ToList();

    [Fact]
    public void Section_names_sit_under_Forecasts()
    {
        Assert.Equal("Forecasts:File", FileFeedOptions.SectionName);
        Assert.Equal("Forecasts:Http", HttpFeedOptions.SectionName);
        Assert.Equal("Forecasts:Sportsbook", SportsbookOptions.SectionName);
        Assert.Equal("Forecasts:Elo", EloOptions.SectionName);
        Assert.Equal("Forecasts:Blend", BlendOptions.SectionName);
    }

    [Fact]
    public void Every_section_is_valid_as_shipped_while_disabled()
    {
        Assert.Empty(Keys(new FileFeedOptions()));
        Assert.Empty(Keys(new HttpFeedOptions()));
        Assert.Empty(Keys(new SportsbookOptions()));
        Assert.Empty(Keys(new EloOptions()));
        Assert.Empty(Keys(new BlendOptions()));
    }

    [Fact]
    public void Enabled_sources_need_where_their_data_comes_from()
    {
        Assert.Equal(["Forecasts:File:Path"], Keys(new FileFeedOptions { Enabled = true }));
        Assert.Equal(["Forecasts:Http:Url"], Keys(new HttpFeedOptions { Enabled = true, Url = "ftp://example.org/feed" }));
        Assert.Equal(["Forecasts:Sportsbook:ApiKey"], Keys(new SportsbookOptions { Enabled = true }));
        Assert.Empty(Keys(new SportsbookOptions { Enabled = true, Path = "/var/lib/tradingbot/odds.json" }));
        Assert.Equal(["Forecasts:Elo:RatingsPath"], Keys(new EloOptions { Enabled = true }));
        Assert.Equal(["Forecasts:Blend:Weights"], Keys(new BlendOptions { Enabled = true }));
    }

    [Fact]
    public void Polling_settings_are_checked_against_each_other()
    {
        var options = new HttpFeedOptions
        {
            Timeout = TimeSpan.FromMinutes(6),
            PollInterval = TimeSpan.FromMinutes(20),
            FirstRetry = TimeSpan.FromMinutes(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            StaleAfter = TimeSpan.FromMinutes(10),
        };
        Assert.Equal(["Forecasts:Http:Timeout", "Forecasts:Http:MaxBackoff", "Forecasts:Http:StaleAfter"], Keys(options));
        Assert.Contains(options.Validate(), p => p.Message.Contains("every poll looks stale", StringComparison.Ordinal));
    }

    [Fact]
    public void Sportsbook_rules_name_the_offending_key()
    {
        var options = new SportsbookOptions
        {
            Path = "odds.json",
            Sports = "basketball nba",
            Method = (DevigMethod)9,
            OddsFormat = (OddsFormat)9,
            DefaultBookWeight = 0,
            BookWeights = new(StringComparer.OrdinalIgnoreCase) { ["pinnacle"] = -1 },
            MaxBookAge = TimeSpan.Zero,
            MinBooks = 0,
            LineModel = (LineModel)9,
            MarginSd = new(StringComparer.OrdinalIgnoreCase) { ["NFL"] = 13.1m, ["XFL"] = 12m },
            TotalSd = new(StringComparer.OrdinalIgnoreCase) { ["nba"] = 0m },
            MatchTolerance = TimeSpan.FromHours(13),
            CalendarTimeZone = "Mars/Olympus",
        };
        Assert.Equal(
            [
                "Forecasts:Sportsbook:Sports", "Forecasts:Sportsbook:OddsFormat", "Forecasts:Sportsbook:Method", "Forecasts:Sportsbook:BookWeights",
                "Forecasts:Sportsbook:MaxBookAge", "Forecasts:Sportsbook:MinBooks", "Forecasts:Sportsbook:LineModel", "Forecasts:Sportsbook:MatchTolerance",
                "Forecasts:Sportsbook:CalendarTimeZone", "Forecasts:Sportsbook:BookWeights:pinnacle", "Forecasts:Sportsbook:MarginSd:XFL",
                "Forecasts:Sportsbook:TotalSd:nba",
            ],
            Keys(options));
        Assert.Contains(options.Validate(), p => p.ToString() == "Forecasts:Sportsbook:TotalSd:nba: must be above 0 and at most 100 points (got 0)");
    }

    [Fact]
    public void Elo_parameters_are_checked_per_league_under_their_own_keys()
    {
        var options = new EloOptions();
        options.Nfl.KFactor = 0;
        options.Nba.SeasonRegression = 1.5;
        options.Mlb.Scale = 50;
        options.Nhl.HomeAdvantage = -10;
        options.Nhl.InitialRating = 0;
        Assert.Equal(
            ["Forecasts:Elo:Nfl:KFactor", "Forecasts:Elo:Nba:SeasonRegression", "Forecasts:Elo:Mlb:Scale", "Forecasts:Elo:Nhl:InitialRating", "Forecasts:Elo:Nhl:HomeAdvantage"],
            Keys(options));
        Assert.Contains(options.Validate(), p => p.ToString() == "Forecasts:Elo:Nba:SeasonRegression: must be between 0 and 1 (got 1.5)");
    }

    [Fact]
    public void Blend_weights_must_name_a_source_and_not_be_negative()
    {
        var options = new BlendOptions { Weights = new(StringComparer.OrdinalIgnoreCase) { ["elo"] = -1, ["astrology"] = 1 } };
        Assert.Equal(["Forecasts:Blend:Weights:elo", "Forecasts:Blend:Weights:astrology"], Keys(options));
    }

    [Fact]
    public void The_file_format_must_be_a_known_one() =>
        Assert.Equal(["Forecasts:File:Format"], Keys(new FileFeedOptions { Format = (FeedFormat)7 }));

    [Fact]
    public void The_api_key_is_marked_secret() =>
        Assert.NotNull(typeof(SportsbookOptions).GetProperty(nameof(SportsbookOptions.ApiKey))!.GetCustomAttributes(typeof(SecretAttribute), false).SingleOrDefault());
}
