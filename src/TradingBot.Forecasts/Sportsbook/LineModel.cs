namespace TradingBot.Forecasts.Sportsbook;

/// <summary>How a spread or total line that too few books quote is priced.</summary>
public enum LineModel
{
    /// <summary>Not at all: only a line at least <c>MinBooks</c> books quote exactly is priced.</summary>
    Exact,

    /// <summary>From the books' neighbouring lines, by a normal distribution of the margin (or total) with the league's stated deviation.</summary>
    Normal,
}

/// <summary>
/// Prices a line from the books' other lines, assuming the final margin (or total) is normal with the league's
/// stated deviation σ about a mean the books imply. A book quoting "over x" (or "team by over x") at fair
/// probability p implies the mean x + σ·Φ⁻¹(p); a book's lines are averaged into its mean, the books' means are
/// averaged by weight, and the line L is priced 1 − Φ((L − mean) / σ). Margins are taken from the home team's side
/// (an away team's line x at p says the home margin's mean is −(x + σ·Φ⁻¹(p))). A whole-number line's
/// probability (pushes refunded) is read as P(over x), which a continuous model cannot tell apart.
/// </summary>
internal static class NormalLineModel
{
    public readonly record struct Modelled(double Probability, DateTimeOffset AsOf, int Books);

    /// <param name="team">The team the spread is for (null for a total).</param>
    public static Modelled Price(ConsensusEvent game, Core.Sports.SportsMarketKind kind, string? team, decimal line, double sd)
    {
        var home = game.Game.Home.Code;
        var books = game.Quotes
            .Where(q => q.Key.Kind == kind && q.Key.Line is not null)
            .GroupBy(q => q.Book, StringComparer.OrdinalIgnoreCase)
            .Select(b => (Mean: b.Average(q => ImpliedMean(q, home, sd)), b.First().Weight, AsOf: b.Min(q => q.At)))
            .ToList();
        if (books.Count == 0)
            return new Modelled(double.NaN, default, 0);

        var mean = books.Sum(b => b.Mean * b.Weight) / books.Sum(b => b.Weight);
        var side = kind == Core.Sports.SportsMarketKind.Spread && !string.Equals(team, home, StringComparison.Ordinal) ? -mean : mean;
        var p = 1 - Cdf(((double)line - side) / sd);
        return new Modelled(p, books.Min(b => b.AsOf), books.Count);
    }

    /// <summary>The mean margin (home side) or total one quote implies.</summary>
    private static double ImpliedMean(BookQuote quote, string home, double sd)
    {
        var mean = (double)quote.Key.Line!.Value + (sd * InverseCdf(quote.Probability));
        return quote.Key.Kind == Core.Sports.SportsMarketKind.Spread && !string.Equals(quote.Key.TeamCode, home, StringComparison.Ordinal) ? -mean : mean;
    }

    /// <summary>
    /// Standard normal CDF, Hart's double-precision rational approximation (algorithm 5666, as given by G. West,
    /// "Better approximations to cumulative normal functions", 2005): accurate to about 1e-14.
    /// </summary>
    internal static double Cdf(double x)
    {
        var a = Math.Abs(x);
        double tail;
        if (a > 37)
        {
            tail = 0;
        }
        else
        {
            var e = Math.Exp(-a * a / 2);
            if (a < 7.07106781186547)
            {
                var n = (((((((0.0352624965998911 * a) + 0.700383064443688) * a + 6.37396220353165) * a + 33.912866078383) * a + 112.079291497871) * a + 221.213596169931) * a) + 220.206867912376;
                var d = ((((((((0.0883883476483184 * a) + 1.75566716318264) * a + 16.064177579207) * a + 86.7807322029461) * a + 296.564248779674) * a + 637.333633378831) * a + 793.826512519948) * a) + 440.413735824752;
                tail = e * n / d;
            }
            else
            {
                tail = e / (a + (1 / (a + (2 / (a + (3 / (a + (4 / (a + 0.65))))))))) / 2.506628274631;
            }
        }

        return x > 0 ? 1 - tail : tail;
    }

    /// <summary>Φ⁻¹(p) for p strictly between 0 and 1, by bisection on <see cref="Cdf"/> (increasing): slow but plainly right.</summary>
    internal static double InverseCdf(double p)
    {
        double lo = -40, hi = 40;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid) < p)
                lo = mid;
            else
                hi = mid;
        }

        return (lo + hi) / 2;
    }
}
