using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Adapter;

/// <summary>Balance, positions, fills, settlements and orders in Core's terms.</summary>
internal static class PortfolioMapping
{
    /// <summary>
    /// The total and each shard's share (<c>balance_breakdown</c>). Kalshi omits the breakdown for a key restricted to
    /// a subaccount: then no shard is known to hold anything, and nothing is spent (fail closed).
    /// </summary>
    public static AccountBalance ToBalance(GetBalanceReply reply)
    {
        var total = WireReader.Money(reply.BalanceDollars, "balance_dollars");
        var byShard = new Dictionary<int, Money>();
        foreach (var share in reply.BalanceBreakdown ?? [])
        {
            if (share.ExchangeIndex is not { } index || index < 0)
                throw new WireContractException($"balance_breakdown: exchange_index '{share.ExchangeIndex}' is not a shard");
            if (!byShard.TryAdd(index, WireReader.Money(share.Balance, $"balance_breakdown exchange_index {index} balance")))
                throw new WireContractException($"balance_breakdown: exchange_index {index} is listed twice");
        }

        return new AccountBalance(total, byShard);
    }

    /// <summary>A flat position is left out; Kalshi signs <c>position_fp</c>: positive is YES, negative NO.</summary>
    public static PositionInfo? ToPosition(MarketPositionWire wire)
    {
        var what = $"position {wire.Ticker}";
        if (!Fixed.TryParse(wire.PositionFp, out var signed) || !Contracts.TryOf(Math.Abs(signed), out var count))
            throw new WireContractException($"{what}: position_fp '{wire.PositionFp}' is not a contract count");
        if (count.IsZero)
            return null;
        return new PositionInfo(
            WireReader.Ticker(wire.Ticker, what),
            signed > 0 ? OutcomeSide.Yes : OutcomeSide.No,
            count,
            WireReader.Money(wire.MarketExposureDollars, $"{what} market_exposure_dollars"),
            WireReader.Money(wire.RealizedPnlDollars, $"{what} realized_pnl_dollars"),
            WireReader.Money(wire.FeesPaidDollars, $"{what} fees_paid_dollars"));
    }

    public static FillInfo ToFill(FillWire wire)
    {
        var what = $"fill {wire.FillId}";
        var at = wire.CreatedTime
            ?? (wire.Ts is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : throw new WireContractException($"{what}: no created_time"));
        var outcome = WireReader.Outcome(wire.OutcomeSide, $"{what} outcome_side");
        if (outcome != WireReader.Book(wire.BookSide, $"{what} book_side").ToOutcomeSide())
            throw new WireContractException($"{what}: outcome_side '{wire.OutcomeSide}' contradicts book_side '{wire.BookSide}'");
        return new FillInfo(
            string.IsNullOrEmpty(wire.FillId) ? throw new WireContractException("a fill without fill_id") : wire.FillId,
            string.IsNullOrEmpty(wire.OrderId) ? throw new WireContractException($"{what}: no order_id") : wire.OrderId,
            WireReader.Ticker(wire.Ticker, what),
            outcome,
            WireReader.Price(wire.YesPriceDollars, $"{what} yes_price_dollars"),
            WireReader.Count(wire.CountFp, $"{what} count_fp"),
            WireReader.Money(wire.FeeCost, $"{what} fee_cost"),
            wire.IsTaker,
            at);
    }

    public static SettlementInfo ToSettlement(SettlementWire wire)
    {
        var what = $"settlement {wire.Ticker}";
        return new SettlementInfo(
            WireReader.Ticker(wire.Ticker, what),
            WireReader.Event(wire.EventTicker, $"{what} event_ticker"),
            WireReader.Result(wire.MarketResult),
            WireReader.Count(wire.YesCountFp, $"{what} yes_count_fp"),
            WireReader.Count(wire.NoCountFp, $"{what} no_count_fp"),
            WireReader.Money(wire.YesTotalCostDollars, $"{what} yes_total_cost_dollars"),
            WireReader.Money(wire.NoTotalCostDollars, $"{what} no_total_cost_dollars"),
            // revenue is documented in integer cents.
            Money.FromMicros(checked(wire.Revenue * 10_000)),
            WireReader.Money(wire.FeeCost, $"{what} fee_cost"),
            wire.SettledTime);
    }

    public static OrderInfo ToOrder(OrderWire wire)
    {
        var what = $"order {wire.OrderId}";
        var side = WireReader.Book(wire.BookSide, $"{what} book_side");
        if (side.ToOutcomeSide() != WireReader.Outcome(wire.OutcomeSide, $"{what} outcome_side"))
            throw new WireContractException($"{what}: outcome_side '{wire.OutcomeSide}' contradicts book_side '{wire.BookSide}'");
        var fees = Fee(wire.TakerFeesDollars, $"{what} taker_fees_dollars") + Fee(wire.MakerFeesDollars, $"{what} maker_fees_dollars");
        return new OrderInfo(
            string.IsNullOrEmpty(wire.OrderId) ? throw new WireContractException("an order without order_id") : wire.OrderId,
            // Orders placed elsewhere (the website) may carry no id of ours: that is not an error, just not ours.
            ClientOrderId.TryParse(wire.ClientOrderId, out var clientId) ? clientId : null,
            WireReader.Ticker(wire.Ticker, what),
            side,
            WireReader.Price(wire.YesPriceDollars, $"{what} yes_price_dollars"),
            WireReader.Count(wire.InitialCountFp, $"{what} initial_count_fp"),
            WireReader.Count(wire.FillCountFp, $"{what} fill_count_fp"),
            WireReader.Count(wire.RemainingCountFp, $"{what} remaining_count_fp"),
            ToOrderStatus(wire.Status),
            fees,
            wire.CreatedTime);
    }

    public static OrderStatus ToOrderStatus(string? text) => text switch
    {
        "resting" => OrderStatus.Resting,
        "canceled" => OrderStatus.Canceled,
        "executed" => OrderStatus.Executed,
        "pending" => OrderStatus.Pending,
        _ => OrderStatus.Unknown,
    };

    private static Money Fee(string? text, string what) => string.IsNullOrEmpty(text) ? Money.Zero : WireReader.Money(text, what);
}
