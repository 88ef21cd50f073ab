using TradingBot.Core.Sports;
using TradingBot.Forecasts.Elo;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Tests.Elo;

public class EloRatingsTests
{
    private static readonly Team Dal = TeamCatalog.ByTickerCode(League.Nfl, "DAL")!;
    private static readonly Team Nyg = TeamCatalog.ByTickerCode(League.Nfl, "NYG")!;
    private static readonly DateOnly Day = new(2026, 9, 13);

    private static EloRatings Ratings(bool marginOfVictory = false) =>
        new(League.Nfl, new EloLeagueOptions { KFactor = 20, HomeAdvantage = 50, MarginOfVictory = marginOfVictory, SeasonRegression = 1.0 / 3 });

    private static GameResult Game(int homeScore, int awayScore, int season = 2026, bool neutral = false) =>
        new(League.Nfl, season, Day, Nyg, Dal, homeScore, awayScore, neutral);

    // Equal ratings, home advantage 50: E = 1 / (1 + 10^(−50/400)) = 1 / 1.749894 = 0.571463.
    [Fact]
    public void The_home_side_of_two_equal_teams_is_favoured_by_the_home_advantage_alone()
    {
        var ratings = Ratings();
        Assert.Equal(0.571463, ratings.HomeWinProbability(Nyg, Dal), 6);
        Assert.Equal(0.5, ratings.HomeWinProbability(Nyg, Dal, neutral: true), 12);
    }

    // A home win moves 20 × (1 − 0.571463) = 8.570738; an away win 20 × (0 − 0.571463) = −11.429262; a tie 20 × (0.5 − 0.571463) = −1.429262.
    [Theory]
    [InlineData(24, 17, 8.570738)]
    [InlineData(17, 24, -11.429262)]
    [InlineData(20, 20, -1.429262)]
    public void A_result_moves_both_ratings_by_K_times_the_surprise_in_opposite_directions(int home, int away, double change)
    {
        var ratings = Ratings();
        ratings.Record(Game(home, away));
        Assert.Equal(1500 + change, ratings.Rating(Nyg), 5);
        Assert.Equal(1500 - change, ratings.Rating(Dal), 5);
        Assert.Equal(1, ratings.Games);
        Assert.Equal(Day, ratings.LastGame);
    }

    // Margin 7, winner's edge 50: ln(8) × 2.2 / (0.001 × 50 + 2.2) = 2.079442 × 0.977778 = 2.033232; 8.570738 × 2.033232 = 17.426296.
    [Fact]
    public void Margin_of_victory_scales_the_update_and_damps_a_favourite_winning_big()
    {
        var ratings = Ratings(marginOfVictory: true);
        ratings.Record(Game(24, 17));
        Assert.Equal(1517.426296, ratings.Rating(Nyg), 5);

        // The same 7-point margin by a 300-point favourite moves it less per unit of surprise.
        var favourite = Ratings(marginOfVictory: true);
        favourite.Restore(new Dictionary<string, double> { ["NYG"] = 1750, ["DAL"] = 1500 }, 2026, null, 0);
        var expected = favourite.HomeWinProbability(Nyg, Dal);
        favourite.Record(Game(24, 17));
        Assert.Equal(1750 + (20 * (1 - expected) * Math.Log(8) * 2.2 / ((0.001 * 300) + 2.2)), favourite.Rating(Nyg), 6);
    }

    [Fact]
    public void A_new_season_pulls_every_rating_a_third_of_the_way_back_to_the_mean()
    {
        var ratings = Ratings();
        ratings.Restore(new Dictionary<string, double> { ["NYG"] = 1560, ["DAL"] = 1440 }, 2025, new DateOnly(2026, 1, 4), 17);

        ratings.Record(Game(20, 20, season: 2026, neutral: true));

        // 1560 → 1540 and 1440 → 1460 first; then a neutral tie between 1540 and 1460: E = 1/(1 + 10^(−80/400)) = 0.613137.
        var expected = 1 / (1 + Math.Pow(10, -80.0 / 400));
        Assert.Equal(1540 + (20 * (0.5 - expected)), ratings.Rating(Nyg), 6);
        Assert.Equal(2026, ratings.Season);
    }

    [Fact]
    public void A_game_of_another_league_is_refused()
    {
        var nba = new EloRatings(League.Nba, new EloLeagueOptions());
        Assert.Throws<ArgumentException>(() => nba.Record(Game(1, 0)));
    }
}
