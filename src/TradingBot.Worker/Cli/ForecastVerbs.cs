using TradingBot.Forecasts.Evaluation;

namespace TradingBot.Worker.Cli;

/// <summary><c>tradingbot forecasts calibrate --data FILE</c>: scores a source's forecasts against settled outcomes.</summary>
internal static class ForecastVerbs
{
    /// <summary>Needs no configuration: it reads only the data file, so it can run anywhere the binary is.</summary>
    public static async Task<int> CalibrateAsync(FileInfo data, string? source, int bins, TextWriter output, TextWriter error)
    {
        if (bins is < 1 or > 100)
        {
            await error.WriteLineAsync($"--bins must be between 1 and 100 (got {bins})");
            return ExitCodes.Failure;
        }

        CalibrationAnalysis analysis;
        try
        {
            using var reader = data.OpenText();
            analysis = Calibration.Analyse(reader, source, bins);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {data.FullName}: {ex.Message}");
            return ExitCodes.Failure;
        }

        await (analysis.Succeeded ? output : error).WriteAsync(Calibration.Format(analysis));
        return analysis.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
