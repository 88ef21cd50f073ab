using TradingBot.Core.Settings;

namespace TradingBot.Core.Engine;

/// <summary>What the scanner watches and how often (section <c>Scanner</c>).</summary>
public sealed class ScannerOptions : ISettingsSection
{
    public static string SectionName => "Scanner";

    /// <summary>Kalshi series tickers to scan: game winners, spreads and totals of the leagues traded.</summary>
    public List<string> Series { get; set; } =
    [
        "KXNFLGAME", "KXNFLSPREAD", "KXNFLTOTAL",
        "KXNBAGAME", "KXNBASPREAD", "KXNBATOTAL",
        "KXMLBGAME", "KXMLBSPREAD", "KXMLBTOTAL",
        "KXNHLGAME", "KXNHLSPREAD", "KXNHLTOTAL",
        "KXNCAAFGAME", "KXNCAAFSPREAD", "KXNCAAFTOTAL",
        "KXNCAAMBGAME", "KXNCAAMBSPREAD", "KXNCAAMBTOTAL",
    ];

    /// <summary>Between scans when no market is open.</summary>
    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Between scans when every game is further away than <see cref="FastWindow"/>.</summary>
    public TimeSpan SlowInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Between scans when a game starts within <see cref="FastWindow"/> (or is in play, where in-play trading is on).</summary>
    public TimeSpan FastInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan FastWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the exchange is checked again while it is paused or in maintenance.</summary>
    public TimeSpan PausedInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Order books are fetched for at most this many candidates per scan (the best edges first).</summary>
    public int MaxBooksPerScan { get; set; } = 100;

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName)
            .That(Series.Count > 0, nameof(Series), "must list at least one series ticker")
            .Positive(nameof(IdleInterval), IdleInterval)
            .Positive(nameof(SlowInterval), SlowInterval)
            .Positive(nameof(FastInterval), FastInterval)
            .That(FastInterval <= SlowInterval, nameof(FastInterval), "must not be longer than Scanner:SlowInterval")
            .Positive(nameof(FastWindow), FastWindow)
            .Positive(nameof(PausedInterval), PausedInterval)
            .Between(nameof(MaxBooksPerScan), MaxBooksPerScan, 0, 10_000);
        foreach (var series in Series.Where(s => !Values.MarketTicker.TryParse(s, out _)))
            rules.Fail(nameof(Series), $"'{series}' is not a series ticker");
        foreach (var repeated in Series.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            rules.Fail(nameof(Series), $"'{repeated.Key}' is listed more than once");
        return rules.Problems;
    }
}
