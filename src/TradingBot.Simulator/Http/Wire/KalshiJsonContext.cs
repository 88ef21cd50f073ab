using System.Text.Json.Serialization;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>
/// Every body of the Kalshi API, source-generated. Optional fields are left out when null; the few the docs mark
/// <c>x-omitempty: false</c> are written as null on purpose (see the per-property attributes). Numbers are never
/// read from strings: Kalshi's counts and prices are strings, and its integers are not.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorWire))]
[JsonSerializable(typeof(RateLimitedWire))]
[JsonSerializable(typeof(EmptyWire))]
[JsonSerializable(typeof(ExchangeStatusWire))]
[JsonSerializable(typeof(ExchangeScheduleResponseWire))]
[JsonSerializable(typeof(SeriesResponseWire))]
[JsonSerializable(typeof(SeriesFeeChangesResponseWire))]
[JsonSerializable(typeof(EventFeeChangesResponseWire))]
[JsonSerializable(typeof(EventsResponseWire))]
[JsonSerializable(typeof(EventResponseWire))]
[JsonSerializable(typeof(MilestonesResponseWire))]
[JsonSerializable(typeof(MilestoneResponseWire))]
[JsonSerializable(typeof(MarketsResponseWire))]
[JsonSerializable(typeof(MarketResponseWire))]
[JsonSerializable(typeof(OrderbookResponseWire))]
[JsonSerializable(typeof(OrderbooksResponseWire))]
[JsonSerializable(typeof(TradesResponseWire))]
[JsonSerializable(typeof(BalanceResponseWire))]
[JsonSerializable(typeof(PositionsResponseWire))]
[JsonSerializable(typeof(FillsResponseWire))]
[JsonSerializable(typeof(SettlementsResponseWire))]
[JsonSerializable(typeof(OrdersResponseWire))]
[JsonSerializable(typeof(OrderResponseWire))]
[JsonSerializable(typeof(CreateOrderV2RequestWire))]
[JsonSerializable(typeof(CreateOrderV2ResponseWire))]
[JsonSerializable(typeof(CancelOrderV2ResponseWire))]
[JsonSerializable(typeof(BatchCreateOrdersV2RequestWire))]
[JsonSerializable(typeof(BatchCreateOrdersV2ResponseWire))]
[JsonSerializable(typeof(BatchCancelOrdersV2RequestWire))]
[JsonSerializable(typeof(BatchCancelOrdersV2ResponseWire))]
[JsonSerializable(typeof(AmendOrderV2RequestWire))]
[JsonSerializable(typeof(AmendOrderV2ResponseWire))]
[JsonSerializable(typeof(DecreaseOrderV2RequestWire))]
[JsonSerializable(typeof(DecreaseOrderV2ResponseWire))]
[JsonSerializable(typeof(CreateOrderGroupRequestWire))]
[JsonSerializable(typeof(CreateOrderGroupResponseWire))]
[JsonSerializable(typeof(UpdateOrderGroupLimitRequestWire))]
[JsonSerializable(typeof(OrderGroupsResponseWire))]
[JsonSerializable(typeof(OrderGroupResponseWire))]
[JsonSerializable(typeof(AccountLimitsResponseWire))]
internal sealed partial class KalshiJsonContext : JsonSerializerContext;
