using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>Kalshi's EventData (get-events.md).</summary>
public sealed record EventWire
{
    [JsonPropertyName("event_ticker")] public required string EventTicker { get; init; }

    [JsonPropertyName("series_ticker")] public required string SeriesTicker { get; init; }

    [JsonPropertyName("sub_title")] public required string SubTitle { get; init; }

    [JsonPropertyName("title")] public required string Title { get; init; }

    [JsonPropertyName("collateral_return_type")] public required string CollateralReturnType { get; init; }

    [JsonPropertyName("mutually_exclusive")] public required bool MutuallyExclusive { get; init; }

    [JsonPropertyName("category")] public string? Category { get; init; }

    [JsonPropertyName("markets")] public IReadOnlyList<MarketWire>? Markets { get; init; }

    [JsonPropertyName("available_on_brokers")] public required bool AvailableOnBrokers { get; init; }

    [JsonPropertyName("settlement_sources")] public required IReadOnlyList<SettlementSourceWire> SettlementSources { get; init; }

    /// <summary>The schema says only "object"; Kalshi's sports events carry the competition and its scope.</summary>
    [JsonPropertyName("product_metadata")] public ProductMetadataWire? ProductMetadata { get; init; }

    [JsonPropertyName("last_updated_ts")] public DateTime? LastUpdated { get; init; }

    [JsonPropertyName("exchange_index")] public int ExchangeIndex { get; init; }

    /// <summary>Sent only while the event overrides its series' fees.</summary>
    [JsonPropertyName("fee_type_override")] public string? FeeTypeOverride { get; init; }

    [JsonPropertyName("fee_multiplier_override")] public decimal? FeeMultiplierOverride { get; init; }
}

/// <summary>As real replies carry it: {"competition": "Pro Football Preseason", "competition_scope": "Game"}.</summary>
public sealed record ProductMetadataWire(
    [property: JsonPropertyName("competition")] string Competition,
    [property: JsonPropertyName("competition_scope")] string? CompetitionScope);

/// <summary>GET /events/fee_changes (get-event-fee-changes.md).</summary>
public sealed record EventFeeChangesResponseWire(
    [property: JsonPropertyName("event_fee_changes")] IReadOnlyList<EventFeeChangeWire> EventFeeChanges,
    [property: JsonPropertyName("cursor")] string Cursor);

/// <summary>Both overrides are always written: null clears that part, and the docs require the fields.</summary>
public sealed record EventFeeChangeWire
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("event_ticker")] public required string EventTicker { get; init; }

    [JsonPropertyName("series_ticker")] public required string SeriesTicker { get; init; }

    [JsonPropertyName("fee_type_override")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? FeeTypeOverride { get; init; }

    [JsonPropertyName("fee_multiplier_override")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? FeeMultiplierOverride { get; init; }

    [JsonPropertyName("scheduled_ts")] public required DateTime ScheduledTs { get; init; }
}

public sealed record EventsResponseWire
{
    [JsonPropertyName("events")] public required IReadOnlyList<EventWire> Events { get; init; }

    [JsonPropertyName("milestones")] public IReadOnlyList<MilestoneWire>? Milestones { get; init; }

    [JsonPropertyName("cursor")] public required string Cursor { get; init; }
}

/// <summary>One event; <c>markets</c> at the top is deprecated but still required.</summary>
public sealed record EventResponseWire(
    [property: JsonPropertyName("event")] EventWire Event,
    [property: JsonPropertyName("markets")] IReadOnlyList<MarketWire> Markets);

/// <summary>Kalshi's Milestone: for a game, its start date is the game's start.</summary>
public sealed record MilestoneWire
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("category")] public required string Category { get; init; }

    [JsonPropertyName("type")] public required string Type { get; init; }

    [JsonPropertyName("start_date")] public required DateTime StartDate { get; init; }

    [JsonPropertyName("end_date")] public DateTime? EndDate { get; init; }

    [JsonPropertyName("related_event_tickers")] public required IReadOnlyList<string> RelatedEventTickers { get; init; }

    [JsonPropertyName("title")] public required string Title { get; init; }

    [JsonPropertyName("notification_message")] public required string NotificationMessage { get; init; }

    [JsonPropertyName("details")] public required IReadOnlyDictionary<string, string> Details { get; init; }

    [JsonPropertyName("primary_event_tickers")] public required IReadOnlyList<string> PrimaryEventTickers { get; init; }

    [JsonPropertyName("last_updated_ts")] public required DateTime LastUpdated { get; init; }
}

public sealed record MilestonesResponseWire(
    [property: JsonPropertyName("milestones")] IReadOnlyList<MilestoneWire> Milestones,
    [property: JsonPropertyName("cursor")] string Cursor);

public sealed record MilestoneResponseWire([property: JsonPropertyName("milestone")] MilestoneWire Milestone);
