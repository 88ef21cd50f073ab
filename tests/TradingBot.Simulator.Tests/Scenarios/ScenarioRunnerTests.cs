using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Scenarios;
using static TradingBot.Simulator.Tests.Scenarios.ScenarioFixtures;

namespace TradingBot.Simulator.Tests.Scenarios;

public class ScenarioRunnerTests
{
    [Fact]
    public void A_game_from_listing_to_settlement_pays_the_winning_side_one_dollar_a_contract()
    {
        var (clock, exchange, runner) = Frozen();
        Assert.True(runner.LoadJson(OneGame).Success);

        runner.Step();
        Assert.Equal(MarketStatus.Initialized, exchange.Markets[Winner].Status);
        Assert.Null(BestAsk(exchange, Winner));
        Assert.All(runner.Events(), e => Assert.Equal(GamePhase.Scheduled, e.Phase));

        clock.Advance(TimeSpan.FromMinutes(10));
        runner.Step();
        Assert.Equal(MarketStatus.Active, exchange.Markets[Winner].Status);
        exchange.OpenAccount("alice", Money.FromDollars(1000m));
        Buy("alice", exchange, Winner, BookSide.Bid, 10);
        Buy("alice", exchange, Mirror, BookSide.Bid, 4);

        clock.Advance(TimeSpan.FromHours(2));
        runner.Step();
        Assert.All(runner.Events(), e => Assert.Equal(GamePhase.InPlay, e.Phase));
        while (clock.GetUtcNow() < T0.AddHours(5))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            runner.Step();
        }

        Assert.Equal(MarketStatus.Determined, exchange.Markets[Winner].Status);
        Assert.Equal(MarketResult.Yes, exchange.Markets[Winner].Result);
        Assert.Equal(MarketResult.No, exchange.Markets[Mirror].Result);
        Assert.Equal(new FairSnapshot(Winner, 1, 1, T0.AddHours(5), MarketResult.Yes), runner.Fair(Winner));
        Assert.Equal(0.0, runner.Fair(Mirror)!.Probability);
        Assert.All(runner.Events(), e => Assert.Equal(GamePhase.Final, e.Phase));
        var beforeSettlement = exchange.Accounts["alice"].Cash;

        clock.Advance(TimeSpan.FromMinutes(5));
        runner.Step();

        Assert.All(runner.Markets(), m => Assert.Equal(MarketStatus.Finalized, m.Status));
        Assert.Equal(beforeSettlement + Money.FromDollars(10m), exchange.Accounts["alice"].Cash);
        var settlements = exchange.Read(x => x.Accounts["alice"].Settlements.ToList());
        Assert.Equal(Money.FromDollars(10m), settlements.Single(s => s.Ticker == Winner).Revenue);
        Assert.Equal(Money.Zero, settlements.Single(s => s.Ticker == Mirror).Revenue);
        Assert.Empty(exchange.Read(x => x.Accounts["mm-1"].Orders.Where(o => o.Status == OrderStatus.Resting).ToList()));
    }

    [Fact]
    public void The_admin_surface_lists_what_is_loaded_and_moves_fairs()
    {
        var (clock, _, runner) = Frozen();
        runner.LoadJson(OneGame);
        clock.Advance(TimeSpan.FromMinutes(10));
        runner.Step();

        Assert.Equal(["one game"], runner.Scenarios);
        Assert.Equal(["KXNFLGAME-26SEP13DALNYG", "KXNFLTOTAL-26SEP13DALNYG"], runner.Events().Select(e => e.Ticker));
        Assert.Equal(new LoadedMarket(Mirror, "KXNFLGAME-26SEP13DALNYG", MarketKind.Winner, "DAL", null, Winner, OutcomeRule.Drawn, MarketStatus.Active), runner.Markets()[1]);
        Assert.Equal(3, runner.Fairs().Count);
        Assert.Null(runner.Fair("KXNOPE-1"));

        var moved = runner.MoveFair(Mirror, 0.25);
        Assert.True(moved.Success);
        Assert.Equal(0.75, runner.Fair(Winner)!.Probability, 9);
        Assert.Equal(0.25, moved.Value!.Probability, 9);
        Assert.Equal("market_not_found", runner.MoveFair("KXNOPE-1", 0.5).Rejection!.Code);
        Assert.Equal("invalid_probability", runner.MoveFair(Winner, 1.0).Rejection!.Code);

        clock.Advance(TimeSpan.FromHours(5));
        runner.Step();
        Assert.Equal("game_over", runner.MoveFair(Winner, 0.5).Rejection!.Code);
    }

    [Fact]
    public void An_operator_who_determines_a_market_first_is_not_overruled()
    {
        var (clock, exchange, runner) = Frozen();
        runner.LoadJson(OneGame);
        clock.Advance(TimeSpan.FromMinutes(10));
        runner.Step();

        exchange.Determine(Winner, MarketResult.No);
        clock.Advance(TimeSpan.FromHours(6));
        runner.Step();

        Assert.Equal(MarketResult.No, exchange.Markets[Winner].Result);
        Assert.Equal(MarketStatus.Finalized, exchange.Markets[Winner].Status);
    }

    private static void Buy(string member, SimExchange exchange, string ticker, BookSide side, int count)
    {
        var price = side == BookSide.Bid ? BestAsk(exchange, ticker)!.Value : BestBid(exchange, ticker)!.Value;
        var result = exchange.Submit(member, new OrderSubmission(ticker, side, price, Contracts.Whole(count), TimeInForce.ImmediateOrCancel));
        Assert.True(result.Success, result.Rejection?.Message);
        Assert.Equal(Contracts.Whole(count), result.Value!.Order.Filled);
    }
}
