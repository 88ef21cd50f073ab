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
/// adapter. Fields the bot does not use are kept loose so a change to them cannot break a scan.
/// </summary>
public sealed record MarketWire
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("event_ticker")]
    public required string EventTicker { get; init; }

    [JsonPropertyName("market_type")]
    public string? MarketType { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("subtitle")]
    public string? Subtitle { get; init; }

    [JsonPropertyName("yes_sub_title")]
    public string? YesSubTitle { get; init; }

    [JsonPropertyName("no_sub_title")]
    public string? NoSubTitle { get; init; }

    [JsonPropertyName("created_time")]
    public DateTimeOffset? CreatedTime { get; init; }

    [JsonPropertyName("updated_time")]
    public DateTimeOffset? UpdatedTime { get; init; }

    [JsonPropertyName("open_time")]
    public required DateTimeOffset OpenTime { get; init; }

    [JsonPropertyName("close_time")]
    public required DateTimeOffset CloseTime { get; init; }

    [JsonPropertyName("expected_expiration_time")]
    public DateTimeOffset? ExpectedExpirationTime { get; init; }

    [JsonPropertyName("expiration_time")]
    public DateTimeOffset? ExpirationTime { get; init; }

    [JsonPropertyName("latest_expiration_time")]
    public DateTimeOffset? LatestExpirationTime { get; init; }

    [JsonPropertyName("settlement_timer_seconds")]
    public long? SettlementTimerSeconds { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("yes_bid_dollars")]
    public string? YesBidDollars { get; init; }

    [JsonPropertyName("yes_bid_size_fp")]
    public string? YesBidSizeFp { get; init; }

    [JsonPropertyName("yes_ask_dollars")]
    public string? YesAskDollars { get; init; }

    [JsonPropertyName("yes_ask_size_fp")]
    public string? YesAskSizeFp { get; init; }

    [JsonPropertyName("no_bid_dollars")]
    public string? NoBidDollars { get; init; }

    [JsonPropertyName("no_ask_dollars")]
    public string? NoAskDollars { get; init; }

    [JsonPropertyName("last_price_dollars")]
    public string? LastPriceDollars { get; init; }

    [JsonPropertyName("volume_fp")]
    public string? VolumeFp { get; init; }

    [JsonPropertyName("volume_24h_fp")]
    public string? Volume24hFp { get; init; }

    [JsonPropertyName("result")]
    public string? Result { get; init; }

    [JsonPropertyName("can_close_early")]
    public bool? CanCloseEarly { get; init; }

    [JsonPropertyName("open_interest_fp")]
    public string? OpenInterestFp { get; init; }

    [JsonPropertyName("notional_value_dollars")]
    public string? NotionalValueDollars { get; init; }

    [JsonPropertyName("previous_yes_bid_dollars")]
    public string? PreviousYesBidDollars { get; init; }

    [JsonPropertyName("previous_yes_ask_dollars")]
    public string? PreviousYesAskDollars { get; init; }

    [JsonPropertyName("previous_price_dollars")]
    public string? PreviousPriceDollars { get; init; }

    [JsonPropertyName("liquidity_dollars")]
    public JsonElement? LiquidityDollars { get; init; }

    [JsonPropertyName("settlement_value_dollars")]
    public string? SettlementValueDollars { get; init; }

    [JsonPropertyName("settlement_ts")]
    public DateTimeOffset? SettlementTs { get; init; }

    [JsonPropertyName("expiration_value")]
    public string? ExpirationValue { get; init; }

    [JsonPropertyName("occurrence_datetime")]
    public DateTimeOffset? OccurrenceDatetime { get; init; }

    [JsonPropertyName("fee_waiver_expiration_time")]
    public DateTimeOffset? FeeWaiverExpirationTime { get; init; }

    [JsonPropertyName("early_close_condition")]
    public string? EarlyCloseCondition { get; init; }

    [JsonPropertyName("strike_type")]
    public string? StrikeType { get; init; }

    [JsonPropertyName("floor_strike")]
    public double? FloorStrike { get; init; }

    [JsonPropertyName("cap_strike")]
    public double? CapStrike { get; init; }

    [JsonPropertyName("functional_strike")]
    public string? FunctionalStrike { get; init; }

    [JsonPropertyName("custom_strike")]
    public JsonElement? CustomStrike { get; init; }

    [JsonPropertyName("rules_primary")]
    public string? RulesPrimary { get; init; }

    [JsonPropertyName("rules_secondary")]
    public string? RulesSecondary { get; init; }

    [JsonPropertyName("mve_collection_ticker")]
    public string? MveCollectionTicker { get; init; }

    [JsonPropertyName("mve_selected_legs")]
    public IReadOnlyList<MveSelectedLegWire>? MveSelectedLegs { get; init; }

    [JsonPropertyName("primary_participant_key")]
    public string? PrimaryParticipantKey { get; init; }

    [JsonPropertyName("price_level_structure")]
    public string? PriceLevelStructure { get; init; }

    [JsonPropertyName("price_ranges")]
    public IReadOnlyList<PriceRangeWire>? PriceRanges { get; init; }

    [JsonPropertyName("is_provisional")]
    public bool? IsProvisional { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

public sealed record MveSelectedLegWire
{
    [JsonPropertyName("event_ticker")]
    public string? EventTicker { get; init; }

    [JsonPropertyName("market_ticker")]
    public string? MarketTicker { get; init; }

    [JsonPropertyName("side")]
    public string? Side { get; init; }

    [JsonPropertyName("yes_settlement_value_dollars")]
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
