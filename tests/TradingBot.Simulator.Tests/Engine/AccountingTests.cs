using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using static TradingBot.Simulator.Tests.Engine.EngineFixture;

namespace TradingBot.Simulator.Tests.Engine;

/// <summary>Cash, collateral, fees, positions and settlement: where a simulator that is wrong costs the bot's tests their meaning.</summary>
public class AccountingTests
{
    private static Money M(decimal dollars) => Money.FromDollars(dollars);

    [Fact]
    public void One_contract_at_50_cents_costs_a_taker_52_cents_on_a_cent_balance()
    {
        var f = new EngineFixture();
        f.MarketMaker();
        var alice = f.Member("alice", 10m);
        f.Place("mm", Ask(0.50m, 1));
        var fill = Assert.Single(f.Place("alice", Bid(0.50m, 1)).Fills);
        Assert.Equal(M(0.02m), fill.Fee);
        Assert.Equal(M(9.48m), alice.Cash);
    }

    [Fact]
    public void A_hundred_contracts_at_50_cents_cost_a_taker_175_and_a_maker_04375_where_makers_pay()
    {
        var f = new EngineFixture(FeeType.QuadraticWithMakerFees);
        var maker = f.Member("maker", 1000m, Money.CenticentDecimals);
        var taker = f.Member("taker", 1000m, Money.CenticentDecimals);
        f.Place("maker", Ask(0.50m, 100));
        var fill = Assert.Single(f.Place("taker", Bid(0.50m, 100)).Fills);

        Assert.Equal(M(1.75m), fill.Fee);
        Assert.Equal(M(1000m - 50m - 1.75m), taker.Cash);
        Assert.Equal(M(1000m - 50m - 0.4375m), maker.Cash);
        Assert.Equal(Contracts.Of(100), f.Position("maker").HeldOf(OutcomeSide.No));
    }

    /// <summary>fee_rounding.md's three worked examples, fill by fill, through the engine's own matching.</summary>
    [Theory]
    [InlineData(0.055, 1, 0.0085, "0.0150 0.0050 0.0150", "-0.07 -0.06 -0.07")]
    [InlineData(0.50, 0.30, 0.0041, "0.0100 0.0000 0.0100", "-0.16 -0.15 -0.16")]
    [InlineData(0.3301, 0.03, 0.0005, "0.010097 0.000097 0.000097", "-0.02 -0.01 -0.01")]
    public void The_worked_fee_rounding_examples_hold_to_the_centicent(decimal price, decimal lot, decimal tradeFee, string netFees, string cashChanges)
    {
        var ticks = TickStructure.TryCreate([new PriceBand(Price.Zero, Price.One, 0.0001m)], out var fine, out _) ? fine : null;
        var f = new EngineFixture(ticks: ticks);
        f.Exchange.TradeFeeOverride = (_, _, liquidity) => liquidity == Liquidity.Taker ? M(tradeFee) : Money.Zero;
        f.MarketMaker();
        var buyer = f.Member("buyer", 100m);
        for (var i = 0; i < 3; i++)
            f.Place("mm", Ask(price, lot));
        var before = buyer.Cash;

        var order = f.Place("buyer", Bid(price, lot * 3));

        Assert.Equal(netFees.Split(' ').Select(decimal.Parse), order.Fills.Select(fill => fill.Fee.Dollars));
        var cash = new List<decimal>();
        var running = before;
        foreach (var fill in order.Fills)
        {
            var after = running - (fill.Count * fill.YesPrice) - fill.Fee;
            cash.Add((after - running).Dollars);
            running = after;
        }

        Assert.Equal(cashChanges.Split(' ').Select(decimal.Parse), cash);
        Assert.Equal(running, buyer.Cash);
    }

    [Fact]
    public void A_resting_order_holds_its_collateral_and_a_cancel_releases_it()
    {
        var f = new EngineFixture();
        var alice = f.Member("alice", 10m);
        var order = f.Place("alice", Bid(0.40m, 10)).Order;
        Assert.Equal(M(4.00m + 0.1680m), alice.Reserved);
        Assert.Equal("available_balance_too_low", f.Exchange.Submit("alice", Bid(0.40m, 15)).Rejection!.Code);

        f.Exchange.Cancel("alice", order.Id);

        Assert.Equal(Money.Zero, alice.Reserved);
        Assert.Equal(M(10m), alice.Cash);
    }

    [Fact]
    public void Closing_a_position_returns_the_other_sides_price_and_books_the_profit()
    {
        var f = new EngineFixture(FeeType.Quadratic, 0m);
        f.MarketMaker();
        var alice = f.Member("alice", 100m);
        f.Place("mm", Ask(0.40m, 10));
        f.Place("alice", Bid(0.40m, 10));
        f.Place("mm", Bid(0.60m, 10));

        f.Place("alice", Ask(0.60m, 10));

        var position = f.Position("alice");
        Assert.Equal(0, position.SignedHundredths);
        Assert.Equal(M(2.00m), position.RealizedPnl);
        Assert.Equal(M(102m), alice.Cash);
    }

    [Theory]
    [InlineData(MarketResult.Yes, 110.0, 10.0, 0)]
    [InlineData(MarketResult.No, 100.0, 0.0, 10)]
    public void Settlement_pays_a_dollar_per_winning_contract(MarketResult result, double aliceCash, double revenue, int bobWins)
    {
        var f = new EngineFixture(FeeType.Quadratic, 0m);
        var alice = f.Member("alice", 104m);
        var bob = f.Member("bob", 106m);
        f.Place("bob", Ask(0.40m, 10));
        f.Place("alice", Bid(0.40m, 10));

        f.Exchange.Determine(Ticker, result);
        f.Exchange.Settle(Ticker);

        Assert.Equal(M((decimal)aliceCash), alice.Cash);
        Assert.Equal(M(100m + bobWins), bob.Cash);
        var settlement = Assert.Single(f.Exchange.Read(e => e.Accounts["alice"].Settlements));
        Assert.Equal((result, M((decimal)revenue), Contracts.Of(10), M(4m)), (settlement.Result, settlement.Revenue, settlement.YesCount, settlement.YesCost));
        Assert.Equal(MarketStatus.Finalized, f.Exchange.Read(e => e.Markets[Ticker].Status));
        Assert.Equal(0, f.Position("alice").SignedHundredths);
    }

    /// <summary>
    /// Members only trade with each other, so after settlement every dollar is accounted for: what they hold is
    /// what they started with less the fees they paid, to the millionth, whatever the order flow.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Money_is_conserved_through_random_trading_and_settlement(int seed)
    {
        var f = new EngineFixture(FeeType.QuadraticWithMakerFees);
        var members = Enumerable.Range(0, 4).Select(i => f.Member($"m{i}", 500m, i % 2 == 0 ? Money.CentDecimals : Money.CenticentDecimals)).ToList();
        var random = new Random(seed);
        for (var i = 0; i < 600; i++)
        {
            var member = members[random.Next(members.Count)].MemberId;
            var price = random.Next(1, 100) / 100m;
            var count = random.Next(1, 40);
            var side = random.Next(2) == 0 ? BookSide.Bid : BookSide.Ask;
            var tif = random.Next(4) == 0 ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCanceled;
            var submission = new OrderSubmission(Ticker, side, Price.FromDollars(price), Contracts.Of(count), tif, SelfTradePrevention: random.Next(2) == 0 ? SelfTradePrevention.Maker : SelfTradePrevention.TakerAtCross);
            f.Exchange.Submit(member, submission);
            Assert.All(members, m => Assert.True(m.Available >= Money.Zero, $"{m.MemberId} has {m.Available} available"));
        }

        f.Exchange.Determine(Ticker, seed % 2 == 0 ? MarketResult.Yes : MarketResult.No);
        f.Exchange.Settle(Ticker);

        var fees = f.Exchange.Read(e => e.Accounts.Values.SelectMany(a => a.Fills).Aggregate(Money.Zero, (sum, fill) => sum + fill.Fee));
        var cash = members.Aggregate(Money.Zero, (sum, m) => sum + m.Cash);
        Assert.True(fees > Money.Zero);
        Assert.Equal(Money.FromDollars(2000m), cash + fees);
        Assert.All(members, m => Assert.Equal(Money.Zero, m.Reserved));
    }
}
