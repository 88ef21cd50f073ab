using BenchmarkDotNet.Attributes;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Benchmarks;

/// <summary>
/// The simulator's matching engine in process: a stream of crossing and resting limit orders between members on
/// one market, as a backtest drives it. Per operation = one order submitted (matched or rested).
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    public const int Orders = 20_000;
    private OrderSubmission[] _orders = [];
    private string[] _members = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _members = ["a", "b", "c", "d"];
        _orders = Enumerable.Range(0, Orders).Select(_ =>
        {
            var side = random.Next(2) == 0 ? BookSide.Bid : BookSide.Ask;
            // Prices cluster around 50 cents so roughly half the orders cross.
            var cents = Math.Clamp(50 + random.Next(-6, 7), 1, 99);
            return new OrderSubmission("KXBENCH-1", side, Price.FromDollars(cents / 100m), Contracts.Whole(random.Next(1, 20)),
                random.Next(5) == 0 ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCanceled);
        }).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Orders)]
    public int SubmitAndMatch()
    {
        var exchange = new SimExchange(TimeProvider.System);
        exchange.AddSeries(new SimSeries("KXBENCH", "bench", "Sports", FeeType.Quadratic, 1m));
        exchange.AddEvent(new SimEvent("KXBENCH", "KXBENCH", "bench", "", DateTimeOffset.UnixEpoch.AddYears(100), "NFL"));
        exchange.AddMarket(new MarketSpec("KXBENCH-1", "KXBENCH", "bench", "A", "B", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100)));
        foreach (var member in _members)
            exchange.OpenAccount(member, Money.Zero, unlimited: true);

        var fills = 0;
        for (var i = 0; i < _orders.Length; i++)
        {
            var result = exchange.Submit(_members[i % _members.Length], _orders[i]);
            fills += result.Value?.Fills.Count ?? 0;
        }

        return fills;
    }
}
