using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using static TradingBot.Simulator.Tests.Scenarios.ScenarioFixtures;

namespace TradingBot.Simulator.Tests.Engine;

/// <summary>The in-process venue (backtests, Worker tests) hands the bot what the HTTP listing shows: strikes, subtitles, competitions.</summary>
public class InProcessVenueTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 16, 2, 17, TimeSpan.Zero);

    [Fact]
    public async Task Events_carry_their_subtitle_and_competition_and_markets_their_strike()
    {
        var (_, exchange, runner) = Frozen(Now);
        Assert.True(runner.LoadDemo(42).Success);
        exchange.OpenAccount("bot", Money.FromDollars(100m));
        var venue = new InProcessVenue(exchange, "bot");

        var games = (await venue.GetEventsAsync("KXNFLGAME", default)).Value!;
        var spreads = (await venue.GetEventsAsync("KXNFLSPREAD", default)).Value!;
        var totals = (await venue.GetMarketsAsync(new MarketQuery("KXNFLTOTAL"), default)).Value!;

        Assert.Equal(["Pro Football", "Pro Football Preseason"], games.Select(e => e.Competition).Distinct().Order());
        Assert.All(games.Concat(spreads), e => Assert.Equal(exchange.Read(x => x.Events[e.Ticker.Value].SubTitle), e.SubTitle));
        Assert.All(games.Concat(spreads), e => Assert.Matches("^[A-Z]{2,4} vs [A-Z]{2,4} \\([A-Z][a-z]{2} [0-9]{1,2}\\)$", e.SubTitle));
        Assert.All(games.SelectMany(e => e.Markets), m => Assert.Equal("structured", m.Strike!.Type));
        foreach (var market in spreads.SelectMany(e => e.Markets).Concat(totals))
        {
            var suffix = market.Ticker.Value[(market.Ticker.Value.LastIndexOf('-') + 1)..];
            var n = decimal.Parse(suffix.TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), CultureInfo.InvariantCulture);
            Assert.Equal(new MarketStrike("greater", n - 0.5m, null, market.Strike!.Custom), market.Strike);
            Assert.Equal(market.Ticker.Value.Contains("SPREAD", StringComparison.Ordinal), market.Strike.Custom?.ContainsKey("football_team") == true);
        }
    }
}
