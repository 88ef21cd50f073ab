using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using TradingBot.Backtest;
using TradingBot.Backtest.Data;
using TradingBot.Core.Engine;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;

namespace TradingBot.Benchmarks;

/// <summary>
/// The backtest's throughput: a synthetic file of quotes (100 markets, one quote a second each, games far off so the
/// scanner runs every 5 minutes, no forecasts so no order) read and replayed on one core. One operation is the whole
/// file: records a second = (<see cref="Quotes"/> + 100) / mean. Run with <c>--filter *Backtest*</c>; <see cref="Quotes"/>
/// set at 10,000,000 is issue 15's figure (a 1.2 GB file in the temp folder, written once). Reading allocates the same
/// 1 MB whatever the size (streamed); the replay's allocations and live heap grow with the scan passes (simulated
/// time), mostly the engine keeping every order the recorded quotes rested, not with the records read.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    [Params(1_000_000, 10_000_000)]
    public int Quotes { get; set; }

    private string _path = "";

    [GlobalSetup]
    public void Setup() => _path = SyntheticQuotes.Write(Path.Combine(Path.GetTempPath(), $"tradingbot-bench-{Quotes}.jsonl"), Quotes, 100);

    [Benchmark]
    public long ReadOnly() => DatasetReader.Stream(_path).LongCount();

    [Benchmark]
    public async Task<long> ReadAndReplay()
    {
        var report = await BacktestRunner.RunAsync(_path, Options());
        return report.Counts.Records;
    }

    public static BacktestOptions Options() => new(
        new RiskOptions { MaxPositionPerMarket = 50m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 },
        new StrategyOptions(), new ScannerOptions(), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(2), BacktestOptions.DefaultBalance);
}

/// <summary>A dataset of <c>markets</c> markets quoted once a second each, round-robin, in time order; written once per size.</summary>
public static class SyntheticQuotes
{
    public static string Write(string path, int quotes, int markets)
    {
        if (File.Exists(path))
            return path;
        var start = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var game = start.AddDays(400);
        var random = new Random(7);
        using var writer = new StreamWriter(path + ".part", false, new UTF8Encoding(false), 1 << 20);
        for (var m = 0; m < markets; m++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"type\":\"market\",\"ticker\":\"KXNFLGAME-27OCT05T{m:000}T{m + 500:000}-T{m:000}\",\"event_ticker\":\"KXNFLGAME-27OCT05T{m:000}T{m + 500:000}\",\"series_ticker\":\"KXNFLGAME\",\"title\":\"bench {m}\",\"game_start\":\"{game:yyyy-MM-ddTHH:mm:ssZ}\",\"close_time\":\"{game.AddHours(4):yyyy-MM-ddTHH:mm:ssZ}\",\"fee_type\":\"quadratic\",\"fee_multiplier\":\"1\"}}\n"));
        }

        for (var i = 0; i < quotes; i++)
        {
            var m = i % markets;
            var at = start.AddSeconds(i / markets);
            var bid = 30 + random.Next(30);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"type\":\"quote\",\"ts\":\"{at:yyyy-MM-ddTHH:mm:ssZ}\",\"ticker\":\"KXNFLGAME-27OCT05T{m:000}T{m + 500:000}-T{m:000}\",\"yes_bid\":\"0.{bid:00}\",\"yes_ask\":\"0.{bid + 2:00}\",\"yes_bid_size\":\"25.00\",\"yes_ask_size\":\"10.00\"}}\n"));
        }

        writer.Close();
        File.Move(path + ".part", path);
        return path;
    }
}
