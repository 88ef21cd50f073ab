using System.Globalization;
using TradingBot.Backtest.Import;

namespace TradingBot.Worker.Cli;

/// <summary><c>tradingbot data import-nflverse --games FILE --out FILE</c>: the conversion is the Backtest project's; this reads the options and prints the counts.</summary>
internal static class DataVerbs
{
    /// <summary>Needs no configuration: it reads only the games file.</summary>
    public static async Task<int> ImportNflverseAsync(FileInfo games, string outPath, string? seasons, string halfSpread, string tick,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = new NflverseOptions();
        if (seasons is not null)
        {
            if (!NflverseOptions.TryParseSeasons(seasons, out var first, out var last))
            {
                await error.WriteLineAsync($"--seasons takes a season or a range such as 2010-2025 (got '{seasons}')");
                return ExitCodes.InvalidConfiguration;
            }

            options = options with { FirstSeason = first, LastSeason = last };
        }

        if (!decimal.TryParse(halfSpread, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var half)
            || !decimal.TryParse(tick, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var step))
        {
            await error.WriteLineAsync($"--half-spread and --tick take decimals such as 0.01 (got '{halfSpread}' and '{tick}')");
            return ExitCodes.InvalidConfiguration;
        }

        options = options with { HalfSpread = half, Tick = step };
        if (options.Problem() is { } problem)
        {
            await error.WriteLineAsync(problem);
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            var summary = await Nflverse.ImportFileAsync(games.FullName, outPath, options, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {summary.Games} games ({summary.Markets} markets, {summary.Records} records) to {Path.GetFullPath(outPath)}. Skipped: {summary.WithoutMoneylines} without both moneylines, {summary.LinesRefused} whose moneylines de-vig refused, {summary.NotPlayed} not played yet, {summary.OutsideSeasons} outside --seasons."));
            return ExitCodes.Ok;
        }
        catch (NflverseException ex)
        {
            await error.WriteLineAsync($"Import stopped, nothing written: {games.FullName}: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Import stopped: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
