using FsCheck.Xunit;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

/// <summary>Pins Kalshi's getting_started/order_direction page (docs.kalshi.com), row by row: its table is held here.</summary>
public class SidesTests
{
    [Theory]
    [InlineData(OrderAction.Buy, OutcomeSide.Yes, OutcomeSide.Yes, BookSide.Bid)]
    [InlineData(OrderAction.Sell, OutcomeSide.No, OutcomeSide.Yes, BookSide.Bid)]
    [InlineData(OrderAction.Buy, OutcomeSide.No, OutcomeSide.No, BookSide.Ask)]
    [InlineData(OrderAction.Sell, OutcomeSide.Yes, OutcomeSide.No, BookSide.Ask)]
    public void Legacy_action_and_side_map_to_outcome_side_and_book_side(OrderAction action, OutcomeSide side, OutcomeSide outcome, BookSide book)
    {
        var direction = new OrderDirection(action, side);
        Assert.Equal(outcome, direction.ExposureSide);
        Assert.Equal(book, direction.BookSide);
    }

    [Fact]
    public void Bid_is_always_yes_and_ask_always_no()
    {
        Assert.Equal(OutcomeSide.Yes, BookSide.Bid.ToOutcomeSide());
        Assert.Equal(OutcomeSide.No, BookSide.Ask.ToOutcomeSide());
        Assert.Equal(BookSide.Bid, OutcomeSide.Yes.ToBookSide());
        Assert.Equal(BookSide.Ask, OutcomeSide.No.ToBookSide());
    }

    [Theory]
    [InlineData(OrderAction.Buy, OutcomeSide.Yes, 0.56, 0.56)]
    [InlineData(OrderAction.Sell, OutcomeSide.Yes, 0.56, 0.56)]
    [InlineData(OrderAction.Buy, OutcomeSide.No, 0.30, 0.70)]
    [InlineData(OrderAction.Sell, OutcomeSide.No, 0.30, 0.70)]
    public void The_V2_price_is_on_the_yes_leg(OrderAction action, OutcomeSide side, decimal sidePrice, decimal yesPrice) =>
        Assert.Equal(P(yesPrice), new OrderDirection(action, side).ToYesPrice(P(sidePrice)));

    [Property]
    public bool Side_price_to_yes_price_and_back_round_trips(bool buy, bool yes, ushort raw)
    {
        var direction = new OrderDirection(buy ? OrderAction.Buy : OrderAction.Sell, yes ? OutcomeSide.Yes : OutcomeSide.No);
        var price = Price.FromDollars(raw % 10001 / 10000m);
        return direction.FromYesPrice(direction.ToYesPrice(price)) == price;
    }

    /// <summary>Selling X at p leaves the same exposure as buying the other side at 1 − p: same book side, same YES price.</summary>
    [Property]
    public bool Sell_one_side_equals_buy_the_other_at_the_complement(bool yes, ushort raw)
    {
        var side = yes ? OutcomeSide.Yes : OutcomeSide.No;
        var price = Price.FromDollars(raw % 10001 / 10000m);
        var sell = new OrderDirection(OrderAction.Sell, side);
        var buy = new OrderDirection(OrderAction.Buy, side.Opposite());
        return sell.BookSide == buy.BookSide && sell.ToYesPrice(price) == buy.ToYesPrice(price.Complement)
            && sell.ExposureSide.PriceOf(sell.ToYesPrice(price)) == price.Complement;
    }
}
