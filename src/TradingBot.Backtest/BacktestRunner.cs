using TradingBot.Backtest.Data;
using TradingBot.Backtest.Replay;
using TradingBot.Backtest.Report;

namespace TradingBot.Backtest;

/// <summary>
/// <c>tradingbot backtest</c>: replays a dataset through the bot's own steps and writes the report. The file is
/// streamed when it is in time order; at the first record out of order the replay starts over on the file sorted in
/// memory (see <see cref="DatasetReader.MaxSortedRecords"/>). A bad record stops the run with its line: no report is
/// written from part of the data.
/// </summary>
public static class BacktestRunner
{
    public static async Task<BacktestReport> RunAsync(string dataPath, BacktestOptions options, Action<BacktestProgress>? progress = null,
        Action<string>? notice = null, CancellationToken cancellationToken = default)
    {
        // The files are listed once: a recorder may add a day to the folder while the replay runs.
        var files = DatasetReader.FilesOf(dataPath);
        var position = new ReadPosition();
        try
        {
            var outcome = await new Replay.Replay(files, options, position, progress).RunAsync(DatasetReader.Stream(files, position), cancellationToken).ConfigureAwait(false);
            return Noticed(BacktestReport.From(outcome, options.StartingBalance), notice);
        }
        catch (DatasetOrderException ex)
        {
            notice?.Invoke($"{dataPath} is not in time order (line {ex.Line} goes back in time): sorting it in memory and starting the replay over");
        }

        position = new ReadPosition();
        var sorted = await new Replay.Replay(files, options, position, progress).RunAsync(DatasetReader.Sorted(files, position), cancellationToken).ConfigureAwait(false);
        return Noticed(BacktestReport.From(sorted, options.StartingBalance), notice);
    }

    /// <summary>Says what the operator should know about how the data was taken: listings changed in ways the replay could not follow.</summary>
    private static BacktestReport Noticed(BacktestReport report, Action<string>? notice)
    {
        if (report.Counts.ListingsKept > 0)
        {
            notice?.Invoke($"{report.Counts.ListingsKept} market records listed a market again with a different strike, ticks or titles "
                + $"(the first: {report.Counts.FirstKeptListing}); in those the market was replayed as first listed");
        }

        return report;
    }

    /// <summary>Runs the replay and writes report.json, trades.csv and report.html into <paramref name="outFolder"/>.</summary>
    public static async Task<BacktestReport> RunToFolderAsync(string dataPath, string outFolder, BacktestOptions options, Action<BacktestProgress>? progress = null,
        Action<string>? notice = null, CancellationToken cancellationToken = default)
    {
        var report = await RunAsync(dataPath, options, progress, notice, cancellationToken).ConfigureAwait(false);
        ReportWriter.Write(report, outFolder);
        return report;
    }
}
