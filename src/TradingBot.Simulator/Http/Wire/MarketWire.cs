using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>Kalshi's Market object (get-markets.md), with every field the schema requires.</summary>
public sealed record MarketWire
{
    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("event_ticker")] public required string EventTicker { get; init; }

    [JsonPropertyName("market_type")] public required string MarketType { get; init; }

    [JsonPropertyName("title")] public string? Title { get; init; }

    [JsonPropertyName("yes_sub_title")] public required string YesSubTitle { get; init; }

    [JsonPropertyName("no_sub_title")] public required string NoSubTitle { get; init; }

    [JsonPropertyName("created_time")] public required DateTime CreatedTime { get; init; }

    [JsonPropertyName("updated_time")] public required DateTime UpdatedTime { get; init; }

    [JsonPropertyName("open_time")] public required DateTime OpenTime { get; init; }

    [JsonPropertyName("close_time")] public required DateTime CloseTime { get; init; }

    [JsonPropertyName("expected_expiration_time")] public DateTime? ExpectedExpirationTime { get; init; }

    [JsonPropertyName("latest_expiration_time")] public required DateTime LatestExpirationTime { get; init; }

    /// <summary>Until then the market's trades pay no trade fee.</summary>
    [JsonPropertyName("fee_waiver_expiration_time")] public DateTime? FeeWaiverExpirationTime { get; init; }

    [JsonPropertyName("settlement_timer_seconds")] public required int SettlementTimerSeconds { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("yes_bid_dollars")] public required string YesBid { get; init; }

    [JsonPropertyName("yes_bid_size_fp")] public required string YesBidSize { get; init; }

    [JsonPropertyName("yes_ask_dollars")] public required string YesAsk { get; init; }

    [JsonPropertyName("yes_ask_size_fp")] public required string YesAskSize { get; init; }

    [JsonPropertyName("no_bid_dollars")] public required string NoBid { get; init; }

    [JsonPropertyName("no_ask_dollars")] public required string NoAsk { get; init; }

    [JsonPropertyName("last_price_dollars")] public required string LastPrice { get; init; }

    [JsonPropertyName("volume_fp")] public required string Volume { get; init; }

    [JsonPropertyName("volume_24h_fp")] public required string Volume24h { get; init; }

    [JsonPropertyName("result")] public required string Result { get; init; }

    [JsonPropertyName("can_close_early")] public required bool CanCloseEarly { get; init; }

    [JsonPropertyName("open_interest_fp")] public required string OpenInterest { get; init; }

    [JsonPropertyName("notional_value_dollars")] public required string NotionalValue { get; init; }

    [JsonPropertyName("previous_yes_bid_dollars")] public required string PreviousYesBid { get; init; }

    [JsonPropertyName("previous_yes_ask_dollars")] public required string PreviousYesAsk { get; init; }

    [JsonPropertyName("previous_price_dollars")] public required string PreviousPrice { get; init; }

    [JsonPropertyName("settlement_value_dollars")] public string? SettlementValue { get; init; }

    [JsonPropertyName("settlement_ts")] public DateTime? SettlementTime { get; init; }

    [JsonPropertyName("expiration_value")] public required string ExpirationValue { get; init; }

    /// <summary>
    /// What the market pays on, left out when the market states none (x-omitempty): a spread or total is
    /// <c>greater</c> than <c>floor_strike</c> (the ticker's suffix N is the line N − 0.5); a game's winner market is
    /// <c>structured</c>, its team named in <c>custom_strike</c>, as Kalshi lists them.
    /// </summary>
    [JsonPropertyName("strike_type")] public string? StrikeType { get; init; }

    [JsonPropertyName("floor_strike")] public decimal? FloorStrike { get; init; }

    [JsonPropertyName("cap_strike")] public decimal? CapStrike { get; init; }

    [JsonPropertyName("custom_strike")] public IReadOnlyDictionary<string, string>? CustomStrike { get; init; }

    [JsonPropertyName("rules_primary")] public required string RulesPrimary { get; init; }

    [JsonPropertyName("rules_secondary")] public required string RulesSecondary { get; init; }

    [JsonPropertyName("price_level_structure")] public required string PriceLevelStructure { get; init; }

    [JsonPropertyName("price_ranges")] public required IReadOnlyList<PriceRangeWire> PriceRanges { get; init; }

    [JsonPropertyName("exchange_index")] public int ExchangeIndex { get; init; }
}

public sealed record PriceRangeWire(
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("step")] string Step);

public sealed record MarketsResponseWire(
    [property: JsonPropertyName("markets")] IReadOnlyList<MarketWire> Markets,
    [property: JsonPropertyName("cursor")] string Cursor);

public sealed record MarketResponseWire([property: JsonPropertyName("market")] MarketWire Market);

/// <summary>Bids only, per side, as [price_dollars, count_fp] pairs sorted by price ascending (best last).</summary>
public sealed record OrderbookWire(
    [property: JsonPropertyName("yes_dollars")] IReadOnlyList<IReadOnlyList<string>> YesDollars,
    [property: JsonPropertyName("no_dollars")] IReadOnlyList<IReadOnlyList<string>> NoDollars);

public sealed record OrderbookResponseWire([property: JsonPropertyName("orderbook_fp")] OrderbookWire Orderbook);

public sealed record MarketOrderbookWire(
    [property: JsonPropertyName("ticker")] string Ticker,
    [property: JsonPropertyName("orderbook_fp")] OrderbookWire Orderbook);

public sealed record OrderbooksResponseWire([property: JsonPropertyName("orderbooks")] IReadOnlyList<MarketOrderbookWire> Orderbooks);

public sealed record TradeWire
{
    [JsonPropertyName("trade_id")] public required string TradeId { get; init; }

    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("count_fp")] public required string Count { get; init; }

    [JsonPropertyName("yes_price_dollars")] public required string YesPrice { get; init; }

    [JsonPropertyName("no_price_dollars")] public required string NoPrice { get; init; }

    [JsonPropertyName("taker_outcome_side")] public required string TakerOutcomeSide { get; init; }

    [JsonPropertyName("taker_book_side")] public required string TakerBookSide { get; init; }

    [JsonPropertyName("created_time")] public required DateTime CreatedTime { get; init; }

    [JsonPropertyName("is_block_trade")] public required bool IsBlockTrade { get; init; }
}

public sealed record TradesResponseWire(
    [property: JsonPropertyName("trades")] IReadOnlyList<TradeWire> Trades,
    [property: JsonPropertyName("cursor")] string Cursor);
