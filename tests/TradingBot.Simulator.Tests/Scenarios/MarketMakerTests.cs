using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using static TradingBot.Simulator.Tests.Scenarios.ScenarioFixtures;

namespace TradingBot.Simulator.Tests.Scenarios;

public class MarketMakerTests
{
    [Fact]
    public void Books_have_a_spread_around_the_fair_and_several_levels_from_both_makers()
    {
        var (clock, exchange, runner) = Loaded();
        clock.Advance(TimeSpan.FromMinutes(10));

        runner.Step();

        var fair = runner.Fair(Winner)!.Probability;
        var bids = Levels(exchange, Winner, BookSide.Bid);
        var asks = Levels(exchange, Winner, BookSide.Ask);
        Assert.True(bids.Count >= 4 && asks.Count >= 4, $"{bids.Count} bids, {asks.Count} asks");
        Assert.InRange(fair, Dollars(bids[0].Price) + 0.005, Dollars(asks[0].Price) - 0.005);
        Assert.All(bids.Concat(asks), level => Assert.True(level.Size >= Contracts.Whole(50)));
        var makers = exchange.Read(x => x.Market(Winner).Book.All.Select(o => o.MemberId).Distinct().Order().ToList());
        Assert.Equal(["mm-1", "mm-2"], makers);
        var mirrorFair = runner.Fair(Mirror)!.Probability;
        Assert.Equal(1 - fair, mirrorFair, 12);
        Assert.InRange(mirrorFair, Dollars(BestBid(exchange, Mirror)!.Value), Dollars(BestAsk(exchange, Mirror)!.Value));
    }

    [Fact]
    public void Books_far_from_the_game_are_wider_and_thinner_than_near_it()
    {
        var far = BookAt(startIn: "30h");
        var near = BookAt(startIn: "15m");

        Assert.True(far.Spread > near.Spread, $"spread {far.Spread} far, {near.Spread} near");
        Assert.True(far.Depth < near.Depth / 4, $"depth {far.Depth} far, {near.Depth} near");
        Assert.True(far.Levels < near.Levels, $"levels {far.Levels} far, {near.Levels} near");
    }

    [Fact]
    public void Makers_requote_when_the_fair_moves()
    {
        var (clock, exchange, runner) = Loaded();
        clock.Advance(TimeSpan.FromMinutes(10));
        runner.Step();
        var before = (BestBid(exchange, Winner)!.Value, BestAsk(exchange, Winner)!.Value);

        Assert.True(runner.MoveFair(Winner, 0.85).Success);
        runner.Step();

        var (bid, ask) = (BestBid(exchange, Winner)!.Value, BestAsk(exchange, Winner)!.Value);
        Assert.True(bid > before.Item2, $"new bid {bid}, old ask {before.Item2}");
        Assert.InRange(0.85, Dollars(bid), Dollars(ask));
        Assert.InRange(0.15, Dollars(BestBid(exchange, Mirror)!.Value), Dollars(BestAsk(exchange, Mirror)!.Value));
        Assert.Empty(exchange.Trades);
    }

    [Fact]
    public void Quotes_sit_on_the_market_grid_including_subpenny_tails()
    {
        var (clock, exchange, runner) = Loaded();
        clock.Advance(TimeSpan.FromMinutes(10));
        runner.MoveFair(Total, 0.955);

        runner.Step();

        var ticks = exchange.Markets[Total].Ticks;
        var prices = Levels(exchange, Total, BookSide.Bid).Concat(Levels(exchange, Total, BookSide.Ask)).Select(l => l.Price).ToList();
        Assert.All(prices, p => Assert.True(ticks.IsValid(p), $"{p} is off the grid"));
        Assert.Contains(prices, p => p.Units % 100 != 0);
        Assert.DoesNotContain(prices, p => !TickStructure.LinearCent.IsValid(p) && p.Units is > 1000 and < 9000);
    }

    [Fact]
    public void Makers_stop_at_close()
    {
        var (clock, exchange, runner) = Loaded();
        clock.Advance(TimeSpan.FromMinutes(10));
        runner.Step();
        Assert.NotNull(BestBid(exchange, Total));

        clock.Advance(TimeSpan.FromHours(2));
        runner.Step();
        clock.Advance(TimeSpan.FromMinutes(1));
        runner.Step();

        Assert.Equal(MarketStatus.Closed, exchange.Markets[Total].Status);
        Assert.Empty(Levels(exchange, Total, BookSide.Bid));
        Assert.Empty(Levels(exchange, Total, BookSide.Ask));
        Assert.NotNull(BestBid(exchange, Winner));
        Assert.Equal(0, runner.MakerRejections);
    }

    [Fact]
    public void Makers_never_trade_with_each_other_however_the_fair_moves()
    {
        var (clock, exchange, runner) = Loaded();
        clock.Advance(TimeSpan.FromHours(2));
        double[] shocks = [0.9, 0.1, 0.5, 0.97, 0.03];
        for (var step = 0; step < 600; step++)
        {
            if (step % 120 == 60)
                runner.MoveFair(Winner, shocks[step / 120]);
            runner.Step();
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(exchange.Trades);
        Assert.Equal(0, runner.MakerRejections);
        Assert.True(exchange.Read(x => x.Accounts["mm-1"].Orders.Count) < 2_000, "requotes amend orders rather than piling up new ones");
    }

    [Fact]
    public void Makers_pick_off_a_member_order_left_behind_by_the_fair()
    {
        var (clock, exchange, runner) = Loaded();
        clock.Advance(TimeSpan.FromMinutes(10));
        runner.Step();
        exchange.OpenAccount("alice", Money.FromDollars(1000m));
        var stale = exchange.Submit("alice", new OrderSubmission(Winner, BookSide.Bid, Price.FromDollars(0.55m), Contracts.Whole(5), TimeInForce.GoodTillCanceled));
        Assert.True(stale.Success);

        runner.MoveFair(Winner, 0.3);
        runner.Step();

        Assert.Equal(OrderStatus.Executed, stale.Value!.Order.Status);
        Assert.All(exchange.Read(x => x.Accounts["alice"].Fills.ToList()), f => Assert.Equal(Price.FromDollars(0.55m), f.YesPrice));
    }

    private static (Simulator.Scenarios.SimClock Clock, SimExchange Exchange, Simulator.Scenarios.ScenarioRunner Runner) Loaded(string? json = null)
    {
        var (clock, exchange, runner) = Frozen();
        var result = runner.LoadJson(json ?? OneGame);
        Assert.True(result.Success, result.ToString());
        return (clock, exchange, runner);
    }

    private static (int Spread, long Depth, int Levels) BookAt(string startIn)
    {
        var document = Document();
        foreach (var simEvent in document["events"]!.AsArray())
        {
            simEvent!["start"] = $"now+{startIn}";
            foreach (var market in simEvent["markets"]!.AsArray())
                market!["open"] = "now";
        }

        var (_, exchange, runner) = Loaded(document.ToJsonString());
        runner.Step();
        var bids = Levels(exchange, Winner, BookSide.Bid);
        var asks = Levels(exchange, Winner, BookSide.Ask);
        return (asks[0].Price.Units - bids[0].Price.Units, bids.Concat(asks).Sum(l => l.Size.Hundredths), bids.Count + asks.Count);
    }
}
