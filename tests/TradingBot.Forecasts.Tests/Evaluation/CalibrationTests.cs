using TradingBot.Forecasts.Evaluation;

namespace TradingBot.Forecasts.Tests.Evaluation;

public class CalibrationTests
{
    private const string Data = """
        ticker,source,forecast,outcome,as_of
        KXNFLGAME-26SEP13DALNYG-DAL,elo,0.8,1,2026-09-13T12:00:00Z
        KXNFLGAME-26SEP13DALNYG-NYG,elo,0.6,0,2026-09-13T12:00:00Z
        KXNBAGAME-26OCT20LALBOS-LAL,elo,0.3,no,2026-10-20T12:00:00Z
        KXNBAGAME-26OCT20LALBOS-BOS,elo,0.9,YES,2026-10-20T12:00:00Z
        KXNBAGAME-26OCT20LALBOS-BOS,sportsbook,0.5,1,2026-10-20T12:00:00Z
        KXNBAGAME-26OCT20LALBOS-BOS,elo,1.3,1,2026-10-20T12:00:00Z
        KXNBAGAME-26OCT20LALBOS-BOS,elo,0.7,push,2026-10-20T12:00:00Z
        """;

    // Brier (0.2² + 0.6² + 0.3² + 0.1²) / 4 = 0.125; log loss −(ln 0.8 + ln 0.4 + ln 0.7 + ln 0.9) / 4 = 0.400367;
    // base rate 0.5, so always-0.5 scores 0.25 and the skill is 1 − 0.125 / 0.25 = 0.5.
    [Fact]
    public void Brier_log_loss_and_the_reliability_table_match_a_hand_worked_set()
    {
        var analysis = Calibration.Analyse(new StringReader(Data), source: "elo");

        Assert.True(analysis.Succeeded);
        var result = analysis.Result!;
        Assert.Equal(4, result.Count);
        Assert.Equal(0.125, result.Brier, 12);
        Assert.Equal(0.400367, result.LogLoss, 6);
        Assert.Equal(0.5, result.BrierSkill, 12);
        Assert.Equal([0, 0, 0, 1, 0, 0, 1, 0, 1, 1], result.Bins.Select(b => b.Count));
        Assert.Equal((0.6, 0.0, -0.6), (result.Bins[6].ForecastMean, result.Bins[6].ObservedRate, result.Bins[6].Gap));
        Assert.Equal(["line 7", "line 8"], analysis.Problems.Select(p => p.Where));
    }

    [Fact]
    public void The_text_report_shows_the_scores_the_deciles_and_the_skipped_lines()
    {
        var report = Calibration.Report(new StringReader(Data), source: "elo");

        Assert.Contains("Calibration of source 'elo'", report, StringComparison.Ordinal);
        Assert.Contains("Brier score   0.1250", report, StringComparison.Ordinal);
        Assert.Contains("log loss      0.4004", report, StringComparison.Ordinal);
        Assert.Contains("0.6-0.7         1     0.600     0.000  -0.600", report, StringComparison.Ordinal);
        Assert.Contains("0.0-0.1         0         -         -       -", report, StringComparison.Ordinal);
        Assert.Contains("line 7: forecast '1.3' is not a number between 0 and 1", report, StringComparison.Ordinal);
        Assert.Contains("line 8: outcome 'push' is not 1/0, yes/no or true/false", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_source_every_row_is_scored()
    {
        var analysis = Calibration.Analyse(new StringReader(Data));
        Assert.Equal(5, analysis.Result!.Count);
        Assert.Equal("all forecasts", analysis.Title);
    }

    [Fact]
    public void Forecasts_of_exactly_0_and_1_land_in_the_end_bins_and_a_wrong_certainty_costs_a_finite_log_loss()
    {
        var result = Calibration.Compute([(0.0, true), (1.0, true)]);
        Assert.Equal(1, result.Bins[0].Count);
        Assert.Equal(1, result.Bins[9].Count);
        Assert.Equal((-Math.Log(Calibration.Epsilon) - Math.Log(1 - Calibration.Epsilon)) / 2, result.LogLoss, 9);
    }

    [Theory]
    [InlineData("", "cannot be read")]
    [InlineData("forecast,result\n0.5,1\n", "lacks outcome")]
    [InlineData("forecast,outcome\n0.5,maybe\n", "no usable forecast")]
    public void Data_that_cannot_be_scored_says_why(string data, string reason)
    {
        var analysis = Calibration.Analyse(new StringReader(data));
        Assert.False(analysis.Succeeded);
        Assert.Contains(reason, analysis.Fatal, StringComparison.Ordinal);
        Assert.Contains("error: ", Calibration.Report(new StringReader(data)), StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_source_in_data_without_a_source_column_is_an_error() =>
        Assert.Contains("no source column", Calibration.Analyse(new StringReader("forecast,outcome\n0.5,1\n"), "elo").Fatal, StringComparison.Ordinal);
}
