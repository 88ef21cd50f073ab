using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Forecasting;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;
using TradingBot.Forecasts.Tests.Support;
using static TradingBot.Forecasts.Tests.Sportsbook.OddsJson;

namespace TradingBot.Forecasts.Tests.Sportsbook;

/// <summary>
/// Kalshi's exact line and how many books quote it (<c>MinBooks</c>), and the optional normal model of the margin
/// and the total for lines too few books quote. Dallas at the Giants, Shin (additive on two outcomes), decimal odds:
/// Pinnacle (17:58) moneyline, DAL −3 at evens, Over 44 at evens; DraftKings (17:55) moneyline, DAL −3.5 at
/// 2.00 / 1.80, Over 45.5 at 2.20 / 1.70; Bovada (17:59) DAL −3.5 at evens, no moneyline.
/// </summary>
public sealed class SportsbookLineTests : IDisposable
{
    private const string Spread = "KXNFLSPREAD-26SEP13DALNYG";
    private const string Total = "KXNFLTOTAL-26SEP13DALNYG";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 18, 0, 0, TimeSpan.Zero));
    private readonly TempDir _dir = new();

    private static readonly string Game = Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
        Book("pinnacle", "2026-09-13T17:58:00Z",
            Market("h2h", ("Dallas Cowboys", 1.60m, null), ("New York Giants", 2.50m, null)),
            Market("spreads", ("Dallas Cowboys", 1.95m, -3m), ("New York Giants", 1.95m, 3m)),
            Market("totals", ("Over", 1.91m, 44m), ("Under", 1.91m, 44m))),
        Book("draftkings", "2026-09-13T17:55:00Z",
            Market("h2h", ("Dallas Cowboys", 1.57m, null), ("New York Giants", 2.55m, null)),
            Market("spreads", ("Dallas Cowboys", 2.00m, -3.5m), ("New York Giants", 1.80m, 3.5m)),
            Market("totals", ("Over", 2.20m, 45.5m), ("Under", 1.70m, 45.5m))),
        Book("bovada", "2026-09-13T17:59:00Z",
            Market("spreads", ("Dallas Cowboys", 1.91m, -3.5m), ("New York Giants", 1.91m, 3.5m)))));

    public void Dispose() => _dir.Dispose();

    private async Task<SportsbookForecastSource> LoadedAsync(Action<SportsbookOptions>? configure = null)
    {
        var path = _dir.File("odds.json");
        await File.WriteAllTextAsync(path, Game);
        var options = new SportsbookOptions { Enabled = true, Path = path };
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        var source = new SportsbookForecastSource(null, options, _time);
        await source.RefreshAsync(CancellationToken.None);
        return source;
    }

    private static decimal? Yes(SportsbookForecastSource source, ForecastRequest request) => source.Get(request)?.Yes.Value;

    [Fact]
    public async Task By_default_a_line_needs_two_books_at_exactly_kalshis_line_and_health_says_how_many_it_had()
    {
        var source = await LoadedAsync();

        // DAL −3.5: DraftKings 0.5 − (0.5 + 0.555556 − 1)/2 = 0.472222 and Bovada 0.5: 0.486111 from 2 books.
        Assert.Equal(0.486111m, Yes(source, Requests.Line(Spread, "DAL", 3.5m)));
        Assert.NotNull(Yes(source, Requests.For("KXNFLGAME-26SEP13DALNYG-DAL")));

        // DraftKings alone quotes Over 45.5; nobody quotes DAL −6.5 or the Giants giving points; Pinnacle's whole
        // numbers (−3, 44) are not Kalshi lines.
        Assert.Null(Yes(source, Requests.Line(Total, null, 45.5m)));
        Assert.Null(Yes(source, Requests.Line(Spread, "DAL", 6.5m)));
        Assert.Null(Yes(source, Requests.Line(Spread, "NYG", 2.5m)));

        var problem = source.Health.Problem;
        Assert.Contains("3 market(s) with too few books", problem, StringComparison.Ordinal);
        Assert.Contains($"{Requests.Line(Total, null, 45.5m).Ticker.Value}: 1 book at over 45.5, need 2", problem, StringComparison.Ordinal);
        Assert.Contains($"{Requests.Line(Spread, "DAL", 6.5m).Ticker.Value}: 0 books at DAL -6.5, need 2", problem, StringComparison.Ordinal);
        Assert.Contains($"{Requests.Line(Spread, "NYG", 2.5m).Ticker.Value}: 0 books at NYG -2.5, need 2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_winner_market_needs_MinBooks_moneylines()
    {
        var source = await LoadedAsync(o => o.MinBooks = 3);

        Assert.Null(Yes(source, Requests.For("KXNFLGAME-26SEP13DALNYG-DAL")));
        Assert.Null(Yes(source, Requests.Line(Spread, "DAL", 3.5m)));
        Assert.Contains("KXNFLGAME-26SEP13DALNYG-DAL: 2 books with a DAL moneyline, need 3", source.Health.Problem, StringComparison.Ordinal);
        Assert.Contains("2 books at DAL -3.5, need 3", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_book_is_enough_when_the_operator_says_so()
    {
        var source = await LoadedAsync(o => o.MinBooks = 1);

        // DraftKings alone: 0.454545 − (0.454545 + 0.588235 − 1)/2 = 0.433155.
        Assert.Equal(0.433155m, Yes(source, Requests.Line(Total, null, 45.5m)));
        Assert.Null(source.Health.Problem);
    }

    [Fact]
    public async Task The_normal_model_prices_lines_too_few_books_quote_from_every_books_lines()
    {
        var source = await LoadedAsync(o => o.LineModel = LineModel.Normal);

        // Each book's line and fair probability give the mean it implies: mean = line + sd × Φ⁻¹(p). Margins (sd 13.1,
        // Dallas's margin): Pinnacle −3 at 0.5 → 3; DraftKings −3.5 at 0.472222 → 3.5 + 13.1 × (−0.069685) = 2.587128;
        // Bovada −3.5 at 0.5 → 3.5; equal weights: 3.029043. Dallas by over 6.5: 1 − Φ((6.5 − 3.029043) / 13.1) =
        // 0.395521; the Giants by over 2.5: 1 − Φ((2.5 + 3.029043) / 13.1) = 0.336489. The oldest quote is DraftKings'.
        var dal = source.Get(Requests.Line(Spread, "DAL", 6.5m));
        Assert.Equal((0.395521m, new DateTimeOffset(2026, 9, 13, 17, 55, 0, TimeSpan.Zero)), (dal?.Yes.Value, dal?.AsOf));
        Assert.Equal(0.336489m, Yes(source, Requests.Line(Spread, "NYG", 2.5m)));

        // Totals (sd 13.2): Pinnacle Over 44 at 0.5 → 44; DraftKings Over 45.5 at 0.433155 → 45.5 + 13.2 × (−0.168347)
        // = 43.277817; mean 43.638909. Over 45.5 (one book quotes it, two are needed): 1 − Φ(1.861091 / 13.2) = 0.443938;
        // over 50.5: 0.301609.
        Assert.Equal(0.443938m, Yes(source, Requests.Line(Total, null, 45.5m)));
        Assert.Equal(0.301609m, Yes(source, Requests.Line(Total, null, 50.5m)));

        // A line enough books quote is still their consensus, not the model's.
        Assert.Equal(0.486111m, Yes(source, Requests.Line(Spread, "DAL", 3.5m)));
        Assert.Null(source.Health.Problem);
    }

    [Fact]
    public async Task The_normal_model_needs_MinBooks_books_and_a_stated_deviation_for_the_league()
    {
        var tooFew = await LoadedAsync(o => (o.LineModel, o.MinBooks) = (LineModel.Normal, 3));
        Assert.Null(Yes(tooFew, Requests.Line(Total, null, 45.5m)));
        Assert.Contains("1 book at over 45.5, need 3; the normal model has 2 books with totals, needs 3", tooFew.Health.Problem, StringComparison.Ordinal);

        var noDeviation = await LoadedAsync(o => (o.LineModel, o.TotalSd) = (LineModel.Normal, new(StringComparer.OrdinalIgnoreCase)));
        Assert.Null(Yes(noDeviation, Requests.Line(Total, null, 45.5m)));
        Assert.NotNull(Yes(noDeviation, Requests.Line(Spread, "DAL", 6.5m)));
        Assert.Contains("1 book at over 45.5, need 2; the normal model has no TotalSd for NFL", noDeviation.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_quoted_on_one_side_only_or_twice_is_that_books_unusable_market_and_does_not_count()
    {
        var path = _dir.File("odds.json");
        await File.WriteAllTextAsync(path, Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
            Book("pinnacle", "2026-09-13T17:58:00Z",
                Market("spreads", ("Dallas Cowboys", 1.95m, -3.5m), ("New York Giants", 1.95m, 3.5m)),
                Market("totals", ("Over", 1.90m, 45.5m))),
            Book("draftkings", "2026-09-13T17:58:00Z",
                Market("spreads", ("Dallas Cowboys", 2.00m, -3.5m)),
                Market("totals", ("Over", 1.90m, 45.5m), ("Under", 1.90m, 45.5m))),
            Book("bovada", "2026-09-13T17:58:00Z",
                Market("spreads", ("Dallas Cowboys", 1.91m, -3.5m), ("New York Giants", 1.91m, 3.5m), ("Dallas Cowboys", 1.80m, -3.5m)),
                Market("totals", ("Over", 1.95m, 45.5m), ("Under", 1.85m, 45.5m))),
            Book("betmgm", "2026-09-13T17:58:00Z",
                Market("spreads", ("New York Giants", 1.91m, 3.5m)),
                Market("totals", ("Under", 1.91m, 45.5m))))));
        var source = new SportsbookForecastSource(null, new SportsbookOptions { Enabled = true, Path = path }, _time);
        await source.RefreshAsync(CancellationToken.None);

        // DAL −3.5 stands on Pinnacle alone: DraftKings has no Giants side, Bovada two Dallas prices, BetMGM no Dallas side.
        Assert.Null(Yes(source, Requests.Line(Spread, "DAL", 3.5m)));
        Assert.Contains("1 book at DAL -3.5, need 2", source.Health.Problem, StringComparison.Ordinal);

        // Over 45.5: DraftKings 0.5 and Bovada 0.512821 − (0.512821 + 0.540541 − 1)/2 = 0.486140: 0.493070.
        Assert.Equal(0.493070m, Yes(source, Requests.Line(Total, null, 45.5m)));

        var problem = source.Health.Problem;
        Assert.Contains("5 unusable book market(s)", problem, StringComparison.Ordinal);
        Assert.Contains("book pinnacle market totals: Over 45.5 is quoted 1 time(s) against 0 Under 45.5: a line needs exactly one of each", problem, StringComparison.Ordinal);
        Assert.Contains("book draftkings market spreads: DAL -3.5 is quoted 1 time(s) against 0 NYG +3.5: a line needs exactly one of each", problem, StringComparison.Ordinal);
        Assert.Contains("book bovada market spreads: DAL -3.5 is quoted 2 time(s) against 1 NYG +3.5: a line needs exactly one of each", problem, StringComparison.Ordinal);
        Assert.Contains("and 2 more", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exact_rule_is_the_default()
    {
        Assert.Equal(LineModel.Exact, new SportsbookOptions().LineModel);
        Assert.Equal(2, new SportsbookOptions().MinBooks);
        var source = await LoadedAsync();

        Assert.Null(Yes(source, Requests.Line(Total, null, 50.5m)));
    }
}
