using TradingBot.Worker.Cli;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests;

/// <summary><c>tradingbot backtest --sweep</c>: one replay per combination of settings, a report each, one comparison table.</summary>
public sealed class BacktestSweepTests
{
    // Issue 15's hand-computed fixture: YES ask 0.40 × 10, model 0.48, result YES (edge after the fee ≈ 0.06).
    private const string Dataset = """
        {"type":"market","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","event_ticker":"KXNFLGAME-26SEP13DALNYG","series_ticker":"KXNFLGAME","title":"Dallas at New York","yes_sub_title":"Dallas","game_start":"2026-09-13T16:00:00Z","close_time":"2026-09-13T19:00:00Z","fee_type":"quadratic","fee_multiplier":"1"}
        {"type":"forecast","ts":"2026-09-11T15:59:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"0.48","source":"test"}
        {"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.38","yes_ask":"0.40","yes_bid_size":"25.00","yes_ask_size":"10.00"}
        {"type":"settlement","ts":"2026-09-13T19:30:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","result":"yes"}
        """;

    [Fact]
    public async Task Every_combination_is_replayed_into_its_own_report_and_compared_side_by_side()
    {
        using var config = new TempConfig();
        var data = Path.Combine(config.Directory, "fixture.jsonl");
        await File.WriteAllTextAsync(data, Dataset + "\n");
        var output = Path.Combine(config.Directory, "sweep");

        var run = await BotCli.RunAsync("backtest", "--data", data, "--out", output, "--config", config.Path,
            "--sweep", "Strategy:MinEdge=0.03,0.2", "--sweep", "Risk:MaxPositionPerMarket=2,50");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(output, "comparison.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["\"Strategy.MinEdge=0.03", "\"Strategy.MinEdge=0.03", "\"Strategy.MinEdge=0.2", "\"Strategy.MinEdge=0.2"], rows.Select(r => r[0]));
        // At a 0.03 minimum edge the bot buys (all 10 with $50 of room: 5.8320; at most $2 of room: fewer, still a trade);
        // at 0.20 the 0.06 edge is not enough and nothing trades.
        Assert.Equal(["1", "1", "0", "0"], rows.Select(r => r[2]));
        Assert.Equal("5.8320", rows[1][3]);
        Assert.All(BacktestVerb.Combinations([("Strategy:MinEdge", ["0.03", "0.2"]), ("Risk:MaxPositionPerMarket", ["2", "50"])]),
            c => Assert.True(File.Exists(Path.Combine(output, BacktestVerb.NameOf(c), "report.json"))));
    }

    [Theory]
    [InlineData("Strategy:MinEdge")]
    [InlineData("Strategy:MinEdge=0.03,,0.05")]
    [InlineData("=1,2")]
    public async Task A_malformed_sweep_is_refused_before_anything_runs(string sweep)
    {
        using var config = new TempConfig();
        var run = await BotCli.RunAsync("backtest", "--data", "/nonexistent.jsonl", "--out", Path.Combine(config.Directory, "x"), "--config", config.Path, "--sweep", sweep);

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("--sweep takes KEY=v1,v2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swept_value_the_settings_refuse_stops_the_sweep_before_any_replay()
    {
        using var config = new TempConfig();
        var output = Path.Combine(config.Directory, "sweep");
        var run = await BotCli.RunAsync("backtest", "--data", "/nonexistent.jsonl", "--out", output, "--config", config.Path, "--sweep", "Strategy:MinEdge=0.03,7");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Strategy:MinEdge", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
