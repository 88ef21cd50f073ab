using TradingBot.Forecasts.Sportsbook;

namespace TradingBot.Forecasts.Tests.Sportsbook;

/// <summary>
/// Hand-worked examples. Implied probability q = 1 / decimal odds; American −150 is 150/250 = 0.6, +130 is
/// 100/230 = 0.434783. Multiplicative p = q/Σq; additive p = q − (Σq − 1)/n; power p = q^k with Σq^k = 1;
/// Shin p = (√(z² + 4(1−z)q²/Σq) − z)/(2(1−z)) with Σp = 1. The k and z below were solved by hand with bisection.
/// </summary>
public class DevigTests
{
    private const double Tolerance = 5e-7;

    private static double[] Implied(params decimal[] american) =>
        american.Select(a => OddsMath.TryImpliedProbability(a, OddsFormat.American, out var q) ? q : double.NaN).ToArray();

    private static double[] Fair(double[] implied, DevigMethod method) =>
        Devig.Fair(implied, method, out var problem) ?? throw new InvalidOperationException(problem);

    // −150 / +130: q = 0.6 + 0.434783 = 1.034783 (3.48% margin).
    // multiplicative 0.6 / 1.034783 = 0.579832; additive 0.6 − 0.034783/2 = 0.582609;
    // power k = 1.052970 → 0.6^k = 0.583983; Shin z = 0.034815 → 0.582609 (two-way Shin equals additive).
    [Theory]
    [InlineData(DevigMethod.Multiplicative, 0.579832, 0.420168)]
    [InlineData(DevigMethod.Additive, 0.582609, 0.417391)]
    [InlineData(DevigMethod.Power, 0.583983, 0.416017)]
    [InlineData(DevigMethod.Shin, 0.582609, 0.417391)]
    public void Two_way_minus150_plus130(DevigMethod method, double favourite, double underdog)
    {
        var fair = Fair(Implied(-150m, 130m), method);
        Assert.Equal(favourite, fair[0], Tolerance);
        Assert.Equal(underdog, fair[1], Tolerance);
    }

    // −1000 / +600: q = 1000/1100 = 0.909091 and 100/700 = 0.142857, Σ = 1.051948.
    // multiplicative 0.909091/1.051948 = 0.864198; additive 0.909091 − 0.025974 = 0.883117;
    // power k = 1.159896 → 0.895342; Shin z = 0.055596 → 0.883117. The favourite gets 86.4% to 89.5%: a 3-point spread.
    [Theory]
    [InlineData(DevigMethod.Multiplicative, 0.864198, 0.135802)]
    [InlineData(DevigMethod.Additive, 0.883117, 0.116883)]
    [InlineData(DevigMethod.Power, 0.895342, 0.104658)]
    [InlineData(DevigMethod.Shin, 0.883117, 0.116883)]
    public void Heavy_favourite_minus1000_plus600(DevigMethod method, double favourite, double underdog)
    {
        var fair = Fair(Implied(-1000m, 600m), method);
        Assert.Equal(favourite, fair[0], Tolerance);
        Assert.Equal(underdog, fair[1], Tolerance);
    }

    [Fact]
    public void On_a_heavy_favourite_the_methods_disagree_by_more_than_a_cent()
    {
        var implied = Implied(-1000m, 600m);
        var favourite = Enum.GetValues<DevigMethod>().Select(m => Fair(implied, m)[0]).ToList();
        Assert.True(favourite.Max() - favourite.Min() > 0.03, string.Join(", ", favourite));

        // The order the favourite–longshot bias predicts: multiplicative leaves the most on the longshot, power the least.
        Assert.True(favourite[(int)DevigMethod.Multiplicative] < favourite[(int)DevigMethod.Shin]);
        Assert.True(favourite[(int)DevigMethod.Shin] < favourite[(int)DevigMethod.Power]);
    }

    // Decimal 2.50 / 3.40 / 2.90 (home / away / draw): q = 0.4, 0.294118, 0.344828, Σ = 1.038945.
    // multiplicative 0.385006, 0.283093, 0.331902; additive each − 0.012982: 0.387018, 0.281136, 0.331846;
    // power k = 1.036307: 0.386912, 0.281336, 0.331752; Shin z = 0.019480: 0.386501, 0.281641, 0.331858.
    [Theory]
    [InlineData(DevigMethod.Multiplicative, 0.385006, 0.283093, 0.331902)]
    [InlineData(DevigMethod.Additive, 0.387018, 0.281136, 0.331846)]
    [InlineData(DevigMethod.Power, 0.386912, 0.281336, 0.331752)]
    [InlineData(DevigMethod.Shin, 0.386501, 0.281641, 0.331858)]
    public void Three_way_with_a_draw(DevigMethod method, double home, double away, double draw)
    {
        var fair = Fair([1 / 2.50, 1 / 3.40, 1 / 2.90], method);
        Assert.Equal(home, fair[0], Tolerance);
        Assert.Equal(away, fair[1], Tolerance);
        Assert.Equal(draw, fair[2], Tolerance);
        Assert.Equal(1.0, fair.Sum(), 1e-9);
    }

    [Fact]
    public void Additive_removal_that_pushes_a_longshot_below_zero_is_refused()
    {
        // q = 0.990099, 0.047619, 0.012346: Σ − 1 = 0.050064, a third of it (0.016688) is more than the longshot's 0.012346.
        Assert.Null(Devig.Fair([1 / 1.01, 1 / 21.0, 1 / 81.0], DevigMethod.Additive, out var problem));
        Assert.Contains("outside 0 to 1", problem, StringComparison.Ordinal);
        Assert.NotNull(Devig.Fair([1 / 1.01, 1 / 21.0, 1 / 81.0], DevigMethod.Shin, out _));
    }

    [Theory]
    [InlineData(new[] { 0.45, 0.45 }, "under 100%")]
    [InlineData(new[] { 0.6 }, "two or more")]
    [InlineData(new[] { 0.6, 0.0 }, "strictly between")]
    [InlineData(new[] { 1.0, 0.1 }, "strictly between")]
    public void Prices_that_are_not_a_book_with_a_margin_are_refused(double[] implied, string reason)
    {
        foreach (var method in Enum.GetValues<DevigMethod>())
        {
            Assert.Null(Devig.Fair(implied, method, out var problem));
            Assert.Contains(reason, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_book_with_no_margin_is_left_as_it_is()
    {
        foreach (var method in Enum.GetValues<DevigMethod>())
            Assert.Equal([0.4, 0.6], Fair([0.4, 0.6], method).Select(p => Math.Round(p, 9)));
    }

    [Theory]
    [InlineData(150, 2.5)]
    [InlineData(100, 2.0)]
    [InlineData(-100, 2.0)]
    [InlineData(-200, 1.5)]
    [InlineData(-1000, 1.1)]
    public void American_odds_convert_to_decimal(decimal american, double expected)
    {
        Assert.True(OddsMath.TryAmericanToDecimal(american, out var decimalOdds));
        Assert.Equal(expected, decimalOdds, 1e-12);
    }

    [Theory]
    [InlineData(99, OddsFormat.American)]
    [InlineData(-99, OddsFormat.American)]
    [InlineData(0, OddsFormat.American)]
    [InlineData(1.0, OddsFormat.Decimal)]
    [InlineData(0.5, OddsFormat.Decimal)]
    [InlineData(-2, OddsFormat.Decimal)]
    public void Prices_that_cannot_exist_are_refused(decimal price, OddsFormat format) =>
        Assert.False(OddsMath.TryImpliedProbability(price, format, out _));
}
