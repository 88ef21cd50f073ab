using TradingBot.Core.Settings;

namespace TradingBot.Core.Risk;

/// <summary>
/// The operator's risk limits (section <c>Risk</c>). Money is in dollars. The limits with real money at
/// stake have no code default: the operator must state them.
/// </summary>
public sealed class RiskOptions : ISettingsSection
{
    public static string SectionName => "Risk";

    /// <summary>Capital in one market: filled cost + resting + in-flight orders + the new order.</summary>
    [RequiredSetting]
    public decimal MaxPositionPerMarket { get; set; }

    /// <summary>Capital across all markets of one event (one game).</summary>
    public decimal MaxExposurePerEvent { get; set; } = 100m;

    /// <summary>Capital across every open position and order.</summary>
    public decimal MaxTotalExposure { get; set; } = 500m;

    /// <summary>Exit a position when its mark falls below this percentage of its entry cost.</summary>
    [RequiredSetting]
    public decimal StopLossFloorPercent { get; set; }

    /// <summary>How far below the best bid a stop-loss sell may fill: the worst-price bound of its IOC order.</summary>
    public decimal StopLossMaxSlippage { get; set; } = 0.05m;

    /// <summary>Positive dollars; the circuit breaker trips when the trading day's realised P&amp;L ≤ −limit.</summary>
    [RequiredSetting]
    public decimal DailyLossLimit { get; set; }

    /// <summary>Consecutive failed order writes, or consecutive failed reads (counted apart), before the bot enters safe mode.</summary>
    [RequiredSetting]
    public int MaxConsecutiveApiErrors { get; set; }

    /// <summary>First back-off step of the API error guard; each further failure doubles it up to the maximum.</summary>
    public TimeSpan ApiErrorBackoffInitial { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ApiErrorBackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IANA time zone whose calendar day is the trading day of the circuit breaker.</summary>
    public string TradingDayTimeZone { get; set; } = "America/New_York";

    /// <summary>No new entries this close to the game's scheduled start (unless <see cref="AllowInPlay"/>).</summary>
    public TimeSpan MinTimeBeforeGameStart { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Allow entries once the game has started.</summary>
    public bool AllowInPlay { get; set; }

    /// <summary>A quote older than this is not traded on.</summary>
    public TimeSpan MaxQuoteAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A forecast older than this is not traded on.</summary>
    public TimeSpan MaxForecastAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Order submissions allowed in any rolling minute.</summary>
    public int MaxOrdersPerMinute { get; set; } = 20;

    /// <summary>Model probability minus market price above which the edge is treated as a mapping error.</summary>
    public decimal MaxPlausibleEdge { get; set; } = 0.25m;

    /// <summary>Dollars of balance never committed to orders.</summary>
    public decimal MinBalanceReserve { get; set; }

    /// <summary>
    /// How long a market takes no new entry after its stop-loss fired. Unset (the default): the rest of the trading
    /// day in which it fired, so a position stopped out is not bought straight back on the next tick of the same slide.
    /// </summary>
    public TimeSpan? StopLossCooldown { get; set; }

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName)
            .Positive(nameof(MaxPositionPerMarket), MaxPositionPerMarket)
            .Positive(nameof(MaxExposurePerEvent), MaxExposurePerEvent)
            .Positive(nameof(MaxTotalExposure), MaxTotalExposure)
            .That(MaxExposurePerEvent >= MaxPositionPerMarket || MaxPositionPerMarket <= 0, nameof(MaxExposurePerEvent),
                "must be at least Risk:MaxPositionPerMarket")
            .That(MaxTotalExposure >= MaxExposurePerEvent || MaxExposurePerEvent <= 0, nameof(MaxTotalExposure),
                "must be at least Risk:MaxExposurePerEvent")
            .StrictlyBetween(nameof(StopLossFloorPercent), StopLossFloorPercent, 0, 100)
            .Between(nameof(StopLossMaxSlippage), StopLossMaxSlippage, 0, 0.5m)
            .Positive(nameof(DailyLossLimit), DailyLossLimit)
            .Between(nameof(MaxConsecutiveApiErrors), MaxConsecutiveApiErrors, 1, 1000)
            .Positive(nameof(ApiErrorBackoffInitial), ApiErrorBackoffInitial)
            .That(ApiErrorBackoffMax >= ApiErrorBackoffInitial, nameof(ApiErrorBackoffMax),
                "must be at least Risk:ApiErrorBackoffInitial")
            .That(TimeZoneInfo.TryFindSystemTimeZoneById(TradingDayTimeZone ?? "", out _), nameof(TradingDayTimeZone),
                $"'{TradingDayTimeZone}' is not a known IANA time zone")
            .NotNegative(nameof(MinTimeBeforeGameStart), MinTimeBeforeGameStart)
            .Positive(nameof(MaxQuoteAge), MaxQuoteAge)
            .Positive(nameof(MaxForecastAge), MaxForecastAge)
            .Between(nameof(MaxOrdersPerMinute), MaxOrdersPerMinute, 1, 10_000)
            .StrictlyBetween(nameof(MaxPlausibleEdge), MaxPlausibleEdge, 0, 1)
            .NotNegative(nameof(MinBalanceReserve), MinBalanceReserve)
            .That(StopLossCooldown is null || StopLossCooldown > TimeSpan.Zero, nameof(StopLossCooldown), "must be greater than 0 (leave it unset for the rest of the trading day)")
            .AtMostDecimals(nameof(MaxPositionPerMarket), MaxPositionPerMarket, 2)
            .AtMostDecimals(nameof(MaxExposurePerEvent), MaxExposurePerEvent, 2)
            .AtMostDecimals(nameof(MaxTotalExposure), MaxTotalExposure, 2)
            .AtMostDecimals(nameof(DailyLossLimit), DailyLossLimit, 2)
            .AtMostDecimals(nameof(MinBalanceReserve), MinBalanceReserve, 2)
            .AtMostDecimals(nameof(StopLossMaxSlippage), StopLossMaxSlippage, 4)
            .AtMostDecimals(nameof(MaxPlausibleEdge), MaxPlausibleEdge, 4);
        return rules.Problems;
    }
}
