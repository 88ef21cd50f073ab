using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using static TradingBot.Simulator.Tests.Engine.EngineFixture;

namespace TradingBot.Simulator.Tests.Engine;

public class MatchingTests
{
    private readonly EngineFixture _f = new();

    public MatchingTests()
    {
        _f.MarketMaker();
        _f.Member("alice");
        _f.Member("bob");
    }

    [Fact]
    public void Better_prices_fill_first_then_earlier_orders_at_the_same_price()
    {
        var first = _f.Place("mm", Ask(0.48m, 5)).Order;
        var second = _f.Place("mm", Ask(0.48m, 5)).Order;
        var better = _f.Place("mm", Ask(0.47m, 5)).Order;

        var fills = _f.Place("alice", Bid(0.48m, 12)).Fills;

        Assert.Equal([better.Id, first.Id, second.Id], fills.Select(f => f.OrderId == "" ? "" : Maker(f)).ToArray());
        Assert.Equal(["0.4700", "0.4800", "0.4800"], fills.Select(f => f.YesPrice.ToString()));
        Assert.Equal([5m, 5m, 2m], fills.Select(f => f.Count.Count));
        Assert.Equal(OrderStatus.Executed, first.Status);
        Assert.Equal(Contracts.Of(3), second.Remaining);

        string Maker(SimFill takerFill) =>
            _f.Exchange.Read(e => e.Accounts["mm"].Fills.Single(m => m.TradeId == takerFill.TradeId).OrderId);
    }

    [Fact]
    public void A_crossing_order_trades_at_the_resting_price_and_rests_its_remainder()
    {
        _f.Place("mm", Ask(0.45m, 4));
        var outcome = _f.Place("alice", Bid(0.50m, 10));

        Assert.Equal(P(0.45m), Assert.Single(outcome.Fills).YesPrice);
        Assert.Equal(OrderStatus.Resting, outcome.Order.Status);
        Assert.Equal(Contracts.Of(6), outcome.Order.Remaining);
        Assert.Equal([(P(0.50m), Contracts.Of(6))], _f.Exchange.Read(e => e.Markets[Ticker].Book.Levels(BookSide.Bid).ToList()));
    }

    [Fact]
    public void Immediate_or_cancel_keeps_what_filled_and_cancels_the_rest()
    {
        _f.Place("mm", Ask(0.45m, 4));
        var outcome = _f.Place("alice", Bid(0.50m, 10, TimeInForce.ImmediateOrCancel));
        Assert.Equal(Contracts.Of(4), outcome.Order.Filled);
        Assert.Equal(OrderStatus.Canceled, outcome.Order.Status);
        Assert.Empty(_f.Exchange.Read(e => e.Markets[Ticker].Book.Bids));
    }

    [Fact]
    public void Fill_or_kill_fills_entirely_or_not_at_all()
    {
        _f.Place("mm", Ask(0.45m, 4));
        var killed = _f.Place("alice", Bid(0.50m, 5, TimeInForce.FillOrKill));
        Assert.Empty(killed.Fills);
        Assert.Equal(OrderStatus.Canceled, killed.Order.Status);

        var filled = _f.Place("alice", Bid(0.50m, 4, TimeInForce.FillOrKill));
        Assert.Equal(Contracts.Of(4), filled.Order.Filled);
    }

    [Fact]
    public void A_post_only_order_that_would_take_is_refused_and_one_that_rests_is_kept()
    {
        _f.Place("mm", Ask(0.45m, 4));
        var refused = _f.Exchange.Submit("alice", Bid(0.45m, 1) with { PostOnly = true });
        Assert.Equal("post_only_cross", refused.Rejection!.Code);
        Assert.Equal(OrderStatus.Resting, _f.Place("alice", Bid(0.44m, 1) with { PostOnly = true }).Order.Status);
    }

    [Fact]
    public void Self_trade_prevention_cancels_the_incoming_order_or_the_resting_one()
    {
        var resting = _f.Place("alice", Ask(0.45m, 3)).Order;
        var taker = _f.Place("alice", Bid(0.45m, 3));
        Assert.Empty(taker.Fills);
        Assert.Equal(OrderStatus.Canceled, taker.Order.Status);
        Assert.Equal(OrderStatus.Resting, resting.Status);

        _f.Place("mm", Ask(0.46m, 3));
        var makerSide = _f.Place("alice", Bid(0.46m, 3) with { SelfTradePrevention = SelfTradePrevention.Maker });
        Assert.Equal(OrderStatus.Canceled, resting.Status);
        Assert.Equal(Contracts.Of(3), makerSide.Order.Filled);
        Assert.All(makerSide.Fills, f => Assert.Equal(P(0.46m), f.YesPrice));
    }

    [Fact]
    public void Reduce_only_is_capped_at_the_position_it_can_close()
    {
        _f.Place("mm", Ask(0.40m, 5));
        _f.Place("alice", Bid(0.40m, 5));
        Assert.Equal("reduce_only_no_position", _f.Exchange.Submit("alice", Bid(0.30m, 1) with { ReduceOnly = true }).Rejection!.Code);

        var exit = _f.Place("alice", Ask(0.60m, 9) with { ReduceOnly = true });
        Assert.Equal(Contracts.Of(5), exit.Order.Initial);
    }

    [Fact]
    public void A_reused_client_order_id_is_a_conflict()
    {
        _f.Place("alice", Bid(0.30m, 1, clientId: "c-1"));
        var again = _f.Exchange.Submit("alice", Bid(0.31m, 1, clientId: "c-1"));
        Assert.Equal((409, "order_already_exists"), (again.Rejection!.HttpStatus, again.Rejection.Code));
        Assert.True(_f.Exchange.Submit("bob", Bid(0.31m, 1, clientId: "c-1")).Success);
    }

    [Theory]
    [InlineData(0.455, "invalid_price")]
    [InlineData(0, "invalid_price")]
    public void Off_grid_or_untradable_prices_are_refused(decimal price, string code) =>
        Assert.Equal(code, _f.Exchange.Submit("alice", Bid(price, 1)).Rejection!.Code);

    [Fact]
    public void Fractional_counts_fill_exactly()
    {
        _f.Place("mm", Ask(0.50m, 0.30m));
        var fill = Assert.Single(_f.Place("alice", Bid(0.50m, 0.90m)).Fills);
        Assert.Equal(Contracts.Of(0.30m), fill.Count);
        Assert.Equal(Contracts.Of(0.60m), _f.Exchange.Read(e => e.Accounts["alice"].Orders[0].Remaining));
    }

    [Fact]
    public void Amend_moves_price_and_size_and_can_cross()
    {
        var order = _f.Place("alice", Bid(0.40m, 10)).Order;
        _f.Place("mm", Ask(0.45m, 4));

        var amended = _f.Exchange.Amend("alice", order.Id, P(0.45m), Contracts.Of(12), "c-2");

        Assert.True(amended.Success);
        Assert.Equal(Contracts.Of(4), amended.Value!.Order.Filled);
        Assert.Equal(Contracts.Of(8), amended.Value.Order.Remaining);
        Assert.Equal("c-2", amended.Value.Order.ClientOrderId);
    }

    [Fact]
    public void Decrease_shrinks_and_to_zero_cancels()
    {
        var order = _f.Place("alice", Bid(0.40m, 10)).Order;
        Assert.Equal(Contracts.Of(7), _f.Exchange.Decrease("alice", order.Id, Contracts.Of(3), null).Value!.Remaining);
        Assert.Equal(OrderStatus.Canceled, _f.Exchange.Decrease("alice", order.Id, null, Contracts.Zero).Value!.Status);
        Assert.Equal("order_not_resting", _f.Exchange.Cancel("alice", order.Id).Rejection!.Code);
    }

    [Fact]
    public void Another_members_order_cannot_be_touched() =>
        Assert.Equal(404, _f.Exchange.Cancel("bob", _f.Place("alice", Bid(0.40m, 1)).Order.Id).Rejection!.HttpStatus);

    [Fact]
    public void An_order_group_cancels_its_orders_when_its_limit_fills()
    {
        var group = _f.Exchange.CreateOrderGroup("alice", Contracts.Of(5));
        var resting = _f.Place("alice", Bid(0.30m, 10) with { OrderGroupId = group.Id }).Order;
        _f.Place("mm", Ask(0.45m, 5));
        _f.Place("alice", Bid(0.45m, 5) with { OrderGroupId = group.Id });

        Assert.True(group.IsTriggered);
        Assert.Equal(OrderStatus.Canceled, resting.Status);
        Assert.Equal("order_group_triggered", _f.Exchange.Submit("alice", Bid(0.30m, 1) with { OrderGroupId = group.Id }).Rejection!.Code);
        _f.Exchange.UpdateOrderGroup("alice", group.Id, GroupAction.Reset);
        Assert.True(_f.Exchange.Submit("alice", Bid(0.30m, 1) with { OrderGroupId = group.Id }).Success);
    }

    private static Price P(decimal dollars) => Price.FromDollars(dollars);
}
