using System.Globalization;
using TradingBot.Backtest;
using TradingBot.Backtest.Data;
using TradingBot.Core.Engine;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Cli;

/// <summary>
/// <c>tradingbot backtest --data PATH --out DIR</c>: the settings (the file, the environment, then each <c>--set</c>)
/// are bound and validated as for <c>run</c>; the replay itself is the Backtest project's.
/// </summary>
internal static class BacktestVerb
{
    /// <summary>Turns <c>--set Risk:MaxPositionPerMarket=20</c> into configuration keys; null with the problem written when one is malformed.</summary>
    public static Dictionary<string, string?>? Overrides(IEnumerable<string> sets, TextWriter error)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            var at = set.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                error.WriteLine($"--set takes KEY=VALUE, such as Risk:MaxPositionPerMarket=20 (got '{set}')");
                return null;
            }

            overrides[set[..at].Trim()] = set[(at + 1)..];
        }

        return overrides;
    }

    public static async Task<int> RunAsync(CheckedSettings settings, FileInfo data, string outFolder, string? from, string? to, string? balance,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryTime(from, "--from", error, out var start) || !TryTime(to, "--to", error, out var end))
            return ExitCodes.InvalidConfiguration;
        var dollars = BacktestOptions.DefaultBalance;
        if (balance is not null && (!decimal.TryParse(balance, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || !Money.TryFromDollars(amount, out dollars) || decimal.Round(amount, 2) != amount))
        {
            await error.WriteLineAsync($"--balance must be a positive number of dollars with at most 2 decimals (got '{balance}')");
            return ExitCodes.InvalidConfiguration;
        }

        if (start is not null && end is not null && end <= start)
        {
            await error.WriteLineAsync("--to must come after --from");
            return ExitCodes.InvalidConfiguration;
        }

        var bot = settings.Get<TradingBotOptions>();
        var options = new BacktestOptions(settings.Get<RiskOptions>(), settings.Get<StrategyOptions>(), settings.Get<ScannerOptions>(),
            bot.MonitorInterval, bot.ReconcileInterval, dollars, start, end);
        var progress = new ProgressLine(output, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        try
        {
            var report = await BacktestRunner.RunToFolderAsync(data.FullName, outFolder, options, progress.Report, line => error.WriteLine(line), cancellationToken);
            progress.Finish();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backtest done: {report.Trades.Count} trades, pnl {report.Pnl}, fees {report.Fees}, roi {report.Roi?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "n/a"}; report in {Path.GetFullPath(outFolder)}"));
            return ExitCodes.Ok;
        }
        catch (DatasetException ex)
        {
            progress.Finish();
            await error.WriteLineAsync($"Backtest stopped, no report written: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            progress.Finish();
            await error.WriteLineAsync($"Backtest stopped: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>An ISO 8601 time in UTC, or a date (its midnight UTC).</summary>
    private static bool TryTime(string? text, string option, TextWriter error, out DateTimeOffset? at)
    {
        at = null;
        if (text is null)
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            at = parsed;
            return true;
        }

        error.WriteLine($"{option} must be an ISO 8601 time such as 2025-09-01T00:00:00Z or a date such as 2025-09-01 (got '{text}')");
        return false;
    }

    /// <summary>A bar redrawn in place on a terminal; otherwise a plain line every tenth of the file.</summary>
    private sealed class ProgressLine(TextWriter output, bool terminal)
    {
        private int _shown = -1;

        public void Report(BacktestProgress progress)
        {
            var percent = (int)Math.Clamp(progress.Fraction * 100, 0, 100);
            var step = terminal ? percent : percent / 10 * 10;
            if (step == _shown)
                return;
            _shown = step;
            var at = progress.At == DateTimeOffset.MinValue ? "" : progress.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (terminal)
                output.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', percent / 4),-25}] {percent,3}% {progress.Records:N0} records {at}  "));
            else
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backtest: {step}% of the file, {progress.Records:N0} records, replay at {at}"));
        }

        public void Finish()
        {
            if (terminal && _shown >= 0)
                output.WriteLine();
        }
    }
}
