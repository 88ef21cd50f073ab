using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>get-balance.md: <c>balance</c> and <c>portfolio_value</c> are still integer cents.</summary>
public sealed record BalanceResponseWire
{
    [JsonPropertyName("balance")] public required long Balance { get; init; }

    [JsonPropertyName("balance_dollars")] public required string BalanceDollars { get; init; }

    [JsonPropertyName("portfolio_value")] public required long PortfolioValue { get; init; }

    [JsonPropertyName("updated_ts")] public required long UpdatedTs { get; init; }

    [JsonPropertyName("balance_breakdown")] public IReadOnlyList<IndexedBalanceWire>? BalanceBreakdown { get; init; }
}

public sealed record IndexedBalanceWire(
    [property: JsonPropertyName("exchange_index")] int ExchangeIndex,
    [property: JsonPropertyName("balance")] string Balance);

public sealed record PositionsResponseWire
{
    [JsonPropertyName("cursor")] public required string Cursor { get; init; }

    [JsonPropertyName("market_positions")] public required IReadOnlyList<MarketPositionWire> MarketPositions { get; init; }

    [JsonPropertyName("event_positions")] public required IReadOnlyList<EventPositionWire> EventPositions { get; init; }
}

public sealed record MarketPositionWire
{
    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("exchange_index")] public required int ExchangeIndex { get; init; }

    [JsonPropertyName("total_traded_dollars")] public required string TotalTraded { get; init; }

    /// <summary>Signed: positive YES, negative NO.</summary>
    [JsonPropertyName("position_fp")] public required string Position { get; init; }

    [JsonPropertyName("market_exposure_dollars")] public required string MarketExposure { get; init; }

    [JsonPropertyName("realized_pnl_dollars")] public required string RealizedPnl { get; init; }

    [JsonPropertyName("fees_paid_dollars")] public required string FeesPaid { get; init; }

    [JsonPropertyName("last_updated_ts")] public required DateTime LastUpdated { get; init; }
}

public sealed record EventPositionWire
{
    [JsonPropertyName("event_ticker")] public required string EventTicker { get; init; }

    [JsonPropertyName("total_cost_dollars")] public required string TotalCost { get; init; }

    [JsonPropertyName("total_cost_shares_fp")] public required string TotalCostShares { get; init; }

    [JsonPropertyName("event_exposure_dollars")] public required string EventExposure { get; init; }

    [JsonPropertyName("realized_pnl_dollars")] public required string RealizedPnl { get; init; }

    [JsonPropertyName("fees_paid_dollars")] public required string FeesPaid { get; init; }
}

public sealed record FillWire
{
    [JsonPropertyName("fill_id")] public required string FillId { get; init; }

    [JsonPropertyName("exchange_index")] public required int ExchangeIndex { get; init; }

    /// <summary>get-fills.md: the legacy name of <c>fill_id</c>, with the same value.</summary>
    [JsonPropertyName("trade_id")] public required string TradeId { get; init; }

    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("market_ticker")] public required string MarketTicker { get; init; }

    [JsonPropertyName("outcome_side")] public required string OutcomeSide { get; init; }

    [JsonPropertyName("book_side")] public required string BookSide { get; init; }

    [JsonPropertyName("count_fp")] public required string Count { get; init; }

    [JsonPropertyName("yes_price_dollars")] public required string YesPrice { get; init; }

    [JsonPropertyName("no_price_dollars")] public required string NoPrice { get; init; }

    [JsonPropertyName("is_taker")] public required bool IsTaker { get; init; }

    [JsonPropertyName("created_time")] public required DateTime CreatedTime { get; init; }

    [JsonPropertyName("fee_cost")] public required string FeeCost { get; init; }

    /// <summary>get-fills.md: present for direct users.</summary>
    [JsonPropertyName("subaccount_number")] public int? SubaccountNumber { get; init; }

    [JsonPropertyName("ts")] public required long Ts { get; init; }
}

public sealed record FillsResponseWire(
    [property: JsonPropertyName("fills")] IReadOnlyList<FillWire> Fills,
    [property: JsonPropertyName("cursor")] string Cursor);

public sealed record SettlementWire
{
    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("exchange_index")] public required int ExchangeIndex { get; init; }

    [JsonPropertyName("event_ticker")] public required string EventTicker { get; init; }

    [JsonPropertyName("market_result")] public required string MarketResult { get; init; }

    [JsonPropertyName("yes_count_fp")] public required string YesCount { get; init; }

    [JsonPropertyName("yes_total_cost_dollars")] public required string YesTotalCost { get; init; }

    [JsonPropertyName("no_count_fp")] public required string NoCount { get; init; }

    [JsonPropertyName("no_total_cost_dollars")] public required string NoTotalCost { get; init; }

    /// <summary>Integer cents (get-settlements.md).</summary>
    [JsonPropertyName("revenue")] public required long Revenue { get; init; }

    [JsonPropertyName("settled_time")] public required DateTime SettledTime { get; init; }

    [JsonPropertyName("fee_cost")] public required string FeeCost { get; init; }

    /// <summary>What one YES contract paid, in cents.</summary>
    [JsonPropertyName("value")] public long? Value { get; init; }
}

public sealed record SettlementsResponseWire(
    [property: JsonPropertyName("settlements")] IReadOnlyList<SettlementWire> Settlements,
    [property: JsonPropertyName("cursor")] string Cursor);

/// <summary>Kalshi's Order (orders/get-orders.md): direction as outcome_side/book_side, prices on both legs.</summary>
public sealed record OrderWire
{
    [JsonPropertyName("order_id")] public required string OrderId { get; init; }

    [JsonPropertyName("user_id")] public required string UserId { get; init; }

    [JsonPropertyName("client_order_id")] public required string ClientOrderId { get; init; }

    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("outcome_side")] public required string OutcomeSide { get; init; }

    [JsonPropertyName("book_side")] public required string BookSide { get; init; }

    [JsonPropertyName("type")] public required string Type { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("yes_price_dollars")] public required string YesPrice { get; init; }

    [JsonPropertyName("no_price_dollars")] public required string NoPrice { get; init; }

    [JsonPropertyName("fill_count_fp")] public required string FillCount { get; init; }

    [JsonPropertyName("remaining_count_fp")] public required string RemainingCount { get; init; }

    [JsonPropertyName("initial_count_fp")] public required string InitialCount { get; init; }

    [JsonPropertyName("taker_fill_cost_dollars")] public required string TakerFillCost { get; init; }

    [JsonPropertyName("maker_fill_cost_dollars")] public required string MakerFillCost { get; init; }

    [JsonPropertyName("taker_fees_dollars")] public required string TakerFees { get; init; }

    [JsonPropertyName("maker_fees_dollars")] public required string MakerFees { get; init; }

    [JsonPropertyName("expiration_time")] public DateTime? ExpirationTime { get; init; }

    [JsonPropertyName("created_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required DateTime? CreatedTime { get; init; }

    [JsonPropertyName("last_update_time")] public DateTime? LastUpdateTime { get; init; }

    [JsonPropertyName("self_trade_prevention_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? SelfTradePreventionType { get; init; }

    [JsonPropertyName("order_group_id")] public string? OrderGroupId { get; init; }

    [JsonPropertyName("cancel_order_on_pause")] public required bool CancelOrderOnPause { get; init; }

    [JsonPropertyName("subaccount_number")] public int? SubaccountNumber { get; init; }

    [JsonPropertyName("exchange_index")] public int ExchangeIndex { get; init; }
}

public sealed record OrdersResponseWire(
    [property: JsonPropertyName("orders")] IReadOnlyList<OrderWire> Orders,
    [property: JsonPropertyName("cursor")] string Cursor);

public sealed record OrderResponseWire([property: JsonPropertyName("order")] OrderWire Order);
