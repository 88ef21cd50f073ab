using System.Text.Json;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Import;
using TradingBot.Core.Sports;

namespace TradingBot.Backtest.Tests;

/// <summary>The nflverse importer against real rows of the games file (Data/nflverse-games-sample.csv, see Data/README.md).</summary>
public sealed class NflverseImportTests : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Data", "nflverse-games-sample.csv");

    private readonly Fixture _fixture = new();

    private static (NflverseSummary Summary, string[] Lines) Import(string? csv = null, NflverseOptions? options = null)
    {
        using var games = new StringReader(csv ?? File.ReadAllText(SamplePath));
        using var output = new StringWriter { NewLine = "\n" };
        var summary = Nflverse.Import(games, output, options ?? new NflverseOptions());
        return (summary, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string[] Of(string[] lines, string fragment) => lines.Where(l => l.Contains(fragment, StringComparison.Ordinal)).ToArray();

    private static string Field(string line, string name) => JsonDocument.Parse(line).RootElement.GetProperty(name).GetString()!;

    /// <summary>
    /// Seattle at Arizona, 2016-10-23 20:30 US Eastern (EDT: 00:30 UTC the next day), a 6–6 tie, closing moneylines
    /// SEA +121 / ARI −134. Implied 100/221 = 0.452489 and 134/234 = 0.572650 (sum 1.025138); proportionally de-vigged
    /// SEA 0.441393, ARI 0.558607. With the half-spread 0.01 rounded outward to the cent: SEA 0.43 / 0.46, ARI 0.54 / 0.57.
    /// A tie settles both "wins" markets NO.
    /// </summary>
    [Fact]
    public void The_Seattle_Arizona_tie_is_written_exactly()
    {
        var (_, lines) = Import();

        var game = Of(lines, "KXNFLGAME-16OCT23SEAARI-");
        Assert.Equal(8, game.Length);
        Assert.Equal(
            """{"type":"market","ts":"2016-10-23T00:30:00Z","ticker":"KXNFLGAME-16OCT23SEAARI-SEA","event_ticker":"KXNFLGAME-16OCT23SEAARI","series_ticker":"KXNFLGAME","title":"Seattle Seahawks at Arizona Cardinals","yes_sub_title":"Seattle Seahawks","game_start":"2016-10-24T00:30:00Z","close_time":"2016-10-24T04:30:00Z","fee_type":"quadratic","fee_multiplier":"1","competition":"Pro Football","game_id":"2016_07_SEA_ARI","game_type":"REG"}""",
            game[0]);
        Assert.Equal(
            """{"type":"market","ts":"2016-10-23T00:30:00Z","ticker":"KXNFLGAME-16OCT23SEAARI-ARI","event_ticker":"KXNFLGAME-16OCT23SEAARI","series_ticker":"KXNFLGAME","title":"Seattle Seahawks at Arizona Cardinals","yes_sub_title":"Arizona Cardinals","game_start":"2016-10-24T00:30:00Z","close_time":"2016-10-24T04:30:00Z","fee_type":"quadratic","fee_multiplier":"1","competition":"Pro Football","game_id":"2016_07_SEA_ARI","game_type":"REG"}""",
            game[1]);
        Assert.Equal(
            """{"type":"quote","ts":"2016-10-24T00:00:00Z","ticker":"KXNFLGAME-16OCT23SEAARI-SEA","yes_bid":"0.43","yes_ask":"0.46","yes_bid_size":"10000.00","yes_ask_size":"10000.00"}""",
            Assert.Single(Of(game, "\"quote\""), l => l.Contains("-SEA\"", StringComparison.Ordinal)));
        Assert.Equal(
            """{"type":"quote","ts":"2016-10-24T00:00:00Z","ticker":"KXNFLGAME-16OCT23SEAARI-ARI","yes_bid":"0.54","yes_ask":"0.57","yes_bid_size":"10000.00","yes_ask_size":"10000.00"}""",
            Assert.Single(Of(game, "\"quote\""), l => l.Contains("-ARI\"", StringComparison.Ordinal)));
        Assert.Equal(
            [
                """{"type":"settlement","ts":"2016-10-24T04:30:00Z","ticker":"KXNFLGAME-16OCT23SEAARI-SEA","result":"no"}""",
                """{"type":"settlement","ts":"2016-10-24T04:30:00Z","ticker":"KXNFLGAME-16OCT23SEAARI-ARI","result":"no"}""",
            ],
            Of(game, "\"settlement\""));
        var forecasts = Of(game, "\"forecast\"");
        Assert.Equal(2, forecasts.Length);
        Assert.All(forecasts, f => Assert.Equal("2016-10-23T23:55:00Z", Field(f, "ts")));
        Assert.All(forecasts, f => Assert.Equal("elo", Field(f, "source")));
        Assert.Equal(1m, forecasts.Sum(f => decimal.Parse(Field(f, "p_yes"), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_proportional_de_vig_and_the_quote_match_the_hand_computation()
    {
        Assert.Equal((0.441393m, 0.558607m), Nflverse.Market(121, -134));
        Assert.Equal((0.43m, 0.46m), Nflverse.Quote(0.441393m, new NflverseOptions()));
        // Near the edges the quote stays inside (0, 1) and the bid below the ask.
        Assert.Equal((0.98m, 0.99m), Nflverse.Quote(0.995m, new NflverseOptions()));
        Assert.Equal((0.438m, 0.444m), Nflverse.Quote(0.441393m, new NflverseOptions { HalfSpread = 0.0025m, Tick = 0.0010m }));
    }

    [Fact]
    public void Games_without_both_moneylines_or_not_yet_played_are_skipped_and_counted()
    {
        var (summary, lines) = Import();

        // 33 rows: 2017_04_CHI_GB and 1999_01_MIN_ATL have no moneylines, 2025_18_SEA_SF has no score.
        Assert.Equal(new NflverseSummary(Games: 30, Markets: 60, Records: 240, WithoutMoneylines: 2, LinesRefused: 0, NotPlayed: 1, OutsideSeasons: 0), summary);
        Assert.Equal(240, lines.Length);
        Assert.Empty(Of(lines, "17SEP28CHIGB"));
        Assert.Empty(Of(lines, "99SEP12MINATL"));
        Assert.Empty(Of(lines, "26JAN04SEASF"));
    }

    [Fact]
    public void Seasons_outside_the_range_are_counted_not_written()
    {
        var (summary, lines) = Import(options: new NflverseOptions { FirstSeason = 2017, LastSeason = 2025 });

        Assert.Equal(1, summary.Games); // 2017_01_KC_NE; 2017_04_CHI_GB has no moneylines
        Assert.Equal(29 + 1, summary.OutsideSeasons); // every 2016 game, and 1999_01_MIN_ATL (seasons are checked before moneylines)
        Assert.All(lines, l => Assert.Contains("KXNFLGAME-17SEP07KCNE-", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2016_07_SD_ATL", "KXNFLGAME-16OCT23LACATL", "LAC", "ATL")] // San Diego Chargers: today's LAC
    [InlineData("2016_07_OAK_JAX", "KXNFLGAME-16OCT23LVJAC", "LV", "JAC")] // Oakland Raiders: today's LV; nflverse's JAX is Kalshi's JAC
    [InlineData("2016_07_NYG_LA", "KXNFLGAME-16OCT23NYGLAR", "NYG", "LA")] // the Rams: nflverse's LA, Kalshi's tickers' LAR
    public void Relocated_franchises_and_other_codes_map_to_todays_teams(string gameId, string eventTicker, string away, string home)
    {
        var (_, lines) = Import();

        var markets = Of(lines, "\"market\"").Where(l => Field(l, "game_id") == gameId).ToArray();
        Assert.Equal(2, markets.Length);
        Assert.All(markets, m => Assert.Equal(eventTicker, Field(m, "event_ticker")));
        Assert.True(SportsTickers.TryParseEvent(eventTicker, out var game, out _));
        Assert.Equal((away, home), (game.Away.Code, game.Home.Code));
    }

    /// <summary>Super Bowl LI, 2017-02-05 18:30 US Eastern (EST: 23:30 UTC), a postseason game: listed like any other.</summary>
    [Fact]
    public void A_postseason_game_is_imported_as_Pro_Football()
    {
        var (_, lines) = Import();

        var market = Of(lines, "\"market\"").First(l => Field(l, "game_id") == "2016_21_NE_ATL");
        Assert.Equal("KXNFLGAME-17FEB05NEATL-NE", Field(market, "ticker"));
        Assert.Equal("2017-02-05T23:30:00Z", Field(market, "game_start"));
        Assert.Equal("Pro Football", Field(market, "competition"));
        Assert.Equal("SB", Field(market, "game_type"));
        Assert.Equal("yes", Field(Of(lines, "\"settlement\"").Single(l => Field(l, "ticker") == "KXNFLGAME-17FEB05NEATL-NE"), "result"));
    }

    /// <summary>1999's rows carry no kickoff time; the moneylines here are added by the test (1999 has none).</summary>
    [Fact]
    public void A_game_without_a_kickoff_time_starts_at_13_00_US_Eastern()
    {
        var sample = File.ReadAllLines(SamplePath);
        var row = sample.Single(l => l.StartsWith("1999_01_MIN_ATL,", StringComparison.Ordinal)).Split(',');
        row[24] = "+130"; // away_moneyline
        row[25] = "-150"; // home_moneyline

        var (summary, lines) = Import(sample[0] + "\n" + string.Join(',', row) + "\n");

        Assert.Equal(1, summary.Games);
        Assert.Equal("1999-09-12T17:00:00Z", Field(lines[0], "game_start")); // 13:00 EDT
    }

    /// <summary>
    /// No look-ahead: changing any game's score changes no forecast stamped before that game's result is known
    /// (its settlement time), and does move later forecasts of its teams (so the test could fail).
    /// </summary>
    [Fact]
    public void A_later_result_never_moves_an_earlier_forecast()
    {
        var sample = File.ReadAllLines(SamplePath);
        var (_, baseline) = Import(string.Join('\n', sample));
        var moved = 0;
        for (var i = 1; i < sample.Length; i++)
        {
            var row = sample[i].Split(',');
            if (row[8].Length == 0)
                continue;
            // The winner becomes the loser; a tie becomes an away win by 7.
            var away = int.Parse(row[8], System.Globalization.CultureInfo.InvariantCulture);
            (row[8], row[10]) = row[8] == row[10] ? ((away + 7).ToString(System.Globalization.CultureInfo.InvariantCulture), row[10]) : (row[10], row[8]);
            var changed = sample.ToArray();
            changed[i] = string.Join(',', row);
            var (_, lines) = Import(string.Join('\n', changed));
            var known = baseline.Where(l => l.Contains("\"settlement\"", StringComparison.Ordinal)
                && Field(l, "ticker").StartsWith(EventOf(row), StringComparison.Ordinal)).Select(l => Field(l, "ts")).FirstOrDefault();
            if (known is null)
                continue; // a game not written (no moneylines) still teaches Elo: checked through the others
            var before = Forecasts(baseline).Where(f => string.CompareOrdinal(f.Ts, known) < 0).ToList();
            Assert.Equal(before, Forecasts(lines).Where(f => string.CompareOrdinal(f.Ts, known) < 0).ToList());
            if (!Forecasts(baseline).SequenceEqual(Forecasts(lines)))
                moved++;
        }

        Assert.True(moved > 10, $"only {moved} changed results moved a later forecast");
    }

    /// <summary>
    /// A game that has started but not finished teaches Elo nothing: a made-up rematch of SEA at ARI 4 hours after the
    /// real one (its forecast, 35 minutes before, comes before the first game settles) gets the same forecast whatever the first game's score.
    /// </summary>
    [Fact]
    public void A_game_under_way_is_not_learned_before_it_settles()
    {
        var sample = File.ReadAllLines(SamplePath);
        var real = sample.Single(l => l.StartsWith("2016_07_SEA_ARI,", StringComparison.Ordinal));
        var rematch = real.Replace("2016_07_SEA_ARI,", "2016_07_SEA_ARI_LATE,", StringComparison.Ordinal)
            .Replace(",2016-10-23,Sunday,20:30,", ",2016-10-24,Monday,00:30,", StringComparison.Ordinal);
        string Run(string first)
        {
            var (_, lines) = Import(string.Join('\n', sample.Select(l => l == real ? first : l).Append(rematch)));
            return Assert.Single(Forecasts(lines), f => f.Ticker == "KXNFLGAME-16OCT24SEAARI-SEA").P;
        }

        var asPlayed = Run(real); // 6-6
        var blowout = Run(real.Replace(",SEA,6,ARI,6,", ",SEA,40,ARI,6,", StringComparison.Ordinal));

        Assert.Equal(asPlayed, blowout);
    }

    [Fact]
    public void The_output_is_in_time_order_and_the_same_every_time()
    {
        var (_, first) = Import();
        var (_, second) = Import();

        Assert.Equal(first, second);
        var times = first.Select(l => Field(l, "ts")).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
    }

    [Theory]
    [InlineData("XYZ", "away_team 'XYZ'")]
    [InlineData("", "away_team ''")]
    public void An_unknown_team_stops_the_import_naming_its_line(string code, string why)
    {
        var sample = File.ReadAllLines(SamplePath);
        var row = sample[5].Split(',');
        row[7] = code;

        var error = Assert.Throws<NflverseException>(() => Import(string.Join('\n', sample[..5].Append(string.Join(',', row)))));

        Assert.StartsWith("line 6: ", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void Two_games_with_one_ticker_stop_the_import()
    {
        var sample = File.ReadAllLines(SamplePath);

        var error = Assert.Throws<NflverseException>(() => Import(string.Join('\n', sample.Append(sample[5]))));

        Assert.StartsWith($"line {sample.Length + 1}: ", error.Message);
        Assert.Contains("line 6", error.Message);
    }

    [Fact]
    public void A_row_with_one_score_stops_the_import()
    {
        var sample = File.ReadAllLines(SamplePath);
        var row = sample[3].Split(',');
        row[10] = "";

        var error = Assert.Throws<NflverseException>(() => Import(string.Join('\n', sample[..3].Append(string.Join(',', row)))));

        Assert.Contains("one score", error.Message);
    }

    /// <summary>The imported sample replays: every written market is scored (a forecast and a quote before its start, a yes/no result).</summary>
    [Fact]
    public async Task The_imported_sample_replays_through_the_backtest()
    {
        var path = Path.Combine(_fixture.Folder, "nfl.jsonl.gz");
        var summary = await Nflverse.ImportFileAsync(SamplePath, path, new NflverseOptions(), CancellationToken.None);

        var report = await BacktestRunner.RunAsync(path, Fixture.DefaultOptions());

        Assert.Equal(summary.Markets, report.Markets);
        Assert.Equal(summary.Markets, report.Scored.Count);
        Assert.Equal(summary.Records, DatasetReader.Stream(path).LongCount());
        Assert.Equal(0, report.OpenPositions);
    }

    private static string EventOf(string[] row)
    {
        var day = DateOnly.ParseExact(row[4], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return $"KXNFLGAME-{day.ToString("yyMMMdd", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant()}{Nflverse.TickerCode(Nflverse.TeamOf(row[7])!)}{Nflverse.TickerCode(Nflverse.TeamOf(row[9])!)}-";
    }

    private static IEnumerable<(string Ts, string Ticker, string P)> Forecasts(string[] lines) =>
        lines.Where(l => l.Contains("\"forecast\"", StringComparison.Ordinal)).Select(l => (Field(l, "ts"), Field(l, "ticker"), Field(l, "p_yes")));

    public void Dispose() => _fixture.Dispose();
}
