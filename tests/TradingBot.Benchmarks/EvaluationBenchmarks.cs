using BenchmarkDotNet.Attributes;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Benchmarks;

/// <summary>
/// The decision path for one scan of 10,000 markets: quote + forecast → expected value → Kelly size → every risk
/// gate. Figures are per market (OperationsPerInvoke). Target: under 200 ns and zero bytes allocated per market.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    public const int Markets = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 18, 0, 0, TimeSpan.Zero);

    private readonly MarketState[] _markets = new MarketState[Markets];
    private readonly Forecast[] _forecasts = new Forecast[Markets];
    private EntryEvaluator _evaluator = null!;
    private RiskGate _gate = null!;
    private AccountState _account = null!;

    [GlobalSetup]
    public void Setup()
    {
        var risk = new RiskOptions { MaxPositionPerMarket = 50m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };
        _evaluator = new EntryEvaluator(new StrategyOptions(), risk);
        _gate = new RiskGate(risk);
        _account = new AccountState(Now, TradingStatus.Active, ExchangeStatus.Open, Core.Exchange.AccountBalance.Unsharded(Money.FromDollars(10_000m)), Money.FromDollars(120m), 3);

        // A fixed seed: every run judges the same slate. Fair prices across the range, spreads of 1-4 cents,
        // models that disagree with the market by -8 to +8 cents, so most markets yield an order to gate.
        var random = new Random(42);
        for (var i = 0; i < Markets; i++)
        {
            var fair = random.Next(5, 96) / 100m;
            var spread = random.Next(1, 5) / 100m;
            var yesBid = Math.Max(0.01m, fair - spread);
            var noBid = Math.Max(0.01m, 1m - fair - 0.01m);
            var quote = new Quote(new BookLevel(Price.FromDollars(yesBid), Contracts.Of(random.Next(1, 500))),
                new BookLevel(Price.FromDollars(noBid), Contracts.Of(random.Next(1, 500))), Now.AddSeconds(-random.Next(0, 20)));
            var ticker = MarketTicker.Parse($"KXNFLGAME-26SEP13G{i:D5}-A");
            var eventTicker = EventTicker.Parse($"KXNFLGAME-26SEP13G{i:D5}");
            _markets[i] = new MarketState(ticker, eventTicker, MarketStatus.Active, Now.AddHours(5), Now.AddHours(2), quote,
                TickStructure.LinearCent, FeeSchedule.Standard, Money.FromDollars(random.Next(0, 20)), Money.FromDollars(random.Next(0, 40)), Holding.None);
            var probability = Math.Clamp(fair + (random.Next(-8, 9) / 100m), 0.01m, 0.99m);
            _forecasts[i] = new Forecast(probability, Now.AddMinutes(-2));
        }

        // Say how much of the slate reaches the gates, so the figure is read for what it measures.
        Console.WriteLine($"// slate: {EvaluateOnly()} of {Markets} markets yield an order, {EvaluateAndGate()} pass every gate");
    }

    /// <summary>Returns how many orders were approved, so the work cannot be optimised away.</summary>
    [Benchmark(OperationsPerInvoke = Markets)]
    public int EvaluateAndGate()
    {
        var approved = 0;
        for (var i = 0; i < Markets; i++)
        {
            ref readonly var market = ref _markets[i];
            var evaluation = _evaluator.Evaluate(market, _forecasts[i], _account);
            if (!evaluation.HasIntent)
                continue;
            var decision = _gate.Check(evaluation.Intent, new RiskSnapshot(_account, market, _forecasts[i].AsOf));
            if (decision.IsApproved)
                approved++;
        }

        return approved;
    }

    /// <summary>Expected value and sizing alone, to tell their share from the gates'.</summary>
    [Benchmark(OperationsPerInvoke = Markets)]
    public int EvaluateOnly()
    {
        var intents = 0;
        for (var i = 0; i < Markets; i++)
        {
            if (_evaluator.Evaluate(_markets[i], _forecasts[i], _account).HasIntent)
                intents++;
        }

        return intents;
    }
}
