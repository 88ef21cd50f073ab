using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Elo;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Tests.Support;

namespace TradingBot.Forecasts.Tests.Elo;

public sealed class EloFilesTests : IDisposable
{
    private const string Results = """
        league,season,date,home,away,home_score,away_score,neutral
        NFL,2025,2025-09-07,NYG,DAL,20,27,
        NFL,2025,2025-09-14,Dallas Cowboys,Philadelphia Eagles,24,21,false
        NFL,2026,2026-09-06,PHI,NYG,30,10,
        NFL,2026,2026-09-06,New York,DAL,17,14,
        NBA,2026,2026-10-20,BOS,LAL,110,104,
        NFL,2026,13/09/2026,NYG,DAL,1,0,
        NFL,2026,2026-09-07,PHI,PHI,1,0,
        NFL,2026,2026-09-07,PHI,DAL,one,0,
        NFL,2026,2026-09-07,PHI,DAL,1,0,maybe
        """;

    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_results_csv_is_read_with_bad_lines_reported_by_number()
    {
        var (games, problems, fatal) = EloResultsCsv.Read(new StringReader(Results));

        Assert.Null(fatal);
        Assert.Equal(4, games.Count);
        Assert.Equal(("PHI", "NYG", 30, 10), (games[2].Home.Code, games[2].Away.Code, games[2].HomeScore, games[2].AwayScore));
        Assert.Equal(League.Nba, games[3].League);
        Assert.Equal(["line 5", "line 7", "line 8", "line 9", "line 10"], problems.Select(p => p.Where));
        Assert.Contains("could be any of New York Giants, New York Jets", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("cannot play itself", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("not true or false", problems[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_saved_to_json_restore_exactly()
    {
        var options = new EloOptions();
        var book = new EloBook(options);
        book.Replay(EloResultsCsv.Read(new StringReader(Results)).Games, _time.GetUtcNow());
        var path = _dir.File("ratings.json");
        await book.SaveAsync(path, _time.GetUtcNow(), CancellationToken.None);

        var (restored, problems, fatal) = EloBook.Restore(await File.ReadAllTextAsync(path), options);

        Assert.Null(fatal);
        Assert.Empty(problems);
        foreach (var league in TeamCatalog.Leagues)
        {
            var before = book.For(league)!;
            var after = restored!.For(league)!;
            Assert.Equal(before.ByCode.Keys.Order(), after.ByCode.Keys.Order());
            Assert.All(before.ByCode, r => Assert.Equal(r.Value, after.ByCode[r.Key], 3));
            Assert.Equal((before.Season, before.LastGame, before.Games), (after.Season, after.LastGame, after.Games));
        }

        Assert.Equal(_time.GetUtcNow(), restored!.UpdatedAt);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Theory]
    [InlineData("", "cannot be used")]
    [InlineData("{", "cannot be used")]
    [InlineData("""{"version": 2, "updated_at": "2026-09-13T18:00:00Z", "leagues": {}}""", "version 2 is not 1")]
    [InlineData("""{"version": 1, "leagues": {}}""", "updated_at is missing")]
    [InlineData("""{"version": 1, "updated_at": "2026-09-13T18:00:00Z", "leagues": {"Nfl": {"ratings": {"DAL": "high"}}}}""", "cannot be used")]
    public void A_ratings_file_that_cannot_be_used_is_refused_whole(string json, string reason)
    {
        var (book, _, fatal) = EloBook.Restore(json, new EloOptions());
        Assert.Null(book);
        Assert.Contains(reason, fatal, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_teams_and_leagues_in_a_ratings_file_are_reported_and_left_out()
    {
        const string json = """
            { "version": 1, "updated_at": "2026-09-13T18:00:00Z", "leagues": {
                "Nfl": { "season": 2026, "last_game": "2026-09-13", "games": 3, "ratings": { "DAL": 1520.5, "XYZ": 1600 } },
                "Epl": { "ratings": { "ARS": 1600 } } } }
            """;
        var (book, problems, fatal) = EloBook.Restore(json, new EloOptions());

        Assert.Null(fatal);
        Assert.Equal(1520.5, book!.For(League.Nfl)!.ByCode["DAL"]);
        Assert.Equal(["leagues.Nfl.ratings.XYZ", "leagues.Epl"], problems.Select(p => p.Where));
    }

    [Fact]
    public async Task The_source_replays_results_saves_the_ratings_and_prices_winner_markets_only()
    {
        var results = _dir.File("results.csv");
        var ratingsPath = _dir.File("ratings.json");
        await File.WriteAllTextAsync(results, """
            league,season,date,home,away,home_score,away_score
            NFL,2026,2026-09-06,PHI,NYG,30,10
            NFL,2026,2026-09-07,DAL,PHI,27,24
            """);
        var options = new EloOptions { Enabled = true, ResultsPath = results, RatingsPath = ratingsPath };
        var source = new EloForecastSource(options, _time);

        await source.RefreshAsync(CancellationToken.None);

        var ratings = source.Book!.For(League.Nfl)!;
        var home = ratings.HomeWinProbability(TeamCatalog.ByTickerCode(League.Nfl, "NYG")!, TeamCatalog.ByTickerCode(League.Nfl, "DAL")!);
        var dal = source.Get(Requests.For("KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(Math.Round((decimal)(1 - home), 6), dal!.Value.Yes.Value);
        Assert.Equal(Math.Round((decimal)home, 6), source.Get(Requests.For("KXNFLGAME-26SEP13DALNYG-NYG"))!.Value.Yes.Value);
        Assert.Equal(_time.GetUtcNow(), dal.Value.AsOf);
        Assert.Null(source.Get(Requests.For("KXNFLSPREAD-26SEP13DALNYG-DAL3")));
        Assert.Null(source.Get(Requests.For("KXNFLGAME-26SEP13DALNYJ-DAL")));
        Assert.True(File.Exists(ratingsPath));
        Assert.Null(source.Health.Problem);
        Assert.Equal(3, source.Health.Markets);

        // A restore-only source reads the saved file and gives the same answer.
        var restored = new EloForecastSource(new EloOptions { Enabled = true, RatingsPath = ratingsPath }, _time);
        await restored.RefreshAsync(CancellationToken.None);
        Assert.Equal(dal.Value.Yes.Value, restored.Get(Requests.For("KXNFLGAME-26SEP13DALNYG-DAL"))!.Value.Yes.Value, 3);
    }

    [Fact]
    public async Task A_broken_ratings_file_keeps_the_ratings_in_use()
    {
        var path = _dir.File("ratings.json");
        await File.WriteAllTextAsync(path, """{ "version": 1, "updated_at": "2026-09-13T12:00:00Z", "leagues": { "Nfl": { "ratings": { "DAL": 1600, "NYG": 1400 } } } }""");
        var source = new EloForecastSource(new EloOptions { Enabled = true, RatingsPath = path }, _time);
        await source.RefreshAsync(CancellationToken.None);
        var before = source.Get(Requests.For("KXNFLGAME-26SEP13DALNYG-DAL"));

        await File.WriteAllTextAsync(path, """{ "version": 1, "updated_at": """);
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(before, source.Get(Requests.For("KXNFLGAME-26SEP13DALNYG-DAL")));
        Assert.Contains("not applied", source.Health.Problem, StringComparison.Ordinal);
        Assert.Contains("keeping the ratings of 2026-09-13T12:00:00Z", source.Health.Problem, StringComparison.Ordinal);
    }
}
