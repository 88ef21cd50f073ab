using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Core.Persistence;

/// <summary>
/// A position as the ledger keeps it: contracts of one side, their cost basis (price only; fees are booked as their
/// own ledger entries), and the fees paid on the contracts still held: with the cost, the capital the position took.
/// </summary>
public sealed record LedgerPosition(MarketTicker Ticker, OutcomeSide Side, Contracts Count, Money Cost, DateTimeOffset UpdatedAt, Money Fees = default)
{
    /// <summary>What the position took out of the account: its cost and the fees paid on it.</summary>
    public Money Capital => Cost + Fees;
}

public enum LedgerEntryKind
{
    /// <summary>Gain or loss on contracts closed by a fill (sold, or netted against the other side).</summary>
    Trade,
    Fee,
    Settlement,
}

/// <summary>One realised amount, booked at the time it happened; the trading day is that time's calendar day in the configured zone.</summary>
public sealed record LedgerEntry(LedgerEntryKind Kind, string Reference, MarketTicker Ticker, Money Amount, DateTimeOffset At);

/// <summary>
/// Average-cost accounting of fills and settlements into positions and realised P&amp;L. Buying one side first
/// closes any holding of the other (a YES + NO pair is worth $1, so closing returns the other side's price) and
/// releases that part's share of the cost basis; the rest opens at its price. Fees are their own entries.
/// Pure: the stores call it for each new fill, and replay it over everything to rebuild.
/// </summary>
public sealed class PositionLedger
{
    private readonly Dictionary<MarketTicker, LedgerPosition> _positions = [];

    public IReadOnlyCollection<LedgerPosition> Positions => _positions.Values;

    public void Load(LedgerPosition position) => _positions[position.Ticker] = position;

    public LedgerPosition? PositionIn(MarketTicker ticker) => _positions.GetValueOrDefault(ticker);

    public IReadOnlyList<LedgerEntry> Apply(FillInfo fill)
    {
        var sidePrice = fill.ExposureSide.PriceOf(fill.YesPrice);
        var current = _positions.GetValueOrDefault(fill.Ticker);
        var opposite = current is not null && current.Side != fill.ExposureSide ? current.Count : Contracts.Zero;
        var closing = Contracts.Min(fill.Count, opposite);
        var opening = fill.Count - closing;
        var entries = new List<LedgerEntry>(2);

        var cost = current?.Cost ?? Money.Zero;
        var fees = current?.Fees ?? Money.Zero;
        if (!closing.IsZero)
        {
            var released = Share(cost, closing, opposite);
            cost -= released;
            fees -= Share(fees, closing, opposite);
            entries.Add(new LedgerEntry(LedgerEntryKind.Trade, fill.FillId, fill.Ticker, (closing * sidePrice.Complement) - released, fill.At));
        }

        if (!fill.Fee.Equals(Money.Zero))
            entries.Add(new LedgerEntry(LedgerEntryKind.Fee, fill.FillId, fill.Ticker, -fill.Fee, fill.At));

        var remainingOpposite = opposite - closing;
        if (!remainingOpposite.IsZero)
            _positions[fill.Ticker] = current! with { Count = remainingOpposite, Cost = cost, Fees = fees, UpdatedAt = fill.At };
        else if (!opening.IsZero)
        {
            var same = current is not null && current.Side == fill.ExposureSide;
            var openingFee = Share(fill.Fee, opening, fill.Count);
            _positions[fill.Ticker] = new LedgerPosition(fill.Ticker, fill.ExposureSide,
                (same ? current!.Count : Contracts.Zero) + opening, (same ? cost : Money.Zero) + (opening * sidePrice), fill.At,
                (same ? fees : Money.Zero) + openingFee);
        }
        else
            _positions.Remove(fill.Ticker);

        return entries;
    }

    /// <summary>
    /// A settlement pays its revenue against the held position's cost, and the position is gone. Its fee is not
    /// booked: Kalshi's settlement <c>fee_cost</c> is the sum of the trade fees paid on the position, each of which
    /// was booked with its fill (and a fill missed is found by reconciliation); booking it again counted fees twice.
    /// </summary>
    public IReadOnlyList<LedgerEntry> Apply(SettlementInfo settlement)
    {
        var cost = _positions.Remove(settlement.Ticker, out var held) ? held.Cost : settlement.YesCost + settlement.NoCost;
        return [new(LedgerEntryKind.Settlement, settlement.Ticker.Value, settlement.Ticker, settlement.Revenue - cost, settlement.SettledAt)];
    }

    /// <summary>Replays fills and settlements in time order (fills before a settlement at the same instant).</summary>
    public static (PositionLedger Ledger, IReadOnlyList<LedgerEntry> Entries) Replay(IEnumerable<FillInfo> fills, IEnumerable<SettlementInfo> settlements)
    {
        var ledger = new PositionLedger();
        var events = fills.Select(f => (f.At, Order: 0, Id: f.FillId, Fill: (FillInfo?)f, Settlement: (SettlementInfo?)null))
            .Concat(settlements.Select(s => (At: s.SettledAt, Order: 1, Id: s.Ticker.Value, Fill: (FillInfo?)null, Settlement: (SettlementInfo?)s)))
            .OrderBy(e => e.At).ThenBy(e => e.Order).ThenBy(e => e.Id, StringComparer.Ordinal);
        var entries = new List<LedgerEntry>();
        foreach (var e in events)
            entries.AddRange(e.Fill is not null ? ledger.Apply(e.Fill) : ledger.Apply(e.Settlement!));
        return (ledger, entries);
    }

    /// <summary>The calendar day of <paramref name="at"/> in <paramref name="zone"/>: the trading day its P&amp;L counts toward.</summary>
    public static DateOnly TradingDayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>The instants a trading day spans, [start, end), in <paramref name="zone"/> (23 or 25 hours across a DST change).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) TradingDayWindow(DateOnly day, TimeZoneInfo zone)
    {
        static DateTimeOffset StartOf(DateOnly d, TimeZoneInfo zone)
        {
            var local = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        return (StartOf(day, zone), StartOf(day.AddDays(1), zone));
    }

    private static Money Share(Money amount, Contracts part, Contracts whole) =>
        whole.IsZero ? amount : Money.FromMicros((long)((Int128)amount.Micros * part.Hundredths / whole.Hundredths));
}
