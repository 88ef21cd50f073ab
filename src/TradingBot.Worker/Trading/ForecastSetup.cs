using TradingBot.Core.Forecasting;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Trading;

/// <summary>The forecast sources the configuration enables, in order; in paper mode the DEMO model feed comes first.</summary>
internal static class ForecastSetup
{
    public static IReadOnlyList<IForecastSource> Sources(CheckedSettings settings, Venue venue, TimeProvider time, ILoggerFactory loggers) => [];
}
