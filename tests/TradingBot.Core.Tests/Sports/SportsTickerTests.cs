using TradingBot.Core.Sports;

namespace TradingBot.Core.Tests.Sports;

public class SportsTickerTests
{
    public static TheoryData<League> CatalogLeagues() => new(League.Nfl, League.Nba, League.Mlb, League.Nhl);

    /// <summary>Every ordered pair of teams, written with every code each team answers to, splits back into that pair and nothing else.</summary>
    [Theory]
    [MemberData(nameof(CatalogLeagues))]
    public void Every_pair_of_teams_in_every_code_form_parses_to_exactly_that_game(League league)
    {
        var teams = TeamCatalog.Teams(league);
        var series = $"KX{league.SeriesToken()}GAME";
        foreach (var away in teams)
        {
            foreach (var home in teams.Where(t => t != away))
            {
                foreach (var awayCode in away.AlternateCodes.Prepend(away.Code))
                {
                    foreach (var homeCode in home.AlternateCodes.Prepend(home.Code))
                    {
                        var ticker = $"{series}-26SEP13{awayCode}{homeCode}";
                        Assert.True(SportsTickers.TryParseEvent(ticker, out var game, out var error), $"{ticker}: {error}");
                        Assert.Same(away, game.Away);
                        Assert.Same(home, game.Home);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CatalogLeagues))]
    public void Every_team_has_a_winner_and_a_spread_market(League league)
    {
        var teams = TeamCatalog.Teams(league);
        for (var i = 0; i < teams.Count; i++)
        {
            var away = teams[i];
            var home = teams[(i + 1) % teams.Count];
            var prefix = $"-26SEP13{away.Code}{home.Code}";
            foreach (var team in new[] { away, home })
            {
                Assert.True(SportsTickers.TryParseMarket($"KX{league.SeriesToken()}GAME{prefix}-{team.Code}", out var winner, out var error), error);
                Assert.Equal((SportsMarketKind.Winner, team, (decimal?)null), (winner.Kind, winner.Team, winner.Line));
                Assert.True(SportsTickers.TryParseMarket($"KX{league.SeriesToken()}SPREAD{prefix}-{team.Code}3", out var spread, out error), error);
                Assert.Equal((SportsMarketKind.Spread, team, (decimal?)2.5m), (spread.Kind, spread.Team, spread.Line));
            }
        }
    }

    [Fact]
    public void The_brief_example_reads_as_Dallas_at_the_Giants_on_13_September_2026()
    {
        Assert.True(SportsTickers.TryParseMarket("KXNFLGAME-26SEP13DALNYG-DAL", out var market, out var error), error);
        Assert.Equal(League.Nfl, market.Event.League);
        Assert.Equal(new DateOnly(2026, 9, 13), market.Event.Date);
        Assert.Null(market.Event.StartTime);
        Assert.Equal("Dallas Cowboys", market.Event.Away.FullName);
        Assert.Equal("New York Giants", market.Event.Home.FullName);
        Assert.Equal("Dallas Cowboys", market.Team!.FullName);
        Assert.Equal("KXNFLGAME", market.Event.Series);
    }

    [Theory]
    [InlineData("KXNFLSPREAD-26SEP13DALNYG-NYG7", SportsMarketKind.Spread, "NYG", 6.5)]
    [InlineData("KXNFLSPREAD-26SEP13DALNYG-DAL10", SportsMarketKind.Spread, "DAL", 9.5)]
    [InlineData("KXNBATOTAL-26NOV02LALBOS-221", SportsMarketKind.Total, null, 220.5)]
    [InlineData("KXMLBTOTAL-26JUN011840TEXNYM-8", SportsMarketKind.Total, null, 7.5)]
    [InlineData("KXMLBSPREAD-26JUN01TEXNYM-NYM1.5", SportsMarketKind.Spread, "NYM", 1.5)]
    [InlineData("KXNHLGAME-26OCT07CHIFLA-TIE", SportsMarketKind.Tie, null, null)]
    public void Spread_total_and_tie_suffixes_carry_the_team_and_the_half_point_line_a_whole_suffix_N_being_N_minus_a_half(string ticker, SportsMarketKind kind, string? team, double? line)
    {
        Assert.True(SportsTickers.TryParseMarket(ticker, out var market, out var error), error);
        Assert.Equal(kind, market.Kind);
        Assert.Equal(team, market.Team?.Code);
        Assert.Equal(line is null ? null : (decimal)line.Value, market.Line);
    }

    [Fact]
    public void A_baseball_ticker_with_a_start_time_keeps_it()
    {
        Assert.True(SportsTickers.TryParseEvent("KXMLBGAME-26JUN011840TEXNYM", out var game, out var error), error);
        Assert.Equal(new TimeOnly(18, 40), game.StartTime);
        Assert.Equal(("TEX", "NYM"), (game.Away.Code, game.Home.Code));
    }

    [Theory]
    [InlineData("KXNFLGAME-26SEP13DALNYG-DAL", "not a sports event ticker")]
    [InlineData("KXEPLGAME-26SEP13ARSCHE", "not a sports series")]
    [InlineData("KXNFLGAME-26SEX13DALNYG", "yyMMMdd")]
    [InlineData("KXNFLGAME-26FEB30DALNYG", "yyMMMdd")]
    [InlineData("KXNFLGAME-26SEP1399DALNYG", "HHmm")]
    [InlineData("KXNFLGAME-26SEP13DALXXX", "not two NFL team codes")]
    [InlineData("KXNFLGAME-26SEP13DALDAL", "not two NFL team codes")]
    [InlineData("KXNCAAFGAME-26SEP13BAMAUGA", "no team catalog")]
    [InlineData("", "not a sports event ticker")]
    [InlineData(null, "not a sports event ticker")]
    public void Event_tickers_that_do_not_fit_the_rule_are_refused_with_the_reason(string? ticker, string reason)
    {
        Assert.False(SportsTickers.TryParseEvent(ticker, out var game, out var error));
        Assert.Null(game);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KXNFLGAME-26SEP13DALNYG-PHI", "neither DAL nor NYG")]
    [InlineData("KXNFLGAME-26SEP13DALNYG-DAL7", "not a Winner market suffix")]
    [InlineData("KXNFLSPREAD-26SEP13DALNYG-DAL", "not a Spread market suffix")]
    [InlineData("KXNFLTOTAL-26SEP13DALNYG-DAL45", "not a Total market suffix")]
    [InlineData("KXNFLTOTAL-26SEP13DALNYG-4.", "not a total line")]
    [InlineData("KXNFLGAME-26SEP13DALNYG", "not a sports market ticker")]
    public void Market_suffixes_that_do_not_fit_the_series_are_refused(string ticker, string reason)
    {
        Assert.False(SportsTickers.TryParseMarket(ticker, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dallas wins by over 7.5 points", 7.5)]
    [InlineData("Over 45.5 points scored", 45.5)]
    [InlineData("Dallas Cowboys", null)]
    [InlineData("Top 10 finish", null)]
    [InlineData(null, null)]
    public void The_line_a_title_states_is_read_from_its_decimal_number(string? title, double? line) =>
        Assert.Equal(line is null ? null : (decimal)line.Value, SportsTickers.LineInTitle(title));
}
