using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>How a decision is written down: the same shape whether it traded, was denied, or found nothing to do.</summary>
public static class Decisions
{
    public const string Submitted = "submitted";
    public const string Queued = "queued";
    public const string Denied = "denied";
    public const string NoTrade = "no_trade";

    public static DecisionRecord Of(in TradeIntent intent, string outcome, string code, string detail, DateTimeOffset at) =>
        new(at, intent.Ticker, outcome, code, detail, intent.Direction.ExposureSide, intent.LimitPrice, intent.Count,
            intent.Kind == IntentKind.Entry ? intent.WinProbability : null, intent.Edge, intent.ExpectedValue);

    public static DecisionRecord Denial(in TradeIntent intent, RiskDecision decision, DateTimeOffset at) =>
        Of(intent, Denied, decision.Code.Code(), decision.Detail, at);

    public static DecisionRecord NoTradeFor(MarketTicker ticker, NoTradeReason reason, Money bestEdge, DateTimeOffset at) =>
        new(at, ticker, NoTrade, reason switch
        {
            NoTradeReason.FeeScheduleUnknown => "FEE_SCHEDULE_UNKNOWN",
            NoTradeReason.NoPrices => "NO_PRICES",
            NoTradeReason.EdgeBelowMinimum => "EDGE_BELOW_MINIMUM",
            NoTradeReason.NoRoomToSize => "NO_ROOM_TO_SIZE",
            _ => "NONE",
        }, $"best_edge={bestEdge}", null, null, Contracts.Zero, null, bestEdge, Money.Zero);
}
