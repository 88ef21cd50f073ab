using TradingBot.Core.Deciding;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>How a decision is written down: the same shape whether it traded, was denied, pulled an order, or found nothing to do.</summary>
public static class Decisions
{
    public const string Submitted = "submitted";
    public const string Queued = "queued";
    public const string Denied = "denied";
    public const string NoTrade = "no_trade";
    public const string Cancel = "cancel";
    public const string Amend = "amend";

    public static DecisionRecord Of(in TradeIntent intent, string outcome, string code, string detail, DateTimeOffset at) =>
        new(at, intent.Ticker, outcome, code, detail, intent.Direction.ExposureSide, intent.LimitPrice, intent.Count,
            intent.Kind == IntentKind.Entry ? intent.WinProbability : null, intent.Edge, intent.ExpectedValue);

    public static DecisionRecord Denial(in TradeIntent intent, RiskDecision decision, DateTimeOffset at) =>
        Of(intent, Denied, decision.Code.Code(), decision.Detail, at);

    /// <summary>A market decision as it stands before the gate: a cancel with the order it pulls, or nothing with why.</summary>
    public static DecisionRecord For(MarketAction action, DateTimeOffset at) => action switch
    {
        { Kind: MarketActionKind.Place } => Of(action.Intent, Queued, action.Code.Code(), action.Detail, at),
        { Kind: MarketActionKind.Cancel, Order: { } order } => new(at, action.Ticker, Cancel, action.Code.Code(), $"client_order_id={order.ClientOrderId}, {action.Detail}",
            order.Order.Side.ToOutcomeSide(), order.Order.Side.ToOutcomeSide().PriceOf(order.Order.YesPrice), order.Remaining, null, action.Edge, Money.Zero),
        { Kind: MarketActionKind.Amend, Order: { } order } => Of(action.Intent, Amend, action.Code.Code(), $"client_order_id={order.ClientOrderId}, {action.Detail}", at),
        _ => new(at, action.Ticker, NoTrade, action.Code.Code(), action.Detail, null, null, Contracts.Zero, null, action.Edge, Money.Zero),
    };
}
