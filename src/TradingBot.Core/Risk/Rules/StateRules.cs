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
            TradingState.Halted => RiskDecision.Deny(DecisionCode.TradingHalted, intent.Ticker, reason),
            TradingState.ReducingOnly when intent.Kind == IntentKind.Entry => RiskDecision.Deny(DecisionCode.ReducingOnly, intent.Ticker, reason),
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
            return RiskDecision.Deny(DecisionCode.ExchangeClosed, intent.Ticker, DenialDetail.Word("exchange_active", "false"));
        if (!exchange.TradingActive)
            return RiskDecision.Deny(DecisionCode.ExchangePaused, intent.Ticker, DenialDetail.Word("trading_active", "false"));
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
            return RiskDecision.Deny(DecisionCode.MarketNotActive, intent.Ticker, DenialDetail.Word("status", StatusWord(market.Status)));
        if (snapshot.Now >= market.CloseTime)
            return RiskDecision.Deny(DecisionCode.MarketPastClose, intent.Ticker, DenialDetail.Seconds("seconds_past_close", snapshot.Now - market.CloseTime));
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
            ? RiskDecision.Deny(DecisionCode.OrderInDoubt, intent.Ticker, DenialDetail.Word("until", "reconciled"))
            : RiskDecision.Approve;
}

/// <summary>No new entry on a market whose stop-loss fired within the cooldown: the latch the stop-loss leaves.</summary>
public sealed class StopLossLatchRule : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot) =>
        snapshot.Market.StopLossLatched
            ? RiskDecision.Deny(DecisionCode.StopLossLatched, intent.Ticker, DenialDetail.Word("until", "cooldown_ends"))
            : RiskDecision.Approve;
}

/// <summary>
/// One working entry per market, and one side per market: a second entry while one rests would bid against the first
/// (and make the bot's own exits fail on self-trade prevention), and buying the side opposite a holding only pays fees.
/// </summary>
public sealed class OneEntryPerMarketRule : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var market = snapshot.Market;
        if (market.EntryWorking)
            return RiskDecision.Deny(DecisionCode.OrderWorking, intent.Ticker, DenialDetail.Word("resting_entry", "yes"));
        if (!market.Holding.IsEmpty && market.Holding.Side != intent.Direction.Side)
            return RiskDecision.Deny(DecisionCode.OppositeSideHeld, intent.Ticker, DenialDetail.Word("held", market.Holding.Side.ToString()), new("held_count", market.Holding.Count.Count));
        return RiskDecision.Approve;
    }
}

/// <summary>
/// In a mutually exclusive event (a game's winner markets) every market is a bet on the same game: YES on one team
/// and NO on the other are the same bet twice, YES on both are opposite bets. The bot holds one of its markets only.
/// </summary>
public sealed class OneMarketPerGameRule : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var market = snapshot.Market;
        return market.MutuallyExclusive && market.ElsewhereInEvent > Values.Money.Zero
            ? RiskDecision.Deny(DecisionCode.EventOtherMarket, intent.Ticker, DenialDetail.Word("event", market.Event.Value), new("elsewhere_in_event", market.ElsewhereInEvent.Dollars))
            : RiskDecision.Approve;
    }
}
