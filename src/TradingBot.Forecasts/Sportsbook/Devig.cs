using System.Globalization;

namespace TradingBot.Forecasts.Sportsbook;

/// <summary>How a book's margin is taken out of its implied probabilities.</summary>
public enum DevigMethod
{
    /// <summary>Scale every implied probability by the same factor: p = q / Σq. Leaves the favourite–longshot bias in.</summary>
    Multiplicative,

    /// <summary>Take an equal share of the margin from each outcome: p = q − (Σq − 1) / n. Can leave a longshot below zero, which is refused.</summary>
    Additive,

    /// <summary>Raise every implied probability to one power k chosen so they sum to 1: p = q^k. Takes more margin from longshots.</summary>
    Power,

    /// <summary>
    /// Shin's model: a share z of money comes from insiders, and the book sets prices to protect itself;
    /// p = (√(z² + 4(1−z)q²/Σq) − z) / (2(1−z)) with z solved so the p sum to 1. For two outcomes it equals additive.
    /// </summary>
    Shin,
}

/// <summary>Fair probabilities from one book's implied probabilities for one market's complete set of outcomes.</summary>
public static class Devig
{
    private const int Iterations = 200;

    /// <summary>
    /// The fair probabilities, or null with a reason: a market needs 2 or more outcomes whose implied probabilities
    /// sum to at least 1 (a book paying out more than it takes in is stale or mispriced, not a forecast).
    /// </summary>
    public static double[]? Fair(IReadOnlyList<double> implied, DevigMethod method, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(implied);
        problem = null;
        if (implied.Count < 2 || implied.Any(q => !(q > 0 && q < 1)))
        {
            problem = "a market needs two or more outcomes, each with a probability strictly between 0 and 1";
            return null;
        }

        var sum = implied.Sum();
        if (sum < 1 - 1e-12)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the prices imply {sum * 100:0.##}% in all, under 100%: stale or mispriced");
            return null;
        }

        var fair = method switch
        {
            DevigMethod.Multiplicative => implied.Select(q => q / sum).ToArray(),
            DevigMethod.Additive => implied.Select(q => q - ((sum - 1) / implied.Count)).ToArray(),
            DevigMethod.Power => Power(implied),
            DevigMethod.Shin => Shin(implied, sum),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown de-vig method"),
        };
        if (fair.Any(p => !(p > 0 && p < 1)))
        {
            problem = $"{method} margin removal leaves an outcome outside 0 to 1";
            return null;
        }

        return fair;
    }

    /// <summary>Σ q^k falls as k rises (every q is below 1), so bisection finds the one k with Σ q^k = 1.</summary>
    private static double[] Power(IReadOnlyList<double> implied)
    {
        var k = Bisect(k => implied.Sum(q => Math.Pow(q, k)) - 1, 1e-9, 100);
        return implied.Select(q => Math.Pow(q, k)).ToArray();
    }

    /// <summary>Σ p(z) is √Σq ≥ 1 at z = 0 and falls as z rises, so bisection on [0, 1) finds Shin's z.</summary>
    private static double[] Shin(IReadOnlyList<double> implied, double sum)
    {
        double[] At(double z) => implied.Select(q => (Math.Sqrt((z * z) + (4 * (1 - z) * q * q / sum)) - z) / (2 * (1 - z))).ToArray();
        var z = Bisect(z => At(z).Sum() - 1, 0, 0.999999);
        return At(z);
    }

    /// <summary>The root of a decreasing function between lo (where it is positive) and hi.</summary>
    private static double Bisect(Func<double, double> decreasing, double lo, double hi)
    {
        for (var i = 0; i < Iterations && hi - lo > 1e-15; i++)
        {
            var mid = (lo + hi) / 2;
            if (decreasing(mid) > 0)
                lo = mid;
            else
                hi = mid;
        }

        return (lo + hi) / 2;
    }
}
