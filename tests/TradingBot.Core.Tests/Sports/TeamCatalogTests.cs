using TradingBot.Core.Sports;

namespace TradingBot.Core.Tests.Sports;

public class TeamCatalogTests
{
    [Theory]
    [InlineData(League.Nfl, 32)]
    [InlineData(League.Nba, 30)]
    [InlineData(League.Mlb, 30)]
    [InlineData(League.Nhl, 32)]
    public void Every_league_has_all_its_teams_with_distinct_codes_and_names(League league, int count)
    {
        var teams = TeamCatalog.Teams(league);
        Assert.Equal(count, teams.Count);
        Assert.Equal(count, teams.Select(t => t.Code).Distinct().Count());
        Assert.Equal(count, teams.Select(t => TeamCatalog.Normalize(t.FullName)).Distinct().Count());
        Assert.All(teams, t => Assert.Equal(league, t.League));
    }

    [Fact]
    public void The_feed_name_table_names_every_catalog_team_once() =>
        Assert.Equal(
            TeamCatalog.Leagues.SelectMany(TeamCatalog.Teams).Select(t => (t.League, t.Code)).Order(),
            FeedNames.All.Select(r => (r.League, r.Code)).Order());

    [Theory]
    [MemberData(nameof(FeedNames.Rows), MemberType = typeof(FeedNames))]
    public void Every_team_is_found_by_its_feed_name_its_code_and_its_full_name(League league, string code, string feedName)
    {
        var byFeed = TeamCatalog.Find(league, feedName);
        Assert.True(byFeed.Found, byFeed.Problem);
        Assert.Equal(code, byFeed.Team.Code);
        var team = byFeed.Team;
        Assert.Same(team, TeamCatalog.Find(league, code).Team);
        Assert.Same(team, TeamCatalog.Find(league, code.ToLowerInvariant()).Team);
        Assert.Same(team, TeamCatalog.Find(league, team.FullName.ToUpperInvariant()).Team);
        Assert.Same(team, TeamCatalog.Find(league, "  " + team.FullName.Replace(" ", "  ", StringComparison.Ordinal) + " ").Team);
        Assert.Same(team, TeamCatalog.ByTickerCode(league, code));
        Assert.All(team.AlternateCodes, alt => Assert.Same(team, TeamCatalog.Find(league, alt).Team));
        Assert.All(team.AlternateCodes, alt => Assert.Same(team, TeamCatalog.ByTickerCode(league, alt)));
    }

    [Theory]
    [MemberData(nameof(FeedNames.Rows), MemberType = typeof(FeedNames))]
    public void Every_alias_finds_its_team_or_is_reported_ambiguous_with_it_among_the_candidates(League league, string code, string feedName)
    {
        _ = feedName;
        var team = TeamCatalog.ByTickerCode(league, code)!;
        foreach (var alias in team.Aliases)
        {
            var lookup = TeamCatalog.Find(league, alias);
            if (lookup.Found)
            {
                Assert.Same(team, lookup.Team);
            }
            else
            {
                Assert.Equal(TeamLookupOutcome.Ambiguous, lookup.Outcome);
                Assert.Contains(team, lookup.Candidates);
                Assert.Contains(alias, lookup.Problem!, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(League.Nfl, "New York", "New York Giants", "New York Jets")]
    [InlineData(League.Nfl, "Los Angeles", "Los Angeles Chargers", "Los Angeles Rams")]
    [InlineData(League.Nba, "los angeles", "Los Angeles Clippers", "Los Angeles Lakers")]
    [InlineData(League.Mlb, "Chicago", "Chicago Cubs", "Chicago White Sox")]
    [InlineData(League.Nhl, "NEW YORK", "New York Islanders", "New York Rangers")]
    public void A_city_two_teams_share_is_ambiguous_and_names_both(League league, string query, string first, string second)
    {
        var lookup = TeamCatalog.Find(league, query);
        Assert.Equal(TeamLookupOutcome.Ambiguous, lookup.Outcome);
        Assert.Null(lookup.Team);
        Assert.Equal([first, second], lookup.Candidates.Select(t => t.FullName).Order());
    }

    [Theory]
    [InlineData(League.Nfl, "Springfield Isotopes")]
    [InlineData(League.Nfl, "")]
    [InlineData(League.Nfl, null)]
    [InlineData(League.Nba, "Dallas Cowboys")]
    [InlineData(League.Ncaaf, "Alabama Crimson Tide")]
    public void Unknown_names_are_reported_not_guessed(League league, string? query)
    {
        var lookup = TeamCatalog.Find(league, query);
        Assert.Equal(TeamLookupOutcome.Unknown, lookup.Outcome);
        Assert.Null(lookup.Team);
        Assert.Contains("not a known", lookup.Problem!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Montréal Canadiens", "montreal canadiens")]
    [InlineData("St. Louis Blues", "st louis blues")]
    [InlineData("A's", "as")]
    [InlineData("D-backs", "d backs")]
    [InlineData("  Tampa   Bay ", "tampa bay")]
    public void Names_compare_without_case_accents_or_punctuation(string text, string expected) =>
        Assert.Equal(expected, TeamCatalog.Normalize(text));
}
