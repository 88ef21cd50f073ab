using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Sportsbook;

/// <summary>
/// Fair probabilities from the sportsbooks' consensus: The Odds API's events are mapped to Kalshi games (college
/// games by their schools' names when a market asks), each fresh book is de-vigged with the configured method, and
/// the books are averaged by weight. Moneylines answer winner markets; spreads and totals answer Kalshi's spread and
/// total markets at exactly the same line, from at least <c>MinBooks</c> books (or, with <c>LineModel</c> Normal, from the books' other lines). A forecast's time is the
/// oldest book quote in it. Each sport's last good reply is kept when a poll fails.
/// </summary>
public sealed class SportsbookForecastSource : IForecastSource
{
    private readonly HttpClient? _http;
    private readonly SportsbookOptions _options;
    private readonly TimeProvider _time;
    private readonly PollSchedule _schedule;
    private readonly GameMatchRule _rule;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly LookupProblems _lookups = new();
    private readonly LookupProblems _thin = new();
    private readonly Dictionary<string, IReadOnlyList<OddsEvent>> _lastGood = new(StringComparer.Ordinal);
    private volatile ConsensusSnapshot _snapshot = ConsensusSnapshot.Empty;
    private volatile IReadOnlyList<InputProblem> _readProblems = [];
    private (DateTime WriteTime, long Length)? _seenFile;

    /// <param name="http">Used when <see cref="SportsbookOptions.Path"/> is not set; may be null for a file-only source.</param>
    public SportsbookForecastSource(HttpClient? http, SportsbookOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _schedule = new PollSchedule(options.PollInterval, options.FirstRetry, options.MaxBackoff);
        _rule = new GameMatchRule(options.MatchTolerance, TimeZoneInfo.FindSystemTimeZoneById(options.CalendarTimeZone));
    }

    public string Name => "sportsbook";

    /// <summary>The Odds API's <c>x-requests-remaining</c> from the last reply: credits left this month.</summary>
    public string? RequestsRemaining { get; private set; }

    public ForecastSourceHealth Health
    {
        get
        {
            var snapshot = _snapshot;
            var problem = ProblemText.Join(
                _schedule.Describe(_time.GetUtcNow(), _options.StaleAfter),
                Summary("odds event(s) map to no Kalshi game", snapshot.Unmapped),
                Summary("college odds event(s) match no listed game so far", snapshot.UnmatchedCollege),
                Summary("unreadable event(s)", _readProblems),
                Summary("stale book(s)", snapshot.Stale),
                Summary("unusable book market(s)", snapshot.Unusable),
                Summary("market(s) not mapped", _lookups.Snapshot()),
                Summary("market(s) with too few books", _thin.Snapshot()));
            return new ForecastSourceHealth(Name, _schedule.LastSuccess, snapshot.PricedLines, Redact(problem));
        }
    }

    /// <summary>Every odds event that maps to no Kalshi game, with the reason, as of the last refresh.</summary>
    public IReadOnlyList<InputProblem> UnmappedEvents => _snapshot.Unmapped;

    /// <summary>
    /// College odds events (no catalog of schools: matched when a market of their game is asked) that no market
    /// asked since the last refresh has matched.
    /// </summary>
    public IReadOnlyList<InputProblem> UnmatchedCollegeEvents => _snapshot.UnmatchedCollege;

    public Forecast? Get(ForecastRequest market)
    {
        try
        {
            return _snapshot.Find(market, _rule, _lookups, _thin);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _lookups.Add(market.Ticker.Value, $"lookup failed: {e.Message}");
            return null;
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_schedule.IsDue(_time.GetUtcNow()) || !await _gate.WaitAsync(0, CancellationToken.None).ConfigureAwait(false))
            return;
        try
        {
            var errors = string.IsNullOrWhiteSpace(_options.Path)
                ? await PollSportsAsync(cancellationToken).ConfigureAwait(false)
                : await ReadFileAsync(cancellationToken).ConfigureAwait(false);
            if (errors is null)
                return;
            var now = _time.GetUtcNow();
            var rules = new ConsensusRules(_options.Method, _options.OddsFormat, _options.WeightOf, _options.MaxBookAge, _options.MinBooks, _options.LineModel, _options.SdOf);
            _snapshot = ConsensusBuilder.Build(_lastGood.Values.SelectMany(e => e), rules, now);
            _lookups.Clear();
            _thin.Clear();
            if (errors.Count == 0)
                _schedule.Succeeded(now);
            else
                _schedule.Failed(now, Redact(string.Join("; ", errors))!);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _schedule.Failed(_time.GetUtcNow(), Redact($"{e.GetType().Name}: {e.Message}")!);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Errors of this poll (empty when all went well), or null when cancelled and nothing should change.</summary>
    private async Task<List<string>?> PollSportsAsync(CancellationToken cancellationToken)
    {
        if (_http is null)
            return ["no HttpClient was given and no Path is set"];
        var errors = new List<string>();
        var problems = new List<InputProblem>();
        foreach (var sport in _options.SportKeys)
        {
            var (text, error) = await HttpFetch.GetTextAsync(_http, OddsUrl(sport), _options.Timeout, _time, cancellationToken, NoteQuota).ConfigureAwait(false);
            if (text is null && error is null)
                return null;
            if (text is null)
            {
                errors.Add($"{sport}: {error}");
                continue;
            }

            var payload = OddsApiReader.Read(text, sport);
            if (payload.Fatal is not null)
            {
                errors.Add(payload.Fatal);
                continue;
            }

            _lastGood[sport] = payload.Events;
            problems.AddRange(payload.Problems);
        }

        _readProblems = problems;
        return errors;
    }

    private async Task<List<string>?> ReadFileAsync(CancellationToken cancellationToken)
    {
        var path = _options.Path!;
        var file = new FileInfo(path);
        if (!file.Exists)
            return [$"{path} does not exist"];
        var signature = (file.LastWriteTimeUtc, file.Length);
        if (_seenFile != signature)
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var payload = OddsApiReader.Read(text, System.IO.Path.GetFileName(path));
            _seenFile = signature;
            if (payload.Fatal is not null)
                return [payload.Fatal];
            _lastGood[path] = payload.Events;
            _readProblems = payload.Problems;
        }

        return [];
    }

    private Uri OddsUrl(string sport)
    {
        var query = $"apiKey={Uri.EscapeDataString(_options.ApiKey ?? "")}&regions={Uri.EscapeDataString(_options.Regions)}"
            + $"&markets={Uri.EscapeDataString(_options.Markets)}&oddsFormat={_options.OddsFormat.ToString().ToLowerInvariant()}&dateFormat=iso";
        return new Uri($"{_options.BaseUrl.TrimEnd('/')}/v4/sports/{Uri.EscapeDataString(sport)}/odds/?{query}");
    }

    private void NoteQuota(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-requests-remaining", out var values))
            RequestsRemaining = values.FirstOrDefault();
    }

    /// <summary>The key could only leak through an exception's text; it is masked wherever text leaves this class.</summary>
    private string? Redact(string? text) =>
        text is null || string.IsNullOrEmpty(_options.ApiKey) ? text : text.Replace(_options.ApiKey, "***", StringComparison.Ordinal);

    private static string? Summary(string what, IReadOnlyCollection<InputProblem> problems) =>
        problems.Count == 0 ? null : ProblemText.Summarize(what, problems);
}
