using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// The applied data of a feed source and what went wrong with it. A new load replaces the table in one reference
/// swap, so <c>Get</c> always sees one whole feed, never half of two.
/// </summary>
internal sealed class FeedState
{
    private readonly LookupProblems _lookups = new();
    private volatile Applied _applied = new(ForecastTable.Empty, null, []);

    public DateTimeOffset? LoadedAt => _applied.At;

    public int Markets => _applied.Table.Count;

    public IReadOnlyList<InputProblem> BadRows => _applied.BadRows;

    public void Apply(FeedLoad load, DateTimeOffset at)
    {
        _applied = new Applied(new ForecastTable(load.Rows), at, load.Problems);
        _lookups.Clear();
    }

    public Forecast? Find(ForecastRequest request)
    {
        try
        {
            return _applied.Table.Find(request, _lookups);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Get runs inside every scan: a bug here must cost one market's forecast, not the scan.
            _lookups.Add(request.Ticker.Value, $"lookup failed: {e.Message}");
            return null;
        }
    }

    public string? Describe() => ProblemText.Join(
        BadRows.Count > 0 ? ProblemText.Summarize("bad row(s) skipped", BadRows) : null,
        _lookups.Snapshot() is { Count: > 0 } lookups ? ProblemText.Summarize("market(s) not mapped", lookups) : null);

    private sealed record Applied(ForecastTable Table, DateTimeOffset? At, IReadOnlyList<InputProblem> BadRows);
}
