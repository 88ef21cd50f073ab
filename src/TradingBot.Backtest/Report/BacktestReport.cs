using TradingBot.Backtest.Data;
using TradingBot.Backtest.Replay;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Report;

/// <summary>One filled entry order: what was bought, at what, why, and its share of its market's realised P&amp;L.</summary>
public sealed record TradeRow(
    string ClientOrderId,
    string Ticker,
    string Series,
    string Event,
    OutcomeSide Side,
    DateTimeOffset At,
    Contracts Count,
    Money Cost,
    Money Fees,
    string Liquidity,
    Probability Model,
    Money Edge,
    string Source,
    string Result,
    Price? ClosingMid,
    Money Pnl)
{
    /// <summary>Price paid per contract (fees apart).</summary>
    public Money AveragePrice => Count.IsZero ? Money.Zero : Money.FromMicros(Cost.Micros * Contracts.HundredthsPerContract / Count.Hundredths);

    public Money Capital => Cost + Fees;
}

/// <summary>
/// One order the bot sent (entries and exits, filled or not): its decision as the bot made it, and what came of it.
/// Comparing these with a paper session's orders is how a replay of its recording is checked.
/// </summary>
public sealed record OrderRow(
    string ClientOrderId,
    DateTimeOffset At,
    string Ticker,
    IntentKind Kind,
    IntentReason Reason,
    OrderAction Action,
    OutcomeSide Side,
    Price Price,
    Contracts Count,
    TimeInForce TimeInForce,
    Contracts Filled,
    OutboxStatus Status);

/// <summary>Totals over a group of trades (a series, a month, an edge bucket).</summary>
public sealed record Breakdown(string Key, int Trades, Contracts Contracts, Money Capital, Money Fees, Money Pnl, int Markets, int MarketsWon)
{
    public decimal? Roi => Capital.Micros == 0 ? null : Math.Round((decimal)Pnl.Micros / Capital.Micros, 6);
}

/// <summary>A point of the realised equity curve: the account after each booking.</summary>
public readonly record struct EquityPoint(DateTimeOffset At, Money Equity, Money Drawdown);

/// <summary>One market scored: the model's and the market's probability before the game, and how it came out (1 or 0).</summary>
public readonly record struct ScoredMarket(string Ticker, Probability Model, Probability Market, int Outcome);

/// <summary>
/// The replay's results, built from what the bot's own store recorded (fills, settlements, the ledger) and what the
/// data says about each market. Definitions are in README.md, section Backtest.
/// </summary>
public sealed record BacktestReport(
    Money StartingBalance,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<TradeRow> Trades,
    Money Pnl,
    Money Fees,
    Money Capital,
    Money MaxDrawdown,
    decimal? MaxDrawdownFraction,
    int MarketsTraded,
    int MarketsWon,
    int MarketsClosed,
    IReadOnlyList<ScoredMarket> Scored,
    decimal? Clv,
    int OpenPositions,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<Breakdown> BySeries,
    IReadOnlyList<Breakdown> ByMonth,
    IReadOnlyList<Breakdown> ByEdge,
    IReadOnlyDictionary<string, int> Alerts,
    ReplayCounts Counts,
    int Markets,
    IReadOnlyList<OrderRow> Orders,
    IReadOnlyList<ActionRow> Actions)
{
    public decimal? Roi => Capital.Micros == 0 ? null : Math.Round((decimal)Pnl.Micros / Capital.Micros, 6);

    public decimal? WinRate => MarketsClosed == 0 ? null : Math.Round((decimal)MarketsWon / MarketsClosed, 6);

    public decimal? BrierModel => Brier(s => s.Model);

    public decimal? BrierMarket => Brier(s => s.Market);

    private decimal? Brier(Func<ScoredMarket, Probability> of) =>
        Scored.Count == 0 ? null : Math.Round(Scored.Sum(s => (of(s).Value - s.Outcome) * (of(s).Value - s.Outcome)) / Scored.Count, 6);

    internal static BacktestReport From(ReplayOutcome outcome, Money startingBalance)
    {
        var store = outcome.Store;
        var orders = store.AllOrders.Where(o => o.OrderId is not null).ToDictionary(o => o.OrderId!, StringComparer.Ordinal);
        var pnlByMarket = store.AllEntries.GroupBy(e => e.Ticker.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, e) => sum + e.Amount), StringComparer.Ordinal);
        var fillsByOrder = store.AllFills.GroupBy(f => f.OrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var open = store.OpenPositions;

        // Trades: every entry order that filled, in the order the bot sent them.
        var trades = new List<(OutboxEntry Order, List<FillInfo> Fills)>();
        foreach (var order in store.AllOrders.Where(o => o.Kind == IntentKind.Entry && o.OrderId is not null))
        {
            if (fillsByOrder.TryGetValue(order.OrderId!, out var fills) && fills.Count > 0)
                trades.Add((order, fills));
        }

        var rows = new List<TradeRow>();
        foreach (var group in trades.GroupBy(t => t.Order.Order.Ticker.Value, StringComparer.Ordinal))
        {
            var track = outcome.Markets[group.Key];
            var marketPnl = pnlByMarket.GetValueOrDefault(group.Key);
            var total = group.Sum(t => t.Fills.Sum(f => f.Count.Hundredths));
            var allocated = Money.Zero;
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var (order, fills) = list[i];
                var side = order.Order.Side.ToOutcomeSide();
                var count = Contracts.FromHundredths(fills.Sum(f => f.Count.Hundredths));
                var cost = fills.Aggregate(Money.Zero, (sum, f) => sum + (f.Count * side.PriceOf(f.YesPrice)));
                var paid = fills.Aggregate(Money.Zero, (sum, f) => sum + f.Fee);
                // The market's realised P&L shared among its entries by contracts (exact when one entry made the position).
                var share = i == list.Count - 1 ? marketPnl - allocated : Money.FromMicros((long)((Int128)marketPnl.Micros * count.Hundredths / total));
                allocated += share;
                var context = outcome.Entries.GetValueOrDefault(order.ClientOrderId);
                Price? closing = track.QuoteBeforeStart is { } q && fills[0].At < track.Market.GameStart
                    ? side.PriceOf(Price.FromUnits((q.Bid.Units + q.Ask.Units) / 2)) : null;
                rows.Add(new TradeRow(order.ClientOrderId.Value, group.Key, track.Market.SeriesTicker, track.Market.EventTicker, side, fills[0].At, count, cost, paid,
                    fills.All(f => f.IsTaker) ? "taker" : fills.All(f => !f.IsTaker) ? "maker" : "mixed",
                    context?.Model ?? default, context?.Edge ?? Money.Zero, context?.Source ?? "", ResultOf(track, open), closing, share));
            }
        }

        rows.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.ClientOrderId, b.ClientOrderId));

        var pnl = store.AllEntries.Aggregate(Money.Zero, (sum, e) => sum + e.Amount);
        var fees = store.AllFills.Aggregate(Money.Zero, (sum, f) => sum + f.Fee);
        var capital = rows.Aggregate(Money.Zero, (sum, r) => sum + r.Capital);

        // Realised equity after each booking, and its drawdown from the peak so far.
        var equity = new List<EquityPoint>();
        var balance = startingBalance;
        var peak = startingBalance;
        var maxDrawdown = Money.Zero;
        decimal? maxFraction = null;
        foreach (var entry in store.AllEntries.OrderBy(e => e.At))
        {
            balance += entry.Amount;
            peak = Money.Max(peak, balance);
            var drawdown = peak - balance;
            if (drawdown > maxDrawdown)
            {
                maxDrawdown = drawdown;
                maxFraction = peak.Micros == 0 ? null : Math.Round((decimal)drawdown.Micros / peak.Micros, 6);
            }

            equity.Add(new EquityPoint(entry.At, balance, drawdown));
        }

        // Markets the bot traded that are done (settled yes/no, or sold out of): won when they realised more than nothing.
        var traded = rows.Select(r => r.Ticker).Distinct(StringComparer.Ordinal).ToList();
        var heldNow = open.Select(p => p.Ticker.Value).ToHashSet(StringComparer.Ordinal);
        var closed = traded.Where(t => !heldNow.Contains(t) && outcome.Markets[t].Result != SettlementResult.Void).ToList();
        var won = closed.Count(t => pnlByMarket.GetValueOrDefault(t) > Money.Zero);

        var scored = outcome.Markets.Values
            .Where(m => m.Result is SettlementResult.Yes or SettlementResult.No && m.ForecastBeforeStart is not null && m.QuoteBeforeStart is not null)
            .OrderBy(m => m.Market.Ticker, StringComparer.Ordinal)
            .Select(m => new ScoredMarket(m.Market.Ticker, m.ForecastBeforeStart!.Value,
                Probability.FromValue((m.QuoteBeforeStart!.Value.Bid.Dollars + m.QuoteBeforeStart.Value.Ask.Dollars) / 2), m.Result == SettlementResult.Yes ? 1 : 0))
            .ToList();

        // Closing-line value: what each entry contract saved against the mid of the market's last quote before its game.
        var withClose = rows.Where(r => r.ClosingMid is not null).ToList();
        var clvContracts = withClose.Sum(r => r.Count.Hundredths);
        decimal? clv = clvContracts == 0 ? null
            : Math.Round(withClose.Sum(r => ((r.ClosingMid!.Value.Dollars * r.Count.Count) - r.Cost.Dollars)) / (clvContracts / 100m), 6);

        return new BacktestReport(startingBalance, outcome.Start, outcome.End, rows, pnl, fees, capital, maxDrawdown, maxFraction,
            traded.Count, won, closed.Count, scored, clv, open.Count, equity,
            Group(rows, r => r.Series, pnlByMarket), Group(rows, r => r.At.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), pnlByMarket),
            Group(rows, r => EdgeBucket(r.Edge), pnlByMarket),
            outcome.Alerts.Raised.GroupBy(a => a.Kind.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            outcome.Counts, outcome.Markets.Count, store.AllOrders.Select(OrderRowOf).ToList(), outcome.Actions);
    }

    /// <summary>An entry buys the side its book side makes the bot long of; an exit sells the other one.</summary>
    private static OrderRow OrderRowOf(OutboxEntry entry)
    {
        var order = entry.Order;
        var direction = entry.Kind == IntentKind.Entry
            ? new OrderDirection(OrderAction.Buy, order.Side.ToOutcomeSide())
            : new OrderDirection(OrderAction.Sell, order.Side.ToOutcomeSide().Opposite());
        return new OrderRow(entry.ClientOrderId.Value, entry.CreatedAt, order.Ticker.Value, entry.Kind, entry.Reason, direction.Action, direction.Side,
            direction.FromYesPrice(order.YesPrice), order.Count, order.TimeInForce, entry.Filled, entry.Status);
    }

    /// <summary>Edge (model probability less the price) at entry, in five-cent buckets from 0 to 0.25 and above.</summary>
    public static string EdgeBucket(Money edge)
    {
        var cents = edge.Micros / 10_000;
        if (cents < 5)
            return "0.00-0.05";
        if (cents >= 25)
            return "0.25+";
        var low = cents / 5 * 5;
        return $"0.{low:00}-0.{low + 5:00}";
    }

    private static string ResultOf(MarketTrack track, IReadOnlyList<LedgerPosition> open) =>
        track.Result is { } r ? r.ToString().ToLowerInvariant() : open.Any(p => p.Ticker.Value == track.Market.Ticker) ? "open" : "unsettled";

    private static List<Breakdown> Group(List<TradeRow> rows, Func<TradeRow, string> key, Dictionary<string, Money> pnlByMarket) =>
        rows.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var markets = g.Select(r => r.Ticker).Distinct(StringComparer.Ordinal).ToList();
            return new Breakdown(g.Key, g.Count(), Contracts.FromHundredths(g.Sum(r => r.Count.Hundredths)), g.Aggregate(Money.Zero, (s, r) => s + r.Capital),
                g.Aggregate(Money.Zero, (s, r) => s + r.Fees), g.Aggregate(Money.Zero, (s, r) => s + r.Pnl), markets.Count,
                markets.Count(m => pnlByMarket.GetValueOrDefault(m) > Money.Zero));
        }).ToList();
}
