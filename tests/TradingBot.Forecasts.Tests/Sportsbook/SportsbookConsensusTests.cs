using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;
using TradingBot.Forecasts.Tests.Support;
using static TradingBot.Forecasts.Tests.Sportsbook.OddsJson;

namespace TradingBot.Forecasts.Tests.Sportsbook;

public sealed class SportsbookConsensusTests : IDisposable
{
    private const string Fresh = "2026-09-13T17:59:00Z";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 18, 0, 0, TimeSpan.Zero));
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<SportsbookForecastSource> FromFileAsync(string json, Action<SportsbookOptions>? configure = null)
    {
        var path = _dir.File("odds.json");
        await File.WriteAllTextAsync(path, json);
        // Most games here have one book: these tests are about reading it, MinBooks has its own (SportsbookLineTests).
        var options = new SportsbookOptions { Enabled = true, Path = path, Method = DevigMethod.Multiplicative, MinBooks = 1 };
        configure?.Invoke(options);
        var source = new SportsbookForecastSource(null, options, _time);
        await source.RefreshAsync(CancellationToken.None);
        return source;
    }

    private static decimal? Yes(SportsbookForecastSource source, string ticker, DateTimeOffset? start = null) =>
        source.Get(Requests.For(ticker, start))?.Yes.Value;

    [Fact]
    public async Task A_three_way_moneyline_gives_each_team_its_win_and_the_draw_to_a_tie_market()
    {
        // 2.50 / 3.40 / 2.90 multiplicative: 0.385006, 0.283093, 0.331902 (see DevigTests).
        var source = await FromFileAsync(Array(Event("icehockey_nhl", "Florida Panthers", "Chicago Blackhawks", "2026-10-07T23:00:00Z",
            Book("pinnacle", Fresh, Market("h2h", ("Florida Panthers", 2.50m, null), ("Chicago Blackhawks", 3.40m, null), ("Draw", 2.90m, null))))));

        Assert.Equal(0.385006m, Yes(source, "KXNHLGAME-26OCT07CHIFLA-FLA"));
        Assert.Equal(0.283093m, Yes(source, "KXNHLGAME-26OCT07CHIFLA-CHI"));
        Assert.Equal(0.331902m, Yes(source, "KXNHLGAME-26OCT07CHIFLA-TIE"));
    }

    [Fact]
    public async Task American_prices_are_read_when_configured()
    {
        // −150 / +130 multiplicative: 0.579832.
        var source = await FromFileAsync(
            Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
                Book("pinnacle", Fresh, Market("h2h", ("Dallas Cowboys", -150m, null), ("New York Giants", 130m, null))))),
            o => o.OddsFormat = OddsFormat.American);

        Assert.Equal(0.579832m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
    }

    [Fact]
    public async Task Alternate_lines_answer_their_own_markets_and_a_line_listed_twice_by_one_book_counts_once()
    {
        var source = await FromFileAsync(Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
            Book("pinnacle", Fresh,
                Market("spreads", ("Dallas Cowboys", 1.95m, -3.5m), ("New York Giants", 1.95m, 3.5m)),
                Market("alternate_spreads",
                    ("Dallas Cowboys", 1.95m, -3.5m), ("New York Giants", 1.95m, 3.5m),
                    ("Dallas Cowboys", 2.60m, -7.5m), ("New York Giants", 1.50m, 7.5m),
                    ("New York Giants", 3.50m, -2.5m), ("Dallas Cowboys", 1.30m, 2.5m))),
            Book("draftkings", Fresh, Market("spreads", ("Dallas Cowboys", 1.80m, -3.5m), ("New York Giants", 2.00m, 3.5m))))));

        // −3.5: Pinnacle 0.5 and DraftKings 0.555556/(0.555556 + 0.5) = 0.526316, each once: 0.513158.
        Assert.Equal(0.513158m, source.Get(Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "DAL", 3.5m))?.Yes.Value);

        // −7.5: 0.384615 / (0.384615 + 0.666667) = 0.365854. The Giants at −2.5 are Kalshi's "Giants win by over 2.5".
        Assert.Equal(0.365854m, source.Get(Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "DAL", 7.5m))?.Yes.Value);
        Assert.Equal(0.270833m, source.Get(Requests.Line("KXNFLSPREAD-26SEP13DALNYG", "NYG", 2.5m))?.Yes.Value);
    }

    [Fact]
    public async Task A_book_weighted_zero_is_left_out_and_lines_with_too_few_books_are_not_used()
    {
        var json = Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
            Book("pinnacle", Fresh, Market("h2h", ("Dallas Cowboys", 1.60m, null), ("New York Giants", 2.50m, null)), Market("totals", ("Over", 1.9m, 45.5m), ("Under", 1.9m, 45.5m))),
            Book("bovada", Fresh, Market("h2h", ("Dallas Cowboys", 1.20m, null), ("New York Giants", 4.50m, null)))));

        var weighted = await FromFileAsync(json, o => o.BookWeights["bovada"] = 0m);
        Assert.Equal(0.609756m, Yes(weighted, "KXNFLGAME-26SEP13DALNYG-DAL"));

        var twoBooks = await FromFileAsync(json, o => o.MinBooks = 2);
        Assert.NotNull(Yes(twoBooks, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Null(twoBooks.Get(Requests.Line("KXNFLTOTAL-26SEP13DALNYG", null, 45.5m)));
    }

    [Fact]
    public async Task A_doubleheader_the_market_cannot_tell_apart_is_reported_not_guessed()
    {
        var game = (string start, decimal home) => Event("baseball_mlb", "New York Mets", "Texas Rangers", start,
            Book("pinnacle", Fresh, Market("h2h", ("New York Mets", home, null), ("Texas Rangers", 2.0m, null))));
        var source = await FromFileAsync(Array(game("2026-06-01T17:05:00Z", 1.7m), game("2026-06-01T23:05:00Z", 1.9m)));

        Assert.Null(Yes(source, "KXMLBGAME-26JUN01TEXNYM-NYM"));
        Assert.Contains("2 odds events match this game; none is used", source.Health.Problem, StringComparison.Ordinal);

        // With Kalshi's start time each market finds its own game.
        Assert.Equal(0.540541m, Yes(source, "KXMLBGAME-26JUN01TEXNYM-NYM", new DateTimeOffset(2026, 6, 1, 17, 5, 0, TimeSpan.Zero)));
        Assert.Equal(0.512821m, Yes(source, "KXMLBGAME-26JUN01TEXNYM-NYM", new DateTimeOffset(2026, 6, 1, 23, 5, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_market_whose_subtitle_contradicts_its_ticker_line_is_not_priced()
    {
        var source = await FromFileAsync(Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
            Book("pinnacle", Fresh, Market("totals", ("Over", 1.9m, 45.5m), ("Under", 1.9m, 45.5m))))));

        Assert.Equal(0.5m, source.Get(Requests.Line("KXNFLTOTAL-26SEP13DALNYG", null, 45.5m, yesSubTitle: "Over 45.5 points scored"))?.Yes.Value);
        Assert.Null(source.Get(Requests.Line("KXNFLTOTAL-26SEP13DALNYG", null, 45.5m, yesSubTitle: "Over 44.5 points scored")));
        Assert.Contains("says 44.5", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_keeps_the_last_good_odds()
    {
        var source = await FromFileAsync(Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
            Book("pinnacle", Fresh, Market("h2h", ("Dallas Cowboys", 1.60m, null), ("New York Giants", 2.50m, null))))));
        await File.WriteAllTextAsync(_dir.File("odds.json"), "[ { \"id\": ");
        _time.Advance(TimeSpan.FromMinutes(5));
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.609756m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Contains("the JSON cannot be read", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_odds_api_is_polled_per_sport_over_loopback_with_the_key_in_the_query_only()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Answer = request => request.Path.Value!.Contains("americanfootball_nfl", StringComparison.Ordinal)
            ? (200, Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
                Book("pinnacle", Fresh, Market("h2h", ("Dallas Cowboys", 1.60m, null), ("New York Giants", 2.50m, null))))))
            : (200, "[]");
        using var http = new HttpClient();
        var options = new SportsbookOptions
        {
            Enabled = true,
            BaseUrl = server.BaseAddress.ToString(),
            ApiKey = "s3cret-key",
            Sports = "americanfootball_nfl, basketball_nba",
            Method = DevigMethod.Multiplicative,
            MinBooks = 1,
        };
        Assert.Empty(options.Validate());
        var source = new SportsbookForecastSource(http, options, _time);

        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(0.609756m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Equal(
            [
                "/v4/sports/americanfootball_nfl/odds/?apiKey=s3cret-key&regions=us%2Ceu&markets=h2h%2Cspreads%2Ctotals&oddsFormat=decimal&dateFormat=iso",
                "/v4/sports/basketball_nba/odds/?apiKey=s3cret-key&regions=us%2Ceu&markets=h2h%2Cspreads%2Ctotals&oddsFormat=decimal&dateFormat=iso",
            ],
            server.Requests);
        Assert.Null(source.Health.Problem);
    }

    [Fact]
    public async Task A_failing_sport_keeps_its_last_good_reply_backs_off_and_never_shows_the_key()
    {
        var fail = false;
        var handler = new StubHandler((request, _) => fail
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, $"could not reach {request.RequestUri}")
            : Task.FromResult(StubHandler.Json(Array(Event("americanfootball_nfl", "New York Giants", "Dallas Cowboys", "2026-09-14T00:20:00Z",
                Book("pinnacle", Fresh, Market("h2h", ("Dallas Cowboys", 1.60m, null), ("New York Giants", 2.50m, null))))))));
        using var http = new HttpClient(handler);
        var options = new SportsbookOptions
        {
            Enabled = true,
            BaseUrl = "http://127.0.0.1:9",
            ApiKey = "s3cret-key",
            Sports = "americanfootball_nfl",
            Method = DevigMethod.Multiplicative,
            MinBooks = 1,
            MaxBookAge = TimeSpan.FromHours(1),
        };
        var source = new SportsbookForecastSource(http, options, _time);
        await source.RefreshAsync(CancellationToken.None);

        fail = true;
        _time.Advance(options.PollInterval);
        await source.RefreshAsync(CancellationToken.None);
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(2, handler.Calls);
        Assert.Equal(0.609756m, Yes(source, "KXNFLGAME-26SEP13DALNYG-DAL"));
        Assert.Contains("could not reach http://127.0.0.1:9/v4/sports/americanfootball_nfl/odds/?apiKey=***", source.Health.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", source.Health.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unauthorised_key_is_reported_by_status()
    {
        var handler = new StubHandler((_, _) => Task.FromResult(StubHandler.Json("""{"message":"bad key"}""", HttpStatusCode.Unauthorized)));
        using var http = new HttpClient(handler);
        var source = new SportsbookForecastSource(http, new SportsbookOptions { Enabled = true, ApiKey = "0123456789abcdef", Sports = "basketball_nba" }, _time);

        await source.RefreshAsync(CancellationToken.None);

        Assert.Contains("basketball_nba: HTTP 401 Unauthorized", source.Health.Problem, StringComparison.Ordinal);
    }
    /// <summary>
    /// College events are matched when a listed game asks: Kalshi's "Texas Tech vs Texas" (TTU, TEX) is the books'
    /// Texas Tech Red Raiders at Texas Longhorns, the outcomes named the same way (Texas Tech Red Raiders starts with
    /// Texas too: the longer match wins). 2.50 / 1.60 multiplicative: 0.4 / 1.025 = 0.390244; the Texas −3.5 pair
    /// at evens is 0.5. Two books' events that both fit a game are refused, and health lists the events no listed
    /// game has matched.
    /// </summary>
    [Fact]
    public async Task College_events_are_matched_to_the_listed_game_by_its_schools_names()
    {
        var source = await FromFileAsync(Array(
            Event("americanfootball_ncaaf", "Texas Longhorns", "Texas Tech Red Raiders", "2026-09-19T19:30:00Z",
                Book("pinnacle", Fresh,
                    Market("h2h", ("Texas Tech Red Raiders", 2.50m, null), ("Texas Longhorns", 1.60m, null)),
                    Market("spreads", ("Texas Longhorns", 1.91m, -3.5m), ("Texas Tech Red Raiders", 1.91m, 3.5m)))),
            Event("basketball_ncaab", "Duke Blue Devils", "North Carolina Tar Heels", "2026-03-07T23:30:00Z",
                Book("pinnacle", Fresh, Market("h2h", ("North Carolina Tar Heels", 2.50m, null), ("Duke Blue Devils", 1.60m, null)))),
            Event("basketball_ncaab", "Duke Blue Devils", "North Carolina Tar Heels", "2026-03-08T00:30:00Z",
                Book("pinnacle", Fresh, Market("h2h", ("North Carolina Tar Heels", 2.40m, null), ("Duke Blue Devils", 1.65m, null)))),
            Event("americanfootball_ncaaf", "Michigan Wolverines", "Ohio State Buckeyes", "2026-11-28T17:00:00Z",
                Book("pinnacle", Fresh, Market("h2h", ("Ohio State Buckeyes", 1.60m, null), ("Michigan Wolverines", 2.50m, null))))));
        var kickoff = new DateTimeOffset(2026, 9, 19, 19, 30, 0, TimeSpan.Zero);
        decimal? Texas(string ticker, string subTitle = "TTU vs TEX (Sep 19)", DateTimeOffset? start = null) =>
            source.Get(Requests.For(ticker, start ?? kickoff).Listed("Texas Tech vs Texas", subTitle))?.Yes.Value;

        Assert.Equal(4, source.UnmatchedCollegeEvents.Count);
        Assert.Equal(0.390244m, Texas("KXNCAAFGAME-26SEP19TTUTEX-TTU"));
        Assert.Equal(0.609756m, Texas("KXNCAAFGAME-26SEP19TTUTEX-TEX"));
        Assert.Equal(0.5m, Texas("KXNCAAFSPREAD-26SEP19TTUTEX-TEX4"));
        Assert.Null(Texas("KXNCAAFSPREAD-26SEP19TTUTEX-TTU4"));
        Assert.Null(Texas("KXNCAAFGAME-26SEP26TTUTEX-TTU", "TTU vs TEX (Sep 26)", kickoff.AddDays(7)));

        var rivalry = Requests.For("KXNCAAMBGAME-26MAR07UNCDUKE-DUKE", new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero))
            .Listed("North Carolina vs Duke", "UNC vs DUKE (Mar 7)");
        Assert.Null(source.Get(rivalry));

        var health = source.Health.Problem;
        Assert.Contains("KXNCAAMBGAME-26MAR07UNCDUKE-DUKE: 2 odds events match this game; none is used", health, StringComparison.Ordinal);
        Assert.Contains("3 college odds event(s) match no listed game so far", health, StringComparison.Ordinal);
        Assert.Contains("(americanfootball_ncaaf: Ohio State Buckeyes at Michigan Wolverines): matches no listed NCAAF game", health, StringComparison.Ordinal);
        Assert.DoesNotContain(source.UnmatchedCollegeEvents, e => e.Where.Contains("Texas", StringComparison.Ordinal));
    }
}
