using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Pricing;

/// <summary>An evaluation's outcome: an entry intent, or the reason there is none, with the best edge seen either way.</summary>
public readonly record struct EntryEvaluation(TradeIntent Intent, DecisionCode Reason, Money BestEdge)
{
    public bool HasIntent => Reason == DecisionCode.None;
}

/// <summary>The best way into a market the pricing found: side, take or make, price, the model's probability and the edge after fees.</summary>
public readonly record struct EntryCandidate(OutcomeSide Side, Execution Execution, Price Price, Probability Probability, Money Edge, Contracts Depth, Price Reference)
{
    public static readonly EntryCandidate None = default;

    public bool Exists => Price.IsTradable;

    public Liquidity Liquidity => Execution == Execution.Take ? Liquidity.Taker : Liquidity.Maker;
}

/// <summary>
/// Prices one market against a forecast: the edge per contract of buying each side, net of the fee it would pay,
/// taking the ask (IOC, taker fee) or making one tick inside the spread (post-only, maker fee); then sizes the best
/// candidate toward its target position: fractional Kelly on the bankroll, less the capital already held and
/// working in the market, within every cap. Holding one side, only that side is priced: the bot never buys the
/// other side of a market it holds. Pure and allocation-free: the backtest and the live bot run exactly this.
/// Edges are in dollars per contract, held as <see cref="Money"/>. The quote must be the book without the bot's
/// own orders (<see cref="Markets.OwnOrders"/>), or it would price against itself.
/// </summary>
public sealed class EntryEvaluator(StrategyOptions strategy, RiskOptions risk)
{
    private readonly Money _minEdge = Money.FromDollars(strategy.MinEdge);
    private readonly Probability _kellyFraction = Probability.FromValue(strategy.KellyFraction);
    private readonly Contracts _maxPerOrder = Contracts.Of(strategy.MaxContractsPerOrder);
    private readonly Money _reserve = Money.FromDollars(risk.MinBalanceReserve);
    private readonly Money _marketCap = Money.FromDollars(risk.MaxPositionPerMarket);
    private readonly Money _eventCap = Money.FromDollars(risk.MaxExposurePerEvent);
    private readonly Money _totalCap = Money.FromDollars(risk.MaxTotalExposure);

    public Money MinEdge => _minEdge;

    /// <summary>
    /// When a made order should leave the book: after <c>Strategy:MaxRestingTime</c> at the latest, in play included,
    /// and where entries stop (the no-entry window before the start) unless in-play trading is allowed.
    /// </summary>
    public DateTimeOffset RestUntil(DateTimeOffset now, DateTimeOffset? gameStart)
    {
        var latest = now + strategy.MaxRestingTime;
        return risk.AllowInPlay || gameStart is not { } start || start - risk.MinTimeBeforeGameStart > latest
            ? latest
            : start - risk.MinTimeBeforeGameStart;
    }

    /// <summary>
    /// The bankroll Kelly bets from: cash above the reserve plus the capital already committed (held and working),
    /// so that placing an order, which moves cash into a resting order, does not shrink the target it was sized to.
    /// </summary>
    public Money Bankroll(AccountState account) => Money.Max(Money.Zero, account.Balance + account.TotalExposure - _reserve);

    /// <summary>The capital a candidate's target position is worth: fractional Kelly on the bankroll, never above the market cap.</summary>
    public Money Target(in EntryCandidate best, in MarketState market, AccountState account) =>
        Money.Min(_marketCap, OrderSizer.KellyStake(best.Probability, best.Price, market.Fees, best.Liquidity, _kellyFraction, Bankroll(account)));

    public EntryEvaluation Evaluate(in MarketState market, in Forecast forecast, AccountState account)
    {
        var (best, reason, bestEdge) = Best(market, forecast);
        return best.Exists ? Size(best, market, forecast, account) : NoTrade(reason, bestEdge);
    }

    /// <summary>The best way in that clears the minimum edge, or why there is none (with the best edge seen).</summary>
    public (EntryCandidate Best, DecisionCode Reason, Money BestEdge) Best(in MarketState market, in Forecast forecast)
    {
        if (!market.Fees.IsPriced)
            return (EntryCandidate.None, DecisionCode.FeeScheduleUnknown, Money.Zero);

        // Taking is certain and immediate, so a take that clears the minimum edge beats any make.
        var bestTake = EntryCandidate.None;
        var bestMake = EntryCandidate.None;
        var holding = market.Holding;
        if (holding.IsEmpty || holding.Side == OutcomeSide.Yes)
            Consider(ref bestTake, ref bestMake, market, forecast, OutcomeSide.Yes);
        if (holding.IsEmpty || holding.Side == OutcomeSide.No)
            Consider(ref bestTake, ref bestMake, market, forecast, OutcomeSide.No);
        if (!bestTake.Exists && !bestMake.Exists)
            return (EntryCandidate.None, DecisionCode.NoPrices, Money.Zero);
        var best = bestTake.Exists && bestTake.Edge >= _minEdge ? bestTake
            : bestMake.Exists && bestMake.Edge >= _minEdge ? bestMake
            : EntryCandidate.None;
        var bestEdge = !bestMake.Exists || (bestTake.Exists && bestTake.Edge >= bestMake.Edge) ? bestTake.Edge : bestMake.Edge;
        return best.Exists ? (best, DecisionCode.None, best.Edge) : (EntryCandidate.None, DecisionCode.EdgeBelowMinimum, bestEdge);
    }

    /// <summary>
    /// Sizes the candidate: the difference between its target and what the market already holds and works
    /// (<see cref="MarketState.MarketExposure"/>, all-in), bounded by the room under each cap and the cash above the reserve.
    /// </summary>
    public EntryEvaluation Size(in EntryCandidate best, in MarketState market, in Forecast forecast, AccountState account)
    {
        var target = Target(best, market, account);
        var wanted = target - market.MarketExposure;
        if (wanted <= Money.Zero)
            return NoTrade(DecisionCode.AtTarget, best.Edge);

        // Kelly stakes a share of the whole bankroll (every shard, less the reserve); the order's cost is bounded by
        // the cash on its market's shard, the only cash Kalshi lets it use.
        var available = account.SpendableOn(market.ExchangeIndex, _reserve);
        var budget = Money.Min(Money.Min(wanted, _eventCap - market.EventExposure),
            Money.Min(Money.Min(_marketCap - market.MarketExposure, _totalCap - account.TotalExposure), available));
        var maxCount = best.Execution == Execution.Take ? Contracts.Min(_maxPerOrder, best.Depth) : _maxPerOrder;
        var sized = OrderSizer.Size(best.Probability, best.Price, market.Fees, best.Liquidity, _kellyFraction, new SizingLimits(Bankroll(account), budget, maxCount));
        if (sized.Count.IsZero)
        {
            // Less than a contract short of a target the market already works toward is reaching it; anything else is a limit.
            var atTarget = !market.MarketExposure.Equals(Money.Zero) && wanted < OrderSizer.CostOf(Contracts.Whole(1), best.Price, market.Fees, best.Liquidity);
            return NoTrade(atTarget ? DecisionCode.AtTarget : DecisionCode.NoRoomToSize, best.Edge);
        }

        // Value of the contracts at the model's probability, less their price and the fee as charged; rounded down.
        var gross = sized.Count.Hundredths * (best.Probability.Micros - ((long)best.Price.Units * 100)) / Contracts.HundredthsPerContract;
        var expectedValue = Money.FromMicros(gross) - sized.Fee;
        if (expectedValue <= Money.Zero)
            return NoTrade(DecisionCode.EdgeBelowMinimum, best.Edge);

        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, market.Ticker, market.Event,
            new OrderDirection(OrderAction.Buy, best.Side), best.Price, sized.Count, best.Execution, sized.Fee,
            best.Probability, expectedValue, best.Reference,
            GoodUntil: best.Execution == Execution.Make ? RestUntil(account.Now, market.GameStart) : null);
        return new EntryEvaluation(intent, DecisionCode.None, best.Edge);
    }

    private void Consider(ref EntryCandidate bestTake, ref EntryCandidate bestMake, in MarketState market, in Forecast forecast, OutcomeSide side)
    {
        var probability = forecast.ProbabilityOf(side);
        var ask = market.Quote.AskFor(side);
        if (ask.Exists && ask.Price.IsTradable && market.Fees.TryFeePerContract(ask.Price, Liquidity.Taker, out var takerFee))
        {
            var take = new EntryCandidate(side, Execution.Take, ask.Price, probability, EdgeOf(probability, ask.Price, takerFee), ask.Size, ask.Price);
            if (!bestTake.Exists || take.Edge > bestTake.Edge)
                bestTake = take;
        }

        if (strategy.AllowMaking && TryMakePrice(market, side, out var makePrice)
            && market.Fees.TryFeePerContract(makePrice, Liquidity.Maker, out var makerFee))
        {
            var make = new EntryCandidate(side, Execution.Make, makePrice, probability, EdgeOf(probability, makePrice, makerFee),
                Contracts.Zero, ask.Exists ? ask.Price : makePrice);
            if (!bestMake.Exists || make.Edge > bestMake.Edge)
                bestMake = make;
        }
    }

    /// <summary>Probability of winning, less the price, less the fee per contract: dollars a contract is worth to the model.</summary>
    private static Money EdgeOf(Probability probability, Price price, Money feePerContract) =>
        Money.FromMicros(probability.Micros - ((long)price.Units * 100) - feePerContract.Micros);

    /// <summary>
    /// One tick better than the side's best bid and still below its ask, so a post-only order rests at the front of
    /// the book. Worked on the YES leg, where the tick grid is defined: a better NO bid is a lower YES price.
    /// </summary>
    public static bool TryMakePrice(in MarketState market, OutcomeSide side, out Price price)
    {
        price = default;
        var quote = market.Quote;
        var bid = quote.BidFor(side);
        if (!bid.Exists)
            return false;
        if (side == OutcomeSide.Yes)
        {
            if (!market.Ticks.TryNextAbove(bid.Price, out price))
                return false;
        }
        else
        {
            if (!market.Ticks.TryNextBelow(bid.Price.Complement, out var yesPrice))
                return false;
            price = yesPrice.Complement;
        }

        var ask = quote.AskFor(side);
        return price.IsTradable && (!ask.Exists || price < ask.Price);
    }

    private static EntryEvaluation NoTrade(DecisionCode reason, Money bestEdge) => new(default, reason, bestEdge);
}
