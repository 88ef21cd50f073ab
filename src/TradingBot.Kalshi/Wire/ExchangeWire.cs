using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary><c>GET /exchange/status</c>.</summary>
public sealed record ExchangeStatusWire
{
    [JsonPropertyName("exchange_active")]
    public required bool ExchangeActive { get; init; }

    [JsonPropertyName("trading_active")]
    public required bool TradingActive { get; init; }

    [JsonPropertyName("intra_exchange_transfers_active")]
    public bool? IntraExchangeTransfersActive { get; init; }

    [JsonPropertyName("exchange_estimated_resume_time")]
    public DateTimeOffset? ExchangeEstimatedResumeTime { get; init; }

    [JsonPropertyName("exchange_index_statuses")]
    public IReadOnlyList<ExchangeIndexStatusWire>? ExchangeIndexStatuses { get; init; }
}

public sealed record ExchangeIndexStatusWire
{
    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("exchange_active")]
    public bool? ExchangeActive { get; init; }

    [JsonPropertyName("trading_active")]
    public bool? TradingActive { get; init; }

    [JsonPropertyName("intra_exchange_transfers_active")]
    public bool? IntraExchangeTransfersActive { get; init; }
}

/// <summary><c>GET /exchange/schedule</c>: weekly trading hours and announced maintenance windows.</summary>
public sealed record GetExchangeScheduleReply
{
    [JsonPropertyName("schedule")]
    public required ScheduleWire Schedule { get; init; }
}

public sealed record ScheduleWire
{
    [JsonPropertyName("standard_hours")]
    public required IReadOnlyList<WeeklyScheduleWire> StandardHours { get; init; }

    [JsonPropertyName("maintenance_windows")]
    public required IReadOnlyList<MaintenanceWindowWire> MaintenanceWindows { get; init; }
}

public sealed record WeeklyScheduleWire
{
    [JsonPropertyName("start_time")]
    public DateTimeOffset? StartTime { get; init; }

    [JsonPropertyName("end_time")]
    public DateTimeOffset? EndTime { get; init; }

    [JsonPropertyName("monday")]
    public IReadOnlyList<DailyScheduleWire>? Monday { get; init; }

    [JsonPropertyName("tuesday")]
    public IReadOnlyList<DailyScheduleWire>? Tuesday { get; init; }

    [JsonPropertyName("wednesday")]
    public IReadOnlyList<DailyScheduleWire>? Wednesday { get; init; }

    [JsonPropertyName("thursday")]
    public IReadOnlyList<DailyScheduleWire>? Thursday { get; init; }

    [JsonPropertyName("friday")]
    public IReadOnlyList<DailyScheduleWire>? Friday { get; init; }

    [JsonPropertyName("saturday")]
    public IReadOnlyList<DailyScheduleWire>? Saturday { get; init; }

    [JsonPropertyName("sunday")]
    public IReadOnlyList<DailyScheduleWire>? Sunday { get; init; }
}

public sealed record DailyScheduleWire
{
    [JsonPropertyName("open_time")]
    public string? OpenTime { get; init; }

    [JsonPropertyName("close_time")]
    public string? CloseTime { get; init; }
}

public sealed record MaintenanceWindowWire
{
    [JsonPropertyName("start_datetime")]
    public required DateTimeOffset StartDatetime { get; init; }

    [JsonPropertyName("end_datetime")]
    public required DateTimeOffset EndDatetime { get; init; }
}

/// <summary><c>GET /series/{series_ticker}</c>.</summary>
public sealed record GetSeriesReply
{
    [JsonPropertyName("series")]
    public required SeriesWire Series { get; init; }
}

/// <summary><c>GET /series/fee_changes</c>: not paged.</summary>
public sealed record GetSeriesFeeChangesReply
{
    [JsonPropertyName("series_fee_change_arr")]
    public required IReadOnlyList<SeriesFeeChangeWire> SeriesFeeChangeArr { get; init; }
}

/// <summary>A series' fee schedule as it becomes at <c>scheduled_ts</c>.</summary>
public sealed record SeriesFeeChangeWire
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("series_ticker")]
    public required string SeriesTicker { get; init; }

    [JsonPropertyName("fee_type")]
    public required string FeeType { get; init; }

    [JsonPropertyName("fee_multiplier")]
    public required double FeeMultiplier { get; init; }

    [JsonPropertyName("scheduled_ts")]
    public required DateTimeOffset ScheduledTs { get; init; }
}

/// <summary>A series, with the fee schedule every trade in it pays.</summary>
public sealed record SeriesWire
{
    [JsonPropertyName("ticker")]
    public required string Ticker { get; init; }

    [JsonPropertyName("frequency")]
    [JsonConverter(typeof(LenientString))]
    public string? Frequency { get; init; }

    [JsonPropertyName("title")]
    [JsonConverter(typeof(LenientString))]
    public string? Title { get; init; }

    [JsonPropertyName("category")]
    [JsonConverter(typeof(LenientString))]
    public string? Category { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("settlement_sources")]
    public IReadOnlyList<SettlementSourceWire>? SettlementSources { get; init; }

    [JsonPropertyName("contract_url")]
    [JsonConverter(typeof(LenientString))]
    public string? ContractUrl { get; init; }

    [JsonPropertyName("contract_terms_url")]
    [JsonConverter(typeof(LenientString))]
    public string? ContractTermsUrl { get; init; }

    [JsonPropertyName("product_metadata")]
    public JsonElement? ProductMetadata { get; init; }

    [JsonPropertyName("fee_type")]
    public required string FeeType { get; init; }

    [JsonPropertyName("fee_multiplier")]
    public required double FeeMultiplier { get; init; }

    [JsonPropertyName("additional_prohibitions")]
    public IReadOnlyList<string>? AdditionalProhibitions { get; init; }

    [JsonPropertyName("volume_fp")]
    [JsonConverter(typeof(LenientString))]
    public string? VolumeFp { get; init; }

    [JsonPropertyName("last_updated_ts")]
    [JsonConverter(typeof(LenientString))]
    public string? LastUpdatedTs { get; init; }

    [JsonPropertyName("exchange_index")]
    public int? ExchangeIndex { get; init; }
}

public sealed record SettlementSourceWire
{
    [JsonPropertyName("name")]
    [JsonConverter(typeof(LenientString))]
    public string? Name { get; init; }

    [JsonPropertyName("url")]
    [JsonConverter(typeof(LenientString))]
    public string? Url { get; init; }
}
