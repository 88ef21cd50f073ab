using TradingBot.Worker.Cli;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests;

/// <summary><c>tradingbot data import-nflverse</c>: the options reach the importer and its counts are printed. The conversion itself is tested in TradingBot.Backtest.Tests.</summary>
public sealed class DataImportVerbTests : IDisposable
{
    // Two real rows of the nflverse games file (see tests/TradingBot.Backtest.Tests/Data/README.md); the second has no moneylines.
    private const string Games = """
        game_id,season,game_type,week,gameday,weekday,gametime,away_team,away_score,home_team,home_score,location,result,total,overtime,old_game_id,gsis,nfl_detail_id,pfr,pff,espn,ftn,away_rest,home_rest,away_moneyline,home_moneyline,spread_line,away_spread_odds,home_spread_odds,total_line,under_odds,over_odds,div_game,roof,surface,temp,wind,away_qb_id,home_qb_id,away_qb_name,home_qb_name,away_coach,home_coach,referee,stadium_id,stadium
        2016_07_SEA_ARI,2016,REG,7,2016-10-23,Sunday,20:30,SEA,6,ARI,6,Home,0,12,1,2016102312,57006,,201610230crd,4188,400874508,,7,6,121,-134,2.5,-100,-110,43,101,-111,1,closed,grass,,,00-0029263,00-0021429,Russell Wilson,Carson Palmer,Pete Carroll,Bruce Arians,Terry McAulay,PHO00,University of Phoenix Stadium
        2017_04_CHI_GB,2017,REG,4,2017-09-28,Thursday,20:25,CHI,14,GB,35,Home,21,49,0,2017092800,57282,,201709280gnb,7970,400951678,,4,4,,,7.5,,,44,,,1,outdoors,grass,65,5,00-0030520,00-0023459,Mike Glennon,Aaron Rodgers,John Fox,Mike McCarthy,John Hussey,GNB00,Lambeau Field
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("data-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Writes_the_dataset_and_prints_what_it_skipped()
    {
        var games = Path.Combine(_folder, "games.csv");
        var output = Path.Combine(_folder, "nfl.jsonl");
        await File.WriteAllTextAsync(games, Games);

        var result = await BotCli.RunAsync("data", "import-nflverse", "--games", games, "--out", output, "--half-spread", "0.02");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Wrote 1 games (2 markets, 8 records)", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 without both moneylines", result.Output, StringComparison.Ordinal);
        // SEA de-vigged 0.441393: 0.02 either side, rounded outward to the cent.
        Assert.Contains("\"yes_bid\":\"0.42\",\"yes_ask\":\"0.47\"", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seasons", "2010-", "--seasons")]
    [InlineData("--half-spread", "0", "--half-spread")]
    [InlineData("--tick", "0.00001", "--tick")]
    public async Task A_bad_option_writes_nothing_and_exits_2(string option, string value, string named)
    {
        var games = Path.Combine(_folder, "games.csv");
        var output = Path.Combine(_folder, "nfl.jsonl");
        await File.WriteAllTextAsync(games, Games);

        var result = await BotCli.RunAsync("data", "import-nflverse", "--games", games, "--out", output, option, value);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_bad_row_stops_the_import_with_its_line_and_writes_nothing()
    {
        var games = Path.Combine(_folder, "games.csv");
        var output = Path.Combine(_folder, "nfl.jsonl");
        await File.WriteAllTextAsync(games, Games.Replace(",SEA,6,ARI,", ",XYZ,6,ARI,", StringComparison.Ordinal));

        var result = await BotCli.RunAsync("data", "import-nflverse", "--games", games, "--out", output);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("line 2: away_team 'XYZ'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".tmp"));
    }
}
