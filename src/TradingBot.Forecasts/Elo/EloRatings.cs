using TradingBot.Core.Sports;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Elo;

/// <summary>A final score. A neutral-site game gets no home advantage.</summary>
public sealed record GameResult(League League, int Season, DateOnly Date, Team Home, Team Away, int HomeScore, int AwayScore, bool Neutral = false);

/// <summary>
/// One league's Elo ratings. The home side's win probability is 1 / (1 + 10^(−(R_home + HFA − R_away) / scale)).
/// After a game both ratings move by K × multiplier × (result − expected), in opposite directions, so the league's
/// mean stays where it started; between seasons every rating moves part of the way back to that mean.
/// </summary>
public sealed class EloRatings
{
    private readonly Dictionary<string, double> _ratings = new(StringComparer.Ordinal);

    public EloRatings(League league, EloLeagueOptions options)
    {
        League = league;
        Options = options;
    }

    public League League { get; }

    public EloLeagueOptions Options { get; }

    /// <summary>The season of the last game recorded (or restored); null before any.</summary>
    public int? Season { get; private set; }

    public DateOnly? LastGame { get; private set; }

    public int Games { get; private set; }

    public IReadOnlyDictionary<string, double> ByCode => _ratings;

    public double Rating(Team team) => _ratings.TryGetValue(team.Code, out var rating) ? rating : Options.InitialRating;

    public double HomeWinProbability(Team home, Team away, bool neutral = false) =>
        Expected(Rating(home) + (neutral ? 0 : Options.HomeAdvantage) - Rating(away));

    /// <summary>Records a game, first regressing every rating if it opens a new season.</summary>
    public void Record(GameResult game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.League != League)
            throw new ArgumentException($"a {game.League} game cannot update {League} ratings", nameof(game));
        StartSeason(game.Season);

        var home = Rating(game.Home);
        var away = Rating(game.Away);
        var edge = home + (game.Neutral ? 0 : Options.HomeAdvantage) - away;
        var expected = Expected(edge);
        var result = game.HomeScore > game.AwayScore ? 1.0 : game.HomeScore < game.AwayScore ? 0.0 : 0.5;
        var change = Options.KFactor * Multiplier(game, edge) * (result - expected);
        _ratings[game.Home.Code] = home + change;
        _ratings[game.Away.Code] = away - change;
        LastGame = LastGame is { } last && last > game.Date ? last : game.Date;
        Games++;
    }

    /// <summary>
    /// Enters <paramref name="season"/>: the first time a later season than the last one is seen, every rating is
    /// regressed once. A walk-forward forecaster calls it before a season's first forecast, when no result of that
    /// season is known yet; <see cref="Record"/> then does not regress again.
    /// </summary>
    public void StartSeason(int season)
    {
        if (Season is { } current && season > current)
            RegressToMean();
        Season = Math.Max(Season ?? season, season);
    }

    /// <summary>Sets ratings saved earlier; <see cref="Record"/> carries on from them.</summary>
    public void Restore(IReadOnlyDictionary<string, double> ratings, int? season, DateOnly? lastGame, int games)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        _ratings.Clear();
        foreach (var (code, rating) in ratings)
            _ratings[code] = rating;
        Season = season;
        LastGame = lastGame;
        Games = games;
    }

    /// <summary>Moves every rating the configured share of the way back to the mean: the off-season's roster churn.</summary>
    public void RegressToMean()
    {
        foreach (var code in _ratings.Keys.ToList())
            _ratings[code] = Options.InitialRating + ((1 - Options.SeasonRegression) * (_ratings[code] - Options.InitialRating));
    }

    private double Expected(double edge) => 1 / (1 + Math.Pow(10, -edge / Options.Scale));

    private double Multiplier(GameResult game, double homeEdge)
    {
        var margin = Math.Abs(game.HomeScore - game.AwayScore);
        if (!Options.MarginOfVictory || margin == 0)
            return 1;
        var winnerEdge = game.HomeScore > game.AwayScore ? homeEdge : -homeEdge;
        // The floor only matters for an upset by a 2,000-point underdog, where the formula would divide by zero.
        return Math.Log(margin + 1) * 2.2 / Math.Max((0.001 * winnerEdge) + 2.2, 0.5);
    }
}
