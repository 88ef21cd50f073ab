using System.Globalization;
using TradingBot.Backtest;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Report;
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

    /// <summary>Turns each <c>--sweep KEY=v1,v2</c> into a key and its values; null with the problem written when one is malformed.</summary>
    public static List<(string Key, string[] Values)>? Sweeps(IEnumerable<string> sweeps, TextWriter error)
    {
        var parsed = new List<(string Key, string[] Values)>();
        foreach (var sweep in sweeps)
        {
            var at = sweep.IndexOf('=', StringComparison.Ordinal);
            var values = at <= 0 ? [] : sweep[(at + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (at <= 0 || values.Length == 0 || values.Any(v => v.Length == 0))
            {
                error.WriteLine($"--sweep takes KEY=v1,v2,..., such as Strategy:MinEdge=0.02,0.03,0.05 (got '{sweep}')");
                return null;
            }

            var key = sweep[..at].Trim();
            if (parsed.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                error.WriteLine($"--sweep names {key} twice: give its values in one --sweep");
                return null;
            }

            parsed.Add((key, values.Distinct(StringComparer.Ordinal).ToArray()));
        }

        return parsed;
    }

    /// <summary>Every combination of the swept values, the first key varying slowest.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Key, string Value)>> Combinations(IReadOnlyList<(string Key, string[] Values)> sweeps)
    {
        IEnumerable<IReadOnlyList<(string Key, string Value)>> combinations = [[]];
        foreach (var (key, values) in sweeps)
            combinations = combinations.SelectMany(c => values.Select(v => (IReadOnlyList<(string, string)>)[.. c, (key, v)])).ToList();
        return combinations.ToList();
    }

    /// <summary>A combination's name, also its report folder: <c>Strategy.MinEdge=0.05,Risk.MaxPositionPerMarket=20</c>.</summary>
    public static string NameOf(IReadOnlyList<(string Key, string Value)> combination) =>
        string.Join(",", combination.Select(c => $"{c.Key.Replace(':', '.')}={c.Value}"));

    public static async Task<int> RunAsync(CheckedSettings settings, FileInfo data, string outFolder, string? from, string? to, string? balance,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await OptionsAsync(settings, from, to, balance, error) is not { } options)
            return ExitCodes.InvalidConfiguration;
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

    /// <summary>
    /// One replay per combination, run in parallel across the cores, each with its report in its own folder under
    /// <paramref name="outFolder"/>, then one comparison table (<c>comparison.csv</c>, printed too). Deterministic: the
    /// table is in the order of the combinations whatever finishes first.
    /// </summary>
    public static async Task<int> SweepAsync(IReadOnlyList<(string Name, CheckedSettings Settings)> combinations, FileInfo data, string outFolder,
        string? from, string? to, string? balance, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var runs = new List<(string Name, BacktestOptions Options)>();
        foreach (var (name, settings) in combinations)
        {
            if (await OptionsAsync(settings, from, to, balance, error) is not { } options)
                return ExitCodes.InvalidConfiguration;
            runs.Add((name, options));
        }

        var reports = new BacktestReport[runs.Count];
        try
        {
            await output.WriteLineAsync($"Sweep: {runs.Count} replays of {data.FullName}, {Environment.ProcessorCount} at a time");
            await Parallel.ForEachAsync(Enumerable.Range(0, runs.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (i, token) => reports[i] = await BacktestRunner.RunToFolderAsync(data.FullName, Path.Combine(outFolder, runs[i].Name), runs[i].Options, null, null, token));
        }
        catch (DatasetException ex)
        {
            await error.WriteLineAsync($"Sweep stopped, no comparison written: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Sweep stopped: {ex.Message}");
            return ExitCodes.Failure;
        }

        var table = Comparison(runs.Select(r => r.Name).ToList(), reports);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "comparison.csv"), table, cancellationToken);
        await output.WriteAsync(table);
        await output.WriteLineAsync($"Sweep done: {runs.Count} reports and comparison.csv in {Path.GetFullPath(outFolder)}");
        return ExitCodes.Ok;
    }

    /// <summary>The reports side by side, one row per combination.</summary>
    internal static string Comparison(IReadOnlyList<string> names, IReadOnlyList<BacktestReport> reports)
    {
        static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
        var text = new System.Text.StringBuilder("combination,trades,pnl,fees,capital,roi,max_drawdown,win_rate,brier_model,brier_market,clv\n");
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            text.Append(CultureInfo.InvariantCulture,
                $"\"{names[i]}\",{r.Trades.Count},{ReportWriter.Dollars(r.Pnl)},{ReportWriter.Dollars(r.Fees)},{ReportWriter.Dollars(r.Capital)},{N(r.Roi)},{ReportWriter.Dollars(r.MaxDrawdown)},{N(r.WinRate)},{N(r.BrierModel)},{N(r.BrierMarket)},{N(r.Clv)}\n");
        }

        return text.ToString();
    }

    private static async Task<BacktestOptions?> OptionsAsync(CheckedSettings settings, string? from, string? to, string? balance, TextWriter error)
    {
        if (!TryTime(from, "--from", error, out var start) || !TryTime(to, "--to", error, out var end))
            return null;
        if (!TryBalance(balance, out var dollars, out var shards, out var problem))
        {
            await error.WriteLineAsync($"--balance {problem} (got '{balance}')");
            return null;
        }

        if (start is not null && end is not null && end <= start)
        {
            await error.WriteLineAsync("--to must come after --from");
            return null;
        }

        var bot = settings.Get<TradingBotOptions>();
        return new BacktestOptions(settings.Get<RiskOptions>(), settings.Get<StrategyOptions>(), settings.Get<ScannerOptions>(),
            bot.MonitorInterval, bot.ReconcileInterval, dollars, start, end, shards);
    }

    /// <summary>
    /// <c>--balance 1000</c>, or <c>--balance 1000,3=250</c>: the total, and how much of it is on other exchange shards
    /// than 0 (paper mode keeps some on shard 3, where baseball trades). Dollars with at most 2 decimals.
    /// </summary>
    internal static bool TryBalance(string? text, out Money total, out Dictionary<int, Money> shards, out string problem)
    {
        total = BacktestOptions.DefaultBalance;
        shards = [];
        problem = "must be a positive number of dollars with at most 2 decimals, optionally followed by ,SHARD=DOLLARS for each other exchange shard (e.g. 1000,3=250)";
        if (text is null)
            return true;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (!TryDollars(parts[0], out total) || total <= Money.Zero)
            return false;
        var elsewhere = Money.Zero;
        foreach (var part in parts.Skip(1))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !int.TryParse(part[..at], NumberStyles.None, CultureInfo.InvariantCulture, out var shard) || shard is <= 0 or >= 64
                || shards.ContainsKey(shard) || !TryDollars(part[(at + 1)..], out var money))
                return false;
            shards[shard] = money;
            elsewhere += money;
        }

        if (elsewhere > total)
        {
            problem = "puts more on other shards than the total";
            return false;
        }

        return true;
    }

    private static bool TryDollars(string text, out Money money)
    {
        money = Money.Zero;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && decimal.Round(amount, 2) == amount
            && Money.TryFromDollars(amount, out money);
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

    /// <summary>A bar redrawn in place on a terminal; otherwise a plain line every tenth of the data (a file, or a folder's files).</summary>
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
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backtest: {step}% of the data, {progress.Records:N0} records, replay at {at}"));
        }

        public void Finish()
        {
            if (terminal && _shown >= 0)
                output.WriteLine();
        }
    }
}
