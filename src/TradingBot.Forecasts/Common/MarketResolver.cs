using System.Diagnostics.CodeAnalysis;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Sports;

namespace TradingBot.Forecasts.Common;

/// <summary>
/// The game, team and line a request's market pays on, as Core resolves them (<see cref="SportsContracts"/>: the line
/// from the market's strike, the ticker and subtitle as cross-checks). A source never prices a market whose terms
/// disagree with themselves: a wrong line prices the wrong contract.
/// </summary>
internal static class MarketResolver
{
    /// <summary>
    /// The market, or null with a problem worth reporting. A ticker outside the sports series (a weather market,
    /// say) is simply not this source's business: false with no problem.
    /// </summary>
    public static bool TryResolve(ForecastRequest request, [NotNullWhen(true)] out SportsMarket? market, out string? problem)
    {
        var terms = SportsContracts.Resolve(request);
        market = terms.Market;
        problem = terms.Problem;
        return market is not null;
    }
}
