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

    /// <summary>Paper mode only: how many times faster than real time the simulator's clock runs (games, fair prices, settlement).</summary>
    public decimal PaperSpeed { get; set; } = 60m;

    /// <summary>How often positions are marked, stop-losses checked and the day's P&amp;L fed to the breaker.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the bot reconciles with the exchange after the start-up reconciliation.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How soon a halt or resume from another shell (<c>tradingbot halt</c>) takes effect.</summary>
    public TimeSpan ControlsRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .Defined(nameof(Mode), Mode)
            .Defined(nameof(LogFormat), LogFormat)
            .That(!string.IsNullOrWhiteSpace(DataDirectory), nameof(DataDirectory), "must name a folder")
            .Between(nameof(PaperSpeed), PaperSpeed, 1m, 3600m)
            .Positive(nameof(MonitorInterval), MonitorInterval)
            .Positive(nameof(ReconcileInterval), ReconcileInterval)
            .Positive(nameof(ControlsRefreshInterval), ControlsRefreshInterval)
            .Problems;
}
