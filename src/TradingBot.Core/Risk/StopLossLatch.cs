using System.Collections.Concurrent;
using TradingBot.Core.Persistence;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>
/// After a stop-loss fires on a market, no new entry there for <c>Risk:StopLossCooldown</c> (default: the rest of the
/// trading day it fired in). Otherwise the model, still liking the price that just stopped it out, buys straight back
/// and is stopped out again on the next drop. The latch is set the moment the stop-loss fires and restored from the
/// outbox (every stop-loss exit leaves a row with its time), so it holds across restarts.
/// </summary>
public sealed class StopLossLatch(TimeSpan? cooldown, TimeZoneInfo tradingDayZone)
{
    private readonly ConcurrentDictionary<MarketTicker, DateTimeOffset> _firedAt = new();

    public void Fire(MarketTicker ticker, DateTimeOffset at) => _firedAt.AddOrUpdate(ticker, at, (_, earlier) => at > earlier ? at : earlier);

    public bool IsLatched(MarketTicker ticker, DateTimeOffset now) => _firedAt.TryGetValue(ticker, out var at) && Holds(at, now);

    /// <summary>How far back a stop-loss can still latch a market now: where <see cref="Restore"/> must read from.</summary>
    public DateTimeOffset LookbackFrom(DateTimeOffset now) =>
        cooldown is { } span ? now - span : PositionLedger.TradingDayWindow(PositionLedger.TradingDayOf(now, tradingDayZone), tradingDayZone).From;

    /// <summary>Re-reads the stop-loss exits still within reach from the outbox: what every driver calls before it decides.</summary>
    public async Task RefreshAsync(IOrderOutbox outbox, DateTimeOffset now, CancellationToken cancellationToken) =>
        Restore(await outbox.SinceAsync(LookbackFrom(now), cancellationToken).ConfigureAwait(false), now);

    /// <summary>Latches every market a stop-loss exit was sent for (rows from <see cref="LookbackFrom"/> on), and forgets expired latches.</summary>
    public void Restore(IEnumerable<OutboxEntry> rows, DateTimeOffset now)
    {
        foreach (var row in rows.Where(r => r.Kind == IntentKind.Exit && r.Reason == IntentReason.StopLoss))
            Fire(row.Order.Ticker, row.CreatedAt);
        foreach (var (ticker, at) in _firedAt)
        {
            if (!Holds(at, now))
                _firedAt.TryRemove(ticker, out _);
        }
    }

    private bool Holds(DateTimeOffset firedAt, DateTimeOffset now) =>
        cooldown is { } span ? now < firedAt + span : PositionLedger.TradingDayOf(firedAt, tradingDayZone) == PositionLedger.TradingDayOf(now, tradingDayZone);
}
