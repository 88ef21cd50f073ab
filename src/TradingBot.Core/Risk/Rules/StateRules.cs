using TradingBot.Core.Markets;
using TradingBot.Core.Trading;

namespace TradingBot.Core.Risk.Rules;

/// <summary>Halted stops every order; reducing-only stops entries. The reason (operator, safe mode, breaker) is in the detail.</summary>
public sealed class TradingStateRule : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var status = snapshot.Account.Trading;
        var reason = DenialDetail.Word("reason", TradingStatus.Describe(status.Reason));
        return status.State switch
        {
            TradingState.Halted => RiskDecision.Deny(DenialCode.TradingHalted, intent.Ticker, reason),
            TradingState.ReducingOnly when intent.Kind == IntentKind.Entry => RiskDecision.Deny(DenialCode.ReducingOnly, intent.Ticker, reason),
            _ => RiskDecision.Approve,
        };
    }
}

/// <summary>Nothing trades while the exchange is in maintenance or its trading is paused.</summary>
public sealed class ExchangeOpenRule : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var exchange = snapshot.Account.Exchange;
        if (!exchange.ExchangeActive)
            return RiskDecision.Deny(DenialCode.ExchangeClosed, intent.Ticker, DenialDetail.Word("exchange_active", "false"));
        if (!exchange.TradingActive)
            return RiskDecision.Deny(DenialCode.ExchangePaused, intent.Ticker, DenialDetail.Word("trading_active", "false"));
        return RiskDecision.Approve;
    }
}

/// <summary>Only an active market before its close time takes orders (Kalshi rejects the rest with MARKET_INACTIVE).</summary>
public sealed class MarketOpenRule : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var market = snapshot.Market;
        if (market.Status != MarketStatus.Active)
            return RiskDecision.Deny(DenialCode.MarketNotActive, intent.Ticker, DenialDetail.Word("status", StatusWord(market.Status)));
        if (snapshot.Now >= market.CloseTime)
            return RiskDecision.Deny(DenialCode.MarketPastClose, intent.Ticker, DenialDetail.Seconds("seconds_past_close", snapshot.Now - market.CloseTime));
        return RiskDecision.Approve;
    }

    private static string StatusWord(MarketStatus status) => status switch
    {
        MarketStatus.Initialized => "initialized",
        MarketStatus.Inactive => "inactive",
        MarketStatus.Closed => "closed",
        MarketStatus.Determined => "determined",
        MarketStatus.Disputed => "disputed",
        MarketStatus.Amended => "amended",
        MarketStatus.Finalized => "finalized",
        MarketStatus.Active => "active",
        _ => "unknown",
    };
}

/// <summary>
/// An order whose outcome is unknown (a timeout, a crash mid-call) may exist: nothing more goes to its market, exits
/// included, until reconciliation has found it or proven it absent. Re-sending blindly is how orders get doubled.
/// </summary>
public sealed class OrderInDoubtRule : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot) =>
        snapshot.Market.OrderInDoubt
            ? RiskDecision.Deny(DenialCode.OrderInDoubt, intent.Ticker, DenialDetail.Word("until", "reconciled"))
            : RiskDecision.Approve;
}
