using TradingBot.Core.Settings;

namespace TradingBot.Worker.Configuration;

/// <summary>Where orders go: the bundled simulator, Kalshi's demo exchange, or real money.</summary>
public enum TradingMode
{
    Paper,
    Demo,
    Live,
}

/// <summary>How console log lines are written.</summary>
public enum LogFormat
{
    /// <summary>Syslog priority prefixes under systemd, readable lines in a terminal.</summary>
    Auto,
    Journald,
    Plain,
}

/// <summary>The bot as a whole (section <c>TradingBot</c>).</summary>
public sealed class TradingBotOptions : ISettingsSection
{
    public static string SectionName => "TradingBot";

    public TradingMode Mode { get; set; } = TradingMode.Paper;

    /// <summary>Live mode trades real money and starts only when this is true as well.</summary>
    public bool ConfirmLive { get; set; }

    /// <summary>Folder for the SQLite file and other state; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public LogFormat LogFormat { get; set; } = LogFormat.Auto;

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .Defined(nameof(Mode), Mode)
            .Defined(nameof(LogFormat), LogFormat)
            .That(!string.IsNullOrWhiteSpace(DataDirectory), nameof(DataDirectory), "must name a folder")
            .Problems;
}
