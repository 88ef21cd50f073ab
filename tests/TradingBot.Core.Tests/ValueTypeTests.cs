using FsCheck.Xunit;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

public class PriceTests
{
    [Theory]
    [InlineData("-0.0001", false)]
    [InlineData("0", true)]
    [InlineData("0.0001", true)]
    [InlineData("0.5600", true)]
    [InlineData("0.56", true)]
    [InlineData("0.9999", true)]
    [InlineData("1", true)]
    [InlineData("1.0001", false)]
    [InlineData("0.00001", false)]
    [InlineData("0.123400", true)]
    [InlineData("1e-2", false)]
    [InlineData(" 0.5", false)]
    [InlineData("0,5", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parses_dollar_strings_between_0_and_1_with_at_most_4_decimals(string? text, bool ok) =>
        Assert.Equal(ok, Price.TryParse(text, out _));

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.0001, true)]
    [InlineData(0.9999, true)]
    [InlineData(1, false)]
    public void Only_prices_strictly_inside_0_and_1_are_tradable(decimal dollars, bool tradable) =>
        Assert.Equal(tradable, P(dollars).IsTradable);

    [Fact]
    public void Prints_four_decimals_as_Kalshi_does() => Assert.Equal("0.5600", Price.Parse("0.56").ToString());

    [Fact]
    public void Out_of_range_creation_throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Price.FromDollars(1.5m));

    [Property]
    public bool Complement_twice_is_the_same_price(ushort raw)
    {
        var price = Price.FromDollars(raw % 10001 / 10000m);
        return price.Complement.Complement == price && price.Dollars + price.Complement.Dollars == 1m;
    }

    [Property]
    public bool Printing_and_parsing_round_trips(ushort raw)
    {
        var price = Price.FromDollars(raw % 10001 / 10000m);
        return Price.Parse(price.ToString()) == price;
    }
}

public class ContractsTests
{
    [Theory]
    [InlineData("10.00", true)]
    [InlineData("10", true)]
    [InlineData("0.01", true)]
    [InlineData("0", true)]
    [InlineData("10.001", false)]
    [InlineData("-1", false)]
    [InlineData("ten", false)]
    public void Parses_fixed_point_counts_in_steps_of_a_hundredth(string text, bool ok) =>
        Assert.Equal(ok, Contracts.TryParse(text, out _));

    [Fact]
    public void Prints_two_decimals() => Assert.Equal("10.00", C(10m).ToString());

    [Fact]
    public void Subtraction_never_goes_below_zero() => Assert.Equal(Contracts.Zero, C(3m) - C(5m));

    [Fact]
    public void Count_times_price_is_exact_money() => Assert.Equal(M(0.009903m), C(0.03m) * P(0.3301m));

    [Property]
    public bool WholeOnly_never_exceeds_and_loses_less_than_one_contract(uint raw)
    {
        var count = Contracts.FromHundredths(raw % 10_000_000);
        var whole = count.WholeOnly;
        return whole <= count && count.Count - whole.Count < 1m && whole.Count == decimal.Floor(whole.Count);
    }

    [Property]
    public bool Count_times_price_equals_the_decimal_product(uint hundredths, ushort units)
    {
        var count = Contracts.FromHundredths(hundredths % 100_000_000);
        var price = Price.FromUnits(units % 10_001);
        return (count * price).Dollars == count.Count * price.Dollars;
    }

    [Fact]
    public void Counts_beyond_a_billion_are_refused() => Assert.False(Contracts.TryOf(1_000_000_001m, out _));
}

public class MoneyTests
{
    [Theory]
    [InlineData(0.00001, 0.0001)]
    [InlineData(0.0001, 0.0001)]
    [InlineData(0.017325, 0.0174)]
    [InlineData(-0.00005, 0)]
    public void CeilingTo_a_centicent_rounds_up(decimal value, decimal expected) =>
        Assert.Equal(expected, M(value).CeilingTo(Money.CenticentDecimals).Dollars);

    [Theory]
    [InlineData(-0.0635, -0.07)]
    [InlineData(-0.07, -0.07)]
    [InlineData(0.0699, 0.06)]
    public void FloorTo_a_cent_rounds_toward_negative_infinity(decimal value, decimal expected) =>
        Assert.Equal(expected, M(value).FloorTo(Money.CentDecimals).Dollars);

    [Property]
    public bool Floor_and_ceiling_bracket_the_value_within_one_step(int micros, bool cent)
    {
        var value = M(micros / 1_000_000m);
        var decimals = cent ? Money.CentDecimals : Money.CenticentDecimals;
        var step = cent ? 0.01m : 0.0001m;
        var floor = value.FloorTo(decimals);
        var ceiling = value.CeilingTo(decimals);
        return floor <= value && value <= ceiling
            && value.Dollars - floor.Dollars < step && ceiling.Dollars - value.Dollars < step
            && floor.Dollars % step == 0m && ceiling.Dollars % step == 0m;
    }

    [Property]
    public bool Addition_and_subtraction_are_exact(int a, int b)
    {
        var x = M(a / 10000m);
        var y = M(b / 1_000_000m);
        return x + y - y == x && (x - y).Dollars == x.Dollars - y.Dollars;
    }

    [Fact]
    public void Prints_at_least_two_decimals() => Assert.Equal("61.20", M(61.2m).ToString());
}

public class IdentifierTests
{
    [Theory]
    [InlineData("KXNFLGAME-26SEP13DALNYG-DAL", true)]
    [InlineData("KXMLBTOTAL-26SEP13NYYBOS-8.5", true)]
    [InlineData("", false)]
    [InlineData("KX NFL", false)]
    [InlineData("../etc/passwd", false)]
    [InlineData("KX/NFL", false)]
    public void Market_tickers_are_url_safe_words(string text, bool ok) => Assert.Equal(ok, MarketTicker.TryParse(text, out _));

    [Fact]
    public void A_client_order_id_is_derived_from_its_outbox_entry_and_is_stable()
    {
        var entry = Guid.Parse("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1");
        Assert.Equal("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1", ClientOrderId.Derive(entry).Value);
        Assert.Equal(ClientOrderId.Derive(entry), ClientOrderId.Derive(entry));
        Assert.Throws<ArgumentException>(() => ClientOrderId.Derive(Guid.Empty));
    }

    [Theory]
    [InlineData("tb-0001_a", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    public void Client_order_ids_are_plain_words(string text, bool ok) => Assert.Equal(ok, ClientOrderId.TryParse(text, out _));

    [Fact]
    public void Client_order_ids_longer_than_64_are_refused()
    {
        Assert.True(ClientOrderId.TryParse(new string('a', 64), out _));
        Assert.False(ClientOrderId.TryParse(new string('a', 65), out _));
    }
}
