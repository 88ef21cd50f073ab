using TradingBot.Core.Engine;
using TradingBot.Core.Markets;

namespace TradingBot.Core.Forecasting;

/// <summary>The forecast-choice policy: the first source, in configured order, that has the market (a blend is configured as one source).</summary>
public sealed class ForecastChoice(IReadOnlyList<IForecastSource> sources)
{
    public IReadOnlyList<IForecastSource> Sources => sources;

    public Forecast? For(MarketView view)
    {
        var request = view.ForecastRequest;
        foreach (var source in sources)
        {
            if (source.Get(request) is { } forecast)
                return forecast;
        }

        return null;
    }
}
