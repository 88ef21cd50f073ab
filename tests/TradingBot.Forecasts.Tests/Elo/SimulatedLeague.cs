using TradingBot.Core.Sports;
using TradingBot.Forecasts.Elo;

namespace TradingBot.Forecasts.Tests.Elo;

/// <summary>
/// A league whose true strengths are known: each season every team hosts every other once, the home side wins
/// with the logistic probability of its true edge plus the home advantage, and between seasons each strength keeps
/// a share <c>persistence</c> of itself and the rest is redrawn, so the spread of strengths stays the same.
/// </summary>
internal sealed class SimulatedLeague
{
    private readonly Random _random;
    private readonly double _spread;
    private readonly double _persistence;
    private readonly double _homeAdvantage;
    private readonly double _marginScale;

    public SimulatedLeague(League league, int seed, double spread, double persistence, double homeAdvantage, double marginScale = 0)
    {
        _random = new Random(seed);
        _spread = spread;
        _persistence = persistence;
        _homeAdvantage = homeAdvantage;
        _marginScale = marginScale;
        Teams = TeamCatalog.Teams(league);
        Strength = Teams.ToDictionary(t => t.Code, _ => spread * Normal());
    }

    public IReadOnlyList<Team> Teams { get; }

    public Dictionary<string, double> Strength { get; }

    public double TrueHomeWin(Team home, Team away) => 1 / (1 + Math.Pow(10, -(Strength[home.Code] + _homeAdvantage - Strength[away.Code]) / 400));

    /// <summary>
    /// One season's games in a random order, a round of games a day: every team hosts every other once, and with
    /// <paramref name="thirdMeeting"/> each pair meets once more at a random venue (87 games a team, near the NBA's 82).
    /// </summary>
    public IEnumerable<GameResult> Season(int season, bool thirdMeeting)
    {
        var pairs = (from home in Teams from away in Teams where home != away select (home, away)).ToList();
        if (thirdMeeting)
        {
            for (var i = 0; i < Teams.Count; i++)
            {
                for (var j = i + 1; j < Teams.Count; j++)
                    pairs.Add(_random.NextDouble() < 0.5 ? (Teams[i], Teams[j]) : (Teams[j], Teams[i]));
            }
        }

        var shuffled = pairs.ToArray();
        _random.Shuffle(shuffled);
        return Play(season, shuffled);
    }

    private IEnumerable<GameResult> Play(int season, (Team Home, Team Away)[] pairs)
    {
        var date = new DateOnly(season, 1, 1);
        for (var i = 0; i < pairs.Length; i++)
        {
            var (home, away) = pairs[i];
            var homeWins = _random.NextDouble() < TrueHomeWin(home, away);
            var (homeScore, awayScore) = Score(homeWins);
            yield return new GameResult(home.League, season, date.AddDays(i / (Teams.Count / 2)), home, away, homeScore, awayScore);
        }
    }

    public void NextSeason()
    {
        var fresh = Math.Sqrt(1 - (_persistence * _persistence));
        foreach (var code in Strength.Keys.ToList())
            Strength[code] = (_persistence * Strength[code]) + (fresh * _spread * Normal());
    }

    /// <summary>A winning margin drawn from a geometric-like tail, so margin-of-victory runs see blowouts and close games.</summary>
    private (int Home, int Away) Score(bool homeWins)
    {
        var margin = _marginScale <= 0 ? 1 : 1 + (int)(-Math.Log(1 - _random.NextDouble()) * _marginScale);
        var loser = 20 + _random.Next(10);
        return homeWins ? (loser + margin, loser) : (loser, loser + margin);
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

internal static class Rank
{
    /// <summary>Spearman's rank correlation: the Pearson correlation of the two rankings (values here have no ties).</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        var n = a.Count;
        var sumSquares = ra.Zip(rb, (x, y) => (x - y) * (x - y)).Sum();
        return 1 - (6 * sumSquares / (n * ((double)n * n - 1)));
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var ranks = new double[values.Count];
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        for (var r = 0; r < order.Length; r++)
            ranks[order[r]] = r + 1;
        return ranks;
    }
}
