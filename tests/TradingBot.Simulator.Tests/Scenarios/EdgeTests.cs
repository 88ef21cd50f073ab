using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Scenarios;
using TradingBot.Simulator.Scenarios.Demo;
using TradingBot.Core.Exchange;

namespace TradingBot.Simulator.Tests.Scenarios;

/// <summary>
/// The point of the simulator: a model that knows the fair probability better than the makers earns money after
/// spread and fees, and one that does not, loses. Whole demo slates, stepped a minute at a time, fixed seeds.
/// </summary>
public class EdgeTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly Money Bankroll = Money.FromDollars(100_000m);
    private static readonly int[] Seeds = [1, 2, 3, 4];

    [Fact]
    public void A_member_who_buys_whenever_fair_beats_the_ask_by_a_margin_ends_ahead()
    {
        const double Margin = 0.03;
        var results = Seeds.Select(seed => PlaySlate(seed, (fair, yesAsk, yesBid) =>
            fair - yesAsk > Margin ? BookSide.Bid : yesBid - fair > Margin ? BookSide.Ask : null)).ToList();

        Assert.True(results.Sum(r => r.Pnl.Dollars) > 0, string.Join(", ", results));
        Assert.All(results, r => Assert.True(r.Orders > 100, $"only {r.Orders} orders"));
    }

    [Fact]
    public void A_member_who_trades_on_a_coin_flip_ends_behind()
    {
        var coin = new Random(99);
        var results = Seeds.Select(seed => PlaySlate(seed, (_, _, _) =>
            coin.NextDouble() < 0.02 ? (coin.Next(2) == 0 ? BookSide.Bid : BookSide.Ask) : null)).ToList();

        Assert.True(results.Sum(r => r.Pnl.Dollars) < 0, string.Join(", ", results));
    }

    /// <summary>
    /// Plays one slate: every minute, each open market is offered to <paramref name="decide"/> with the fair and the
    /// YES ask and bid net of the taker fee; it answers which side to take (5 contracts, at most 50 held).
    /// </summary>
    private static SlateResult PlaySlate(int seed, Func<double, double, double, BookSide?> decide)
    {
        var clock = SimClock.Frozen(Start);
        var exchange = new SimExchange(clock);
        var runner = new ScenarioRunner(exchange);
        Assert.True(runner.LoadDemo(seed, new DemoSlateOptions { GamesPerLeague = 3 }).Success);
        exchange.OpenAccount("edge", Bankroll);
        var orders = 0;
        var last = runner.Events().Max(e => e.End) + TimeSpan.FromMinutes(10);
        while (clock.GetUtcNow() < last)
        {
            runner.Step();
            foreach (var market in runner.Markets().Where(m => m.Status == MarketStatus.Active))
            {
                var fair = runner.Fair(market.Ticker)!.Probability;
                var book = exchange.Read(x =>
                {
                    var simMarket = x.Market(market.Ticker);
                    var held = x.Accounts["edge"].Positions.TryGetValue(market.Ticker, out var p) ? p.SignedHundredths / Contracts.HundredthsPerContract : 0;
                    return (Ask: simMarket.Book.Levels(BookSide.Ask).FirstOrDefault(), Bid: simMarket.Book.Levels(BookSide.Bid).FirstOrDefault(), simMarket.Series.Fees, Held: held);
                });
                if (book.Ask.Size.IsZero || book.Bid.Size.IsZero)
                    continue;
                var yesAsk = (double)book.Ask.Price.Dollars + Fee(book.Fees, book.Ask.Price);
                var yesBid = (double)book.Bid.Price.Dollars - Fee(book.Fees, book.Bid.Price);
                var side = decide(fair, yesAsk, yesBid);
                if (side is null || (side == BookSide.Bid ? book.Held >= 50 : book.Held <= -50))
                    continue;
                var price = side == BookSide.Bid ? book.Ask.Price : book.Bid.Price;
                if (exchange.Submit("edge", new OrderSubmission(market.Ticker, side.Value, price, Contracts.Whole(5), TimeInForce.ImmediateOrCancel)).Success)
                    orders++;
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(runner.Markets(), m => Assert.Equal(MarketStatus.Finalized, m.Status));
        Assert.Empty(exchange.Read(x => x.Accounts["edge"].Positions.Values.Where(p => p.SignedHundredths != 0).ToList()));
        return new SlateResult(seed, exchange.Accounts["edge"].Cash - Bankroll, orders);
    }

    private static double Fee(FeeSchedule fees, Price price) =>
        fees.TryFeePerContract(price, Liquidity.Taker, out var fee) ? (double)fee.Dollars : double.PositiveInfinity;

    private sealed record SlateResult(int Seed, Money Pnl, int Orders);
}
