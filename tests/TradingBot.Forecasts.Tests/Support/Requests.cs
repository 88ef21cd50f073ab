using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;

namespace TradingBot.Forecasts.Tests.Support;

internal static class Requests
{
    /// <summary>
    /// A request as the scanner builds it; the event ticker is the market ticker without its suffix. A spread or
    /// total carries the strike Kalshi lists with it (suffix N: strike_type greater, floor_strike N − 0.5) unless
    /// <paramref name="strike"/> says otherwise.
    /// </summary>
    public static ForecastRequest For(string marketTicker, DateTimeOffset? gameStart = null, string yesSubTitle = "", MarketStrike? strike = null)
    {
        var cut = marketTicker.LastIndexOf('-');
        var eventTicker = marketTicker[..cut];
        var series = marketTicker[..marketTicker.IndexOf('-', StringComparison.Ordinal)];
        return new ForecastRequest(MarketTicker.Parse(marketTicker), EventTicker.Parse(eventTicker), series, "", yesSubTitle, gameStart, strike ?? ListedStrike(marketTicker));
    }

    /// <summary>The request of a college market: its event's title names the schools, the sub-title their codes ("MSU vs ND (Sep 19)").</summary>
    public static ForecastRequest Listed(this ForecastRequest request, string title, string subTitle) =>
        request with { EventTitle = title, EventSubTitle = subTitle };

    private static MarketStrike? ListedStrike(string marketTicker)
    {
        if (!marketTicker.Contains("SPREAD-", StringComparison.Ordinal) && !marketTicker.Contains("TOTAL-", StringComparison.Ordinal))
            return null;
        var suffix = marketTicker[(marketTicker.LastIndexOf('-') + 1)..];
        var digits = new string(suffix.SkipWhile(char.IsAsciiLetter).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new MarketStrike("greater", n - 0.5m, null)
            : null;
    }

    /// <summary>
    /// A spread ("<paramref name="team"/> wins by over <paramref name="line"/>") or, with no team, a total ("over
    /// <paramref name="line"/>") as Kalshi lists it: strike_type greater with <c>floor_strike</c> = line, and the
    /// ticker's suffix for that line. <paramref name="eventTicker"/> is the spread or total series' event.
    /// </summary>
    public static ForecastRequest Line(string eventTicker, string? team, decimal line, DateTimeOffset? gameStart = null, string yesSubTitle = "")
    {
        var suffix = (line + 0.5m).ToString("0.#", CultureInfo.InvariantCulture);
        return For($"{eventTicker}-{team}{suffix}", gameStart, yesSubTitle, new MarketStrike("greater", line, null));
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
