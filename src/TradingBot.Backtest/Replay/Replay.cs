using System.Security.Cryptography;
using System.Text;
using TradingBot.Backtest.Data;
using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Replay;

/// <summary>What the bot knew about an entry when it sent it: the forecast and its source, and the edge it saw.</summary>
internal sealed record EntryContext(Probability Model, Money Edge, string Source, Execution Execution);

/// <summary>What the data says about one market, for scoring: its listing, its last forecast and quote before the game, how it settled.</summary>
internal sealed class MarketTrack(MarketRecord market)
{
    /// <summary>The listing in force: the first, with any later change of game start, close or fee the replay applied.</summary>
    public MarketRecord Market { get; set; } = market;

    public Probability? ForecastBeforeStart { get; set; }

    public (Price Bid, Price Ask)? QuoteBeforeStart { get; set; }

    public SettlementResult? Result { get; set; }

    public DateTimeOffset? SettledAt { get; set; }
}

/// <summary>
/// One replay: the records in time order against a virtual clock, and Core's steps scheduled as the worker schedules
/// them: a scan (then its evaluation, then each action through the single executor) at the pace
/// <see cref="ExchangeCalendar"/> sets from the game times, the position monitor every monitor interval (its exits
/// through the executor), the reconciler every reconcile interval. A record stamped t is applied before anything
/// scheduled at t runs, so a decision at t sees exactly the records stamped at or before t. A recording's
/// <c>pass</c> records replace the calendar's scan times: from the first one on, the replay scans and decides at each
/// pass's time, as the recording bot did. The steps are the worker's own: the backtest
/// decides nothing itself.
/// </summary>
internal sealed class Replay
{
    private readonly BacktestOptions _options;
    private readonly VirtualClock _clock = new(DateTimeOffset.MinValue);
    private readonly RecordedVenue _venue;
    private readonly MemoryBotStore _store = new();
    private readonly TradingSteps _steps;
    private readonly RecordedForecasts _forecasts;
    private readonly List<MarketRecord> _unlisted = [];
    private readonly Dictionary<string, MarketTrack> _markets = new(StringComparer.Ordinal);
    private readonly Dictionary<ClientOrderId, EntryContext> _entries = [];
    private readonly List<ActionRow> _actions = [];
    private readonly ReplayAlerts _alerts = new();
    private readonly Action<BacktestProgress>? _progress;
    private readonly ReadPosition _position;
    private long _orderNumber;
    private DateTimeOffset? _start;
    private DateTimeOffset _nextScan, _nextMonitor, _nextReconcile;
    private int _monitoredLedger = -1;
    private bool _recordedPasses;
    private int _reconciledHistory;
    private long _afterSettlement;
    private long _listingsChanged;
    private long _listingsKept;
    private string? _firstKeptListing;
    private long _records, _scans, _evaluations, _monitorRuns, _reconciliations;

    private readonly IReadOnlyList<string> _files;

    /// <param name="files">The dataset's files, as the reader reads them (a record's <see cref="DatasetRecord.File"/> indexes them).</param>
    public Replay(IReadOnlyList<string> files, BacktestOptions options, ReadPosition position, Action<BacktestProgress>? progress)
    {
        _files = files;
        _options = options;
        _position = position;
        _progress = progress;
        _venue = new RecordedVenue(_clock, options.StartingBalance, options.ShardBalances);
        _forecasts = new RecordedForecasts(_clock);
        _steps = new TradingSteps(_venue.Venue, _store, [_forecasts], options.Risk, options.Strategy, options.Scanner, _alerts, _clock, NextOrderId);
    }

    public async Task<ReplayOutcome> RunAsync(IEnumerable<DatasetRecord> records, CancellationToken cancellationToken)
    {
        var last = DateTimeOffset.MinValue;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _records++;
            if ((_records & 0xFFFF) == 0)
                _progress?.Invoke(new BacktestProgress(_records, _clock.GetUtcNow(), _position.Fraction));
            if (record.Kind == RecordKind.Market && (record.At == DateTimeOffset.MinValue || (_options.From is { } f && record.At < f)))
            {
                // Listed before the replay begins: it opens when the replay does.
                if (!Track(record))
                    continue;
                if (_start is null)
                    _unlisted.Add(record.Market!);
                else
                    _venue.List(record.Market!, _clock.GetUtcNow());
                continue;
            }

            if (_options.From is { } from && record.At < from)
                continue;
            if (_options.To is { } to && record.At >= to)
                break;
            if (_start is null)
                Begin(record.At);
            // Most records (quotes, between two passes) find nothing due before them: checked here, without the async call.
            if (NextScheduled() < record.At)
                await RunScheduledAsync(record.At, inclusive: false, cancellationToken).ConfigureAwait(false);
            _clock.AdvanceTo(record.At);
            if (record.Kind == RecordKind.Pass)
            {
                // A recording says when the bot decided: from its first pass on, the replay scans then (after every
                // record stamped at that time, as for any scan), not at the calendar's times.
                _recordedPasses = true;
                _nextScan = record.At;
            }
            else
                Apply(record);
            last = record.At;
        }

        if (_start is not null)
        {
            await RunScheduledAsync(last, inclusive: true, cancellationToken).ConfigureAwait(false);
            // Whatever settled at the end reaches the ledger, as the next reconciliation would have brought it.
            await ReconcileAsync(force: true, cancellationToken).ConfigureAwait(false);
        }

        _progress?.Invoke(new BacktestProgress(_records, _clock.GetUtcNow(), 1));
        return new ReplayOutcome(_store, _markets, _entries, _actions, _alerts, _start, _start is null ? null : last,
            new ReplayCounts(_records, _venue.QuotesApplied, _venue.QuotesWhileClosed, _afterSettlement, _scans, _evaluations, _monitorRuns, _reconciliations,
                _listingsChanged, _listingsKept, _firstKeptListing));
    }

    private void Begin(DateTimeOffset at)
    {
        _start = at;
        _clock.AdvanceTo(at);
        foreach (var market in _unlisted)
            _venue.List(market, at);
        _unlisted.Clear();
        _nextScan = at;
        _nextMonitor = at;
        _nextReconcile = at + _options.ReconcileInterval;
    }

    /// <summary>
    /// A market new to the replay: true. False when it is already listed (a recording lists its markets again in each
    /// day's file, and a folder of days replays as one); a listing that changed is followed where it can be.
    /// </summary>
    private bool Track(in DatasetRecord record)
    {
        var market = record.Market!;
        if (_markets.TryAdd(market.Ticker, new MarketTrack(market)))
            return true;
        var track = _markets[market.Ticker];
        if (track.Market.SameMarketAs(market))
            return false;
        // Kalshi moves a game's start, a close or a fee now and then, and a recording lists each day's listing: the
        // change applies from here on. Not listed yet (before the replay starts), the later listing simply replaces it.
        _listingsChanged++;
        if (_unlisted.FindIndex(m => m.Ticker == market.Ticker) is var waiting and >= 0)
        {
            _unlisted[waiting] = market;
            track.Market = market;
            return false;
        }

        var (inForce, allApplied) = _venue.Relist(track.Market, market);
        track.Market = inForce;
        if (!allApplied)
        {
            _listingsKept++;
            _firstKeptListing ??= $"{Where(record)}: {market.Ticker}";
        }

        return false;
    }

    /// <summary>The record's file and line, for a message.</summary>
    private string Where(in DatasetRecord record) => $"{_files[record.File]}:{record.Line}";

    private void Apply(in DatasetRecord record)
    {
        if (record.Kind == RecordKind.Market)
        {
            if (Track(record))
                _venue.List(record.Market!, record.At);
            return;
        }

        if (!_markets.TryGetValue(record.Ticker, out var track))
            throw new DatasetException($"{Where(record)}: {record.Kind.ToString().ToLowerInvariant()} for {record.Ticker}, which no market record before it lists");
        // What comes after a market settled cannot change it: counted, not replayed (a late forecast must not trade).
        if (track.Result is not null)
        {
            _afterSettlement++;
            return;
        }

        switch (record.Kind)
        {
            case RecordKind.Quote:
                var ticks = track.Market.Ticks ?? TickStructure.LinearCent;
                if ((!record.YesBidSize.IsZero && !ticks.IsValid(record.YesBid)) || (!record.YesAskSize.IsZero && !ticks.IsValid(record.YesAsk)))
                    throw new DatasetException($"{Where(record)}: quote {record.YesBid}/{record.YesAsk} is off {record.Ticker}'s price ticks (its market record's price_ranges; every cent when it has none)");
                if (record.At < track.Market.GameStart && !record.YesBidSize.IsZero && !record.YesAskSize.IsZero)
                    track.QuoteBeforeStart = (record.YesBid, record.YesAsk);
                _venue.Quote(record);
                break;
            case RecordKind.Forecast:
                if (record.At < track.Market.GameStart)
                    track.ForecastBeforeStart = record.PYes;
                _forecasts.Publish(MarketTicker.Parse(record.Ticker), new Forecast(record.PYes, record.AsOf ?? record.At), record.Source ?? "dataset");
                break;
            case RecordKind.Settlement:
                track.Result = record.Result;
                track.SettledAt = record.At;
                _venue.Settle(record.Ticker, record.Result);
                break;
        }
    }

    /// <summary>Runs what the worker would have run before <paramref name="limit"/> (and at it, when inclusive), in time order.</summary>
    private async Task RunScheduledAsync(DateTimeOffset limit, bool inclusive, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = NextScheduled();
            if (next > limit || (!inclusive && next == limit))
                return;
            _clock.AdvanceTo(next);
            _venue.Tick(next);
            if (_nextScan == next)
                await ScanAsync(cancellationToken).ConfigureAwait(false);
            else if (_nextMonitor == next)
            {
                await MonitorAsync(cancellationToken).ConfigureAwait(false);
                _nextMonitor = next + _options.MonitorInterval;
            }
            else if (_nextReconcile == next)
            {
                await ReconcileAsync(force: false, cancellationToken).ConfigureAwait(false);
                _nextReconcile = next + _options.ReconcileInterval;
            }
        }
    }

    /// <summary>The scanner's turn: scan, evaluate the listed markets, send each action through the executor, and plan the next scan.</summary>
    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        _scans++;
        _venue.Flush();
        var now = _clock.GetUtcNow();
        var keep = await ScanStep.HeldOrOrderedAsync(_store, cancellationToken).ConfigureAwait(false);
        var report = await _steps.Scan.ScanAsync(_options.Scanner.Series, keep, cancellationToken).ConfigureAwait(false);
        // A recording's next pass sets the next scan; otherwise a failed scan is tried again after the paused interval.
        _nextScan = _recordedPasses ? DateTimeOffset.MaxValue : now + _options.Scanner.PausedInterval;
        if (!report.Success)
            return;

        var listed = _steps.Book.Listed;
        if (listed.Count > 0)
        {
            _evaluations++;
            var evaluation = await _steps.Evaluation.RunAsync(listed, cancellationToken).ConfigureAwait(false);
            foreach (var result in evaluation.Results.Where(r => r.Action.Kind != MarketActionKind.Nothing))
                await ExecuteAsync(result.Action, result.Forecast, "scan", result.Decision, cancellationToken).ConfigureAwait(false);
        }

        if (_recordedPasses)
            return;
        var plan = ExchangeCalendar.Next(_clock.GetUtcNow(), _steps.Book.Exchange, _steps.Scan.Maintenance, _steps.Book.Listed, _options.Scanner, _options.Risk.AllowInPlay);
        _nextScan = now + plan.Delay;
    }

    /// <summary>One action through the executor; what was decided and what the executor made of it go in the action log.</summary>
    private async Task ExecuteAsync(MarketAction action, Forecast? forecast, string from, DecisionRecord decided, CancellationToken cancellationToken)
    {
        _venue.Flush();
        var result = await _steps.Execution.ExecuteAsync(action, forecast?.AsOf, cancellationToken).ConfigureAwait(false);
        _actions.Add(new ActionRow(decided.At, from, decided.Ticker.Value, decided.Outcome, decided.Code, decided.Side, decided.Price, decided.Count, result.Decision.Outcome, result.Decision.Code));
        if (result.Submission is { Kind: SubmitOutcomeKind.Accepted } submitted && action.Intent.Kind == IntentKind.Entry)
        {
            _entries[submitted.ClientOrderId] = new EntryContext(action.Intent.WinProbability, action.Intent.Edge,
                _forecasts.SourceOf(action.Ticker) ?? "dataset", action.Intent.Execution);
        }

        _venue.RefreshBotOrders();
    }

    /// <summary>
    /// The monitor's turn. With nothing held, nothing working and no P&amp;L booked since its last run it would find
    /// nothing to mark, exit or feed the breaker, so the run is skipped: the same outcome, much faster over quiet weeks.
    /// </summary>
    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        if (!_store.AnyPosition && !_store.AnyOpen && _store.LedgerVersion == _monitoredLedger)
            return;
        _monitorRuns++;
        _venue.Flush();
        _monitoredLedger = _store.LedgerVersion;
        var report = await _steps.Monitor.RunAsync(cancellationToken).ConfigureAwait(false);
        foreach (var exit in report.Exits)
        {
            var action = MarketAction.Place(exit, DecisionCode.Approved, "stop-loss", default);
            await ExecuteAsync(action, null, "monitor", Decisions.For(action, _clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        _venue.RefreshBotOrders();
    }

    /// <summary>The reconciler's turn; skipped when no order is open and the venue has no new fill or settlement of the bot's.</summary>
    private async Task ReconcileAsync(bool force, CancellationToken cancellationToken)
    {
        var history = _venue.BotHistoryCount;
        if (!force && !_store.AnyOpen && history == _reconciledHistory)
            return;
        _reconciliations++;
        _venue.Flush();
        _reconciledHistory = history;
        await _steps.Reconciler.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Order ids derived from the order's number in the replay: the same replay names its orders the same way every time.</summary>
    private Guid NextOrderId()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"backtest order {++_orderNumber}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>When the worker would next run something: a step, or the engine's clock.</summary>
    private DateTimeOffset NextScheduled()
    {
        var next = Min(Min(_nextScan, _nextMonitor), _nextReconcile);
        return _venue.NextDue is { } due && due < next ? due : next;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}

/// <summary>The operator alerts a replay raised, kept for the report (the breaker tripping, stop-loss exits).</summary>
internal sealed class ReplayAlerts : IOperatorAlerts
{
    public List<(AlertKind Kind, string Message)> Raised { get; } = [];

    public void Raise(AlertKind kind, string message) => Raised.Add((kind, message));
}

/// <summary>
/// One action the bot decided (an entry or exit to place, an order to amend or cancel) as the decision was written
/// down (<see cref="Decided"/>: queued, amend or cancel, with its code, side, price and size), and what the executor
/// then did with it (<see cref="Executed"/>: submitted or denied, with its code). <see cref="From"/> is the step that
/// decided it: <c>scan</c> (the evaluation pass) or <c>monitor</c> (a stop-loss exit). A paper session writes the same two
/// rows in its decisions table: this is what a replay of its recording is compared with.
/// </summary>
public sealed record ActionRow(DateTimeOffset At, string From, string Ticker, string Decided, string Code, OutcomeSide? Side, Price? Price, Contracts Count, string Executed, string ExecutedCode);

/// <summary>How much of each kind of work a replay did.</summary>
public sealed record ReplayCounts(long Records, long QuotesApplied, long QuotesWhileClosed, long AfterSettlement, long Scans, long Evaluations, long MonitorRuns, long Reconciliations,
    long ListingsChanged = 0, long ListingsKept = 0, string? FirstKeptListing = null);

/// <summary>Everything a replay leaves for its report.</summary>
internal sealed record ReplayOutcome(
    MemoryBotStore Store,
    IReadOnlyDictionary<string, MarketTrack> Markets,
    IReadOnlyDictionary<ClientOrderId, EntryContext> Entries,
    IReadOnlyList<ActionRow> Actions,
    ReplayAlerts Alerts,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    ReplayCounts Counts);
