using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;

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
            market.Result = MarketResult.None;
            PayHoldersAndFinalize(market, position => position.Cost, now);
        }
    }
}
