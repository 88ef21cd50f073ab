using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary>
/// <c>GET /portfolio/balance</c>. <c>balance</c> is integer cents and truncates sub-cent amounts; direct members'
/// balances are kept to $0.0001, so <c>balance_dollars</c> is the exact figure to reconcile against.
/// </summary>
public sealed record GetBalanceReply
{
    [JsonPropertyName("balance")]
    public required long Balance { get; init; }

    [JsonPropertyName("balance_dollars")]
    public required string BalanceDollars { get; init; }

    /// <summary>Cents.</summary>
    [JsonPropertyName("portfolio_value")]
    [JsonConverter(typeof(LenientInteger))]
    public long? PortfolioValue { get; init; }

    /// <summary>Unix seconds, unlike the date-time <c>last_updated_ts</c> of a position.</summary>
    [JsonPropertyName("updated_ts")]
    [JsonConverter(typeof(LenientInteger))]
    public long? UpdatedTs { get; init; }

    /// <summary>Absent when the key is restricted to a subaccount.</summary>
    [JsonPropertyName("balance_breakdown")]
    public IReadOnlyList<IndexedBalanceWire>? BalanceBreakdown { get; init; }
}

/// <summary>One shard's share of the balance. Here <c>balance</c> is a dollar string, not cents as at the top level.</summary>
public sealed record IndexedBalanceWire
{
    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    [JsonPropertyName("balance")]
    public string? Balance { get; init; }
}

/// <summary><c>GET /portfolio/positions</c>: one page; an empty cursor means the last page.</summary>
public sealed record GetPositionsReply
{
    [JsonPropertyName("market_positions")]
    public required IReadOnlyList<MarketPositionWire> MarketPositions { get; init; }

    [JsonPropertyName("event_positions")]
    public required IReadOnlyList<EventPositionWire> EventPositions { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary>The member's holding in one market (schema <c>MarketPosition</c>).</summary>
public sealed record MarketPositionWire
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    [JsonPropertyName("total_traded_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? TotalTradedDollars { get; init; }

    /// <summary>Signed: positive is YES contracts held, negative NO contracts.</summary>
    [JsonPropertyName("position_fp")]
    public required string PositionFp { get; init; }

    [JsonPropertyName("market_exposure_dollars")]
    public required string MarketExposureDollars { get; init; }

    [JsonPropertyName("realized_pnl_dollars")]
    public required string RealizedPnlDollars { get; init; }

    [JsonPropertyName("fees_paid_dollars")]
    public required string FeesPaidDollars { get; init; }

    /// <summary>A date-time despite the <c>_ts</c> suffix.</summary>
    [JsonPropertyName("last_updated_ts")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? LastUpdatedTs { get; init; }
}

/// <summary>The member's totals across one event's markets (schema <c>EventPosition</c>).</summary>
public sealed record EventPositionWire
{
    [JsonPropertyName("event_ticker")]
    public required string EventTicker { get; init; }

    [JsonPropertyName("total_cost_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? TotalCostDollars { get; init; }

    [JsonPropertyName("total_cost_shares_fp")]
    [JsonConverter(typeof(LenientString))]
    public string? TotalCostSharesFp { get; init; }

    [JsonPropertyName("event_exposure_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? EventExposureDollars { get; init; }

    [JsonPropertyName("realized_pnl_dollars")]
    public required string RealizedPnlDollars { get; init; }

    [JsonPropertyName("fees_paid_dollars")]
    public required string FeesPaidDollars { get; init; }
}

/// <summary><c>GET /portfolio/fills</c>: one page; an empty cursor means the last page.</summary>
public sealed record GetFillsReply
{
    [JsonPropertyName("fills")]
    public required IReadOnlyList<FillWire> Fills { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary>
/// One match of one of the member's orders (schema <c>Fill</c>). Direction is <c>outcome_side</c>/<c>book_side</c>;
/// the legacy <c>side</c>/<c>action</c> pair is read only so an old reply is not refused. Counts may be fractional.
/// </summary>
public sealed record FillWire
{
    [JsonPropertyName("fill_id")]
    public required string FillId { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    /// <summary>The legacy name of <c>fill_id</c>; required so a reply carrying only one of the two is noticed.</summary>
    [JsonPropertyName("trade_id")]
    public required string TradeId { get; init; }

    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("market_ticker")]
    [JsonConverter(typeof(LenientString))]
    public string? MarketTicker { get; init; }

    [JsonPropertyName("side")]
    [JsonConverter(typeof(LenientString))]
    public string? Side { get; init; }

    [JsonPropertyName("action")]
    [JsonConverter(typeof(LenientString))]
    public string? Action { get; init; }

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    [JsonPropertyName("outcome_side")]
    public required string OutcomeSide { get; init; }

    /// <summary><c>bid</c> (≡ yes) or <c>ask</c> (≡ no).</summary>
    [JsonPropertyName("book_side")]
    public required string BookSide { get; init; }

    [JsonPropertyName("count_fp")]
    public required string CountFp { get; init; }

    /// <summary>The trade price on the YES leg, whichever side the member took.</summary>
    [JsonPropertyName("yes_price_dollars")]
    public required string YesPriceDollars { get; init; }

    [JsonPropertyName("no_price_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? NoPriceDollars { get; init; }

    [JsonPropertyName("is_taker")]
    public required bool IsTaker { get; init; }

    [JsonPropertyName("created_time")]
    public DateTimeOffset? CreatedTime { get; init; }

    [JsonPropertyName("fee_cost")]
    public required string FeeCost { get; init; }

    [JsonPropertyName("subaccount_number")]
    public int? SubaccountNumber { get; init; }

    /// <summary>Unix seconds (legacy twin of <c>created_time</c>).</summary>
    [JsonPropertyName("ts")]
    public long? Ts { get; init; }
}

/// <summary><c>GET /portfolio/settlements</c>: one page; an empty cursor means the last page.</summary>
public sealed record GetSettlementsReply
{
    [JsonPropertyName("settlements")]
    public required IReadOnlyList<SettlementWire> Settlements { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary>
/// The payout of one settled market (schema <c>Settlement</c>). Units are mixed, as documented: <c>revenue</c> and
/// <c>value</c> are integer cents, costs and <c>fee_cost</c> dollar strings.
/// </summary>
public sealed record SettlementWire
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    [JsonPropertyName("event_ticker")]
    public required string EventTicker { get; init; }

    /// <summary><c>yes</c>, <c>no</c> or <c>scalar</c>.</summary>
    [JsonPropertyName("market_result")]
    public required string MarketResult { get; init; }

    [JsonPropertyName("yes_count_fp")]
    public required string YesCountFp { get; init; }

    [JsonPropertyName("yes_total_cost_dollars")]
    public required string YesTotalCostDollars { get; init; }

    [JsonPropertyName("no_count_fp")]
    public required string NoCountFp { get; init; }

    [JsonPropertyName("no_total_cost_dollars")]
    public required string NoTotalCostDollars { get; init; }

    /// <summary>Cents.</summary>
    [JsonPropertyName("revenue")]
    public required long Revenue { get; init; }

    [JsonPropertyName("settled_time")]
    public required DateTimeOffset SettledTime { get; init; }

    [JsonPropertyName("fee_cost")]
    public required string FeeCost { get; init; }

    /// <summary>Cents paid per YES contract; null when not reported.</summary>
    [JsonPropertyName("value")]
    [JsonConverter(typeof(LenientInteger))]
    public long? Value { get; init; }
}

/// <summary><c>GET /portfolio/orders</c>: one page; an empty cursor means the last page.</summary>
public sealed record GetOrdersReply
{
    [JsonPropertyName("orders")]
    public required IReadOnlyList<OrderWire> Orders { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary><c>GET /portfolio/orders/{order_id}</c>.</summary>
public sealed record GetOrderReply
{
    [JsonPropertyName("order")]
    public required OrderWire Order { get; init; }
}

/// <summary>
/// One of the member's orders (schema <c>Order</c>, as of the 2026 orders pages: the 2025 portfolio pages still show
/// integer-cent prices and counts, which are gone). Prices are on the YES leg whatever the direction.
/// </summary>
public sealed record OrderWire
{
    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("user_id")]
    [JsonConverter(typeof(LenientString))]
    public string? UserId { get; init; }

    [JsonPropertyName("client_order_id")]
    public required string ClientOrderId { get; init; }

    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("side")]
    [JsonConverter(typeof(LenientString))]
    public string? Side { get; init; }

    [JsonPropertyName("action")]
    [JsonConverter(typeof(LenientString))]
    public string? Action { get; init; }

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    [JsonPropertyName("outcome_side")]
    public required string OutcomeSide { get; init; }

    /// <summary><c>bid</c> (≡ yes) or <c>ask</c> (≡ no).</summary>
    [JsonPropertyName("book_side")]
    public required string BookSide { get; init; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(LenientString))]
    public string? Type { get; init; }

    /// <summary><c>resting</c>, <c>canceled</c> or <c>executed</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("yes_price_dollars")]
    public required string YesPriceDollars { get; init; }

    [JsonPropertyName("no_price_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? NoPriceDollars { get; init; }

    [JsonPropertyName("fill_count_fp")]
    public required string FillCountFp { get; init; }

    [JsonPropertyName("remaining_count_fp")]
    public required string RemainingCountFp { get; init; }

    [JsonPropertyName("initial_count_fp")]
    public required string InitialCountFp { get; init; }

    [JsonPropertyName("taker_fill_cost_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? TakerFillCostDollars { get; init; }

    [JsonPropertyName("maker_fill_cost_dollars")]
    [JsonConverter(typeof(LenientString))]
    public string? MakerFillCostDollars { get; init; }

    [JsonPropertyName("taker_fees_dollars")]
    public string? TakerFeesDollars { get; init; }

    [JsonPropertyName("maker_fees_dollars")]
    public string? MakerFeesDollars { get; init; }

    [JsonPropertyName("expiration_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? ExpirationTime { get; init; }

    [JsonPropertyName("created_time")]
    public DateTimeOffset? CreatedTime { get; init; }

    [JsonPropertyName("last_update_time")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? LastUpdateTime { get; init; }

    [JsonPropertyName("self_trade_prevention_type")]
    [JsonConverter(typeof(LenientString))]
    public string? SelfTradePreventionType { get; init; }

    [JsonPropertyName("order_group_id")]
    [JsonConverter(typeof(LenientString))]
    public string? OrderGroupId { get; init; }

    [JsonPropertyName("cancel_order_on_pause")]
    [JsonConverter(typeof(LenientBool))]
    public bool? CancelOrderOnPause { get; init; }

    [JsonPropertyName("subaccount_number")]
    public int? SubaccountNumber { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}
