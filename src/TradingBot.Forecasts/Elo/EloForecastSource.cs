using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Elo;

/// <summary>
/// Win probabilities from Elo ratings, for winner markets only (Elo says nothing about margins or totals, and
/// nothing about teams it has no rating for). With a results CSV configured, the ratings are rebuilt from it from
/// scratch whenever it changes and saved to the ratings file; otherwise the ratings file is restored whenever it
/// changes. A file that cannot be used leaves the previous ratings in place. Tickers do not mark neutral sites,
/// so the second team in the ticker always gets the home advantage. A forecast's time is when the ratings were
/// computed or saved.
/// </summary>
public sealed class EloForecastSource(EloOptions options, TimeProvider time) : IForecastSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly LookupProblems _lookups = new();
    private volatile EloBook? _book;
    private volatile IReadOnlyList<InputProblem> _badInput = [];
    private volatile string? _loadProblem = "not loaded yet";
    private (DateTime WriteTime, long Length)? _seen;

    public string Name => "elo";

    /// <summary>The ratings in use; null until a load succeeds.</summary>
    public EloBook? Book => _book;

    public ForecastSourceHealth Health => new(
        Name,
        _book?.UpdatedAt,
        _book is { } book ? TeamCatalog.Leagues.Sum(l => book.For(l)!.ByCode.Count) : 0,
        ProblemText.Join(
            _loadProblem,
            _badInput.Count > 0 ? ProblemText.Summarize("bad input line(s) skipped", _badInput) : null,
            _lookups.Snapshot() is { Count: > 0 } lookups ? ProblemText.Summarize("market(s) not mapped", lookups) : null));

    public Forecast? Get(ForecastRequest market)
    {
        try
        {
            if (_book is not { UpdatedAt: { } asOf } book)
                return null;
            if (!MarketResolver.TryResolve(market, out var parsed, out var problem))
            {
                if (problem is not null)
                    _lookups.Add(market.Ticker.Value, problem);
                return null;
            }

            var game = parsed.Event;
            if (parsed.Kind != SportsMarketKind.Winner || book.For(game.League) is not { } ratings
                || !ratings.ByCode.ContainsKey(game.Home.Code) || !ratings.ByCode.ContainsKey(game.Away.Code))
                return null;
            var home = ratings.HomeWinProbability(game.Home, game.Away);
            var yes = parsed.Team == game.Home ? home : 1 - home;
            return new Forecast(Math.Clamp(Math.Round((decimal)yes, 6), 0m, 1m), asOf);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _lookups.Add(market.Ticker.Value, $"lookup failed: {e.Message}");
            return null;
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, CancellationToken.None).ConfigureAwait(false))
            return;
        try
        {
            if (!string.IsNullOrWhiteSpace(options.ResultsPath))
                await ReplayIfChangedAsync(options.ResultsPath, cancellationToken).ConfigureAwait(false);
            else
                await RestoreIfChangedAsync(options.RatingsPath ?? "", cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: nothing was swapped in.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _loadProblem = $"{e.GetType().Name}: {e.Message}; {Keeping()}";
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReplayIfChangedAsync(string path, CancellationToken cancellationToken)
    {
        if (await ReadIfChangedAsync(path, cancellationToken).ConfigureAwait(false) is not { } text)
            return;
        using var reader = new StringReader(text);
        var (games, problems, fatal) = EloResultsCsv.Read(reader);
        if (fatal is not null || (games.Count == 0 && problems.Count > 0))
        {
            _loadProblem = $"{path} not applied: {fatal ?? "no line is usable"}; {Keeping()}";
            return;
        }

        var now = time.GetUtcNow();
        var book = new EloBook(options);
        book.Replay(games, now);
        _book = book;
        _badInput = problems;
        _loadProblem = null;
        _lookups.Clear();
        if (!string.IsNullOrWhiteSpace(options.RatingsPath))
        {
            try
            {
                await book.SaveAsync(options.RatingsPath, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _loadProblem = $"ratings rebuilt but not saved to {options.RatingsPath}: {e.Message}";
            }
        }
    }

    private async Task RestoreIfChangedAsync(string path, CancellationToken cancellationToken)
    {
        if (await ReadIfChangedAsync(path, cancellationToken).ConfigureAwait(false) is not { } text)
            return;
        var (book, problems, fatal) = EloBook.Restore(text, options);
        if (book is null)
        {
            _loadProblem = $"{path} not applied: {fatal}; {Keeping()}";
            return;
        }

        _book = book;
        _badInput = problems;
        _loadProblem = null;
        _lookups.Clear();
    }

    /// <summary>The file's text when it changed since the last read; null (with the problem noted) when absent, unreadable or unchanged.</summary>
    private async Task<string?> ReadIfChangedAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            _loadProblem = $"{path} does not exist; {Keeping()}";
            _seen = null;
            return null;
        }

        var signature = (file.LastWriteTimeUtc, file.Length);
        if (_seen == signature)
            return null;
        try
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            _seen = signature;
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _loadProblem = $"{path} cannot be read: {e.Message}; {Keeping()}";
            return null;
        }
    }

    private string Keeping() =>
        _book?.UpdatedAt is { } at ? $"keeping the ratings of {PollSchedule.Show(at)}" : "no ratings loaded yet";
}
