using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary><c>GET /markets</c>: one page; an empty cursor means the last page.</summary>
public sealed record GetMarketsReply
{
    [JsonPropertyName("markets")]
    public required IReadOnlyList<MarketWire> Markets { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary><c>GET /markets/{ticker}</c>.</summary>
public sealed record GetMarketReply
{
    [JsonPropertyName("market")]
    public required MarketWire Market { get; init; }
}

/// <summary>
/// A market (schema <c>Market</c>). Prices are dollar strings and counts fixed-point strings, parsed only in the
/// adapter. Fields the bot does not decide on are read leniently (<see cref="LenientString"/> and its kin), so an odd
/// value in one of them cannot break a scan. The top-of-book sizes are required: a reply without them is from before
/// Kalshi's fixed-point format (January 2026 and earlier) and its quotes cannot be read whole.
/// </summary>
public sealed record MarketWire
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("event_ticker")]
    public required string EventTicker { get; init; }

    [JsonPropertyName("market_type")]
    [JsonConverter(typeof(LenientString))]
    public string? MarketType { get; init; }

    [JsonPropertyName("title")]
    [JsonConverter(typeof(LenientString))]
    public string? Title { get; init; }

    [JsonPropertyName("subtitle")]
    [JsonConverter(typeof(LenientString))]
    public string? Subtitle { get; init; }

    [JsonPropertyName("yes_sub_title")]
    public string? YesSubTitle { get; init; }

    [JsonPropertyName("no_sub_title")]
    [JsonConverter(typeof(LenientString))]
    public string? NoSubTitle { get; init; }

    [JsonPropertyName("created_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? CreatedTime { get; init; }

    [JsonPropertyName("updated_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? UpdatedTime { get; init; }

    [JsonPropertyName("open_time")]
    public required DateTimeOffset OpenTime { get; init; }

    [JsonPropertyName("close_time")]
    public required DateTimeOffset CloseTime { get; init; }

    [JsonPropertyName("expected_expiration_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? ExpectedExpirationTime { get; init; }

    [JsonPropertyName("expiration_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? ExpirationTime { get; init; }

    [JsonPropertyName("latest_expiration_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? LatestExpirationTime { get; init; }

    [JsonPropertyName("settlement_timer_seconds")]
    [JsonConverter(typeof(LenientInteger))]
    public long? SettlementTimerSeconds { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("yes_bid_dollars")]
    public string? YesBidDollars { get; init; }

    [JsonPropertyName("yes_bid_size_fp")]
    public required string YesBidSizeFp { get; init; }

    [JsonPropertyName("yes_ask_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? YesAskDollars { get; init; }

    [JsonPropertyName("yes_ask_size_fp")]
    public required string YesAskSizeFp { get; init; }

    [JsonPropertyName("no_bid_dollars")]
    public string? NoBidDollars { get; init; }

    [JsonPropertyName("no_ask_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? NoAskDollars { get; init; }

    [JsonPropertyName("last_price_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? LastPriceDollars { get; init; }

    [JsonPropertyName("volume_fp")]
    [JsonConverter(typeof(LenientString))]
    public string? VolumeFp { get; init; }

    [JsonPropertyName("volume_24h_fp")]
    [JsonConverter(typeof(LenientString))]
    public string? Volume24hFp { get; init; }

    [JsonPropertyName("result")]
    public string? Result { get; init; }

    [JsonPropertyName("can_close_early")]
    [JsonConverter(typeof(LenientBool))]
    public bool? CanCloseEarly { get; init; }

    [JsonPropertyName("open_interest_fp")]
    [JsonConverter(typeof(LenientString))]
    public string? OpenInterestFp { get; init; }

    [JsonPropertyName("notional_value_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? NotionalValueDollars { get; init; }

    [JsonPropertyName("previous_yes_bid_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? PreviousYesBidDollars { get; init; }

    [JsonPropertyName("previous_yes_ask_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? PreviousYesAskDollars { get; init; }

    [JsonPropertyName("previous_price_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? PreviousPriceDollars { get; init; }

    [JsonPropertyName("liquidity_dollars")]
    public JsonElement? LiquidityDollars { get; init; }

    [JsonPropertyName("settlement_value_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? SettlementValueDollars { get; init; }

    [JsonPropertyName("settlement_ts")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? SettlementTs { get; init; }

    [JsonPropertyName("expiration_value")]
    [JsonConverter(typeof(LenientString))]
    public string? ExpirationValue { get; init; }

    [JsonPropertyName("occurrence_datetime")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? OccurrenceDatetime { get; init; }

    [JsonPropertyName("fee_waiver_expiration_time")]
    public DateTimeOffset? FeeWaiverExpirationTime { get; init; }

    [JsonPropertyName("early_close_condition")]
    [JsonConverter(typeof(LenientString))]
    public string? EarlyCloseCondition { get; init; }

    [JsonPropertyName("strike_type")]
    public string? StrikeType { get; init; }

    /// <summary>A JSON number, read from its text so 1.5 stays exactly 1.5 (a double would not); strings are seen too.</summary>
    [JsonPropertyName("floor_strike")]
    public JsonElement? FloorStrike { get; init; }

    [JsonPropertyName("cap_strike")]
    public JsonElement? CapStrike { get; init; }

    [JsonPropertyName("functional_strike")]
    [JsonConverter(typeof(LenientString))]
    public string? FunctionalStrike { get; init; }

    [JsonPropertyName("custom_strike")]
    public JsonElement? CustomStrike { get; init; }

    [JsonPropertyName("rules_primary")]
    [JsonConverter(typeof(LenientString))]
    public string? RulesPrimary { get; init; }

    [JsonPropertyName("rules_secondary")]
    [JsonConverter(typeof(LenientString))]
    public string? RulesSecondary { get; init; }

    [JsonPropertyName("mve_collection_ticker")]
    [JsonConverter(typeof(LenientString))]
    public string? MveCollectionTicker { get; init; }

    [JsonPropertyName("mve_selected_legs")]
    public IReadOnlyList<MveSelectedLegWire>? MveSelectedLegs { get; init; }

    [JsonPropertyName("primary_participant_key")]
    [JsonConverter(typeof(LenientString))]
    public string? PrimaryParticipantKey { get; init; }

    [JsonPropertyName("price_level_structure")]
    [JsonConverter(typeof(LenientString))]
    public string? PriceLevelStructure { get; init; }

    [JsonPropertyName("price_ranges")]
    public IReadOnlyList<PriceRangeWire>? PriceRanges { get; init; }

    [JsonPropertyName("is_provisional")]
    [JsonConverter(typeof(LenientBool))]
    public bool? IsProvisional { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

public sealed record MveSelectedLegWire
{
    [JsonPropertyName("event_ticker")]
    [JsonConverter(typeof(LenientString))]
    public string? EventTicker { get; init; }

    [JsonPropertyName("market_ticker")]
    [JsonConverter(typeof(LenientString))]
    public string? MarketTicker { get; init; }

    [JsonPropertyName("side")]
    [JsonConverter(typeof(LenientString))]
    public string? Side { get; init; }

    [JsonPropertyName("yes_settlement_value_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? YesSettlementValueDollars { get; init; }
}

/// <summary>One band of valid prices: start, end and step in dollars.</summary>
public sealed record PriceRangeWire
{
    [JsonPropertyName("start")]
    public required string Start { get; init; }

    [JsonPropertyName("end")]
    public required string End { get; init; }

    [JsonPropertyName("step")]
    public required string Step { get; init; }
}

/// <summary><c>GET /markets/{ticker}/orderbook</c>.</summary>
public sealed record GetOrderBookReply
{
    [JsonPropertyName("orderbook_fp")]
    public required OrderBookWire OrderbookFp { get; init; }
}

/// <summary><c>GET /markets/orderbooks</c>.</summary>
public sealed record GetOrderBooksReply
{
    [JsonPropertyName("orderbooks")]
    public required IReadOnlyList<MarketOrderBookWire> Orderbooks { get; init; }
}

public sealed record MarketOrderBookWire
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("orderbook_fp")]
    public required OrderBookWire OrderbookFp { get; init; }
}

/// <summary>Bids only, per side, each level <c>["0.4200", "13.00"]</c> (price in that side's own dollars, count), ascending.</summary>
public sealed record OrderBookWire
{
    [JsonPropertyName("yes_dollars")]
    public required IReadOnlyList<IReadOnlyList<string>> YesDollars { get; init; }

    [JsonPropertyName("no_dollars")]
    public required IReadOnlyList<IReadOnlyList<string>> NoDollars { get; init; }
}
