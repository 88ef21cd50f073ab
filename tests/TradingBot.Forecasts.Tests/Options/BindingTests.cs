using Microsoft.Extensions.Configuration;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;

namespace TradingBot.Forecasts.Tests.Options;

/// <summary>The keys as an operator writes them (or as TRADINGBOT__Forecasts__… environment variables) reach the options.</summary>
public class BindingTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Forecasts:File:Enabled"] = "true",
        ["Forecasts:File:Path"] = "/var/lib/tradingbot/model.csv",
        ["Forecasts:Http:Url"] = "http://127.0.0.1:8700/latest",
        ["Forecasts:Http:Timeout"] = "00:00:05",
        ["Forecasts:Sportsbook:Method"] = "Power",
        ["Forecasts:Sportsbook:Sports"] = "basketball_nba",
        ["Forecasts:Sportsbook:BookWeights:pinnacle"] = "3",
        ["Forecasts:Sportsbook:BookWeights:Bovada"] = "0",
        ["Forecasts:Sportsbook:MaxBookAge"] = "00:05:00",
        ["Forecasts:Sportsbook:LineModel"] = "Normal",
        ["Forecasts:Sportsbook:MarginSd:nba"] = "12.5",
        ["Forecasts:Elo:Nfl:KFactor"] = "25",
        ["Forecasts:Elo:Nhl:MarginOfVictory"] = "true",
        ["Forecasts:Blend:Weights:sportsbook"] = "2",
    }).Build();

    private static T Bind<T>(string section)
        where T : new()
    {
        var options = new T();
        Configuration.GetSection(section).Bind(options);
        return options;
    }

    [Fact]
    public void Each_section_binds_from_its_documented_keys()
    {
        var file = Bind<FileFeedOptions>(FileFeedOptions.SectionName);
        Assert.Equal((true, "/var/lib/tradingbot/model.csv"), (file.Enabled, file.Path));

        var http = Bind<HttpFeedOptions>(HttpFeedOptions.SectionName);
        Assert.Equal(TimeSpan.FromSeconds(5), http.Timeout);

        var book = Bind<SportsbookOptions>(SportsbookOptions.SectionName);
        Assert.Equal(DevigMethod.Power, book.Method);
        Assert.Equal(["basketball_nba"], book.SportKeys);
        Assert.Equal(3.0, book.WeightOf("Pinnacle"));
        Assert.Equal(0.0, book.WeightOf("bovada"));
        Assert.Equal(1.0, book.WeightOf("draftkings"));
        Assert.Equal(TimeSpan.FromMinutes(5), book.PollInterval);
        Assert.Equal(LineModel.Normal, book.LineModel);
        Assert.Equal((12.5, 13.1, 13.2, null), (book.SdOf(League.Nba, total: false), book.SdOf(League.Nfl, total: false), book.SdOf(League.Nfl, total: true), book.SdOf(League.Nba, total: true)));

        var elo = Bind<EloOptions>(EloOptions.SectionName);
        Assert.Equal(25, elo.Nfl.KFactor);
        Assert.Equal(48, elo.Nfl.HomeAdvantage);
        Assert.True(elo.Nhl.MarginOfVictory);
        Assert.Equal(100, elo.Nba.HomeAdvantage);

        Assert.Equal(2m, Bind<BlendOptions>(BlendOptions.SectionName).Weights["Sportsbook"]);
    }
}
