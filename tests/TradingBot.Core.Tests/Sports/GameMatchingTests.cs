using TradingBot.Core.Sports;

namespace TradingBot.Core.Tests.Sports;

public class GameMatchingTests
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly GameMatchRule Rule = new(TimeSpan.FromHours(2), Eastern);
    private static readonly Team Dal = TeamCatalog.ByTickerCode(League.Nfl, "DAL")!;
    private static readonly Team Nyg = TeamCatalog.ByTickerCode(League.Nfl, "NYG")!;
    private static readonly Team Phi = TeamCatalog.ByTickerCode(League.Nfl, "PHI")!;

    // 13 Sep 2026 20:20 Eastern (EDT, UTC-4) is 00:20 UTC on the 14th: the ticker's date is the Eastern one.
    private static readonly DateTimeOffset Kickoff = new(2026, 9, 14, 0, 20, 0, TimeSpan.Zero);

    private static SportsEvent Game(string ticker) =>
        SportsTickers.TryParseEvent(ticker, out var game, out var error) ? game : throw new InvalidOperationException(error);

    [Theory]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(-120, true)]
    [InlineData(121, false)]
    [InlineData(-121, false)]
    public void With_a_known_start_the_feed_start_must_be_within_the_tolerance(int minutesOff, bool matches) =>
        Assert.Equal(matches, Rule.Matches(Game("KXNFLGAME-26SEP13DALNYG"), Kickoff, new FeedGame(League.Nfl, Nyg, Dal, Kickoff.AddMinutes(minutesOff))));

    [Fact]
    public void Without_a_start_the_feed_start_must_fall_on_the_ticker_date_in_Eastern_time()
    {
        var game = Game("KXNFLGAME-26SEP13DALNYG");
        Assert.True(Rule.Matches(game, null, new FeedGame(League.Nfl, Nyg, Dal, Kickoff)));
        Assert.False(Rule.Matches(game, null, new FeedGame(League.Nfl, Nyg, Dal, Kickoff.AddDays(1))));
    }

    [Fact]
    public void Teams_match_in_either_order_but_both_must_match()
    {
        var game = Game("KXNFLGAME-26SEP13DALNYG");
        Assert.True(Rule.Matches(game, Kickoff, new FeedGame(League.Nfl, Dal, Nyg, Kickoff)));
        Assert.False(Rule.Matches(game, Kickoff, new FeedGame(League.Nfl, Nyg, Phi, Kickoff)));
    }

    [Fact]
    public void Two_feed_games_matching_one_event_are_ambiguous_not_picked()
    {
        var first = new FeedGame(League.Mlb, TeamCatalog.ByTickerCode(League.Mlb, "NYM")!, TeamCatalog.ByTickerCode(League.Mlb, "TEX")!, new DateTimeOffset(2026, 6, 1, 17, 5, 0, TimeSpan.Zero));
        var second = first with { Start = first.Start.AddHours(5) };
        var rule = new GameMatchRule(TimeSpan.FromHours(12), Eastern);
        var match = rule.FindOne(Game("KXMLBGAME-26JUN01TEXNYM"), null, [first, second], g => g);
        Assert.Equal(GameMatchOutcome.Ambiguous, match.Outcome);
        Assert.Equal(2, match.Candidates);

        // The doubleheader's ticker time tells them apart.
        var byTime = new GameMatchRule(TimeSpan.FromMinutes(30), Eastern).FindOne(Game("KXMLBGAME-26JUN011305TEXNYM"), null, [first, second], g => g);
        Assert.Equal(GameMatchOutcome.Matched, byTime.Outcome);
        Assert.Same(first, byTime.Value);
    }
}

public class LeagueTests
{
    [Theory]
    [InlineData("nfl", true, League.Nfl)]
    [InlineData(" NHL ", true, League.Nhl)]
    [InlineData("Ncaamb", true, League.Ncaamb)]
    [InlineData("3", false, League.Nfl)]
    [InlineData("EPL", false, League.Nfl)]
    [InlineData("", false, League.Nfl)]
    [InlineData(null, false, League.Nfl)]
    public void Leagues_are_parsed_by_name_only(string? text, bool ok, League expected)
    {
        Assert.Equal(ok, Leagues.TryParse(text, out var league));
        if (ok)
            Assert.Equal(expected, league);
    }

    [Theory]
    [InlineData("americanfootball_nfl", true, League.Nfl)]
    [InlineData("icehockey_nhl", true, League.Nhl)]
    [InlineData("soccer_epl", false, League.Nfl)]
    public void Odds_api_sport_keys_map_to_leagues(string key, bool ok, League expected)
    {
        Assert.Equal(ok, Leagues.TryFromOddsApiSportKey(key, out var league));
        if (ok)
            Assert.Equal(expected, league);
    }

    [Fact]
    public void The_catalog_leagues_are_the_four_professional_leagues() =>
        Assert.Equal([League.Nfl, League.Nba, League.Mlb, League.Nhl], TeamCatalog.Leagues);
}
