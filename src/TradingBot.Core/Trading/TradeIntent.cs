using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Core.Trading;

/// <summary>An entry opens or adds to a position; an exit reduces one (sent <c>reduce_only</c>).</summary>
public enum IntentKind
{
    Entry,
    Exit,
}

/// <summary>Why the bot wants the order.</summary>
public enum IntentReason
{
    /// <summary>The model's probability beats the price by more than the fees and the minimum edge.</summary>
    Edge,

    /// <summary>The position's mark fell below the stop-loss floor.</summary>
    StopLoss,

    /// <summary>The held side's bid beats the model's value by the minimum edge after fees.</summary>
    EdgeReversal,

    /// <summary>The operator asked to flatten: every position is sold at its bid.</summary>
    Flatten,
}

/// <summary>
/// How the order meets the book. Take: immediate-or-cancel at the limit, pays the taker fee, fills now or not at
/// all. Make: post-only, rests at a better price, pays the maker fee (nothing on most series) if someone trades
/// against it, and is cancelled by the exchange rather than ever taking.
/// </summary>
public enum Execution
{
    Take,
    Make,
}

/// <summary>
/// An order the bot wants, with the numbers that justified it, before the risk gates have had their say.
/// <see cref="LimitPrice"/> is on the side traded (a NO buy at $0.30 says 0.30); the V2 order's YES-leg price
/// comes from <see cref="OrderDirection.ToYesPrice"/>. <see cref="GoodUntil"/>, on a resting (made) order, is when
/// the exchange should cancel it: before the game starts, unless in-play trading is allowed.
/// </summary>
public readonly record struct TradeIntent(
    IntentKind Kind,
    IntentReason Reason,
    MarketTicker Ticker,
    EventTicker Event,
    OrderDirection Direction,
    Price LimitPrice,
    Contracts Count,
    Execution Execution,
    Money Fee,
    Probability WinProbability,
    Money ExpectedValue,
    Price ReferencePrice,
    DateTimeOffset? GoodUntil = null)
{
    public bool ReduceOnly => Kind == IntentKind.Exit;

    public Liquidity Liquidity => Execution == Execution.Take ? Liquidity.Taker : Liquidity.Maker;

    /// <summary>The price as Kalshi's V2 endpoints take it, on the YES leg.</summary>
    public Price YesPrice => Direction.ToYesPrice(LimitPrice);

    /// <summary>Capital this order can tie up: what a buy costs, fee included. A sell ties up nothing new.</summary>
    public Money CapitalAtRisk => Direction.Action == OrderAction.Buy ? Count * LimitPrice + Fee : Money.Zero;

    /// <summary>Model probability minus the price paid, in dollars per contract: how far the model disagrees with the market.</summary>
    public Money Edge => Money.FromMicros(WinProbability.Micros - ((long)LimitPrice.Units * 100));
}
