using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// The operator's model output from a local CSV or JSON file, reloaded when the file's write time or size
/// changes. A file that cannot be read or parsed as a whole leaves the previous good data in place; bad rows are
/// skipped and listed in health with their line numbers. Writers should replace the file by rename so a reader
/// never meets half a file; one caught mid-write is refused as a whole and re-read once it changes again.
/// </summary>
public sealed class FileForecastSource(FileFeedOptions options, TimeProvider time, string name = "file") : IForecastSource
{
    private readonly FeedState _state = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTime WriteTime, long Length)? _seen;
    private volatile string? _loadProblem = "not loaded yet";

    public string Name => name;

    public ForecastSourceHealth Health =>
        new(Name, _state.LoadedAt, _state.Markets, ProblemText.Join(_loadProblem, _state.Describe()));

    /// <summary>The bad rows of the data now applied, all of them (health lists only the first few).</summary>
    public IReadOnlyList<InputProblem> BadRows => _state.BadRows;

    public Forecast? Get(ForecastRequest market) => _state.Find(market);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, CancellationToken.None).ConfigureAwait(false))
            return;
        try
        {
            await LoadIfChangedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: nothing was applied, and the next refresh will look again.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _loadProblem = $"{options.Path}: {e.GetType().Name}: {e.Message}; {Keeping()}";
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadIfChangedAsync(CancellationToken cancellationToken)
    {
        var path = options.Path ?? "";
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            _loadProblem = $"{path} does not exist; {Keeping()}";
            _seen = null;
            return;
        }

        var signature = (file.LastWriteTimeUtc, file.Length);
        if (_seen == signature)
            return;

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not marked as seen: a file locked or vanishing for a moment is read again on the next refresh.
            _loadProblem = $"{path} cannot be read: {e.Message}; {Keeping()}";
            return;
        }

        var now = time.GetUtcNow();
        var load = FeedParser.Parse(text, FeedParser.FormatOf(path, options.Format), now);
        _seen = signature;
        if (!load.Usable)
        {
            _loadProblem = $"{path} not applied: {load.Fatal}; {Keeping()}";
            return;
        }

        _state.Apply(load, now);
        _loadProblem = null;
    }

    private string Keeping() =>
        _state.LoadedAt is { } at ? $"keeping the data loaded at {PollSchedule.Show(at)}" : "no data loaded yet";
}
