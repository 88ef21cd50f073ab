using TradingBot.Core.Settings;

namespace TradingBot.Core.Pricing;

/// <summary>How the bot turns an edge into orders (section <c>Strategy</c>).</summary>
public sealed class StrategyOptions : ISettingsSection
{
    public static string SectionName => "Strategy";

    /// <summary>Dollars per contract the model's value must beat the price by, after fees, before the bot trades.</summary>
    public decimal MinEdge { get; set; } = 0.03m;

    /// <summary>Fraction of the Kelly stake to bet: full Kelly (1) is too aggressive for a model with error.</summary>
    public decimal KellyFraction { get; set; } = 0.25m;

    /// <summary>Contracts in any one order, whatever Kelly says.</summary>
    public decimal MaxContractsPerOrder { get; set; } = 100m;

    /// <summary>Post-only orders one tick inside the spread when taking the ask would not clear the minimum edge.</summary>
    public bool AllowMaking { get; set; } = true;

    /// <summary>Sell a holding (reduce-only, IOC) when its side's bid beats the model's value by <see cref="MinEdge"/> after fees.</summary>
    public bool ExitOnEdgeReversal { get; set; } = true;

    /// <summary>
    /// The longest a made order rests before the exchange cancels it (its <c>expiration_time</c>), in play included:
    /// if the bot stops re-checking its orders (a crash, a lost connection), nothing it left rests for long.
    /// </summary>
    public TimeSpan MaxRestingTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Trade preseason games (an event whose <c>product_metadata.competition</c> is e.g. "Pro Football Preseason"),
    /// pricing them with the models of their season. Off: backups play, and a regular-season model's edge there is not real.
    /// </summary>
    public bool TradePreseason { get; set; }

    /// <summary>
    /// Competitions (an event's <c>product_metadata.competition</c>, exactly as Kalshi writes it) every forecast
    /// source is taken to cover besides the regular seasons of the bot's leagues: for a name Kalshi uses that the bot
    /// does not know yet. Empty by default: an unknown competition is not traded.
    /// </summary>
    public List<string> ExtraCompetitions { get; set; } = [];

    public IEnumerable<SettingsProblem> Validate() =>
        new SettingsRules(SectionName)
            .StrictlyBetween(nameof(MinEdge), MinEdge, 0m, 0.5m)
            .AtMostDecimals(nameof(MinEdge), MinEdge, 4)
            .Between(nameof(KellyFraction), KellyFraction, 0.01m, 1m)
            .Between(nameof(MaxContractsPerOrder), MaxContractsPerOrder, 1m, 1_000_000m)
            .That(MaxContractsPerOrder == decimal.Floor(MaxContractsPerOrder), nameof(MaxContractsPerOrder), "must be a whole number of contracts")
            .Positive(nameof(MaxRestingTime), MaxRestingTime)
            .That(MaxRestingTime <= TimeSpan.FromDays(1), nameof(MaxRestingTime), "must be at most 1.00:00:00")
            .That(ExtraCompetitions.All(c => !string.IsNullOrWhiteSpace(c)), nameof(ExtraCompetitions), "must not hold an empty name")
            .Problems;
}
