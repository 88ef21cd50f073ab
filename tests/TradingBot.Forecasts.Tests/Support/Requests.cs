using TradingBot.Core.Forecasting;
using TradingBot.Core.Values;

namespace TradingBot.Forecasts.Tests.Support;

internal static class Requests
{
    /// <summary>A request as the scanner builds it; the event ticker is the market ticker without its suffix.</summary>
    public static ForecastRequest For(string marketTicker, DateTimeOffset? gameStart = null, string yesSubTitle = "")
    {
        var cut = marketTicker.LastIndexOf('-');
        var eventTicker = marketTicker[..cut];
        var series = marketTicker[..marketTicker.IndexOf('-', StringComparison.Ordinal)];
        return new ForecastRequest(MarketTicker.Parse(marketTicker), EventTicker.Parse(eventTicker), series, "", yesSubTitle, gameStart);
    }
}

/// <summary>A folder under the system temp directory, deleted with everything in it.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tb-forecasts-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
