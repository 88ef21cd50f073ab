using TradingBot.Core.Settings;

namespace TradingBot.Core.Tests;

public class SettingsRulesTests
{
    [Theory]
    [InlineData("0.01", true)]
    [InlineData("0", false)]
    [InlineData("-0.01", false)]
    public void Positive_decimal_brackets_zero(string value, bool ok)
    {
        var rules = new SettingsRules("Risk").Positive("DailyLossLimit", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ok, rules.Problems.Count == 0);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Between_int_is_inclusive(int value, bool ok) =>
        Assert.Equal(ok, new SettingsRules("Risk").Between("N", value, 1, 1000).Problems.Count == 0);

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.0001, true)]
    [InlineData(99.9999, true)]
    [InlineData(100, false)]
    public void StrictlyBetween_excludes_both_ends(decimal value, bool ok) =>
        Assert.Equal(ok, new SettingsRules("Risk").StrictlyBetween("P", value, 0, 100).Problems.Count == 0);

    [Fact]
    public void Problems_name_the_full_key_and_the_value_seen()
    {
        var problem = Assert.Single(new SettingsRules("Risk").Positive("DailyLossLimit", -5m).Problems);
        Assert.Equal("Risk:DailyLossLimit", problem.Key);
        Assert.Equal("Risk:DailyLossLimit: must be greater than 0 (got -5)", problem.ToString());
    }

    [Fact]
    public void Every_failed_rule_is_kept_in_order()
    {
        var rules = new SettingsRules("S").Positive("A", 0).Positive("B", 1).NotNegative("C", -1m).Positive("D", TimeSpan.Zero);
        Assert.Equal(["S:A", "S:C", "S:D"], rules.Problems.Select(p => p.Key));
    }
}

public class StrategyOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new Pricing.StrategyOptions().Validate());

    [Theory]
    [InlineData(0, 0.25, 100, "Strategy:MinEdge")]
    [InlineData(0.5, 0.25, 100, "Strategy:MinEdge")]
    [InlineData(0.03, 0, 100, "Strategy:KellyFraction")]
    [InlineData(0.03, 1.01, 100, "Strategy:KellyFraction")]
    [InlineData(0.03, 0.25, 0, "Strategy:MaxContractsPerOrder")]
    [InlineData(0.03, 0.25, 10.5, "Strategy:MaxContractsPerOrder")]
    public void Each_bad_value_is_named(decimal minEdge, decimal kelly, decimal maxPerOrder, string key)
    {
        var options = new Pricing.StrategyOptions { MinEdge = minEdge, KellyFraction = kelly, MaxContractsPerOrder = maxPerOrder };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
    }
}
