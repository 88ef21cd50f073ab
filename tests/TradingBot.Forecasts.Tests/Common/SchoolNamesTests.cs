using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Tests.Common;

/// <summary>The college name rule: a feed's or a book's name against the two schools of one Kalshi game, as its listing names them.</summary>
public class SchoolNamesTests
{
    /// <summary>The game's two schools as Core reads them from the event's title and sub-title (away first, as in the ticker).</summary>
    private static (Team Away, Team Home) Game(string title, string subTitle)
    {
        Assert.True(CollegeTeams.TryFromListing(League.Ncaaf, title, subTitle, out var teams, out var error), error);
        return teams.Value;
    }

    private static string? CodeOf(string name, (Team Away, Team Home) game) =>
        SchoolNames.Match(SchoolName.Of(name), game.Away, game.Home).Team?.Code;

    [Fact]
    public void Michigan_State_Spartans_is_Michigan_St_through_its_State_alias()
    {
        var game = Game("Michigan St. vs Notre Dame", "MSU vs ND (Sep 19)");

        Assert.Equal("MSU", CodeOf("Michigan State Spartans", game));
        Assert.Equal("MSU", CodeOf("Michigan St Spartans", game));
        Assert.Equal("ND", CodeOf("Notre Dame Fighting Irish", game));
        Assert.Null(CodeOf("Michigan Wolverines", game));
        Assert.Null(CodeOf("Notre", game));

        // Only the school's own name (or its alias) with nothing after it is exact.
        Assert.True(SchoolNames.Match(SchoolName.Of("michigan state"), game.Away, game.Home).Exact);
        Assert.True(SchoolNames.Match(SchoolName.Of("MICHIGAN ST."), game.Away, game.Home).Exact);
        Assert.False(SchoolNames.Match(SchoolName.Of("Michigan State Spartans"), game.Away, game.Home).Exact);
    }

    [Fact]
    public void Texas_Tech_Red_Raiders_is_Texas_Tech_only_by_the_longer_match_and_Texas_Longhorns_is_Texas()
    {
        var game = Game("Texas Tech vs Texas", "TTU vs TEX (Sep 19)");

        Assert.Equal("TTU", CodeOf("Texas Tech Red Raiders", game));
        Assert.Equal("TEX", CodeOf("Texas Longhorns", game));
        Assert.Equal("TEX", CodeOf("Texas", game));

        // Without Texas Tech in the game, its name starts with Texas's: a prefix, not the school's own name.
        var texas = Game("Texas vs Oklahoma", "TEX vs OU (Oct 10)");
        var prefix = SchoolNames.Match(SchoolName.Of("Texas Tech Red Raiders"), texas.Away, texas.Home);
        Assert.Equal("TEX", prefix.Team?.Code);
        Assert.False(prefix.Exact);
    }

    [Fact]
    public void Miami_OH_RedHawks_is_neither_Miami_FL_nor_a_plain_Miami()
    {
        Assert.Null(CodeOf("Miami (OH) RedHawks", Game("Miami (FL) vs Ohio", "MIA vs OHIO (Nov 29)")));

        // The qualifier belongs to the school: "Miami" does not cover "Miami (OH)".
        var plain = Game("Miami vs Ohio", "MIA vs OHIO (Nov 29)");
        Assert.Null(CodeOf("Miami (OH) RedHawks", plain));
        Assert.Equal("MIA", CodeOf("Miami Hurricanes", plain));

        var redHawks = Game("Miami (OH) vs Ohio", "MOH vs OHIO (Mar 6)");
        Assert.Equal("MOH", CodeOf("Miami (OH) RedHawks", redHawks));
        Assert.Equal("OHIO", CodeOf("Ohio Bobcats", redHawks));
    }

    [Fact]
    public void A_name_both_schools_match_as_far_is_ambiguous_and_refused()
    {
        var game = Game("Georgia St. vs Georgia State", "GAST vs GSU (Nov 29)");

        var match = SchoolNames.Match(SchoolName.Of("Georgia State Panthers"), game.Away, game.Home);
        Assert.Null(match.Team);
        Assert.Equal("'georgia state panthers' could be Georgia St. or Georgia State", match.Ambiguity);
        Assert.Null(SchoolNames.Match(SchoolName.Of("Georgia Bulldogs"), game.Away, game.Home).Ambiguity);
    }
}
