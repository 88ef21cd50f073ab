using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>A position marked to market.</summary>
public sealed record MarkedPosition(LedgerPosition Position, Money Mark, Money Unrealised, StopLossVerdict Verdict);

/// <summary>What the monitor saw: marks, the day's realised P&amp;L, and the exits it asked for.</summary>
public sealed record MonitorReport(IReadOnlyList<MarkedPosition> Positions, Money RealisedToday, IReadOnlyList<TradeIntent> Exits);

/// <summary>
/// Marks every position at the best bid it could be sold into; a position under its stop-loss floor gets one exit
/// intent (an IOC reduce-only sell with a worst-price bound) and is then no longer acted on while it is being sold.
/// Feeds the trading day's realised P&amp;L to the circuit breaker.
/// </summary>
public sealed class MonitorStep(IBotStore store, MarketBook book, TradingControls controls, StopLoss stopLoss, IOperatorAlerts alerts)
{
    private readonly HashSet<MarketTicker> _exiting = [];

    public async Task<MonitorReport> RunAsync(CancellationToken cancellationToken)
    {
        var positions = await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false);
        _exiting.IntersectWith(positions.Select(p => p.Ticker));
        var open = await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false);
        var exposure = Exposure.From(positions, open, ticker => book.TryGet(ticker, out var v) ? v.Market.Event : null);

        var marked = new List<MarkedPosition>();
        var exits = new List<TradeIntent>();
        foreach (var position in positions)
        {
            if (!book.TryGet(position.Ticker, out var view))
            {
                marked.Add(new MarkedPosition(position, Money.Zero, -position.Cost, StopLossVerdict.Hold));
                continue;
            }

            var check = stopLoss.Check(EvaluationStep.StateOf(view, exposure));
            marked.Add(new MarkedPosition(position, check.Mark, check.Mark - position.Cost, check.Verdict));
            if (check.Verdict == StopLossVerdict.Exit && _exiting.Add(position.Ticker))
            {
                exits.Add(check.Exit);
                alerts.Raise(AlertKind.StopLossExit,
                    $"Stop-loss on {position.Ticker}: {position.Count} {position.Side} marked at {check.Mark} against a floor of {check.Floor} (cost {position.Cost}); selling down to {check.Exit.LimitPrice}.");
            }
        }

        var (from, to) = PositionLedger.TradingDayWindow(controls.Today, controls.Zone);
        var realised = await store.Ledger.RealizedPnlAsync(from, to, cancellationToken).ConfigureAwait(false);
        await controls.ObserveRealisedAsync(realised, cancellationToken).ConfigureAwait(false);
        return new MonitorReport(marked, realised, exits);
    }
}
