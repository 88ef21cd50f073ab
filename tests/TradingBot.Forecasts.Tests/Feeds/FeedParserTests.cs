using TradingBot.Core.Sports;
using TradingBot.Forecasts.Feeds;

namespace TradingBot.Forecasts.Tests.Feeds;

public class FeedParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Csv_rows_by_ticker_and_by_team_are_read_in_any_column_order_and_case()
    {
        const string csv = """
            # the operator's model, run at noon
            Probability,AS_OF,ticker,league,date,team,market,line
            0.61,2026-09-13T12:00:00Z,KXNFLGAME-26SEP13DALNYG-DAL,,,,,
            0.55,2026-09-13T08:00:00-04:00,,nfl,2026-09-13,New York Giants,,

            0.40,2026-09-13T12:00:00Z,,NFL,2026-09-13,DAL,spread,7.5
            "0.52",2026-09-13T12:00:00Z,,NFL,2026-09-13,"Dallas Cowboys",Total,45.5
            """;
        var load = FeedParser.Parse(csv, FeedFormat.Csv, Now);

        Assert.True(load.Usable, load.Fatal);
        Assert.Empty(load.Problems);
        Assert.Equal(4, load.Rows.Count);
        Assert.Equal("KXNFLGAME-26SEP13DALNYG-DAL", load.Rows[0].Ticker!.Value.Value);
        Assert.Equal(0.61m, load.Rows[0].Yes.Value);
        Assert.Equal(new FeedTeamKey(League.Nfl, new DateOnly(2026, 9, 13), "NYG", SportsMarketKind.Winner, null), load.Rows[1].TeamKey);
        Assert.Equal(new DateTimeOffset(2026, 9, 13, 12, 0, 0, TimeSpan.Zero), load.Rows[1].AsOf);
        Assert.Equal(new FeedTeamKey(League.Nfl, new DateOnly(2026, 9, 13), "DAL", SportsMarketKind.Spread, 7.5m), load.Rows[2].TeamKey);
        Assert.Equal(SportsMarketKind.Total, load.Rows[3].TeamKey!.Value.Kind);
        Assert.Equal("line 7", load.Rows[3].Where);
    }

    [Fact]
    public void Bad_rows_are_skipped_and_reported_with_their_line_numbers()
    {
        const string csv = """
            ticker,league,date,team,market,line,probability,as_of
            KXNFLGAME-26SEP13DALNYG-DAL,,,,,,0.61,2026-09-13T12:00:00Z
            KXNFLGAME-26SEP13DALNYG-NYG,,,,,,1.2,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,New York,,,0.5,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,Springfield Isotopes,,,0.5,2026-09-13T12:00:00Z
            KXNFLGAME-26SEP13DALNYG-DAL,NFL,,,,,0.5,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,DAL,,,0.5,2026-09-13 12:00:00
            ,NFL,2026-09-13,DAL,,,0.5,2026-09-13T19:00:00Z
            ,NFL,13/09/2026,DAL,,,0.5,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,DAL,spread,,0.5,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,DAL,winner,3.5,0.5,2026-09-13T12:00:00Z
            ,NFL,2026-09-13,DAL,moneyline,,0.5,2026-09-13T12:00:00Z
            ,EPL,2026-09-13,ARS,,,0.5,2026-09-13T12:00:00Z
            "KXNFLGAME-26SEP13DALNYG-DAL,,,,,,0.5,2026-09-13T12:00:00Z
            KX NFL,,,,,,0.5,2026-09-13T12:00:00Z
            """;
        var load = FeedParser.Parse(csv, FeedFormat.Csv, Now);

        Assert.True(load.Usable, load.Fatal);
        Assert.Single(load.Rows);
        var problems = load.Problems.ToDictionary(p => p.Where, p => p.Message);
        Assert.Equal(Enumerable.Range(3, 13).Select(n => $"line {n}"), problems.Keys);
        Assert.Contains("between 0 and 1", problems["line 3"], StringComparison.Ordinal);
        Assert.Contains("could be any of New York Giants, New York Jets", problems["line 4"], StringComparison.Ordinal);
        Assert.Contains("not a known NFL team", problems["line 5"], StringComparison.Ordinal);
        Assert.Contains("not both", problems["line 6"], StringComparison.Ordinal);
        Assert.Contains("with an offset", problems["line 7"], StringComparison.Ordinal);
        Assert.Contains("in the future", problems["line 8"], StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", problems["line 9"], StringComparison.Ordinal);
        Assert.Contains("needs one", problems["line 10"], StringComparison.Ordinal);
        Assert.Contains("has no line", problems["line 11"], StringComparison.Ordinal);
        Assert.Contains("not winner, spread or total", problems["line 12"], StringComparison.Ordinal);
        Assert.Contains("league 'EPL'", problems["line 13"], StringComparison.Ordinal);
        Assert.Contains("not closed", problems["line 14"], StringComparison.Ordinal);
        Assert.Contains("not a Kalshi market ticker", problems["line 15"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n  ", "empty")]
    [InlineData("# only a comment\n", "no header")]
    [InlineData("ticker,probability\nKXA-1,0.5\n", "lacks as_of")]
    [InlineData("market,probability,as_of\nwinner,0.5,2026-09-13T12:00:00Z\n", "needs a ticker column")]
    [InlineData("ticker,probability,as_of,ticker\n", "appears twice")]
    [InlineData("ticker,probability,as_of\nKXA-1,2,2026-09-13T12:00:00Z\nKXA-2,x,2026-09-13T12:00:00Z\n", "no row is usable")]
    public void A_csv_that_cannot_be_used_as_a_whole_is_fatal(string csv, string reason)
    {
        var load = FeedParser.Parse(csv, FeedFormat.Csv, Now);
        Assert.False(load.Usable);
        Assert.Contains(reason, load.Fatal, StringComparison.Ordinal);
        Assert.Empty(load.Rows);
    }

    [Fact]
    public void College_rows_keep_the_school_and_opponent_as_written_and_only_college_rows_take_an_opponent()
    {
        const string csv = """
            league,date,team,opponent,market,line,probability,as_of
            NCAAF,2026-09-19,Michigan St.,,,,0.41,2026-09-19T12:00:00Z
            ncaamb,2026-03-06,Miami (OH) RedHawks,Ohio,total,150.5,0.5,2026-03-06T12:00:00Z
            NFL,2026-09-13,DAL,NYG,,,0.5,2026-09-13T12:00:00Z
            NCAAF,2026-09-19,(),,,,0.5,2026-09-19T12:00:00Z
            """;
        var load = FeedParser.Parse(csv, FeedFormat.Csv, Now.AddDays(7));

        Assert.Equal(2, load.Rows.Count);
        Assert.Null(load.Rows[0].TeamKey);
        Assert.Equal(new FeedSchoolKey(League.Ncaaf, new DateOnly(2026, 9, 19), new("michigan st", 0), null, SportsMarketKind.Winner, null), load.Rows[0].SchoolKey);
        Assert.Equal(new FeedSchoolKey(League.Ncaamb, new DateOnly(2026, 3, 6), new("miami oh redhawks", 8), new("ohio", 0), SportsMarketKind.Total, 150.5m), load.Rows[1].SchoolKey);
        var problems = load.Problems.ToDictionary(p => p.Where, p => p.Message);
        Assert.Equal("opponent is read only for college rows (NFL teams are known by name)", problems["line 4"]);
        Assert.Equal("team '()' names no school", problems["line 5"]);
    }

    [Fact]
    public void A_header_only_csv_is_a_valid_empty_feed()
    {
        var load = FeedParser.Parse("ticker,probability,as_of\n", FeedFormat.Csv, Now);
        Assert.True(load.Usable);
        Assert.Empty(load.Rows);
    }

    [Fact]
    public void Json_rows_are_read_from_an_object_or_a_bare_array_and_bad_ones_carry_their_line()
    {
        const string json = """
            {
              "model": "operator v3",
              "forecasts": [
                { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "probability": 0.61, "as_of": "2026-09-13T12:00:00Z" },
                { "league": "NFL", "date": "2026-09-13", "team": "NYG",
                  "probability": "0.39", "as_of": "2026-09-13T12:00:00Z" },
                { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "probability": 1.5, "as_of": "2026-09-13T12:00:00Z" },
                42,
                { "team": ["DAL"], "league": "NFL", "date": "2026-09-13", "probability": 0.5, "as_of": "2026-09-13T12:00:00Z" }
              ]
            }
            """;
        var load = FeedParser.Parse(json, FeedFormat.Json, Now);

        Assert.True(load.Usable, load.Fatal);
        Assert.Equal(2, load.Rows.Count);
        Assert.Equal("NYG", load.Rows[1].TeamKey!.Value.TeamCode);
        Assert.Equal(["line 7 (item 3)", "line 8 (item 4)", "line 9 (item 5)"], load.Problems.Select(p => p.Where));
        Assert.Contains("is a JSON Array", load.Problems[2].Message, StringComparison.Ordinal);

        var bare = FeedParser.Parse("""[{"ticker":"KXNFLGAME-26SEP13DALNYG-DAL","probability":0.6,"as_of":"2026-09-13T12:00:00Z"}]""", FeedFormat.Json, Now);
        Assert.Single(bare.Rows);
    }

    [Theory]
    [InlineData("""{"forecasts": [ {"ticker": "KXA-1", """, "cannot be read")]
    [InlineData("""{"rows": []}""", "no 'forecasts' array")]
    [InlineData("\"text\"", "neither an array")]
    [InlineData("[ {\"ticker\": \"KXA-1\", \"probability\": 0.5, \"as_of\": \"2026-09-13T12:00:00Z\"} ] trailing", "cannot be read")]
    public void A_json_feed_that_cannot_be_read_is_fatal(string json, string reason)
    {
        var load = FeedParser.Parse(json, FeedFormat.Json, Now);
        Assert.False(load.Usable);
        Assert.Contains(reason, load.Fatal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.json", FeedFormat.Auto, FeedFormat.Json)]
    [InlineData("model.JSON", FeedFormat.Auto, FeedFormat.Json)]
    [InlineData("model.csv", FeedFormat.Auto, FeedFormat.Csv)]
    [InlineData("model.txt", FeedFormat.Auto, FeedFormat.Csv)]
    [InlineData("model.txt", FeedFormat.Json, FeedFormat.Json)]
    public void The_format_follows_the_extension_unless_configured(string path, FeedFormat configured, FeedFormat expected) =>
        Assert.Equal(expected, FeedParser.FormatOf(path, configured));
}
