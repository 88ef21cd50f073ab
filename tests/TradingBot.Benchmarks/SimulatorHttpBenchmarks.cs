using BenchmarkDotNet.Attributes;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Kalshi;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Simulator.Hosting;
using TradingBot.Simulator.Http.Limits;

namespace TradingBot.Benchmarks;

/// <summary>
/// The simulator over real HTTP on loopback, driven by the real client (signing, JSON, mapping included) from
/// several concurrent callers: requests per second = OperationsPerInvoke / mean time. Each caller signs with its own
/// Prestige-tier key (the simulator meters per key, 800 creates/s each) so its rate limits stay out of the measurement.
/// </summary>
[MemoryDiagnoser]
public class SimulatorHttpBenchmarks
{
    public const int Requests = 400;
    private const int Callers = 8;
    private SimulatorServer _server = null!;
    private KalshiExchange[] _callers = null!;
    private MarketTicker _ticker;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Speed = 0, StepInterval = TimeSpan.FromHours(1) });
        _callers = Enumerable.Range(0, Callers).Select(i =>
        {
            var (key, keyId) = _server.CreateKey($"bench-{i}", Money.FromDollars(1_000_000m), RateTier.Prestige);
            var options = new KalshiOptions { ApiKeyId = keyId, ReadTokensPerSecond = 1_000_000, WriteTokensPerSecond = 1_000_000 };
            return new KalshiExchange(KalshiConnection.Create(options, _server.ApiUrl, new RequestSigner(key), TimeProvider.System), _server.Clock);
        }).ToArray();
        _ticker = (await _callers[0].GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Value![0].Ticker;
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _server.DisposeAsync();

    /// <summary>Signed reads of one order book.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task OrderBookReads() => Run(async exchange => (await exchange.GetOrderBookAsync(_ticker, default)).Success);

    /// <summary>Signed order creates (post-only, resting far from the book) with the fee and collateral checks.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task OrderCreates() => Run(async exchange => (await exchange.CreateOrderAsync(
        new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), _ticker, BookSide.Bid, Price.Parse("0.01"), Contracts.Whole(1), TimeInForce.GoodTillCanceled, true, false), default)).Success);

    private async Task Run(Func<KalshiExchange, Task<bool>> request)
    {
        var failures = 0;
        await Task.WhenAll(_callers.Select(async exchange =>
        {
            for (var i = 0; i < Requests / Callers; i++)
            {
                if (!await request(exchange))
                    Interlocked.Increment(ref failures);
            }
        }));
        if (failures > 0)
            throw new InvalidOperationException($"{failures} requests failed");
    }
}
