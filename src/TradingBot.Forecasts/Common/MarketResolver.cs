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
    public static bool TryResolve(ForecastRequest request, [NotNullWhen(true)] out SportsMarket? market, [NotNullWhen(false)] out string? problem)
    {
        if (!SportsTickers.TryParseMarket(request.Ticker.Value, out market, out problem))
            return false;
        if (market.Line is { } line && SportsTickers.LineInTitle(request.YesSubTitle) is { } stated && stated != line)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the ticker gives line {line} but the subtitle '{request.YesSubTitle}' says {stated}");
            market = null;
            return false;
        }

        return true;
    }
}
