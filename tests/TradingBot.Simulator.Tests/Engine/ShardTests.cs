using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Tests.Engine;

/// <summary>Kalshi's shard assignment (exchange_sharding.md) and collateral held per shard.</summary>
public class ShardTests
{
    private static SimExchange ExchangeAt(DateTimeOffset now)
    {
        var exchange = new SimExchange(new FakeTimeProvider(now));
        exchange.AddSeries(new SimSeries("KXMLBGAME", "MLB game", "Sports", FeeType.QuadraticWithMakerFees, 0.5m));
        exchange.AddSeries(new SimSeries("KXATPMATCH", "ATP match", "Sports", FeeType.Quadratic, 1m));
        exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL game", "Sports", FeeType.Quadratic, 1m));
        exchange.AddSeries(new SimSeries("KXBTCD", "Bitcoin daily", "Crypto", FeeType.Quadratic, 1m));
        foreach (var series in new[] { "KXMLBGAME", "KXATPMATCH", "KXNFLGAME", "KXBTCD" })
            exchange.AddEvent(new SimEvent($"{series}-E", series, series, "", now.AddHours(3), "X"));
        return exchange;
    }

    [Theory]
    [InlineData("KXMLBGAME", 3)]
    [InlineData("KXATPMATCH", 3)]
    [InlineData("KXBTCD", 2)]
    [InlineData("KXNFLGAME", 0)]
    public void Events_listed_from_24_August_2026_noon_Eastern_go_to_their_categorys_shard(string series, int shard)
    {
        Assert.Equal(shard, ExchangeAt(ExchangeShards.Cutover).Events[$"{series}-E"].Shard);
        Assert.Equal(0, ExchangeAt(ExchangeShards.Cutover.AddSeconds(-1)).Events[$"{series}-E"].Shard);
    }

    [Fact]
    public void Cash_on_shard_0_does_not_pay_for_an_order_on_shard_3_and_fills_move_only_that_shards_cash()
    {
        var now = new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero);
        var exchange = ExchangeAt(now);
        exchange.AddMarket(new MarketSpec("KXMLBGAME-E-NYY", "KXMLBGAME-E", "NYY", "NYY", "BOS", now.AddHours(-1), now.AddHours(6)));
        exchange.OpenAccount("mm", Money.Zero, unlimited: true);
        exchange.OpenAccount("alice", Money.FromDollars(1000m));
        var order = new OrderSubmission("KXMLBGAME-E-NYY", BookSide.Bid, Price.FromDollars(0.40m), Contracts.Whole(10), TimeInForce.ImmediateOrCancel);
        Assert.True(exchange.Submit("mm", order with { Side = BookSide.Ask, TimeInForce = TimeInForce.GoodTillCanceled }).Success);

        var refused = exchange.Submit("alice", order);
        exchange.Deposit("alice", Money.FromDollars(20m), exchangeIndex: 3);
        var taken = exchange.Submit("alice", order);

        Assert.Equal((400, "available_balance_too_low"), (refused.Rejection!.HttpStatus, refused.Rejection.Code));
        Assert.True(taken.Success, taken.Rejection?.ToString());
        var alice = exchange.Accounts["alice"];
        Assert.Equal(Money.FromDollars(1000m), alice.CashOn(0));
        // 10 at $0.40 and the maker-fee series' taker fee: 0.07 × 0.5 × 10 × 0.4 × 0.6 = $0.084, charged to the cent.
        Assert.Equal(Money.FromDollars(20m - 4m - 0.09m), alice.CashOn(3));
        Assert.Equal(3, taken.Value!.Order.ExchangeIndex);
    }
}
