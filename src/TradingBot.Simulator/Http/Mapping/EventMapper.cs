using TradingBot.Core.Fees;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.Wire.WireFormat;

namespace TradingBot.Simulator.Http.Mapping;

/// <summary>Series, events and their milestones on the wire. Each event (one game) has one milestone starting at the game's start.</summary>
internal static class EventMapper
{
    /// <summary>The series with the fees in force now (<paramref name="fees"/>): a scheduled change once made shows here.</summary>
    public static SeriesWire Series(SimSeries series, (FeeType Type, decimal Multiplier) fees, string? volume) => new()
    {
        Ticker = series.Ticker,
        Frequency = "custom",
        Title = series.Title,
        Category = series.Category,
        Tags = series.SeriesTags,
        SettlementSources = [],
        ContractUrl = "",
        ContractTermsUrl = "",
        FeeType = FeeTypeName(fees.Type),
        FeeMultiplier = fees.Multiplier,
        AdditionalProhibitions = [],
        VolumeFp = volume,
        ExchangeIndex = 0,
    };

    public static EventWire Event(SimEvent simEvent, SimSeries series, IReadOnlyList<SimMarket> markets, MarketMapper? nested, (FeeType? Type, decimal? Multiplier) feeOverride) => new()
    {
        EventTicker = simEvent.Ticker,
        SeriesTicker = simEvent.SeriesTicker,
        SubTitle = simEvent.SubTitle,
        Title = simEvent.Title,
        CollateralReturnType = "binary",

        // A game's winner markets are one per outcome (at most one resolves YES); a spread or total ladder is not.
        MutuallyExclusive = simEvent.IsMutuallyExclusive,
        Category = series.Category,
        Markets = nested is null ? null : markets.Select(nested.Map).ToList(),
        AvailableOnBrokers = false,
        SettlementSources = [],
        ProductMetadata = simEvent.Competition is { } competition ? new ProductMetadataWire(competition, simEvent.CompetitionScope) : null,
        LastUpdated = Time(UpdatedAt(simEvent, markets)),
        ExchangeIndex = simEvent.Shard,
        FeeTypeOverride = feeOverride.Type is { } type ? FeeTypeName(type) : null,
        FeeMultiplierOverride = feeOverride.Multiplier,
    };

    public static SeriesFeeChangeWire SeriesFeeChange(SimSeriesFeeChange change) =>
        new(change.Id, change.SeriesTicker, FeeTypeName(change.FeeType), change.FeeMultiplier, Time(change.At));

    public static EventFeeChangeWire EventFeeChange(SimEventFeeChange change, string seriesTicker) => new()
    {
        Id = change.Id,
        EventTicker = change.EventTicker,
        SeriesTicker = seriesTicker,
        FeeTypeOverride = change.FeeTypeOverride is { } type ? FeeTypeName(type) : null,
        FeeMultiplierOverride = change.FeeMultiplierOverride,
        ScheduledTs = Time(change.At),
    };

    public static MilestoneWire Milestone(SimEvent simEvent, DateTimeOffset lastUpdated) => new()
    {
        Id = MilestoneId(simEvent.Ticker),
        Category = "Sports",
        Type = TypeOf(simEvent.League),
        StartDate = Time(simEvent.GameStart),
        RelatedEventTickers = [simEvent.Ticker],
        Title = simEvent.Title,
        NotificationMessage = $"{simEvent.Title} starts",
        Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["league"] = simEvent.League, ["competition"] = CompetitionOf(simEvent.League) },
        PrimaryEventTickers = [simEvent.Ticker],
        LastUpdated = Time(lastUpdated),
    };

    /// <summary>Event metadata never changes in the simulator after its first market is listed.</summary>
    public static DateTimeOffset UpdatedAt(SimEvent simEvent, IReadOnlyList<SimMarket> markets) =>
        markets.Count > 0 ? markets.Min(m => m.Spec.OpenTime) : simEvent.GameStart;

    /// <summary>A stable UUID-shaped id per event, so a milestone keeps its id across restarts and runs.</summary>
    public static string MilestoneId(string eventTicker) => StableId.Of("milestone:" + eventTicker);

    /// <summary>Kalshi's competition names (get-milestones.md), or the league itself for one it does not list.</summary>
    public static string CompetitionOf(string league) => league.ToUpperInvariant() switch
    {
        "NFL" => "Pro Football",
        "NCAAF" or "CFB" => "College Football",
        "NBA" => "Pro Basketball (M)",
        "WNBA" => "Pro Basketball (W)",
        "NCAAB" or "CBB" => "College Basketball (M)",
        "MLB" => "Pro Baseball",
        "NHL" => "Pro Hockey",
        _ => league,
    };

    private static string TypeOf(string league) => league.ToUpperInvariant() switch
    {
        "NFL" or "NCAAF" or "CFB" => "football_game",
        "NBA" or "WNBA" or "NCAAB" or "CBB" => "basketball_game",
        "MLB" => "baseball_game",
        "NHL" => "hockey_match",
        _ => "soccer_match",
    };

    public static string FeeTypeName(FeeType type) => type switch
    {
        FeeType.QuadraticWithMakerFees => "quadratic_with_maker_fees",
        FeeType.QuadraticWithComboMakerFees => "quadratic_with_combo_maker_fees",
        FeeType.Flat => "flat",
        _ => "quadratic",
    };
}
