using TradingBot.Core.Settings;

namespace TradingBot.Backtest.Recording;

/// <summary>What a running bot records of what it saw, for backtests (section <c>Recorder</c>).</summary>
public sealed class RecorderOptions : ISettingsSection
{
    public static string SectionName => "Recorder";

    /// <summary>Write the markets, the quote and forecast each decision used, and the settlements, as a dataset.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the daily files go; empty: <c>recordings</c> under <c>TradingBot:DataDirectory</c>.</summary>
    public string Directory { get; set; } = "";

    /// <summary>The most the recordings may take on disk: the oldest days are deleted beyond it.</summary>
    public int MaxTotalMegabytes { get; set; } = 1024;

    /// <summary>How often markets recorded and since closed are read for their results.</summary>
    public TimeSpan SettlementCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .Between(nameof(MaxTotalMegabytes), MaxTotalMegabytes, 1, 1_000_000)
            .Positive(nameof(SettlementCheckInterval), SettlementCheckInterval)
            .Problems;
}
