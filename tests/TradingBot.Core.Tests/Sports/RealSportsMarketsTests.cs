using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;
using TradingBot.Tests.Shared;

namespace TradingBot.Core.Tests.Sports;

/// <summary>
/// Every sports market in the real-reply corpus (tests/Shared/KalshiReplies/sports-markets.csv: what Kalshi's live API
/// stated about 399 markets) resolves to the line, side and teams Kalshi states. The ticker rule used to read a
/// suffix N as N + 0.5, so every spread and total was priced one point off and then refused by its subtitle.
/// </summary>
public sealed class RealSportsMarketsTests
{
    private static readonly string Folder = Path.Combine(RepositoryLayout.Root, "tests", "Shared", "KalshiReplies");

    private sealed record Row(string Ticker, string Event, string StrikeType, decimal? Floor, string YesSubTitle, string Title);

    private static IReadOnlyList<Row> Rows() => File.ReadAllLines(Path.Combine(Folder, "sports-markets.csv")).Skip(1)
        .Select(line => SplitCsv(line))
        .Select(f => new Row(f[0], f[1], f[2], f[3].Length == 0 ? null : decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), f[4], f[5]))
        .ToList();

    private static ForecastRequest Request(Row row, string eventTitle = "", string eventSubTitle = "") =>
        new(MarketTicker.Parse(row.Ticker), EventTicker.Parse(row.Event), row.Event.Split('-')[0], eventTitle, row.YesSubTitle, null,
            row.StrikeType.Length == 0 ? null : new MarketStrike(row.StrikeType, row.Floor, null), eventSubTitle);

    [Fact]
    public void Every_real_spread_and_total_with_a_floor_strike_is_read_at_that_line_and_on_the_side_its_subtitle_names()
    {
        var lines = Rows().Where(r => r.Floor is not null && SportsTickers.TryLeagueOf(r.Ticker, out _)).ToList();

        foreach (var row in lines)
        {
            var terms = SportsContracts.Resolve(Request(row));
            Assert.True(terms.Market is not null, $"{row.Ticker}: {terms.Refusal} {terms.Problem}");
            Assert.Equal(row.Floor, terms.Market.Line);
            // The ticker alone, N − 0.5, agrees too: the strike and the ticker are one fact written twice.
            Assert.True(SportsTickers.TryParseMarket(row.Ticker, out var fromTicker, out _));
            Assert.Equal(row.Floor, fromTicker.Line);
            if (terms.Market.Kind == SportsMarketKind.Spread)
            {
                var subject = row.YesSubTitle[..row.YesSubTitle.IndexOf(" wins by", StringComparison.Ordinal)];
                Assert.Same(TeamCatalog.Find(terms.Market.Event.League, subject).Team, terms.Market.Team);
            }
        }

        // 6 NFL spreads, 6 NFL totals, 19 MLB spreads, 39 MLB totals in the corpus (WNBA is no league of the bot's).
        Assert.Equal(70, lines.Count);
    }

    [Fact]
    public void Every_real_winner_market_of_a_catalogued_league_maps_to_the_team_in_its_yes_subtitle()
    {
        var winners = Rows().Where(r => SportsTickers.TryLeagueOf(r.Ticker, out var league) && TeamCatalog.HasCatalog(league) && r.Event.Contains("GAME-", StringComparison.Ordinal)).ToList();

        foreach (var row in winners)
        {
            var terms = SportsContracts.Resolve(Request(row));
            Assert.True(terms.Market is not null, $"{row.Ticker}: {terms.Refusal} {terms.Problem}");
            var named = TeamCatalog.Find(terms.Market.Event.League, row.YesSubTitle);
            Assert.True(named.Found, $"{row.Ticker}: '{row.YesSubTitle}': {named.Problem}");
            Assert.Same(named.Team, terms.Market.Team);
        }

        Assert.Equal(113, winners.Count);
    }

    [Fact]
    public void Every_real_college_winner_market_maps_to_the_school_in_its_yes_subtitle_given_its_events_listing()
    {
        // The CSV holds markets, not events: each game's listing is rebuilt from its own two markets (codes from
        // their tickers, names from their subtitles), the facts Kalshi's event title and sub-title state.
        var games = Rows().Where(r => r.Event.StartsWith("KXNCAAFGAME-", StringComparison.Ordinal)).GroupBy(r => r.Event).ToList();

        foreach (var game in games)
        {
            var body = game.Key.Split('-')[1];
            var ordered = game.OrderBy(r => body.IndexOf(r.Ticker.Split('-')[2], 7, StringComparison.Ordinal)).ToList();
            var subTitle = $"{ordered[0].Ticker.Split('-')[2]} vs {ordered[1].Ticker.Split('-')[2]}";
            var title = $"{ordered[0].YesSubTitle} vs {ordered[1].YesSubTitle}";
            foreach (var row in game)
            {
                var terms = SportsContracts.Resolve(Request(row, title, subTitle));
                Assert.True(terms.Market is not null, $"{row.Ticker}: {terms.Problem}");
                Assert.Equal(row.YesSubTitle, terms.Market.Team!.FullName);
            }
        }

        Assert.Equal(4, games.Count);
    }

    [Theory]
    [InlineData("New York G", "NYG")]
    [InlineData("New York J", "NYJ")]
    [InlineData("Los Angeles R", "LA")]
    [InlineData("Los Angeles C", "LAC")]
    public void Team_names_as_Kalshi_writes_them_resolve_in_the_NFL_catalog(string name, string code) =>
        Assert.Equal(code, TeamCatalog.Find(League.Nfl, name).Team?.Code);

    [Theory]
    [InlineData("Chicago C", "CHC")]
    [InlineData("Chicago WS", "CWS")]
    [InlineData("New York Y", "NYY")]
    [InlineData("New York M", "NYM")]
    [InlineData("Los Angeles A", "LAA")]
    [InlineData("Los Angeles D", "LAD")]
    [InlineData("A's", "ATH")]
    public void Team_names_as_Kalshi_writes_them_resolve_in_the_MLB_catalog(string name, string code) =>
        Assert.Equal(code, TeamCatalog.Find(League.Mlb, name).Team?.Code);

    [Fact]
    public void Real_college_events_resolve_to_their_two_schools_from_the_events_title_and_sub_title()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "get_events__sports_mixed_nested_2026-08-07.json")));
        var college = document.RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("series_ticker").GetString() == "KXNCAAFGAME").ToList();

        var markets = 0;
        foreach (var game in college)
        {
            foreach (var market in game.GetProperty("markets").EnumerateArray())
            {
                var request = new ForecastRequest(MarketTicker.Parse(market.GetProperty("ticker").GetString()!), EventTicker.Parse(game.GetProperty("event_ticker").GetString()!),
                    "KXNCAAFGAME", game.GetProperty("title").GetString()!, market.GetProperty("yes_sub_title").GetString()!, null, null, game.GetProperty("sub_title").GetString()!,
                    game.GetProperty("product_metadata").GetProperty("competition").GetString());
                var terms = SportsContracts.Resolve(request);
                Assert.True(terms.Market is not null, $"{request.Ticker}: {terms.Problem}");
                Assert.Equal(request.YesSubTitle, terms.Market.Team!.FullName);
                Assert.Equal(request.Ticker.Value.Split('-')[2], terms.Market.Team.Code);
                markets++;
            }
        }

        Assert.Equal(3, college.Count);
        Assert.Equal(6, markets);
    }

    [Fact]
    public void Michigan_State_at_Notre_Dame_reads_away_then_home_and_Michigan_State_answers_to_its_long_name()
    {
        Assert.True(CollegeTeams.TryFromListing(League.Ncaaf, "Michigan St. vs Notre Dame", "MSU vs ND (Sep 19)", out var teams, out var error), error);
        Assert.True(SportsTickers.TryParseEvent("KXNCAAFGAME-26SEP19MSUND", out var game, out error, teams), error);

        Assert.Equal(("MSU", "ND"), (game.Away.Code, game.Home.Code));
        Assert.Same(game.Away, SportsContracts.TeamNamed(game, "Michigan State"));
        Assert.True(CollegeTeams.TryFromListing(League.Ncaaf, "Michigan St. vs Notre Dame: Spread", "MSU vs ND (Sep 19)", out var spreadTeams, out error), error);
        Assert.Equal("Notre Dame", spreadTeams.Value.Home.FullName);
        Assert.False(SportsTickers.TryParseEvent("KXNCAAFGAME-26SEP19MSUND", out _, out error));
        Assert.Contains("no team catalog", error);
    }

    [Fact]
    public void A_baseball_ticker_carries_its_start_in_Eastern_time_and_a_football_ticker_only_its_date()
    {
        Assert.Equal(new DateTimeOffset(2026, 8, 8, 1, 40, 0, TimeSpan.Zero), SportsTickers.StartInTicker("KXMLBGAME-26AUG072140LADAZ"));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 10, 0, TimeSpan.Zero), SportsTickers.StartInTicker("KXMLBGAME-26DEC071910LADAZ"));
        Assert.Null(SportsTickers.StartInTicker("KXNFLGAME-26SEP17DETBUF"));
        Assert.Null(SportsTickers.StartInTicker("KXNCAAFGAME-26SEP19MSUND"));
    }

    [Fact]
    public void A_start_comes_from_the_milestone_then_the_ticker_and_is_otherwise_unknown()
    {
        var milestone = new DateTimeOffset(2026, 8, 8, 1, 45, 0, TimeSpan.Zero);
        var mlb = EventTicker.Parse("KXMLBGAME-26AUG072140LADAZ");
        EventInfo Listed(DateTimeOffset? start) => new(mlb, "KXMLBGAME", "Los Angeles D vs Arizona", start, []);

        Assert.Equal((milestone, GameStartSource.Milestone), Engine.ScanStep.GameStartOf(Listed(milestone), mlb));
        Assert.Equal((new DateTimeOffset(2026, 8, 8, 1, 40, 0, TimeSpan.Zero), GameStartSource.Ticker), Engine.ScanStep.GameStartOf(Listed(null), mlb));
        Assert.Equal(((DateTimeOffset?)null, GameStartSource.Unknown), Engine.ScanStep.GameStartOf(null, EventTicker.Parse("KXNFLGAME-26SEP17DETBUF")));
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
