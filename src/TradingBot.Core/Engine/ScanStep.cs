using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>What one scan did, with the venue calls it made (a list read across several pages counts once: 1000 markets a page).</summary>
public sealed record ScanReport(DateTimeOffset At, int Series, int Events, int Markets, int Requests, IReadOnlyList<string> Problems);

/// <summary>
/// One scan: the exchange's status and maintenance windows, then per configured series its fee schedule (read once
/// a day), its open events (for milestone start times) and its open markets (1000 to a page), into the
/// <see cref="MarketBook"/>. A series that fails to read is reported and skipped; the rest of the scan stands.
/// A market not listed open this time (its series unread included) leaves the book unless <c>keep</c> holds it.
/// </summary>
public sealed class ScanStep(IExchange exchange, MarketBook book, TimeProvider time)
{
    private static readonly TimeSpan SeriesLifetime = TimeSpan.FromHours(24);
    private readonly Dictionary<string, (SeriesInfo Info, DateTimeOffset ReadAt)> _series = new(StringComparer.Ordinal);

    /// <summary>Series the venue does not list: asked again after <see cref="SeriesLifetime"/>, not on every scan.</summary>
    private readonly Dictionary<string, DateTimeOffset> _missing = new(StringComparer.Ordinal);

    public IReadOnlyList<MaintenanceWindow> Maintenance { get; private set; } = [];

    public async Task<ExchangeResult<ScanReport>> ScanAsync(IReadOnlyList<string> seriesTickers, Func<MarketTicker, bool> keep, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requests = 2;
        var status = await exchange.GetExchangeStatusAsync(cancellationToken).ConfigureAwait(false);
        if (!status.Success)
            return status.Error;
        book.SetExchange(status.Value);
        var maintenance = await exchange.GetMaintenanceWindowsAsync(cancellationToken).ConfigureAwait(false);
        if (maintenance.Success)
            Maintenance = maintenance.Value;

        var problems = new List<string>();
        var views = new List<MarketView>();
        var eventCount = 0;
        foreach (var seriesTicker in seriesTickers.Distinct(StringComparer.Ordinal))
        {
            if (_missing.TryGetValue(seriesTicker, out var since) && now - since < SeriesLifetime)
                continue;
            var (series, seriesRequests) = await SeriesAsync(seriesTicker, now, cancellationToken).ConfigureAwait(false);
            requests += seriesRequests;
            if (!series.Success)
            {
                if (series.Error.Kind == ExchangeErrorKind.NotFound)
                    _missing[seriesTicker] = now;
                problems.Add($"series {seriesTicker}: {series.Error}{(series.Error.Kind == ExchangeErrorKind.NotFound ? "; skipped for a day" : "")}");
                continue;
            }

            var events = await exchange.GetEventsAsync(seriesTicker, cancellationToken).ConfigureAwait(false);
            requests++;
            var markets = await exchange.GetMarketsAsync(new MarketQuery(seriesTicker), cancellationToken).ConfigureAwait(false);
            requests++;
            if (!events.Success || !markets.Success)
            {
                problems.Add($"series {seriesTicker}: {(events.Success ? markets.Error : events.Error)}");
                continue;
            }

            eventCount += events.Value.Count;
            var byEvent = events.Value.DistinctBy(e => e.Ticker).ToDictionary(e => e.Ticker); // a venue repeating itself must not end the scan
            foreach (var market in markets.Value)
            {
                var game = byEvent.GetValueOrDefault(market.Event);
                views.Add(new MarketView(market, seriesTicker, game?.Title ?? "", game?.GameStart, series.Value.Fees, market.TopOfBook, game?.MutuallyExclusive ?? false));
            }
        }

        book.Replace(views, now, keep);
        return ExchangeResult<ScanReport>.Ok(new ScanReport(now, seriesTickers.Count, eventCount, views.Count, requests, problems));
    }

    /// <summary>Fresh books for the markets worth trading, fetched together: the top of each replaces the listing's quote.</summary>
    public async Task RefreshBooksAsync(IReadOnlyList<MarketTicker> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
            return;
        var books = await exchange.GetOrderBooksAsync(candidates, cancellationToken).ConfigureAwait(false);
        if (!books.Success)
            return;
        foreach (var fresh in books.Value)
            book.UpdateBook(fresh);
    }

    /// <summary>One market's book, right before an order is judged for it.</summary>
    public async Task RefreshBookAsync(MarketTicker ticker, CancellationToken cancellationToken)
    {
        var fresh = await exchange.GetOrderBookAsync(ticker, cancellationToken).ConfigureAwait(false);
        if (fresh.Success)
            book.UpdateBook(fresh.Value);
    }

    private async Task<(ExchangeResult<SeriesInfo> Series, int Requests)> SeriesAsync(string ticker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_series.TryGetValue(ticker, out var cached) && now - cached.ReadAt < SeriesLifetime)
            return (ExchangeResult<SeriesInfo>.Ok(cached.Info), 0);
        var read = await exchange.GetSeriesAsync(ticker, cancellationToken).ConfigureAwait(false);
        if (read.Success)
            _series[ticker] = (read.Value, now);
        return (read, 1);
    }

    /// <summary>A series' fees as last read: used when an order is priced.</summary>
    public FeeSchedule? FeesOf(string seriesTicker) => _series.TryGetValue(seriesTicker, out var cached) ? cached.Info.Fees : null;
}
