using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>A position marked to market.</summary>
public sealed record MarkedPosition(LedgerPosition Position, Money Mark, Money Unrealised, StopLossVerdict Verdict);

/// <summary>What the monitor saw: marks, the day's realised P&amp;L, the exits it asked for, and the resting entries it pulled.</summary>
public sealed record MonitorReport(IReadOnlyList<MarkedPosition> Positions, Money RealisedToday, IReadOnlyList<TradeIntent> Exits, IReadOnlyList<string> Canceled)
{
    /// <summary>Capital committed at the start of the run, as the gate counts it (<see cref="Engine.Exposure.Total"/>): filled positions and open orders.</summary>
    public Money Exposure { get; init; }
}

/// <summary>
/// Marks every position at the best bid it could be sold into; a position under its stop-loss floor gets an exit
/// intent (an IOC reduce-only sell with a worst-price bound). While that exit is queued or in flight the position is
/// left alone; if it is still held <see cref="ExitRetryAfter"/> later with no exit of ours open on its market (the
/// exit was denied, or the IOC found too few bids) the exit is issued again, so a stop-loss is never given up on.
/// Feeds the trading day's realised P&amp;L to the circuit breaker. Pulls the bot's resting entries (made orders) when
/// trading is not active (halt, reducing-only, safe mode, breaker) and on a market whose stop-loss has fired: a
/// halt that left bids on the book would still buy. A stop-loss latches its market (<see cref="StopLossLatch"/>): no
/// new entry there for the cooldown, and the market's resting entries are pulled before its exit is queued.
/// </summary>
public sealed class MonitorStep(IExchange exchange, IBotStore store, MarketBook book, TradingControls controls, StopLoss stopLoss, StopLossLatch latch, OrderSubmitter submitter, IOperatorAlerts alerts, TimeProvider time)
{
    public static readonly TimeSpan ExitRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>When each position's last exit was issued, and whether the operator has been told it did not complete.</summary>
    private readonly Dictionary<MarketTicker, (DateTimeOffset IssuedAt, bool RetryReported)> _exiting = [];

    public async Task<MonitorReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await latch.RefreshAsync(store.Outbox, now, cancellationToken).ConfigureAwait(false);
        var positions = await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var gone in _exiting.Keys.Except(positions.Select(p => p.Ticker)).ToList())
            _exiting.Remove(gone);
        var open = await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false);
        var exposure = Exposure.From(positions, open, book);

        var marked = new List<MarkedPosition>();
        var exits = new List<TradeIntent>();
        var reread = await ReadUnlistedAsync(positions, cancellationToken).ConfigureAwait(false);
        foreach (var position in positions)
        {
            // Not tracked, or no longer listed and not readable now: its last quote is frozen, so it is not marked from it.
            if (!book.TryGet(position.Ticker, out var view) || (!book.IsListed(position.Ticker) && !reread.Contains(position.Ticker)))
            {
                marked.Add(new MarkedPosition(position, Money.Zero, -position.Cost, StopLossVerdict.Hold));
                continue;
            }

            var state = exposure.StateOf(view, latch.IsLatched(position.Ticker, now), now);
            var check = stopLoss.Check(state);
            // A market that does not trade (closed, paused, determined) cannot be sold into: the gate would deny the exit
            // MARKET_NOT_ACTIVE, so none is issued and the holding waits for settlement or the market's reopening.
            var active = view.Market.Status == MarketStatus.Active;
            var verdict = active ? check.Verdict : StopLossVerdict.Hold;
            marked.Add(new MarkedPosition(position, check.Mark, check.Mark - position.Cost, verdict));
            // The operator's flatten sells every holding at its bid, above its floor or not.
            var exit = verdict == StopLossVerdict.Exit ? check.Exit
                : active && controls.Flattening ? stopLoss.SellAtBid(state, IntentReason.Flatten)
                : null;
            if (exit is not { } sell)
                continue;
            var what = sell.Reason == IntentReason.Flatten ? "Flatten" : "Stop-loss";
            var kind = sell.Reason == IntentReason.Flatten ? AlertKind.OperatorCommand : AlertKind.StopLossExit;
            if (sell.Reason == IntentReason.StopLoss)
                latch.Fire(position.Ticker, now);
            if (!_exiting.TryGetValue(position.Ticker, out var issued))
            {
                _exiting[position.Ticker] = (now, false);
                exits.Add(sell);
                alerts.Raise(kind, sell.Reason == IntentReason.Flatten
                    ? $"Flatten on {position.Ticker}: {position.Count} {position.Side} marked at {check.Mark} (cost {position.Cost}); selling down to {sell.LimitPrice}."
                    : $"Stop-loss on {position.Ticker}: {position.Count} {position.Side} marked at {check.Mark} against a floor of {check.Floor} (cost {position.Cost}); selling down to {sell.LimitPrice}.");
            }
            else if (now - issued.IssuedAt >= ExitRetryAfter && !open.Any(o => o.Kind == IntentKind.Exit && o.Order.Ticker == position.Ticker))
            {
                _exiting[position.Ticker] = (now, true);
                exits.Add(sell);
                if (!issued.RetryReported)
                {
                    alerts.Raise(kind,
                        $"{what} on {position.Ticker} has not completed: {position.Count} {position.Side} still held, marked at {check.Mark}; selling again (down to {sell.LimitPrice}) every {ExitRetryAfter.TotalMinutes:0} min until it is gone.");
                }
            }
        }

        var today = controls.Today;
        var (from, to) = PositionLedger.TradingDayWindow(today, controls.Zone);
        var realised = await store.Ledger.RealizedPnlAsync(from, to, cancellationToken).ConfigureAwait(false);
        await controls.ObserveRealisedAsync(today, realised, cancellationToken).ConfigureAwait(false);
        // Yesterday too: a loss booked after its day closed (a settlement at 23:58 found at 00:01) still trips the breaker.
        var (dayBefore, _) = PositionLedger.TradingDayWindow(today.AddDays(-1), controls.Zone);
        var realisedYesterday = await store.Ledger.RealizedPnlAsync(dayBefore, from, cancellationToken).ConfigureAwait(false);
        await controls.ObserveRealisedAsync(today.AddDays(-1), realisedYesterday, cancellationToken).ConfigureAwait(false);
        var canceled = await PullRestingEntriesAsync(open, now, cancellationToken).ConfigureAwait(false);
        return new MonitorReport(marked, realised, exits, canceled) { Exposure = exposure.Total };
    }

    /// <summary>
    /// Reads afresh each held market the scan no longer lists open (one read per game, all its markets whatever their
    /// status), so its mark and status follow the venue. Returns the tickers read.
    /// </summary>
    private async Task<HashSet<MarketTicker>> ReadUnlistedAsync(IReadOnlyList<LedgerPosition> positions, CancellationToken cancellationToken)
    {
        var games = new HashSet<EventTicker>();
        foreach (var position in positions)
        {
            if (book.TryGet(position.Ticker, out var view) && !book.IsListed(position.Ticker))
                games.Add(view.Market.Event);
        }

        var read = new HashSet<MarketTicker>();
        foreach (var game in games)
        {
            var markets = await exchange.GetMarketsAsync(new MarketQuery(Event: game, Status: null), cancellationToken).ConfigureAwait(false);
            if (!markets.Success)
                continue;
            foreach (var market in markets.Value)
            {
                if (book.UpdateMarket(market))
                    read.Add(market.Ticker);
            }
        }

        return read;
    }

    /// <summary>
    /// One cancel per resting entry that should not rest, each at most once a run. A failed cancel is not retried
    /// here; the row stays open (counted in full) and the next run, after reconciliation has refreshed it, tries again.
    /// </summary>
    private async Task<IReadOnlyList<string>> PullRestingEntriesAsync(IReadOnlyList<OutboxEntry> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var halted = controls.Status.State != TradingState.Active;
        var canceled = new List<string>();
        foreach (var entry in open.Where(e => e.Kind == IntentKind.Entry && e.OrderId is not null
            && e.Status is OutboxStatus.Resting or OutboxStatus.PartiallyFilled or OutboxStatus.Accepted
            && (halted || latch.IsLatched(e.Order.Ticker, now))))
        {
            var reason = halted ? $"pulled: trading {controls.Status.State.ToString().ToLowerInvariant()}" : "pulled: stop-loss on this market";
            var cancel = await submitter.CancelAsync(entry, reason, cancellationToken).ConfigureAwait(false);
            if (cancel.Outcome == CancelOutcome.Canceled)
                canceled.Add($"{entry.Order.Ticker} {entry.ClientOrderId} ({reason})");
        }

        return canceled;
    }
}
