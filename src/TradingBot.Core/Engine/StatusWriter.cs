using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// Writes the worker's heartbeat and status to storage every few seconds, so the dashboard and <c>tradingbot
/// status</c> see the running bot without asking it anything: its state and every reason for it, the breaker with
/// the day's realised P&amp;L against its limit, safe mode, the exchange's flags, the last scan, what it tracks and holds.
/// </summary>
public sealed class StatusWriter(IBotStore store, TradingControls controls, MarketBook book, RiskOptions risk, TimeProvider time, string version, string mode)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public async Task<BotStatus> WriteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (from, to) = PositionLedger.TradingDayWindow(controls.Today, controls.Zone);
        var realised = await store.Ledger.RealizedPnlAsync(from, to, cancellationToken).ConfigureAwait(false);
        var positions = await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false);
        var open = await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false);
        var status = controls.Status;
        var safeMode = controls.Guard.SafeMode;
        var breaker = controls.Breaker.IsTripped(now);

        var reasons = new List<string>();
        if (controls.OperatorState != TradingState.Active)
            reasons.Add($"operator {controls.OperatorState}: {controls.OperatorReason}");
        if (safeMode is { } safe)
            reasons.Add($"safe mode since {safe.Since:u}: {safe.Reason}");
        if (breaker)
            reasons.Add($"daily loss limit reached: realised {realised} against a limit of {risk.DailyLossLimit:0.00}");
        if (!book.Exchange.ExchangeActive)
            reasons.Add("exchange in maintenance");
        else if (!book.Exchange.TradingActive)
            reasons.Add("exchange trading paused");

        var marks = positions.Select(p =>
        {
            Money? mark = book.TryGet(p.Ticker, out var view) && view.Quote.BidFor(p.Side) is { Exists: true } bid ? p.Count * bid.Price : null;
            return new PositionMark(p.Ticker.Value, p.Side.ToString(), p.Count, p.Cost, p.Fees, mark, mark - p.Capital);
        }).ToList();
        var snapshot = new BotStatus(now, _startedAt, version, mode, status.State.ToString(), reasons, breaker, realised, Money.FromDollars(risk.DailyLossLimit),
            safeMode?.Reason, safeMode?.Since, book.Exchange.ExchangeActive, book.Exchange.TradingActive,
            book.LastScanAt, book.Count, controls.LastBalance, positions.Count, open.Count, controls.Flattening && positions.Count > 0, marks);
        await store.Control.SaveStatusAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return snapshot;
    }
}
