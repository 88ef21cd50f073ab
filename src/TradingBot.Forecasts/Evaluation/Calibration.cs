using System.Globalization;
using System.Text;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Evaluation;

/// <summary>A calibration run: the result, the lines skipped, or why the data could not be read at all.</summary>
public sealed record CalibrationAnalysis(CalibrationResult? Result, IReadOnlyList<InputProblem> Problems, string? Fatal, string Title)
{
    public bool Succeeded => Fatal is null && Result is { Count: > 0 };
}

/// <summary>
/// Scores a source's forecasts against settled outcomes. The data is CSV with a header; required columns
/// <c>forecast</c> (the YES probability, 0 to 1) and <c>outcome</c> (1/0, yes/no or true/false: did YES win);
/// optional <c>source</c> (to score one source of several in one file), <c>ticker</c> and <c>as_of</c>, which are
/// carried but not scored. The entry point for <c>tradingbot forecasts calibrate --data FILE</c>.
/// </summary>
public static class Calibration
{
    /// <summary>Log loss of a forecast of exactly 0 or 1 that came out wrong is infinite; forecasts are held this far inside.</summary>
    public const double Epsilon = 1e-6;

    public static string Report(TextReader data, string? source = null, int bins = 10) => Format(Analyse(data, source, bins));

    public static CalibrationAnalysis Analyse(TextReader data, string? source = null, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = source is null ? "all forecasts" : $"source '{source}'";
        if (!CsvTable.TryRead(data, ["forecast", "outcome"], out var table, out var error))
            return new CalibrationAnalysis(null, [], $"the data cannot be read: {error}", title);
        if (source is not null && !table.HasColumn("source"))
            return new CalibrationAnalysis(null, [], $"a source ('{source}') was asked for but the data has no source column", title);

        var pairs = new List<(double, bool)>();
        var problems = new List<InputProblem>();
        foreach (var row in table.Rows)
        {
            if (source is not null && !string.Equals(row["source"], source, StringComparison.OrdinalIgnoreCase))
                continue;
            (double, bool) pair = default;
            var problem = row.Error ?? TryRead(row, out pair);
            if (problem is null)
                pairs.Add(pair);
            else
                problems.Add(new InputProblem($"line {row.Line}", problem));
        }

        var result = pairs.Count > 0 ? Compute(pairs, bins) : null;
        var fatal = pairs.Count == 0 ? $"no usable forecast{(source is null ? "" : $" for source '{source}'")}" : null;
        return new CalibrationAnalysis(result, problems, fatal, title);
    }

    public static CalibrationResult Compute(IEnumerable<(double Forecast, bool Outcome)> pairs, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var forecastSum = new double[bins];
        var hits = new int[bins];
        double brier = 0, logLoss = 0;
        var n = 0;
        var yes = 0;
        foreach (var (forecast, outcome) in pairs)
        {
            if (!(forecast >= 0 && forecast <= 1))
                throw new ArgumentOutOfRangeException(nameof(pairs), forecast, "a forecast is between 0 and 1");
            var y = outcome ? 1.0 : 0.0;
            var p = Math.Clamp(forecast, Epsilon, 1 - Epsilon);
            brier += (forecast - y) * (forecast - y);
            logLoss -= outcome ? Math.Log(p) : Math.Log(1 - p);
            var bin = Math.Min((int)(forecast * bins), bins - 1);
            count[bin]++;
            forecastSum[bin] += forecast;
            hits[bin] += outcome ? 1 : 0;
            yes += outcome ? 1 : 0;
            n++;
        }

        if (n == 0)
            throw new ArgumentException("no forecasts to score", nameof(pairs));
        var table = Enumerable.Range(0, bins)
            .Select(i => new ReliabilityBin((double)i / bins, (double)(i + 1) / bins, count[i],
                count[i] == 0 ? 0 : forecastSum[i] / count[i], count[i] == 0 ? 0 : (double)hits[i] / count[i]))
            .ToList();
        return new CalibrationResult(n, brier / n, logLoss / n, (double)yes / n, table);
    }

    public static string Format(CalibrationAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Calibration of {analysis.Title}");
        if (analysis.Result is { } r)
        {
            text.AppendLine(c, $"forecasts     {r.Count}");
            text.AppendLine(c, $"Brier score   {r.Brier:0.0000}   (always the base rate {r.BaseRate:0.000}: {r.ClimatologyBrier:0.0000}; skill {r.BrierSkill:+0.000;-0.000;0.000})");
            text.AppendLine(c, $"log loss      {r.LogLoss:0.0000}");
            text.AppendLine("reliability   bin        count  forecast  observed     gap");
            foreach (var bin in r.Bins)
            {
                var detail = bin.Count == 0 ? "       -         -       -" : string.Create(c, $"{bin.ForecastMean,8:0.000}  {bin.ObservedRate,8:0.000}  {bin.Gap,6:+0.000;-0.000;0.000}");
                text.AppendLine(c, $"              {bin.Lower:0.0}-{bin.Upper:0.0}  {bin.Count,8}  {detail}");
            }
        }

        if (analysis.Fatal is not null)
            text.AppendLine(c, $"error: {analysis.Fatal}");
        if (analysis.Problems.Count > 0)
        {
            text.AppendLine(c, $"{analysis.Problems.Count} line(s) skipped:");
            foreach (var problem in analysis.Problems)
                text.AppendLine(c, $"  {problem}");
        }

        return text.ToString();
    }

    private static string? TryRead(CsvRow row, out (double Forecast, bool Outcome) pair)
    {
        pair = default;
        if (!double.TryParse(row["forecast"], NumberStyles.Float, CultureInfo.InvariantCulture, out var forecast) || !(forecast >= 0 && forecast <= 1))
            return $"forecast '{row["forecast"]}' is not a number between 0 and 1";
        bool? outcome = row["outcome"].ToUpperInvariant() switch
        {
            "1" or "YES" or "TRUE" => true,
            "0" or "NO" or "FALSE" => false,
            _ => null,
        };
        if (outcome is null)
            return $"outcome '{row["outcome"]}' is not 1/0, yes/no or true/false";
        pair = (forecast, outcome.Value);
        return null;
    }
}
