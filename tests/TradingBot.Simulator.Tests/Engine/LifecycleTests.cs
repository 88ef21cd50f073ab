using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using static TradingBot.Simulator.Tests.Engine.EngineFixture;

namespace TradingBot.Simulator.Tests.Engine;

public class LifecycleTests
{
    [Fact]
    public void A_market_opens_on_time_and_closing_cancels_what_rests()
    {
        var f = new EngineFixture();
        f.Exchange.AddMarket(new MarketSpec("KXNFLGAME-26SEP13DALNYG-NYG", "KXNFLGAME-26SEP13DALNYG", "New York to win", "New York", "Dallas", Start.AddHours(1), Start.AddHours(8)));
        Assert.Equal(MarketStatus.Initialized, f.Exchange.Read(e => e.Markets["KXNFLGAME-26SEP13DALNYG-NYG"].Status));
        f.Member("alice");
        var order = f.Place("alice", Bid(0.40m, 1)).Order;

        f.Clock.Advance(TimeSpan.FromHours(1));
        f.Exchange.Tick();
        Assert.Equal(MarketStatus.Active, f.Exchange.Read(e => e.Markets["KXNFLGAME-26SEP13DALNYG-NYG"].Status));

        f.Clock.Advance(TimeSpan.FromHours(7));
        f.Exchange.Tick();
        Assert.Equal(MarketStatus.Closed, f.Exchange.Read(e => e.Markets[Ticker].Status));
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal("market_inactive", f.Exchange.Submit("alice", Bid(0.40m, 1)).Rejection!.Code);
    }

    /// <summary>Kalshi extends a market's trading (a postponed game): the close moves, and the game's start with it; a closed market stays closed.</summary>
    [Fact]
    public void A_moved_close_and_start_apply_at_the_next_tick_and_a_closed_market_is_not_reopened()
    {
        var f = new EngineFixture();
        f.Exchange.AddMarket(new MarketSpec("KXNFLGAME-26SEP13DALNYG-NYG", "KXNFLGAME-26SEP13DALNYG", "New York to win", "New York", "Dallas", Start, Start.AddHours(2)));
        f.Exchange.Tick();

        Assert.True(f.Exchange.MoveClose("KXNFLGAME-26SEP13DALNYG-NYG", Start.AddHours(26)));
        f.Exchange.Reschedule("KXNFLGAME-26SEP13DALNYG", Start.AddHours(24));
        f.Clock.Advance(TimeSpan.FromHours(3));
        f.Exchange.Tick();
        Assert.Equal(MarketStatus.Active, f.Exchange.Read(e => e.Markets["KXNFLGAME-26SEP13DALNYG-NYG"].Status));
        Assert.Equal(Start.AddHours(24), f.Exchange.Read(e => e.Events["KXNFLGAME-26SEP13DALNYG"].GameStart));

        Assert.True(f.Exchange.MoveClose("KXNFLGAME-26SEP13DALNYG-NYG", Start.AddHours(4)));
        f.Clock.Advance(TimeSpan.FromHours(1));
        f.Exchange.Tick();
        Assert.Equal(MarketStatus.Closed, f.Exchange.Read(e => e.Markets["KXNFLGAME-26SEP13DALNYG-NYG"].Status));
        Assert.False(f.Exchange.MoveClose("KXNFLGAME-26SEP13DALNYG-NYG", Start.AddHours(30)));
        Assert.False(f.Exchange.MoveClose(Ticker, Start.AddHours(-1)));
    }

    [Fact]
    public void An_expiring_order_is_cancelled_when_its_time_comes()
    {
        var f = new EngineFixture();
        f.Member("alice");
        var order = f.Place("alice", Bid(0.40m, 1) with { Expiration = Start.AddMinutes(10) }).Order;
        f.Clock.Advance(TimeSpan.FromMinutes(9));
        f.Exchange.Tick();
        Assert.Equal(OrderStatus.Resting, order.Status);
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        f.Exchange.Tick();
        Assert.Equal(OrderStatus.Canceled, order.Status);
    }

    [Fact]
    public void A_trading_pause_refuses_orders_and_cancels_those_that_asked()
    {
        var f = new EngineFixture();
        f.Member("alice");
        var keep = f.Place("alice", Bid(0.40m, 1)).Order;
        var go = f.Place("alice", Bid(0.41m, 1) with { CancelOnPause = true }).Order;

        f.Exchange.SetTradingActive(false);

        Assert.Equal((OrderStatus.Resting, OrderStatus.Canceled), (keep.Status, go.Status));
        Assert.Equal("trading_paused", f.Exchange.Submit("alice", Bid(0.40m, 1)).Rejection!.Code);
        f.Exchange.SetTradingActive(true);
        Assert.True(f.Exchange.Submit("alice", Bid(0.40m, 1)).Success);
    }

    [Fact]
    public void Maintenance_refuses_everything_with_503()
    {
        var f = new EngineFixture();
        f.Member("alice");
        f.Exchange.SetExchangeActive(false);
        Assert.Equal(503, f.Exchange.Submit("alice", Bid(0.40m, 1)).Rejection!.HttpStatus);
    }

    [Fact]
    public void Settling_needs_a_result_first()
    {
        var f = new EngineFixture();
        Assert.Throws<InvalidOperationException>(() => f.Exchange.Settle(Ticker));
        f.Exchange.Determine(Ticker, MarketResult.No);
        Assert.Equal(MarketStatus.Determined, f.Exchange.Read(e => e.Markets[Ticker].Status));
    }
}
