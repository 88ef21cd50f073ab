using System.Text.Json;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Http;

/// <summary>
/// A named scenario (series, events, markets, market makers) that the admin API can load. Implemented in
/// src/TradingBot.Simulator/Scenarios/ and registered in DI as <c>ISimScenario</c>; <c>POST /sim/scenarios/{name}</c>
/// calls <see cref="Load"/> with the request body, if any, as its parameters.
/// </summary>
public interface ISimScenario
{
    string Name { get; }

    void Load(SimExchange exchange, JsonElement? parameters);
}

/// <summary>
/// Where the admin API moves a market's fair YES price (<c>POST /sim/markets/{ticker}/fair-price</c>); the
/// scenarios' market makers quote around it. At most one is registered in DI.
/// </summary>
public interface ISimFairPrices
{
    /// <summary>False when no scenario quotes this market.</summary>
    bool TrySet(string ticker, Price fairYesPrice);
}

/// <summary>Told after the admin API moves the market clock (and the exchange has applied it), so quoting can follow time.</summary>
public interface ISimClockListener
{
    void ClockMoved(SimExchange exchange, DateTimeOffset now);
}
