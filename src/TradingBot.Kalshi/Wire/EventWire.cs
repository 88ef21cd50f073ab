using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary>
/// <c>GET /events</c>: one page; an empty or missing cursor means the last page. <c>milestones</c> is only sent
/// when asked for with <c>with_milestones</c>, and it is the only place the game's start time comes with the event.
/// </summary>
public sealed record GetEventsReply
{
    [JsonPropertyName("events")]
    public required IReadOnlyList<EventWire> Events { get; init; }

    [JsonPropertyName("milestones")]
    public IReadOnlyList<MilestoneWire>? Milestones { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary><c>GET /events/{event_ticker}</c>.</summary>
public sealed record GetEventReply
{
    [JsonPropertyName("event")]
    public required EventWire Event { get; init; }

    /// <summary>Deprecated by Kalshi in favour of the event's own <c>markets</c>, so a reply without it must still read.</summary>
    [JsonPropertyName("markets")]
    public IReadOnlyList<MarketWire>? Markets { get; init; }
}

/// <summary>
/// An event (schema <c>EventData</c>): the game a set of markets belongs to. Its fee override, when present, beats
/// the series fee for every market in it, so the adapter must read it before pricing a trade.
/// </summary>
public sealed record EventWire
{
    [JsonPropertyName("event_ticker")]
    public required string EventTicker { get; init; }

    [JsonPropertyName("series_ticker")]
    public required string SeriesTicker { get; init; }

    [JsonPropertyName("sub_title")]
    public string? SubTitle { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("collateral_return_type")]
    [JsonConverter(typeof(LenientString))]
    public string? CollateralReturnType { get; init; }

    [JsonPropertyName("mutually_exclusive")]
    public bool? MutuallyExclusive { get; init; }

    [JsonPropertyName("category")]
    [JsonConverter(typeof(LenientString))]
    public string? Category { get; init; }

    [JsonPropertyName("strike_date")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? StrikeDate { get; init; }

    [JsonPropertyName("strike_period")]
    [JsonConverter(typeof(LenientString))]
    public string? StrikePeriod { get; init; }

    /// <summary>Only filled when asked for with <c>with_nested_markets=true</c>.</summary>
    [JsonPropertyName("markets")]
    public IReadOnlyList<MarketWire>? Markets { get; init; }

    [JsonPropertyName("available_on_brokers")]
    [JsonConverter(typeof(LenientBool))]
    public bool? AvailableOnBrokers { get; init; }

    [JsonPropertyName("product_metadata")]
    public JsonElement? ProductMetadata { get; init; }

    /// <summary>
    /// Not used, but required (it may be null): every current reply carries it and January 2026 replies, from before
    /// Kalshi's fixed-point format, do not, so an event page of that age is refused rather than half read.
    /// </summary>
    [JsonPropertyName("settlement_sources")]
    public required IReadOnlyList<SettlementSourceWire>? SettlementSources { get; init; }

    [JsonPropertyName("last_updated_ts")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? LastUpdatedTs { get; init; }

    [JsonPropertyName("fee_type_override")]
    public string? FeeTypeOverride { get; init; }

    [JsonPropertyName("fee_multiplier_override")]
    public double? FeeMultiplierOverride { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

/// <summary><c>GET /events/fee_changes</c>: one page; an empty cursor means the last page.</summary>
public sealed record GetEventFeeChangesReply
{
    [JsonPropertyName("event_fee_changes")]
    public required IReadOnlyList<EventFeeChangeWire> EventFeeChanges { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary>
/// An event's fee override as it becomes at <c>scheduled_ts</c>. Both override fields are always sent; null clears
/// that part of the override, so the event falls back to its series.
/// </summary>
public sealed record EventFeeChangeWire
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("event_ticker")]
    public required string EventTicker { get; init; }

    [JsonPropertyName("series_ticker")]
    public required string SeriesTicker { get; init; }

    [JsonPropertyName("fee_type_override")]
    public required string? FeeTypeOverride { get; init; }

    [JsonPropertyName("fee_multiplier_override")]
    public required double? FeeMultiplierOverride { get; init; }

    [JsonPropertyName("scheduled_ts")]
    public required DateTimeOffset ScheduledTs { get; init; }
}

/// <summary><c>GET /milestones</c>: one page; an empty or missing cursor means the last page.</summary>
public sealed record GetMilestonesReply
{
    [JsonPropertyName("milestones")]
    public required IReadOnlyList<MilestoneWire> Milestones { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary><c>GET /milestones/{milestone_id}</c>.</summary>
public sealed record GetMilestoneReply
{
    [JsonPropertyName("milestone")]
    public required MilestoneWire Milestone { get; init; }
}

/// <summary>
/// A real-world occurrence (a game) tied to events. Its <c>start_date</c> is the game's start: a market's
/// <c>occurrence_datetime</c> and <c>expected_expiration_time</c> are not, so the bot joins events to games through
/// <c>related_event_tickers</c> (a superset of <c>primary_event_tickers</c>).
/// </summary>
public sealed record MilestoneWire
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("category")]
    [JsonConverter(typeof(LenientString))]
    public string? Category { get; init; }

    [JsonPropertyName("type")]
    [JsonConverter(typeof(LenientString))]
    public string? Type { get; init; }

    [JsonPropertyName("start_date")]
    public required DateTimeOffset StartDate { get; init; }

    [JsonPropertyName("end_date")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? EndDate { get; init; }

    [JsonPropertyName("related_event_tickers")]
    public required IReadOnlyList<string> RelatedEventTickers { get; init; }

    [JsonPropertyName("title")]
    [JsonConverter(typeof(LenientString))]
    public string? Title { get; init; }

    [JsonPropertyName("notification_message")]
    [JsonConverter(typeof(LenientString))]
    public string? NotificationMessage { get; init; }

    [JsonPropertyName("source_id")]
    [JsonConverter(typeof(LenientString))]
    public string? SourceId { get; init; }

    [JsonPropertyName("source_ids")]
    public IReadOnlyDictionary<string, string>? SourceIds { get; init; }

    /// <summary>Shape varies by milestone type (team ids for sports), so it stays raw.</summary>
    [JsonPropertyName("details")]
    public JsonElement? Details { get; init; }

    [JsonPropertyName("primary_event_tickers")]
    public IReadOnlyList<string>? PrimaryEventTickers { get; init; }

    [JsonPropertyName("last_updated_ts")]
    [JsonConverter(typeof(LenientTime))]
    public DateTimeOffset? LastUpdatedTs { get; init; }
}

/// <summary><c>GET /markets/trades</c>: one page; an empty or missing cursor means the last page.</summary>
public sealed record GetTradesReply
{
    [JsonPropertyName("trades")]
    public required IReadOnlyList<TradeWire> Trades { get; init; }

    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }
}

/// <summary>A public trade. Prices are dollar strings and the count a fixed-point string, parsed only in the adapter.</summary>
public sealed record TradeWire
{
    [JsonPropertyName("trade_id")]
    public required string TradeId { get; init; }

    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    /// <summary>Required: a trade without it is from before Kalshi's fixed-point format (an integer <c>count</c>).</summary>
    [JsonPropertyName("count_fp")]
    public required string CountFp { get; init; }

    [JsonPropertyName("yes_price_dollars")]
    public string? YesPriceDollars { get; init; }

    [JsonPropertyName("no_price_dollars")]
    public string? NoPriceDollars { get; init; }

    /// <summary>Deprecated by Kalshi; <c>taker_outcome_side</c> carries the same bit.</summary>
    [JsonPropertyName("taker_side")]
    public string? TakerSide { get; init; }

    /// <summary><c>yes</c> or <c>no</c>: the side the taker ends up exposed to, not a different price.</summary>
    [JsonPropertyName("taker_outcome_side")]
    public string? TakerOutcomeSide { get; init; }

    /// <summary><c>bid</c> (taker bought YES) or <c>ask</c> (taker sold YES).</summary>
    [JsonPropertyName("taker_book_side")]
    public string? TakerBookSide { get; init; }

    [JsonPropertyName("created_time")]
    public required DateTimeOffset CreatedTime { get; init; }

    [JsonPropertyName("is_block_trade")]
    public bool? IsBlockTrade { get; init; }
}

/// <summary>
/// <c>GET /account/limits</c>: the venue's own figures for the read and write token buckets, which are what the
/// client's limiter should be sized from rather than a tier table that may be out of date.
/// </summary>
public sealed record GetAccountApiLimitsReply
{
    [JsonPropertyName("usage_tier")]
    public string? UsageTier { get; init; }

    [JsonPropertyName("read")]
    public required BucketLimitWire Read { get; init; }

    [JsonPropertyName("write")]
    public required BucketLimitWire Write { get; init; }

    [JsonPropertyName("grants")]
    public IReadOnlyList<ApiUsageLevelGrantWire>? Grants { get; init; }
}

/// <summary>One token bucket: refills at <c>refill_rate</c> tokens a second up to <c>bucket_capacity</c>.</summary>
public sealed record BucketLimitWire
{
    [JsonPropertyName("refill_rate")]
    public required int RefillRate { get; init; }

    [JsonPropertyName("bucket_capacity")]
    public required int BucketCapacity { get; init; }
}

/// <summary>A tier grant; no <c>expires_ts</c> means a permanent one.</summary>
public sealed record ApiUsageLevelGrantWire
{
    [JsonPropertyName("exchange_instance")]
    public string? ExchangeInstance { get; init; }

    [JsonPropertyName("level")]
    public string? Level { get; init; }

    [JsonPropertyName("expires_ts")]
    public long? ExpiresTs { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
