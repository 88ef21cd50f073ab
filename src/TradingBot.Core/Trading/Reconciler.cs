using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Core.Trading;

/// <summary>What a reconciliation did and found; <see cref="Mismatches"/> are reported, never silently "fixed".</summary>
public sealed record ReconciliationReport(
    int OrdersUpdated,
    int InDoubtResolved,
    int StillInDoubt,
    int FillsAdded,
    int SettlementsAdded,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Mismatches)
{
    public string Summary =>
        $"{OrdersUpdated} orders updated, {InDoubtResolved} in-doubt resolved, {StillInDoubt} still in doubt, {FillsAdded} fills and {SettlementsAdded} settlements added, {Mismatches.Count} position mismatches";
}

/// <summary>
/// Brings the store in line with the venue. Runs at start-up before any order can be sent (start-up is recovery:
/// the same path after a clean stop and after kill -9) and then periodically. It pulls orders, fills and
/// settlements, matches orders to outbox rows by <c>client_order_id</c>, settles every Pending/Unknown row (found:
/// it follows the venue; proven absent: it never happened), inserts missing fills once, rebuilds positions and
/// P&amp;L, and reports positions the venue and the bot disagree on.
/// </summary>
public sealed class Reconciler(IExchange exchange, IBotStore store, TimeProvider time)
{
    public const string FillsWatermark = "fills";
    public const string SettlementsWatermark = "settlements";

    /// <summary>How far back each pull reaches behind its watermark, for records that arrive late.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    /// <summary>
    /// An in-doubt order younger than this may not show in the venue's lists yet, so absence does not prove it
    /// never landed; it stays in doubt until the next run.
    /// </summary>
    public static readonly TimeSpan AbsenceProofAge = TimeSpan.FromMinutes(1);

    public async Task<ExchangeResult<ReconciliationReport>> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changes = new List<string>();
        var open = await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The venue's orders are read before its fills, and the fills recorded before any outbox row closes: an open
        // row counts at full size, so it may only close once the ledger holds everything its order had filled when
        // read. Otherwise a failed fill read, or a fill landing between the reads, would make the market look emptier.
        IReadOnlyList<OrderInfo> venueOrders = [];
        if (open.Count > 0)
        {
            var read = await exchange.GetOrdersAsync(open.Min(e => e.CreatedAt) - Overlap, cancellationToken).ConfigureAwait(false);
            if (!read.Success)
                return read.Error;
            venueOrders = read.Value;
        }

        var fills = await PullFillsAsync(changes, cancellationToken).ConfigureAwait(false);
        if (!fills.Success)
            return fills.Error;

        var (ordersUpdated, resolved, stillInDoubt) = (0, 0, 0);
        if (open.Count > 0)
        {
            // Keyed by client_order_id only to find a row's order: it is unique per subaccount, not per account, so
            // one id may name several venue orders (each keeps its own order_id).
            var byClientId = venueOrders.Where(o => o.ClientOrderId is not null).GroupBy(o => o.ClientOrderId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var entry in open)
            {
                var outcome = await SettleEntryAsync(entry, byClientId, now, changes, cancellationToken).ConfigureAwait(false);
                if (outcome is null)
                    return new ExchangeError(ExchangeErrorKind.Unavailable, $"could not read order {entry.OrderId} back from the venue");
                ordersUpdated += outcome.Value.Updated ? 1 : 0;
                resolved += outcome.Value.Resolved ? 1 : 0;
                stillInDoubt += outcome.Value.StillInDoubt ? 1 : 0;
            }
        }

        var settlements = await PullSettlementsAsync(changes, cancellationToken).ConfigureAwait(false);
        if (!settlements.Success)
            return settlements.Error;
        if (fills.Value + settlements.Value > 0)
            await store.Ledger.RebuildAsync(cancellationToken).ConfigureAwait(false);

        var mismatches = await ComparePositionsAsync(cancellationToken).ConfigureAwait(false);
        if (!mismatches.Success)
            return mismatches.Error;

        var report = new ReconciliationReport(ordersUpdated, resolved, stillInDoubt, fills.Value, settlements.Value, changes, mismatches.Value);
        await store.Reconciliation.RecordAsync(new ReconciliationRecord(now, report.Summary, changes.Count, mismatches.Value.Count), cancellationToken).ConfigureAwait(false);
        return ExchangeResult<ReconciliationReport>.Ok(report);
    }

    private async Task<(bool Updated, bool Resolved, bool StillInDoubt)?> SettleEntryAsync(
        OutboxEntry entry, Dictionary<ClientOrderId, List<OrderInfo>> byClientId, DateTimeOffset now, List<string> changes, CancellationToken cancellationToken)
    {
        var inDoubt = entry.BlocksMarket;
        var venue = OrderOf(entry, byClientId.GetValueOrDefault(entry.ClientOrderId), changes);
        if (venue is null && entry.OrderId is not null)
        {
            // Older than the list reaches, or listed under another id: ask for it by the venue's own id.
            var single = await exchange.GetOrderAsync(entry.OrderId, cancellationToken).ConfigureAwait(false);
            if (single.Success)
                venue = single.Value;
            else if (single.Error.Kind != ExchangeErrorKind.NotFound)
                return null;
        }

        if (venue is null)
        {
            if (!inDoubt)
                return (false, false, false);
            if (now - entry.CreatedAt < AbsenceProofAge)
                return (false, false, true);
            await store.Outbox.UpdateAsync(entry.ClientOrderId,
                new OutboxUpdate(OutboxStatus.Rejected, null, Contracts.Zero, Contracts.Zero, "absent at the venue after reconciliation: it never landed", now),
                cancellationToken).ConfigureAwait(false);
            changes.Add($"{entry.ClientOrderId} on {entry.Order.Ticker}: {entry.Status} → never placed (absent at the venue)");
            return (true, true, false);
        }

        var status = venue.Status switch
        {
            OrderStatus.Resting => venue.Filled.IsZero ? OutboxStatus.Resting : OutboxStatus.PartiallyFilled,
            OrderStatus.Executed => OutboxStatus.Filled,
            OrderStatus.Canceled => OutboxStatus.Canceled,
            _ => entry.Status == OutboxStatus.Pending ? OutboxStatus.Unknown : entry.Status,
        };
        if (status == entry.Status && venue.OrderId == entry.OrderId && venue.Filled == entry.Filled && venue.Remaining == entry.Remaining
            && venue.YesPrice == entry.Order.YesPrice && venue.Initial == entry.Order.Count)
            return (false, false, false);
        // The venue's terms too: an amend (landed or not) leaves the order at the price and size the venue says.
        await store.Outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(status, venue.OrderId, venue.Filled, venue.Remaining, null, now, venue.YesPrice, venue.Initial), cancellationToken).ConfigureAwait(false);
        changes.Add($"{entry.ClientOrderId} on {entry.Order.Ticker}: {entry.Status} → {status} ({venue.Filled} filled, {venue.Remaining} resting)");
        var resolved = inDoubt && status is not (OutboxStatus.Unknown or OutboxStatus.Pending or OutboxStatus.CancelPending or OutboxStatus.AmendPending);
        return (true, resolved, !resolved && inDoubt);
    }

    /// <summary>
    /// The venue order behind a row among those listed under its client_order_id. Several can share one (another
    /// subaccount's, or someone else's reuse of the id): the one with the row's known order id (none of them when it
    /// is not listed, so it is read by that id), else the newest on the row's market, else the newest. The anomaly is
    /// reported; the other orders are left alone.
    /// </summary>
    private static OrderInfo? OrderOf(OutboxEntry entry, List<OrderInfo>? listed, List<string> changes)
    {
        if (listed is null || listed.Count == 1)
            return listed?[0];
        var chosen = entry.OrderId is not null
            ? listed.FirstOrDefault(o => o.OrderId == entry.OrderId)
            : listed.Where(o => o.Ticker == entry.Order.Ticker).MaxBy(o => o.CreatedAt) ?? listed.MaxBy(o => o.CreatedAt);
        changes.Add($"{entry.ClientOrderId} on {entry.Order.Ticker}: {listed.Count} venue orders share this client_order_id "
            + $"({string.Join(", ", listed.Select(o => $"{o.OrderId} on {o.Ticker}"))}); {(chosen is null ? $"none is {entry.OrderId}, read by id" : $"took {chosen.OrderId}")}");
        return chosen;
    }

    private async Task<ExchangeResult<int>> PullFillsAsync(List<string> changes, CancellationToken cancellationToken)
    {
        var watermark = await store.Reconciliation.WatermarkAsync(FillsWatermark, cancellationToken).ConfigureAwait(false);
        var fills = await exchange.GetFillsAsync(watermark - Overlap, cancellationToken).ConfigureAwait(false);
        if (!fills.Success)
            return fills.Error;
        var added = 0;
        foreach (var fill in fills.Value.OrderBy(f => f.At))
        {
            if (await store.Ledger.RecordFillAsync(fill, cancellationToken).ConfigureAwait(false))
            {
                added++;
                TradingMetrics.FillRecorded(fill);
                changes.Add($"fill {fill.FillId}: {fill.Count} {fill.ExposureSide} on {fill.Ticker} at {fill.YesPrice} added");
            }
        }

        if (fills.Value.Count > 0)
            await store.Reconciliation.SetWatermarkAsync(FillsWatermark, fills.Value.Max(f => f.At), cancellationToken).ConfigureAwait(false);
        return ExchangeResult<int>.Ok(added);
    }

    private async Task<ExchangeResult<int>> PullSettlementsAsync(List<string> changes, CancellationToken cancellationToken)
    {
        var watermark = await store.Reconciliation.WatermarkAsync(SettlementsWatermark, cancellationToken).ConfigureAwait(false);
        var settlements = await exchange.GetSettlementsAsync(watermark - Overlap, cancellationToken).ConfigureAwait(false);
        if (!settlements.Success)
            return settlements.Error;
        var added = 0;
        foreach (var settlement in settlements.Value.OrderBy(s => s.SettledAt))
        {
            if (await store.Ledger.RecordSettlementAsync(settlement, cancellationToken).ConfigureAwait(false))
            {
                added++;
                changes.Add($"settlement of {settlement.Ticker} ({settlement.Result}) added: revenue {settlement.Revenue}");
            }
        }

        if (settlements.Value.Count > 0)
            await store.Reconciliation.SetWatermarkAsync(SettlementsWatermark, settlements.Value.Max(s => s.SettledAt), cancellationToken).ConfigureAwait(false);
        return ExchangeResult<int>.Ok(added);
    }

    private async Task<ExchangeResult<IReadOnlyList<string>>> ComparePositionsAsync(CancellationToken cancellationToken)
    {
        var venue = await exchange.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
        if (!venue.Success)
            return venue.Error;
        var ours = (await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Ticker);
        var mismatches = new List<string>();
        foreach (var position in venue.Value)
        {
            if (!ours.Remove(position.Ticker, out var mine))
                mismatches.Add($"{position.Ticker}: the venue holds {position.Count} {position.Side}, the bot has no position");
            else if (mine.Side != position.Side || mine.Count != position.Count)
                mismatches.Add($"{position.Ticker}: the venue holds {position.Count} {position.Side}, the bot {mine.Count} {mine.Side}");
        }

        mismatches.AddRange(ours.Values.Select(mine => $"{mine.Ticker}: the bot holds {mine.Count} {mine.Side}, the venue has no position"));
        return ExchangeResult<IReadOnlyList<string>>.Ok(mismatches);
    }
}
