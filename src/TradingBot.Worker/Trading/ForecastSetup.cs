using TradingBot.Core.Forecasting;
using TradingBot.Forecasts.Blend;
using TradingBot.Forecasts.Elo;
using TradingBot.Forecasts.Feeds;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;

namespace TradingBot.Worker.Trading;

/// <summary>
/// The forecast sources the configuration enables. With a blend enabled, the blend stands for its members; otherwise
/// the first source (in this order: file, HTTP, sportsbook, Elo) that has a market answers for it. In paper mode the
/// DEMO model feed comes first: the simulator's hidden fair price plus noise, so paper mode has something to trade.
/// </summary>
internal static class ForecastSetup
{
    public const string DemoSourceName = "DEMO model feed (simulator fair price + noise, not a real edge)";

    public static IReadOnlyList<IForecastSource> Sources(CheckedSettings settings, Venue venue, TimeProvider time, ILoggerFactory loggers)
    {
        var sources = new List<IForecastSource>();
        var http = new Lazy<HttpClient>(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        if (settings.Get<FileFeedOptions>() is { Enabled: true } file)
            sources.Add(new FileForecastSource(file, time));
        if (settings.Get<HttpFeedOptions>() is { Enabled: true } feed)
            sources.Add(new HttpForecastSource(http.Value, feed, time));
        if (settings.Get<SportsbookOptions>() is { Enabled: true } odds)
            sources.Add(new SportsbookForecastSource(string.IsNullOrEmpty(odds.Path) ? http.Value : null, odds, time));
        if (settings.Get<EloOptions>() is { Enabled: true } elo)
            sources.Add(new EloForecastSource(elo, time));
        if (settings.Get<BlendOptions>() is { Enabled: true } blend)
            sources = [WeightedBlendSource.FromOptions(blend, sources)];

        if (venue.DemoFeedPath is { } demo)
            sources.Insert(0, new FileForecastSource(new FileFeedOptions { Enabled = true, Path = demo, Format = FeedFormat.Csv }, time, DemoSourceName));
        if (sources.Count == 0)
            loggers.CreateLogger(typeof(ForecastSetup)).LogWarning("No forecast source is enabled (Forecasts:File, Http, Sportsbook, Elo): the bot will scan but never trade");
        return sources;
    }
}
