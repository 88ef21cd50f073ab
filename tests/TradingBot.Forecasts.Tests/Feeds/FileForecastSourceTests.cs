using Microsoft.Extensions.Time.Testing;
using TradingBot.Forecasts.Feeds;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Tests.Support;

namespace TradingBot.Forecasts.Tests.Feeds;

public sealed class FileForecastSourceTests : IDisposable
{
    private const string Header = "ticker,league,date,team,market,line,probability,as_of\n";
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private (FileForecastSource Source, string Path) Source(string name = "model.csv")
    {
        var path = _dir.File(name);
        return (new FileForecastSource(new FileFeedOptions { Enabled = true, Path = path }, _time), path);
    }

    private static decimal? Yes(FileForecastSource source, string ticker, string subtitle = "") =>
        source.Get(Requests.For(ticker, yesSubTitle: subtitle))?.Yes.Value;

    [Fact]
    public async Task Rows_answer_by_ticker_and_by_team_for_winner_spread_and_total_markets()
    {
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, Header + """
            KXNFLGAME-26SEP13DALNYG-DAL,,,,,,0.61,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,NYG,,,0.37,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,Dallas Cowboys,spread,7.5,0.22,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,New York Giants,total,45.5,0.48,2026-09-13T12:00:00Z
            """);
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.61m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(0.37m, Yes(source, "KXNFLGAME-26SEP13DALNYG-NYG"));
        // Kalshi's suffix N is the line N − 0.5: DAL8 is Dallas by over 7.5, -46 over 45.5.
        Assert.Equal(0.22m, Yes(source, "KXNFLSPREAD-26SEP13DALNYG-DAL8"));
        Assert.Null(Yes(source, "KXNFLSPREAD-26SEP13DALNYG-DAL7"));
        Assert.Null(Yes(source, "KXNFLSPREAD-26SEP13DALNYG-NYG8"));
        Assert.Equal(0.48m, Yes(source, "KXNFLTOTAL-26SEP13DALNYG-46"));
        Assert.Null(Yes(source, "KXNFLGAME-26SEP14DALNYG-DAL"));
        Assert.Equal(new DateTimeOffset(2026, 9, 13, 12, 0, 0, TimeSpan.Zero), source.Get(Requests.For("KXNFLGAME-26SEP13DALNYG-NYG"))!.Value.AsOf);

        var health = source.Health;
        Assert.Equal("file", health.Name);
        Assert.Equal(4, health.Markets);
        Assert.Equal(_time.GetUtcNow(), health.LastUpdated);
        Assert.Null(health.Problem);
    }

    [Fact]
    public async Task The_newest_row_wins_and_a_ticker_row_beats_a_team_row()
    {
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, Header + """
            ,NFL,2026-09-13,DAL,,,0.50,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,DAL,,,0.40,2026-09-13T10:00:00Z
            ,NFL,2026-09-13,NYG,,,0.30,2026-09-13T12:00:00Z
            KXNFLGAME-26SEP13DALNYG-NYG,,,,,,0.45,2026-09-13T09:00:00Z
            """);
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.50m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(0.45m, Yes(source, "KXNFLGAME-26SEP13DALNYG-NYG"));
    }

    [Fact]
    public async Task A_market_whose_subtitle_states_another_line_is_not_answered_and_is_reported()
    {
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, Header + ",NFL,2026-09-13,DAL,spread,7.5,0.22,2026-09-13T12:00:00Z\n");
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.22m, Yes(source, "KXNFLSPREAD-26SEP13DALNYG-DAL8", "Dallas wins by over 7.5 points"));
        Assert.Null(Yes(source, "KXNFLSPREAD-26SEP13DALNYG-DAL8", "Dallas wins by over 6.5 points"));
        Assert.Contains("subtitle 'Dallas wins by over 6.5 points' says 6.5", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totals_given_for_both_teams_with_different_values_are_refused()
    {
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, Header + """
            ,NFL,2026-09-13,DAL,total,45.5,0.48,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,NYG,total,45.5,0.52,2026-09-13T12:00:00Z
            """);
        await source.RefreshAsync(CancellationToken.None);

        Assert.Null(Yes(source, "KXNFLTOTAL-26SEP13DALNYG-46"));
        Assert.Contains("different probabilities", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_reloaded_when_it_changes_and_not_otherwise()
    {
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, Header + "KXNFLGAME-26SEP13DALNYG-DAL,,,,,,0.61,2026-09-13T12:00:00Z\n");
        await source.RefreshAsync(CancellationToken.None);
        var firstLoad = source.Health.LastUpdated;

        // Same size, same write time: the file is taken as unchanged and not read.
        var stamp = File.GetLastWriteTimeUtc(path);
        await File.WriteAllTextAsync(path, Header + "KXNFLGAME-26SEP13DALNYG-DAL,,,,,,0.71,2026-09-13T12:00:00Z\n");
        File.SetLastWriteTimeUtc(path, stamp);
        _time.Advance(TimeSpan.FromMinutes(1));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(0.61m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(firstLoad, source.Health.LastUpdated);

        File.SetLastWriteTimeUtc(path, stamp.AddSeconds(1));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(0.71m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(_time.GetUtcNow(), source.Health.LastUpdated);
    }

    [Fact]
    public async Task A_file_that_cannot_be_parsed_keeps_the_previous_data_whole_until_it_is_fixed()
    {
        var (source, path) = Source("model.json");
        await File.WriteAllTextAsync(path, """
            [ { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "probability": 0.61, "as_of": "2026-09-13T12:00:00Z" },
              { "ticker": "KXNFLGAME-26SEP13DALNYG-NYG", "probability": 0.39, "as_of": "2026-09-13T12:00:00Z" } ]
            """);
        await source.RefreshAsync(CancellationToken.None);
        var loadedAt = source.Health.LastUpdated;

        // Half a file, as a reader sees one caught mid-write: its first row is fine, but nothing of it is applied.
        _time.Advance(TimeSpan.FromMinutes(1));
        await File.WriteAllTextAsync(path, """[ { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "probability": 0.99, "as_of": "2026-09-13T12:30:00Z" }, { "tick""");
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.61m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(0.39m, Yes(source, "KXNFLGAME-26SEP13DALNYG-NYG"));
        Assert.Equal(loadedAt, source.Health.LastUpdated);
        Assert.Contains("not applied: the JSON cannot be read", source.Health.Problem, StringComparison.Ordinal);
        Assert.Contains("keeping the data loaded at 2026-09-13T18:00:00Z", source.Health.Problem, StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, """[ { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "probability": 0.58, "as_of": "2026-09-13T12:30:00Z" } ]""");
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(0.58m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Null(Yes(source, "KXNFLGAME-26SEP13DALNYG-NYG"));
        Assert.Null(source.Health.Problem);
    }

    [Fact]
    public async Task Bad_rows_show_in_health_with_their_lines_while_good_rows_apply()
    {
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, Header + """
            KXNFLGAME-26SEP13DALNYG-DAL,,,,,,0.61,2026-09-13T12:00:00Z
            KXNFLGAME-26SEP13DALNYG-NYG,,,,,,61%,2026-09-13T12:00:00Z
            """);
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.61m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal("line 3", Assert.Single(source.BadRows).Where);
        Assert.Contains("1 bad row(s) skipped: line 3: probability '61%'", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_reported_and_nothing_throws()
    {
        var (source, _) = Source("absent.csv");
        await source.RefreshAsync(CancellationToken.None);

        Assert.Null(Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Contains("does not exist; no data loaded yet", source.Health.Problem, StringComparison.Ordinal);
        Assert.Null(source.Health.LastUpdated);
    }

    [Fact]
    public void Before_the_first_refresh_health_says_so() =>
        Assert.Equal("not loaded yet", Source().Source.Health.Problem);
    /// <summary>
    /// College rows name the school as written; each market asks with its listing (Kalshi's
    /// <c>KXNCAAFGAME-26SEP19MSUND</c>: "Michigan St. vs Notre Dame", "MSU vs ND (Sep 19)"). Michigan plays
    /// elsewhere the same day: "Michigan State Spartans" starts with its name too, so a row whose school matches
    /// only by its first words needs the opponent.
    /// </summary>
    [Fact]
    public async Task College_rows_answer_by_school_and_a_sportsbook_style_name_needs_its_opponent()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 9, 19, 14, 0, 0, TimeSpan.Zero));
        var (source, path) = Source();
        await File.WriteAllTextAsync(path, """
            league,date,team,opponent,market,line,probability,as_of
            NCAAF,2026-09-19,Michigan St.,,,,0.41,2026-09-19T12:00:00Z
            NCAAF,2026-09-19,Notre Dame Fighting Irish,Michigan State Spartans,spread,3.5,0.45,2026-09-19T12:00:00Z
            NCAAF,2026-09-19,michigan state,,total,48.5,0.52,2026-09-19T12:00:00Z
            NCAAF,2026-09-19,Michigan State Spartans,,spread,3.5,0.30,2026-09-19T12:00:00Z
            NCAAF,2026-09-19,Ohio St.,Michigan Wolverines,,,0.70,2026-09-19T12:00:00Z
            """);
        await source.RefreshAsync(CancellationToken.None);
        decimal? Yes(string ticker, string title, string subTitle) => source.Get(Requests.For(ticker).Listed(title, subTitle))?.Yes.Value;
        const string Title = "Michigan St. vs Notre Dame", Sub = "MSU vs ND (Sep 19)";

        Assert.Equal(5, source.Health.Markets);
        Assert.Equal(0.41m, Yes("KXNCAAFGAME-26SEP19MSUND-MSU", Title, Sub));
        Assert.Null(Yes("KXNCAAFGAME-26SEP19MSUND-ND", Title, Sub));
        Assert.Equal(0.45m, Yes("KXNCAAFSPREAD-26SEP19MSUND-ND4", Title, Sub));
        Assert.Equal(0.52m, Yes("KXNCAAFTOTAL-26SEP19MSUND-49", Title, Sub));
        Assert.Null(Yes("KXNCAAFGAME-26SEP20MSUND-MSU", Title, "MSU vs ND (Sep 20)"));

        // MSU by over 3.5 is only named "Michigan State Spartans" with no opponent: not priced, and health says why.
        Assert.Null(Yes("KXNCAAFSPREAD-26SEP19MSUND-MSU4", Title, Sub));
        Assert.Contains("KXNCAAFSPREAD-26SEP19MSUND-MSU4: line 5: 'michigan state spartans' starts with Michigan St. but is not its name", source.Health.Problem, StringComparison.Ordinal);

        // Across games: neither Michigan State row prices Michigan's game; the Ohio St. row with its opponent does.
        Assert.Equal(0.70m, Yes("KXNCAAFGAME-26SEP19OSUMICH-OSU", "Ohio St. vs Michigan", "OSU vs MICH (Sep 19)"));
        Assert.Null(Yes("KXNCAAFGAME-26SEP19OSUMICH-MICH", "Ohio St. vs Michigan", "OSU vs MICH (Sep 19)"));
        Assert.Null(Yes("KXNCAAFSPREAD-26SEP19OSUMICH-MICH4", "Ohio St. vs Michigan", "OSU vs MICH (Sep 19)"));
    }
}
