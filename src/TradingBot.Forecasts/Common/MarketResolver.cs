using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Sports;

namespace TradingBot.Forecasts.Common;

/// <summary>
/// Reads what a request's ticker says about the game and the market, and refuses a market whose own subtitle
/// states a different line than the ticker rule gives: a wrong line would price the wrong contract.
/// </summary>
internal static class MarketResolver
{
    /// <summary>
    /// The market, or null with a problem worth reporting. A ticker outside the sports series (a weather market,
    /// say) is simply not this source's business: false with no problem.
    /// </summary>
    public static bool TryResolve(ForecastRequest request, [NotNullWhen(true)] out SportsMarket? market, out string? problem)
    {
        if (!SportsTickers.TryParseMarket(request.Ticker.Value, out market, out problem))
        {
            if (!SportsTickers.IsSportsTicker(request.Ticker.Value))
                problem = null;
            return false;
        }

        if (market.Line is { } line && SportsTickers.LineInTitle(request.YesSubTitle) is { } stated && stated != line)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the ticker gives line {line} but the subtitle '{request.YesSubTitle}' says {stated}");
            market = null;
            return false;
        }

        return true;
    }
}
