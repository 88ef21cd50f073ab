using TradingBot.Tests.Shared;

namespace TradingBot.Kalshi.Tests;

public class KalshiOptionsTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("http://127.0.0.1:5090", true)]
    [InlineData("https://demo-api.kalshi.co/trade-api/v2", true)]
    [InlineData("ftp://example.test", false)]
    [InlineData("not a url", false)]
    public void BaseUrl_is_empty_or_an_absolute_http_url(string url, bool ok) =>
        Assert.Equal(ok, !new KalshiOptions { BaseUrl = url }.Validate().Any());

    [Fact]
    public void A_zero_request_timeout_is_reported()
    {
        var problem = Assert.Single(new KalshiOptions { RequestTimeout = TimeSpan.Zero }.Validate());
        Assert.Equal("Kalshi:RequestTimeout", problem.Key);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(63, true)]
    [InlineData(-1, false)]
    [InlineData(64, false)]
    public void Subaccount_is_the_primary_or_one_of_the_63_numbered_ones(int subaccount, bool ok)
    {
        var problems = new KalshiOptions { Subaccount = subaccount }.Validate().ToList();
        Assert.Equal(ok, problems.Count == 0);
        Assert.All(problems, p => Assert.Equal("Kalshi:Subaccount", p.Key));
    }

    [Fact]
    public void Kalshi_client_uses_only_Core() =>
        Assert.Equal(["TradingBot.Core"], RepositoryLayout.ProjectReferencesOf("TradingBot.Kalshi"));
}
