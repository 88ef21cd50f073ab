using System.Text.RegularExpressions;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Scenarios;
using TradingBot.Simulator.Scenarios.Demo;
using static TradingBot.Simulator.Tests.Scenarios.ScenarioFixtures;

namespace TradingBot.Simulator.Tests.Scenarios;

public partial class DemoSlateTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 2, 17, TimeSpan.Zero);

    [Fact]
    public void The_slate_covers_four_leagues_and_three_kinds_of_market_under_Kalshi_style_tickers()
    {
        var scenario = Load(Now, 42);

        Assert.Equal(["MLB", "NBA", "NFL", "NHL"], scenario.Events.Select(e => e.Event.League).Distinct().Order());
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

    [GeneratedRegex("^KX(NFL|NBA|MLB|NHL)(GAME|SPREAD|TOTAL)-[0-9]{2}(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[0-9]{2}[A-Z]{4,6}$")]
    private static partial Regex EventTicker();
}
