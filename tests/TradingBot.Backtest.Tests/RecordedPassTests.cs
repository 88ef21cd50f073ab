using TradingBot.Core.Values;

namespace TradingBot.Backtest.Tests;

/// <summary>A recording's <c>pass</c> records say when the recording bot decided: the replay decides then, not on the calendar.</summary>
public sealed class RecordedPassTests : IDisposable
{
    private readonly Fixture _fixture = new();

    private static string Pass(string ts) => $$"""{"type":"pass","ts":"{{ts}}"}""";

    /// <summary>
    /// The ask is 0.40 for twenty seconds, then 0.47 (no edge against 0.48). The recording bot decided at 16:00:00 and
    /// bought; the calendar alone would have scanned at 15:59 (no quote yet) and next minutes later (0.47: nothing).
    /// </summary>
    [Fact]
    public async Task The_replay_decides_at_the_recorded_passes()
    {
        string[] lines =
        [
            Fixture.Market,
            Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"),
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"),
            Pass("2026-09-11T16:00:00Z"),
            Fixture.Quote("2026-09-11T16:00:20Z", "0.45", "25.00", "0.47", "10.00"),
            Pass("2026-09-11T16:00:20Z"),
        ];
        var recorded = _fixture.Write("recorded.jsonl", lines);
        var calendar = _fixture.Write("calendar.jsonl", lines.Where(l => !l.Contains("\"pass\"", StringComparison.Ordinal)).ToArray());

        var replayed = await BacktestRunner.RunAsync(recorded, Fixture.DefaultOptions());
        var scheduled = await BacktestRunner.RunAsync(calendar, Fixture.DefaultOptions());

        var trade = Assert.Single(replayed.Trades);
        Assert.Equal((Money.FromDollars(4.00m), Contracts.Whole(10)), (trade.Cost, trade.Count));
        Assert.Empty(scheduled.Trades);
        // One scan at each pass and none between (the calendar's first scan, at the first record, came before the first pass).
        Assert.Equal(3, replayed.Counts.Scans);
    }

    /// <summary>A forecast's <c>as_of</c> is what the age gate reads: stamped long before it was known, it is too old to trade on.</summary>
    [Fact]
    public async Task A_forecast_is_as_old_as_its_sources_stamp()
    {
        var fresh = _fixture.Write("fresh.jsonl", Fixture.Market,
            """{"type":"forecast","ts":"2026-09-11T16:00:00Z","as_of":"2026-09-11T15:59:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"0.48"}""",
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"), Pass("2026-09-11T16:00:00Z"));
        var stale = _fixture.Write("stale.jsonl", Fixture.Market,
            """{"type":"forecast","ts":"2026-09-11T16:00:00Z","as_of":"2026-09-10T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"0.48"}""",
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"), Pass("2026-09-11T16:00:00Z"));

        Assert.Single((await BacktestRunner.RunAsync(fresh, Fixture.DefaultOptions())).Trades);
        Assert.Empty((await BacktestRunner.RunAsync(stale, Fixture.DefaultOptions())).Trades);
    }

    public void Dispose() => _fixture.Dispose();
}
