using TradingBot.Worker.Cli;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests;

public sealed class ForecastCalibrateVerbTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"calibrate-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task Prints_brier_log_loss_and_the_reliability_table_for_one_source()
    {
        // elo: 0.8 four times (3 yes), 0.2 four times (1 yes); the book rows are excluded by --source.
        await File.WriteAllTextAsync(_file, """
            source,ticker,forecast,outcome
            elo,A,0.8,1
            elo,B,0.8,1
            elo,C,0.8,yes
            elo,D,0.8,0
            elo,E,0.2,0
            elo,F,0.2,no
            elo,G,0.2,false
            elo,H,0.2,1
            book,I,0.5,1
            """);

        var result = await BotCli.RunAsync("forecasts", "calibrate", "--data", _file, "--source", "elo");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("forecasts     8", result.Output, StringComparison.Ordinal);
        // Brier: every forecast is 0.2 from the truth 6 times and 0.8 twice: (6*0.04 + 2*0.64) / 8 = 0.19.
        Assert.Contains("Brier score   0.1900", result.Output, StringComparison.Ordinal);
        Assert.Contains("log loss      ", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"0\.8-0\.9\s+4\s+0\.800\s+0\.750", result.Output);
        Assert.Matches(@"0\.2-0\.3\s+4\s+0\.200\s+0\.250", result.Output);
    }

    [Fact]
    public async Task Bad_lines_are_listed_and_skipped_while_the_rest_is_scored()
    {
        await File.WriteAllTextAsync(_file, "forecast,outcome\n0.7,1\n1.4,1\n0.3,maybe\n0.6,0\n");

        var result = await BotCli.RunAsync("forecasts", "calibrate", "--data", _file);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("forecasts     2", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 line(s) skipped", result.Output, StringComparison.Ordinal);
        Assert.Contains("'1.4' is not a number between 0 and 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_needed_columns_or_missing_altogether_fails_with_a_clear_message()
    {
        await File.WriteAllTextAsync(_file, "probability,result\n0.5,1\n");
        var wrongColumns = await BotCli.RunAsync("forecasts", "calibrate", "--data", _file);
        Assert.Equal(ExitCodes.Failure, wrongColumns.ExitCode);
        Assert.Contains("forecast", wrongColumns.Error, StringComparison.Ordinal);

        var missing = await BotCli.RunAsync("forecasts", "calibrate", "--data", _file + ".absent");
        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("Cannot read", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
    }
}
