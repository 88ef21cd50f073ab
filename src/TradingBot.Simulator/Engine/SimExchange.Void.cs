using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>A market voided: no result, every holding refunded.</summary>
public sealed partial class SimExchange
{
    /// <summary>
    /// Closes the market if it had not (its resting orders cancelled) and refunds every holder the cost basis of what
    /// they hold; fees already paid stay paid. The holding is settled with no result and a revenue equal to its cost,
    /// so it realises nothing. The backtest uses this for a dataset's <c>void</c> settlement.
    /// </summary>
    public void Void(string ticker)
    {
        lock (_lock)
        {
            var market = Market(ticker);
            var now = clock.GetUtcNow();
            if (market.Status is MarketStatus.Initialized or MarketStatus.Active or MarketStatus.Inactive)
                Close(market, now);
            if (market.Status != MarketStatus.Closed)
                throw new InvalidOperationException($"market {ticker} is {market.Status}, not closed");
            var simEvent = _events[market.Spec.EventTicker];
            foreach (var account in _accounts.Values)
            {
                if (!account.Positions.TryGetValue(ticker, out var position) || position.SignedHundredths == 0)
                    continue;
                var yes = position.HeldOf(OutcomeSide.Yes);
                var no = position.HeldOf(OutcomeSide.No);
                account.Credit(market.ExchangeIndex, position.Cost);
                account.Settlements.Add(new SimSettlement(ticker, simEvent.Ticker, MarketResult.None, yes, no,
                    yes.IsZero ? Money.Zero : position.Cost, no.IsZero ? Money.Zero : position.Cost, position.Cost, now, market.ExchangeIndex));
                position.SignedHundredths = 0;
                position.Cost = Money.Zero;
                position.LastUpdated = now;
            }

            market.Result = MarketResult.None;
            market.Status = MarketStatus.Finalized;
            market.SettledAt = now;
        }
    }
}
