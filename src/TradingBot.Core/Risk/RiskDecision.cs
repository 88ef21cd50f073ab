using System.Globalization;
using System.Text;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>
/// Why the risk gate refused an order. The numbers are stable: they are stored with every decision, and each
/// has a stable text code (<see cref="DenialCodes.Code"/>) for logs and the dashboard. Add, never renumber.
/// </summary>
public enum DenialCode
{
    None = 0,
    TradingHalted = 1,
    ReducingOnly = 2,
    ExchangeClosed = 3,
    ExchangePaused = 4,
    MarketNotActive = 5,
    MarketPastClose = 6,
    GameStartUnknown = 7,
    TooCloseToGameStart = 8,
    InPlay = 9,
    StaleQuote = 10,
    NoForecast = 11,
    StaleForecast = 12,
    PositionLimit = 13,
    EventExposureLimit = 14,
    TotalExposureLimit = 15,
    InsufficientBalance = 16,
    OrderRateLimit = 17,
    InvalidPrice = 18,
    OffTick = 19,
    InvalidCount = 20,
    ImplausibleEdge = 21,
    ExitExceedsPosition = 22,
    OrderInDoubt = 23,
}

public static class DenialCodes
{
    /// <summary>The code as it appears in logs, storage and the API: <c>POSITION_LIMIT</c>.</summary>
    public static string Code(this DenialCode code) => code switch
    {
        DenialCode.None => "NONE",
        DenialCode.TradingHalted => "TRADING_HALTED",
        DenialCode.ReducingOnly => "REDUCING_ONLY",
        DenialCode.ExchangeClosed => "EXCHANGE_CLOSED",
        DenialCode.ExchangePaused => "EXCHANGE_PAUSED",
        DenialCode.MarketNotActive => "MARKET_NOT_ACTIVE",
        DenialCode.MarketPastClose => "MARKET_PAST_CLOSE",
        DenialCode.GameStartUnknown => "GAME_START_UNKNOWN",
        DenialCode.TooCloseToGameStart => "TOO_CLOSE_TO_GAME_START",
        DenialCode.InPlay => "IN_PLAY",
        DenialCode.StaleQuote => "STALE_QUOTE",
        DenialCode.NoForecast => "NO_FORECAST",
        DenialCode.StaleForecast => "STALE_FORECAST",
        DenialCode.PositionLimit => "POSITION_LIMIT",
        DenialCode.EventExposureLimit => "EVENT_EXPOSURE_LIMIT",
        DenialCode.TotalExposureLimit => "TOTAL_EXPOSURE_LIMIT",
        DenialCode.InsufficientBalance => "INSUFFICIENT_BALANCE",
        DenialCode.OrderRateLimit => "ORDER_RATE_LIMIT",
        DenialCode.InvalidPrice => "INVALID_PRICE",
        DenialCode.OffTick => "OFF_TICK",
        DenialCode.InvalidCount => "INVALID_COUNT",
        DenialCode.ImplausibleEdge => "IMPLAUSIBLE_EDGE",
        DenialCode.ExitExceedsPosition => "EXIT_EXCEEDS_POSITION",
        DenialCode.OrderInDoubt => "ORDER_IN_DOUBT",
        _ => "UNKNOWN",
    };
}

/// <summary>One key=value of a denial's detail: a number, or a word when <see cref="Text"/> is set.</summary>
public readonly record struct DenialDetail(string Key, decimal Number, string? Text = null)
{
    public static DenialDetail Word(string key, string text) => new(key, 0m, text);

    public static DenialDetail Seconds(string key, TimeSpan duration) => new(key, decimal.Round((decimal)duration.TotalSeconds, 3));

    public override string ToString() =>
        Key + "=" + (Text ?? Number.ToString(Number == decimal.Round(Number, 2) ? "0.00" : "0.00####", CultureInfo.InvariantCulture));
}

/// <summary>
/// The gate's answer: approve, or deny with a code and up to three key=value details, e.g.
/// <c>POSITION_LIMIT: market=KX…, limit=50.00, would_be=61.20</c>. Held inline and formatted only when asked,
/// so evaluating thousands of markets allocates nothing.
/// </summary>
public readonly record struct RiskDecision(DenialCode Code, MarketTicker Market, DenialDetail First, DenialDetail Second, DenialDetail Third)
{
    public static readonly RiskDecision Approve = default;

    public bool IsApproved => Code == DenialCode.None;

    public static RiskDecision Deny(DenialCode code, MarketTicker market, DenialDetail first = default, DenialDetail second = default, DenialDetail third = default) =>
        code == DenialCode.None ? throw new ArgumentException("a denial needs a code", nameof(code)) : new(code, market, first, second, third);

    /// <summary>The key=value part: <c>market=KX…, limit=50.00, would_be=61.20</c>.</summary>
    public string Detail
    {
        get
        {
            if (IsApproved)
                return "";
            var text = new StringBuilder("market=").Append(Market.Value);
            foreach (var detail in new[] { First, Second, Third })
            {
                if (detail.Key is not null)
                    text.Append(", ").Append(detail);
            }

            return text.ToString();
        }
    }

    public override string ToString() => IsApproved ? "APPROVED" : $"{Code.Code()}: {Detail}";
}
