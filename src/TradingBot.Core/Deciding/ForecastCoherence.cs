using TradingBot.Core.Engine;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Deciding;

/// <summary>
/// The markets of a mutually exclusive event (a game's winner markets) are one outcome seen from several tickers,
/// so their YES probabilities must sum to one. Sources price each market alone (MIL 0.557 and TOR 0.530 for one
/// game), and pricing each as it came bets the same outcome twice. When every market of such an event has a
/// forecast, each is scaled by their sum (MIL 0.5124, TOR 0.4876) and dated by the oldest of them; an event with a
/// market missing a forecast keeps what it has (the one-market-per-game gate still stops a double bet).
/// </summary>
public static class ForecastCoherence
{
    public static Dictionary<MarketTicker, Forecast> Coherent(IReadOnlyCollection<MarketView> views, Func<MarketView, Forecast?> forecastOf)
    {
        var forecasts = new Dictionary<MarketTicker, Forecast>();
        foreach (var view in views)
        {
            if (forecastOf(view) is { } forecast)
                forecasts[view.Ticker] = forecast;
        }

        foreach (var game in views.Where(v => v.MutuallyExclusive).GroupBy(v => v.Market.Event))
        {
            var markets = game.DistinctBy(v => v.Ticker).ToList();
            if (markets.Count < 2 || !markets.All(v => forecasts.ContainsKey(v.Ticker)))
                continue;
            long sum = markets.Sum(v => (long)forecasts[v.Ticker].Yes.Micros);
            if (sum <= 0)
                continue;
            var asOf = markets.Min(v => forecasts[v.Ticker].AsOf);
            foreach (var view in markets)
            {
                var micros = (long)forecasts[view.Ticker].Yes.Micros * Probability.MicrosPerUnit / sum;
                forecasts[view.Ticker] = new Forecast(Probability.FromValue(Fixed.FromScaled(micros, 6)), asOf);
            }
        }

        return forecasts;
    }
}
