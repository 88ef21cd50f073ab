using TradingBot.Core.Engine;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Tests;

/// <summary>A dataset written to a temporary folder, and the repository's default settings (appsettings.json's values).</summary>
internal sealed class Fixture : IDisposable
{
    public const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";

    /// <summary>The one market of the acceptance fixture: its game starts 2026-09-13 16:00 UTC, two days after its quote.</summary>
    public const string Market =
        """{"type":"market","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","event_ticker":"KXNFLGAME-26SEP13DALNYG","series_ticker":"KXNFLGAME","title":"Dallas at New York","yes_sub_title":"Dallas","game_start":"2026-09-13T16:00:00Z","close_time":"2026-09-13T19:00:00Z","fee_type":"quadratic","fee_multiplier":"1"}""";

    public Fixture() => Folder = Directory.CreateTempSubdirectory("tradingbot-backtest-").FullName;

    public string Folder { get; }

    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>The settings appsettings.json ships with (the required risk limits as it states them; the rest are the code's defaults).</summary>
    public static BacktestOptions DefaultOptions() => new(
        new RiskOptions { MaxPositionPerMarket = 50m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 },
        new StrategyOptions(),
        new ScannerOptions(),
        TimeSpan.FromSeconds(15),
        TimeSpan.FromMinutes(2),
        BacktestOptions.DefaultBalance);

    public static string Quote(string ts, string bid, string bidSize, string ask, string askSize) =>
        $$"""{"type":"quote","ts":"{{ts}}","ticker":"{{Ticker}}","yes_bid":"{{bid}}","yes_ask":"{{ask}}","yes_bid_size":"{{bidSize}}","yes_ask_size":"{{askSize}}"}""";

    public static string Forecast(string ts, string p) => $$"""{"type":"forecast","ts":"{{ts}}","ticker":"{{Ticker}}","p_yes":"{{p}}","source":"test"}""";

    public static string Settlement(string ts, string result) => $$"""{"type":"settlement","ts":"{{ts}}","ticker":"{{Ticker}}","result":"{{result}}"}""";

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
