using System.Globalization;
using System.Text.RegularExpressions;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Hosting;
using TradingBot.Simulator.Scenarios;
using TradingBot.Simulator.Scenarios.Demo;
using static TradingBot.Simulator.Tests.Scenarios.ScenarioFixtures;

namespace TradingBot.Simulator.Tests.Scenarios;

public partial class DemoSlateTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 2, 17, TimeSpan.Zero);

    [Fact]
    public void The_slate_covers_five_leagues_and_three_kinds_of_market_under_Kalshi_style_tickers()
    {
        var scenario = Load(Now, 42);

        Assert.Equal(["MLB", "NBA", "NCAAF", "NFL", "NHL"], scenario.Events.Select(e => e.Event.League).Distinct().Order());
        foreach (var league in DemoLeague.All)
        {
            var events = scenario.Events.Where(e => e.Event.League == league.Code).ToList();
            Assert.Equal([MarketKind.Winner, MarketKind.Spread, MarketKind.Total], events.SelectMany(e => e.Markets).Select(m => m.Kind).Distinct().Order());
            Assert.Equal([league.WinnerSeries, league.SpreadSeries, league.TotalSeries], events.Select(e => e.Event.SeriesTicker).Distinct());
            var codes = league.Teams.Select(t => t.Code).ToHashSet();
            var games = events.Where(e => e.Event.SeriesTicker == league.WinnerSeries).ToList();
            Assert.All(games, g => Assert.True(codes.Contains(g.HomeTeam) && codes.Contains(g.AwayTeam)));
            var teams = games.SelectMany(g => (string[])[g.HomeTeam, g.AwayTeam]).ToList();
            Assert.Equal(teams.Count, teams.Distinct().Count());
        }

        foreach (var game in scenario.Events)
        {
            Assert.Matches(EventTicker(), game.Ticker);
            Assert.EndsWith($"{game.AwayTeam}{game.HomeTeam}", game.Ticker, StringComparison.Ordinal);
            Assert.All(game.Markets, m => Assert.StartsWith(game.Ticker + "-", m.Ticker, StringComparison.Ordinal));
            Assert.All(game.Markets, m => Assert.True(MarketTicker.TryParse(m.Ticker, out _)));
        }
    }

    /// <summary>Kalshi's rule: a spread or total ticker's suffix N is the line N − 0.5 (KXNFLSPREAD-…-DET2 is over 1.5).</summary>
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void Every_spread_and_total_ticker_suffix_is_its_line_plus_a_half(int seed)
    {
        var lines = Load(Now, seed).Events.SelectMany(e => e.Markets).Where(m => m.Kind != MarketKind.Winner).ToList();

        Assert.NotEmpty(lines);
        foreach (var market in lines)
        {
            var suffix = market.Ticker[(market.Ticker.LastIndexOf('-') + 1)..];
            var team = market.Kind == MarketKind.Spread ? market.Team! : "";
            Assert.StartsWith(team, suffix, StringComparison.Ordinal);
            var n = int.Parse(suffix[team.Length..], CultureInfo.InvariantCulture);
            Assert.Equal(n - 0.5m, market.Line);
        }
    }

    [Fact]
    public void Baseball_tickers_carry_the_Eastern_start_after_the_date_and_football_tickers_the_date_only()
    {
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var events = Load(Now, 42).Events;

        Assert.Contains(events, e => e.Event.League == "MLB");
        Assert.Contains(events, e => e.Event.League == "NFL");
        foreach (var game in events.Where(e => e.Event.League is "MLB" or "NFL"))
        {
            var format = game.Event.League == "MLB" ? "yyMMMddHHmm" : "yyMMMdd";
            var local = TimeZoneInfo.ConvertTime(game.Start, eastern).ToString(format, CultureInfo.InvariantCulture).ToUpperInvariant();
            Assert.Equal($"{game.Event.SeriesTicker}-{local}{game.AwayTeam}{game.HomeTeam}", game.Ticker);
        }
    }

    [Fact]
    public void Every_market_states_its_strike_as_Kalshi_does()
    {
        var markets = Load(Now, 42).Events.SelectMany(e => e.Markets).ToList();

        foreach (var market in markets)
        {
            var strike = market.Spec.Strike!;
            Assert.Equal(market.Kind == MarketKind.Winner ? "structured" : "greater", strike.Type);
            Assert.Equal(market.Line, strike.Floor);
            Assert.Null(strike.Cap);
            if (market.Kind == MarketKind.Total)
                Assert.Null(strike.Custom);
            else
                Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Assert.Single(strike.Custom!).Value);
        }

        // One id per team, as Kalshi's custom_strike names the same team in its winner and spread markets.
        var idsByTeam = markets.Where(m => m.Team is not null).GroupBy(m => (m.Ticker[2..m.Ticker.IndexOf('-', StringComparison.Ordinal)].Replace("GAME", "").Replace("SPREAD", ""), m.Team))
            .Select(g => g.Select(m => m.Spec.Strike!.Custom!.Single().Value).Distinct().Count());
        Assert.All(idsByTeam, count => Assert.Equal(1, count));
        Assert.Equal("football_team", markets.First(m => m.Ticker.StartsWith("KXNFLSPREAD", StringComparison.Ordinal)).Spec.Strike!.Custom!.Single().Key);
        Assert.Equal("baseball_team", markets.First(m => m.Ticker.StartsWith("KXMLBGAME", StringComparison.Ordinal)).Spec.Strike!.Custom!.Single().Key);
    }

    [Fact]
    public void Titles_and_subtitles_are_worded_as_Kalshi_words_them()
    {
        var events = Load(Now, 42).Events;
        var nfl = DemoLeague.All.Single(l => l.Code == "NFL").Teams.ToDictionary(t => t.Code, t => t.Name);
        var game = events.First(e => e.Event.SeriesTicker == "KXNFLGAME");
        var (away, home) = (nfl[game.AwayTeam], nfl[game.HomeTeam]);
        var spread = events.Single(e => e.Ticker == game.Ticker.Replace("GAME", "SPREAD", StringComparison.Ordinal));
        var total = events.Single(e => e.Ticker == game.Ticker.Replace("GAME", "TOTAL", StringComparison.Ordinal));

        Assert.Equal($"{away} vs {home}", game.Event.Title);
        Assert.Equal($"{away} vs {home}: Spread", spread.Event.Title);
        Assert.Equal($"{away} vs {home}: Total", total.Event.Title);
        var day = TimeZoneInfo.ConvertTime(game.Start, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).ToString("MMM d", CultureInfo.InvariantCulture);
        Assert.All([game, spread, total], e => Assert.Equal($"{game.AwayTeam} vs {game.HomeTeam} ({day})", e.Event.SubTitle));

        var winner = game.Markets.Single(m => m.Team == game.HomeTeam).Spec;
        Assert.Equal((home, home, $"Will {home} win the {away} vs {home} Pro Football game?"), (winner.YesSubTitle, winner.NoSubTitle, winner.Title));
        var line = spread.Markets.Single();
        var covers = $"{nfl[line.Team!]} wins by over {line.Line!.Value.ToString(CultureInfo.InvariantCulture)} points";
        Assert.Equal((covers, covers, covers + "?"), (line.Spec.YesSubTitle, line.Spec.NoSubTitle, line.Spec.Title));
        var over = total.Markets.Single();
        Assert.Equal($"Over {over.Line!.Value.ToString(CultureInfo.InvariantCulture)} points scored", over.Spec.YesSubTitle);
        Assert.Equal($"Full Game: over {over.Line!.Value.ToString(CultureInfo.InvariantCulture)} points scored?", over.Spec.Title);

        var runs = events.First(e => e.Event.SeriesTicker == "KXMLBTOTAL").Markets.Single();
        Assert.Equal($"Over {runs.Line!.Value.ToString(CultureInfo.InvariantCulture)} runs scored", runs.Spec.YesSubTitle);
    }

    [Fact]
    public void Events_carry_their_competition_and_scope()
    {
        var events = Load(Now, 42).Events;

        Assert.Equal(["NCAA Football", "Pro Baseball", "Pro Basketball (M)", "Pro Football", "Pro Football Preseason", "Pro Hockey"],
            events.Select(e => e.Event.Competition).Distinct().Order());
        Assert.All(events, e => Assert.Equal(
            e.Event.SeriesTicker.EndsWith("GAME", StringComparison.Ordinal) ? "Game" : e.Event.SeriesTicker.EndsWith("SPREAD", StringComparison.Ordinal) ? "Spread" : "Point Total",
            e.Event.CompetitionScope));
    }

    [Fact]
    public void The_slate_holds_an_NFL_preseason_game_and_a_college_football_game()
    {
        var events = Load(Now, 42).Events;

        var preseason = events.Where(e => e.Event.Competition == "Pro Football Preseason").ToList();
        Assert.Equal(["KXNFLGAME", "KXNFLSPREAD", "KXNFLTOTAL"], preseason.Select(e => e.Event.SeriesTicker).Order());
        Assert.Single(preseason.Select(e => (e.HomeTeam, e.AwayTeam)).Distinct());
        Assert.Equal(4 * 3, events.Count(e => e.Event.Competition == "Pro Football"));

        var college = events.Where(e => e.Event.League == "NCAAF").ToList();
        Assert.Equal(["KXNCAAFGAME", "KXNCAAFSPREAD", "KXNCAAFTOTAL"], college.Select(e => e.Event.SeriesTicker).Order());
        Assert.All(college, e => Assert.Equal("NCAA Football", e.Event.Competition));
        var schools = DemoLeague.All.Single(l => l.Code == "NCAAF").Teams.ToDictionary(t => t.Code, t => t.Name);
        Assert.Contains("MSU", schools.Keys);
        Assert.Equal("Michigan St.", schools["MSU"]);
        var winner = college.Single(e => e.Event.SeriesTicker == "KXNCAAFGAME");
        Assert.Equal([schools[winner.HomeTeam], schools[winner.AwayTeam]], winner.Markets.Select(m => m.Spec.YesSubTitle));
        Assert.EndsWith("college football game?", winner.Markets[0].Spec.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_DEMO_model_feed_prices_every_open_market_the_preseason_and_college_ones_too()
    {
        var (_, exchange, runner) = Frozen(Now);
        Assert.True(runner.LoadDemo(42).Success);
        runner.Step();
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}", DemoModelFeed.FileName);

        try
        {
            new DemoModelFeed(runner, path).Publish();
            var tickers = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')[0]).ToHashSet();

            Assert.Equal(exchange.Markets.Keys.ToHashSet(), tickers);
            Assert.Contains(tickers, t => t.StartsWith("KXNCAAFSPREAD-", StringComparison.Ordinal));
            var preseason = exchange.Read(x => x.Events.Values.Single(e => e.Competition == "Pro Football Preseason" && e.SeriesTicker == "KXNFLGAME"));
            Assert.Contains(tickers, t => t.StartsWith(preseason.Ticker + "-", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Winner_events_list_both_teams_and_the_away_market_mirrors_the_home_one()
    {
        var scenario = Load(Now, 42);

        foreach (var game in scenario.Events.Where(e => e.Event.SeriesTicker.EndsWith("GAME", StringComparison.Ordinal)))
        {
            Assert.Equal(2, game.Markets.Count);
            Assert.Equal([game.HomeTeam, game.AwayTeam], game.Markets.Select(m => m.Team));
            Assert.NotNull(game.Markets[0].Path);
            Assert.Equal(game.Markets[0].Ticker, game.Markets[1].MirrorOf);
        }
    }

    [Fact]
    public void Games_are_in_progress_soon_later_today_and_tomorrow()
    {
        var games = Load(Now, 42).Events.Where(e => e.Event.SeriesTicker.EndsWith("GAME", StringComparison.Ordinal)).ToList();

        Assert.Contains(games, g => g.Start < Now && g.End > Now);
        Assert.Contains(games, g => g.Start > Now && g.Start < Now.AddHours(1));
        Assert.Contains(games, g => g.Start > Now.AddHours(2) && g.Start < Now.AddHours(9));
        Assert.Contains(games, g => g.Start > Now.AddHours(19));
        Assert.All(games, g => Assert.Equal(0, g.Start.Minute % 5));
        Assert.All(games, g => Assert.InRange(g.Start, Now.AddHours(-2), Now.AddHours(32)));
    }

    [Fact]
    public void The_slate_is_the_same_for_the_same_seed_and_now_and_differs_otherwise()
    {
        Assert.Equal(DemoSlate.Json(Now, 5), DemoSlate.Json(Now, 5));
        Assert.NotEqual(DemoSlate.Json(Now, 5), DemoSlate.Json(Now, 6));
        Assert.NotEqual(DemoSlate.Json(Now, 5), DemoSlate.Json(Now.AddMinutes(10), 5));
    }

    [Fact]
    public void Every_demo_market_trades_with_quotes_once_loaded()
    {
        var (_, exchange, runner) = Frozen(Now);

        var result = runner.LoadDemo(42);
        runner.Step();

        Assert.True(result.Success, result.ToString());
        var markets = runner.Markets();
        Assert.Equal(exchange.Markets.Count, markets.Count);
        Assert.All(markets, m => Assert.Equal(MarketStatus.Active, m.Status));
        Assert.All(markets, m => Assert.True(BestBid(exchange, m.Ticker) is not null || BestAsk(exchange, m.Ticker) is not null, m.Ticker));
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(15, 3)]
    public void The_slate_size_is_configurable(int games, int seed)
    {
        var scenario = Load(Now, seed, new DemoSlateOptions { GamesPerLeague = games, Leagues = ["NBA"] });

        Assert.Equal(3 * games, scenario.Events.Count);
    }

    private static Scenario Load(DateTimeOffset now, int seed, DemoSlateOptions? options = null)
    {
        var result = DemoSlate.Create(now, seed, options);
        Assert.True(result.Success, result.ToString());
        return result.Scenario!;
    }

    [GeneratedRegex("^KX(NFL|NBA|MLB|NHL|NCAAF)(GAME|SPREAD|TOTAL)-[0-9]{2}(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[0-9]{2}([0-9]{4})?[A-Z]{4,8}$")]
    private static partial Regex EventTicker();
}
