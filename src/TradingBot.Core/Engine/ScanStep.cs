using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Persistence;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>What one scan did, with the venue calls it made (a list read across several pages counts once: 1000 markets a page).</summary>
public sealed record ScanReport(DateTimeOffset At, int Series, int Events, int Markets, int Requests, IReadOnlyList<string> Problems);

/// <summary>
/// One scan: the exchange's status and maintenance windows, then per configured series its fee schedule and its
/// scheduled fee changes (read once a day), its open events (for milestone start times and fee overrides) and its
/// open markets (1000 to a page), into the <see cref="MarketBook"/>. Events' scheduled fee changes are read once a
/// day for all series together. Each market gets its <see cref="FeeTimeline"/>, so a change scheduled between reads
/// still applies at its time. A series that fails to read is reported and skipped; the rest of the scan stands.
/// Scheduled changes that fail to read leave the series' markets unpriced (no entries) until a read succeeds.
/// A market not listed open this time (its series unread included) leaves the book unless <c>keep</c> holds it.
/// </summary>
public sealed class ScanStep(IExchange exchange, MarketBook book, TimeProvider time)
{
    private static readonly TimeSpan SeriesLifetime = TimeSpan.FromHours(24);
    private readonly Dictionary<string, SeriesRead> _series = new(StringComparer.Ordinal);
    private (IReadOnlyList<EventFeeChange> Changes, DateTimeOffset ReadAt)? _eventFeeChanges;

    /// <summary>Series the venue does not list: asked again after <see cref="SeriesLifetime"/>, not on every scan.</summary>
    private readonly Dictionary<string, DateTimeOffset> _missing = new(StringComparer.Ordinal);

    public IReadOnlyList<MaintenanceWindow> Maintenance { get; private set; } = [];

    /// <summary>
    /// Which markets stay in the book once the venue no longer lists them open: those the bot holds or has an order
    /// open on (the monitor still marks them, from a fresh read). The rest are dropped, so a closed market's frozen
    /// quote is never marked and the book does not grow without bound.
    /// </summary>
    public static async Task<Func<MarketTicker, bool>> HeldOrOrderedAsync(IBotStore store, CancellationToken cancellationToken)
    {
        try
        {
            var positions = await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false);
            var open = await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false);
            var keep = positions.Select(p => p.Ticker).Concat(open.Select(o => o.Order.Ticker)).ToHashSet();
            return keep.Contains;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the store nothing can be known held: keep everything this once rather than lose a holding's market.
            return _ => true;
        }
    }

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
        // Read once for all series (and once a day): a failure is not asked again series after series.
        var (eventChanges, eventChangeRequests) = seriesTickers.Count == 0
            ? (ExchangeResult<IReadOnlyList<EventFeeChange>>.Ok([]), 0)
            : await EventFeeChangesAsync(now, cancellationToken).ConfigureAwait(false);
        requests += eventChangeRequests;
        var changesByEvent = eventChanges.Success ? eventChanges.Value.ToLookup(c => c.Event) : null;
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

            var (seriesInfo, seriesChanges, seriesReadAt, changesError) = series.Value;
            if (seriesChanges is null)
                problems.Add($"series {seriesTicker}: its scheduled fee changes unreadable ({changesError}); its markets are not priced");
            if (!eventChanges.Success)
                problems.Add($"series {seriesTicker}: events' scheduled fee changes unreadable ({eventChanges.Error}); its markets are not priced");

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
                var fees = seriesChanges is null || changesByEvent is null
                    ? FeeTimeline.Unpriceable
                    : new FeeTimeline(seriesInfo.Fees, seriesReadAt, game?.FeeOverride ?? FeeOverride.None, now)
                    {
                        SeriesChanges = seriesChanges,
                        EventChanges = changesByEvent[market.Event].ToList(),
                        WaiverUntil = market.FeeWaiverUntil,
                    };
                var (start, startSource) = GameStartOf(game, market.Event);
                views.Add(new MarketView(market, seriesTicker, game?.Title ?? "", start, fees.At(now), market.TopOfBook, game?.MutuallyExclusive ?? false, FeeTimeline: fees,
                    EventSubTitle: game?.SubTitle ?? "", Competition: game?.Competition, StartSource: startSource));
            }
        }

        book.Replace(views, now, keep);
        return ExchangeResult<ScanReport>.Ok(new ScanReport(now, seriesTickers.Count, eventCount, views.Count, requests, problems));
    }

    /// <summary>
    /// When a game starts: its milestone when Kalshi lists one, else the start its ticker carries (US Eastern), else
    /// unknown, which the timing gate treats as a game that may already be under way.
    /// </summary>
    public static (DateTimeOffset? Start, GameStartSource Source) GameStartOf(EventInfo? game, EventTicker eventTicker)
    {
        if (game?.GameStart is { } milestone)
            return (milestone, GameStartSource.Milestone);
        return SportsTickers.StartInTicker(eventTicker.Value) is { } fromTicker
            ? (fromTicker, GameStartSource.Ticker)
            : (null, GameStartSource.Unknown);
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

    /// <summary>
    /// A series and its scheduled fee changes, read together once a day. Changes that fail to read come back null
    /// and nothing is cached, so the next scan asks again.
    /// </summary>
    private async Task<(ExchangeResult<SeriesRead> Series, int Requests)> SeriesAsync(string ticker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_series.TryGetValue(ticker, out var cached) && now - cached.ReadAt < SeriesLifetime)
            return (ExchangeResult<SeriesRead>.Ok(cached), 0);
        var read = await exchange.GetSeriesAsync(ticker, cancellationToken).ConfigureAwait(false);
        if (!read.Success)
            return (read.Error, 1);
        var changes = await exchange.GetSeriesFeeChangesAsync(ticker, cancellationToken).ConfigureAwait(false);
        if (!changes.Success)
            return (ExchangeResult<SeriesRead>.Ok(new SeriesRead(read.Value, null, now, changes.Error)), 2);
        var fresh = new SeriesRead(read.Value, changes.Value.Where(c => c.SeriesTicker == ticker).ToList(), now);
        _series[ticker] = fresh;
        return (ExchangeResult<SeriesRead>.Ok(fresh), 2);
    }

    /// <summary>Every event's scheduled fee changes, read at most once a day (as the series are) for all series together.</summary>
    private async Task<(ExchangeResult<IReadOnlyList<EventFeeChange>> Changes, int Requests)> EventFeeChangesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_eventFeeChanges is { } cached && now - cached.ReadAt < SeriesLifetime)
            return (ExchangeResult<IReadOnlyList<EventFeeChange>>.Ok(cached.Changes), 0);
        var read = await exchange.GetEventFeeChangesAsync(cancellationToken).ConfigureAwait(false);
        if (read.Success)
            _eventFeeChanges = (read.Value, now);
        return (read, 1);
    }

    /// <summary>A series as read, with its scheduled fee changes (null, with the error, when they could not be read) and when.</summary>
    private sealed record SeriesRead(SeriesInfo Info, IReadOnlyList<SeriesFeeChange>? Changes, DateTimeOffset ReadAt, ExchangeError? ChangesError = null);
}
