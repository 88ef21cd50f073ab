using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.Wire.WireFormat;

namespace TradingBot.Simulator.Http.Mapping;

/// <summary>A member's orders, fills, settlements and positions on the wire.</summary>
internal static class PortfolioMapper
{
    public static OrderWire Order(SimOrder order) => new()
    {
        OrderId = order.Id,
        UserId = order.MemberId,
        ClientOrderId = order.ClientOrderId,
        Ticker = order.Ticker,
        OutcomeSide = Outcome(order.Side),
        BookSide = Side(order.Side),

        // Kalshi has no market orders any more; an IOC at a worst price is still a limit order.
        Type = "limit",
        Status = Status(order.Status),
        YesPrice = Dollars(order.YesPrice),
        NoPrice = Dollars(order.YesPrice.Complement),
        FillCount = Count(order.Filled),
        RemainingCount = Count(order.Remaining),
        InitialCount = Count(order.Initial),
        TakerFillCost = Dollars(order.TakerFillCost),
        MakerFillCost = Dollars(order.MakerFillCost),
        TakerFees = Dollars(order.TakerFees),
        MakerFees = Dollars(order.MakerFees),
        ExpirationTime = Time(order.Submission.Expiration),
        CreatedTime = Time(order.Created),
        LastUpdateTime = Time(order.LastUpdate),
        SelfTradePreventionType = SelfTradePrevention(order.Submission.SelfTradePrevention),
        OrderGroupId = order.Submission.OrderGroupId,
        CancelOrderOnPause = order.Submission.CancelOnPause,
        SubaccountNumber = order.Subaccount,
        ExchangeIndex = order.ExchangeIndex,
    };

    public static FillWire Fill(SimFill fill) => new()
    {
        FillId = fill.FillId,
        ExchangeIndex = fill.ExchangeIndex,
        TradeId = fill.FillId,
        OrderId = fill.OrderId,
        Ticker = fill.Ticker,
        MarketTicker = fill.Ticker,
        OutcomeSide = Outcome(fill.Side),
        BookSide = Side(fill.Side),
        Count = Count(fill.Count),
        YesPrice = Dollars(fill.YesPrice),
        NoPrice = Dollars(fill.YesPrice.Complement),
        IsTaker = fill.IsTaker,
        CreatedTime = Time(fill.Created),
        FeeCost = Dollars(fill.Fee),
        SubaccountNumber = fill.Subaccount,
        Ts = fill.Created.ToUnixTimeSeconds(),
    };

    public static SettlementWire Settlement(SimSettlement settlement, Money fees) => new()
    {
        Ticker = settlement.Ticker,
        ExchangeIndex = settlement.ExchangeIndex,
        EventTicker = settlement.EventTicker,
        MarketResult = Result(settlement.Result),
        YesCount = Count(settlement.YesCount),
        YesTotalCost = Dollars(settlement.YesCost),
        NoCount = Count(settlement.NoCount),
        NoTotalCost = Dollars(settlement.NoCost),
        Revenue = Cents(settlement.Revenue),
        SettledTime = Time(settlement.SettledAt),
        FeeCost = Dollars(fees),
        Value = settlement.Result == MarketResult.Yes ? 100 : 0,
    };

    public static MarketPositionWire Position(SimPosition position, int exchangeIndex) => new()
    {
        Ticker = position.Ticker,
        ExchangeIndex = exchangeIndex,
        TotalTraded = Dollars(position.TotalTraded),
        Position = SignedCount(position.SignedHundredths),
        MarketExposure = Dollars(position.Cost),
        RealizedPnl = Dollars(position.RealizedPnl),
        FeesPaid = Dollars(position.FeesPaid),
        LastUpdated = Time(position.LastUpdated),
    };

    public static EventPositionWire EventPosition(string eventTicker, IReadOnlyList<SimPosition> positions, Contracts traded) => new()
    {
        EventTicker = eventTicker,
        TotalCost = Dollars(Sum(positions, p => p.TotalTraded)),
        TotalCostShares = Count(traded),
        EventExposure = Dollars(Sum(positions, p => p.Cost)),
        RealizedPnl = Dollars(Sum(positions, p => p.RealizedPnl)),
        FeesPaid = Dollars(Sum(positions, p => p.FeesPaid)),
    };

    /// <summary>Volume-weighted average YES price and fee per contract of some fills, or nulls when there are none.</summary>
    public static (string Count, string? AveragePrice, string? AverageFee) FillSummary(IReadOnlyList<SimFill> fills)
    {
        var hundredths = fills.Sum(f => f.Count.Hundredths);
        if (hundredths == 0)
            return (Count(Contracts.Zero), null, null);
        var priceUnits = fills.Sum(f => (decimal)f.Count.Hundredths * f.YesPrice.Units);
        var feeMicros = fills.Sum(f => (decimal)f.Fee.Micros);
        var averagePrice = decimal.Round(priceUnits / hundredths / Price.UnitsPerDollar, 6);
        var averageFee = decimal.Round(feeMicros / Money.MicrosPerDollar / (hundredths / 100m), 6);
        return (Count(Contracts.FromHundredths(hundredths)), Format(averagePrice), Format(averageFee));
    }

    private static string Format(decimal dollars) => dollars.ToString("0.0000##", CultureInfo.InvariantCulture);

    private static Money Sum(IEnumerable<SimPosition> positions, Func<SimPosition, Money> amount) =>
        positions.Aggregate(Money.Zero, (total, p) => total + amount(p));
}
