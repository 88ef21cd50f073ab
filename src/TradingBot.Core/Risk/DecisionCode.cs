namespace TradingBot.Core.Risk;

/// <summary>
/// The one vocabulary of why the bot did or did not act on a market: the risk gate's denials, the pricing's
/// "nothing to do", and the reasons a working order is pulled. The numbers are stable (stored with every decision);
/// each has a stable text code (<see cref="DecisionCodes.Code"/>) for logs, storage and the dashboard. Add, never renumber.
/// </summary>
public enum DecisionCode
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

    /// <summary>The market's fee schedule cannot be priced exactly (unknown fee type): it is not traded.</summary>
    FeeScheduleUnknown = 24,

    /// <summary>No side has a price to take or to improve on.</summary>
    NoPrices = 25,

    /// <summary>No way in clears <c>Strategy:MinEdge</c> after fees.</summary>
    EdgeBelowMinimum = 26,

    /// <summary>An edge, but no room left under a cap or the balance for one whole contract.</summary>
    NoRoomToSize = 27,

    /// <summary>What is held and working in the market already reaches its Kelly target.</summary>
    AtTarget = 28,

    /// <summary>An entry of the bot's rests in this market (at most one): it is managed, not added to.</summary>
    OrderWorking = 29,

    /// <summary>The bot holds the other side of this market: it never buys both sides of one market.</summary>
    OppositeSideHeld = 30,

    /// <summary>A stop-loss fired on this market within <c>Risk:StopLossCooldown</c>: no new entry.</summary>
    StopLossLatched = 31,

    /// <summary>A mutually exclusive event already carries the bot's capital in another of its markets: one game, one position.</summary>
    EventOtherMarket = 32,

    /// <summary>A resting entry's edge at its own price fell below <c>Strategy:MinEdge</c>: pulled.</summary>
    EdgeGone = 33,

    /// <summary>A resting entry is no longer where the bot would price it (outbid, overpaying, or taking is now better): pulled to re-price.</summary>
    Reprice = 34,

    /// <summary>What is held and working exceeds the Kelly target by more than one order's rounding: the working order is pulled.</summary>
    TargetShrunk = 35,

    /// <summary>The held side's bid exceeds the model's value by <c>Strategy:MinEdge</c> after fees: sold into it.</summary>
    EdgeReversed = 36,

    /// <summary>Passed every gate.</summary>
    Approved = 37,

    /// <summary>What the market pays on disagrees with itself: its strike (<c>floor_strike</c>), ticker and subtitle name different lines or teams. Unpriceable.</summary>
    StrikeMismatch = 38,

    /// <summary>A spread or total listed without a strike the bot can read (<c>strike_type</c> greater with a <c>floor_strike</c>). Unpriceable.</summary>
    StrikeUnknown = 39,

    /// <summary>A preseason game (<c>product_metadata.competition</c>), not traded unless <c>Strategy:TradePreseason</c>.</summary>
    Preseason = 40,

    /// <summary>The event's competition is not one any configured forecast source declares it covers.</summary>
    CompetitionNotCovered = 41,
}

public static class DecisionCodes
{
    /// <summary>The code as it appears in logs, storage and the API: <c>POSITION_LIMIT</c>.</summary>
    public static string Code(this DecisionCode code) => code switch
    {
        DecisionCode.None => "NONE",
        DecisionCode.TradingHalted => "TRADING_HALTED",
        DecisionCode.ReducingOnly => "REDUCING_ONLY",
        DecisionCode.ExchangeClosed => "EXCHANGE_CLOSED",
        DecisionCode.ExchangePaused => "EXCHANGE_PAUSED",
        DecisionCode.MarketNotActive => "MARKET_NOT_ACTIVE",
        DecisionCode.MarketPastClose => "MARKET_PAST_CLOSE",
        DecisionCode.GameStartUnknown => "GAME_START_UNKNOWN",
        DecisionCode.TooCloseToGameStart => "TOO_CLOSE_TO_GAME_START",
        DecisionCode.InPlay => "IN_PLAY",
        DecisionCode.StaleQuote => "STALE_QUOTE",
        DecisionCode.NoForecast => "NO_FORECAST",
        DecisionCode.StaleForecast => "STALE_FORECAST",
        DecisionCode.PositionLimit => "POSITION_LIMIT",
        DecisionCode.EventExposureLimit => "EVENT_EXPOSURE_LIMIT",
        DecisionCode.TotalExposureLimit => "TOTAL_EXPOSURE_LIMIT",
        DecisionCode.InsufficientBalance => "INSUFFICIENT_BALANCE",
        DecisionCode.OrderRateLimit => "ORDER_RATE_LIMIT",
        DecisionCode.InvalidPrice => "INVALID_PRICE",
        DecisionCode.OffTick => "OFF_TICK",
        DecisionCode.InvalidCount => "INVALID_COUNT",
        DecisionCode.ImplausibleEdge => "IMPLAUSIBLE_EDGE",
        DecisionCode.ExitExceedsPosition => "EXIT_EXCEEDS_POSITION",
        DecisionCode.OrderInDoubt => "ORDER_IN_DOUBT",
        DecisionCode.FeeScheduleUnknown => "FEE_SCHEDULE_UNKNOWN",
        DecisionCode.NoPrices => "NO_PRICES",
        DecisionCode.EdgeBelowMinimum => "EDGE_BELOW_MINIMUM",
        DecisionCode.NoRoomToSize => "NO_ROOM_TO_SIZE",
        DecisionCode.AtTarget => "AT_TARGET",
        DecisionCode.OrderWorking => "ORDER_WORKING",
        DecisionCode.OppositeSideHeld => "OPPOSITE_SIDE_HELD",
        DecisionCode.StopLossLatched => "STOP_LOSS_LATCHED",
        DecisionCode.EventOtherMarket => "EVENT_OTHER_MARKET",
        DecisionCode.EdgeGone => "EDGE_GONE",
        DecisionCode.Reprice => "REPRICE",
        DecisionCode.TargetShrunk => "TARGET_SHRUNK",
        DecisionCode.EdgeReversed => "EDGE_REVERSED",
        DecisionCode.Approved => "APPROVED",
        DecisionCode.StrikeMismatch => "STRIKE_MISMATCH",
        DecisionCode.StrikeUnknown => "STRIKE_UNKNOWN",
        DecisionCode.Preseason => "PRESEASON",
        DecisionCode.CompetitionNotCovered => "COMPETITION_NOT_COVERED",
        _ => "UNKNOWN",
    };
}
