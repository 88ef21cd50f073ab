using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

public sealed record ExchangeStatusWire
{
    [JsonPropertyName("exchange_active")] public required bool ExchangeActive { get; init; }

    [JsonPropertyName("trading_active")] public required bool TradingActive { get; init; }

    [JsonPropertyName("intra_exchange_transfers_active")] public bool IntraExchangeTransfersActive { get; init; }

    [JsonPropertyName("exchange_estimated_resume_time")] public DateTime? EstimatedResumeTime { get; init; }

    [JsonPropertyName("exchange_index_statuses")] public IReadOnlyList<ExchangeIndexStatusWire>? IndexStatuses { get; init; }
}

public sealed record ExchangeIndexStatusWire
{
    [JsonPropertyName("exchange_index")] public required int ExchangeIndex { get; init; }

    [JsonPropertyName("description")] public required string Description { get; init; }

    [JsonPropertyName("exchange_active")] public required bool ExchangeActive { get; init; }

    [JsonPropertyName("trading_active")] public required bool TradingActive { get; init; }

    [JsonPropertyName("intra_exchange_transfers_active")] public required bool IntraExchangeTransfersActive { get; init; }
}

public sealed record ExchangeScheduleResponseWire([property: JsonPropertyName("schedule")] ScheduleWire Schedule);

public sealed record ScheduleWire(
    [property: JsonPropertyName("standard_hours")] IReadOnlyList<WeeklyScheduleWire> StandardHours,
    [property: JsonPropertyName("maintenance_windows")] IReadOnlyList<MaintenanceWindowWire> MaintenanceWindows);

public sealed record WeeklyScheduleWire
{
    [JsonPropertyName("start_time")] public required DateTime StartTime { get; init; }

    [JsonPropertyName("end_time")] public required DateTime EndTime { get; init; }

    [JsonPropertyName("monday")] public required IReadOnlyList<DailyScheduleWire> Monday { get; init; }

    [JsonPropertyName("tuesday")] public required IReadOnlyList<DailyScheduleWire> Tuesday { get; init; }

    [JsonPropertyName("wednesday")] public required IReadOnlyList<DailyScheduleWire> Wednesday { get; init; }

    [JsonPropertyName("thursday")] public required IReadOnlyList<DailyScheduleWire> Thursday { get; init; }

    [JsonPropertyName("friday")] public required IReadOnlyList<DailyScheduleWire> Friday { get; init; }

    [JsonPropertyName("saturday")] public required IReadOnlyList<DailyScheduleWire> Saturday { get; init; }

    [JsonPropertyName("sunday")] public required IReadOnlyList<DailyScheduleWire> Sunday { get; init; }
}

/// <summary>A session, in ET, as "HH:MM".</summary>
public sealed record DailyScheduleWire(
    [property: JsonPropertyName("open_time")] string OpenTime,
    [property: JsonPropertyName("close_time")] string CloseTime);

public sealed record MaintenanceWindowWire(
    [property: JsonPropertyName("start_datetime")] DateTime Start,
    [property: JsonPropertyName("end_datetime")] DateTime End);

/// <summary>GET /series/fee_changes (get-series-fee-changes.md): not paged.</summary>
public sealed record SeriesFeeChangesResponseWire([property: JsonPropertyName("series_fee_change_arr")] IReadOnlyList<SeriesFeeChangeWire> Changes);

public sealed record SeriesFeeChangeWire(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("series_ticker")] string SeriesTicker,
    [property: JsonPropertyName("fee_type")] string FeeType,
    [property: JsonPropertyName("fee_multiplier")] decimal FeeMultiplier,
    [property: JsonPropertyName("scheduled_ts")] DateTime ScheduledTs);

public sealed record SeriesResponseWire([property: JsonPropertyName("series")] SeriesWire Series);

public sealed record SeriesWire
{
    [JsonPropertyName("ticker")] public required string Ticker { get; init; }

    [JsonPropertyName("frequency")] public required string Frequency { get; init; }

    [JsonPropertyName("title")] public required string Title { get; init; }

    [JsonPropertyName("category")] public required string Category { get; init; }

    [JsonPropertyName("tags")] public required IReadOnlyList<string> Tags { get; init; }

    [JsonPropertyName("settlement_sources")] public required IReadOnlyList<SettlementSourceWire> SettlementSources { get; init; }

    [JsonPropertyName("contract_url")] public required string ContractUrl { get; init; }

    [JsonPropertyName("contract_terms_url")] public required string ContractTermsUrl { get; init; }

    [JsonPropertyName("fee_type")] public required string FeeType { get; init; }

    [JsonPropertyName("fee_multiplier")] public required decimal FeeMultiplier { get; init; }

    [JsonPropertyName("additional_prohibitions")] public required IReadOnlyList<string> AdditionalProhibitions { get; init; }

    [JsonPropertyName("volume_fp")] public string? VolumeFp { get; init; }

    [JsonPropertyName("last_updated_ts")] public DateTime? LastUpdated { get; init; }

    [JsonPropertyName("exchange_index")] public int ExchangeIndex { get; init; }
}

public sealed record SettlementSourceWire(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url);
