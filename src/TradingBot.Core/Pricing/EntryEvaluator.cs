using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Pricing;

/// <summary>Why an evaluation produced no order (before any risk gate).</summary>
public enum NoTradeReason
{
    None,
    FeeScheduleUnknown,
    NoPrices,
    EdgeBelowMinimum,
    NoRoomToSize,
}

/// <summary>An evaluation's outcome: an entry intent, or the reason there is none, with the best edge seen either way.</summary>
public readonly record struct EntryEvaluation(TradeIntent Intent, NoTradeReason Reason, Money BestEdge)
{
    public bool HasIntent => Reason == NoTradeReason.None;
}

/// <summary>
/// Prices one market against a forecast: the edge per contract of buying each side, net of the fee it would pay,
/// taking the ask (IOC, taker fee) or making one tick inside the spread (post-only, maker fee); then sizes the
/// best candidate by fractional Kelly within every limit. Pure and allocation-free: the backtest and the live
/// bot run exactly this. Edges are in dollars per contract, held as <see cref="Money"/>.
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

    /// <summary>
    /// A made order must not fill in play when in-play trading is off, nor inside the no-entry window before the
    /// start: it is told to expire where entries stop. With in-play allowed, or no known start, it rests until cancelled.
    /// </summary>
    private DateTimeOffset? RestUntil(DateTimeOffset? gameStart) =>
        risk.AllowInPlay || gameStart is not { } start ? null : start - risk.MinTimeBeforeGameStart;

    public EntryEvaluation Evaluate(in MarketState market, in Forecast forecast, AccountState account)
    {
        if (!market.Fees.IsPriced)
            return NoTrade(NoTradeReason.FeeScheduleUnknown, Money.Zero);

        // Taking is certain and immediate, so a take that clears the minimum edge beats any make.
        var bestTake = Candidate.None;
        var bestMake = Candidate.None;
        Consider(ref bestTake, ref bestMake, market, forecast, OutcomeSide.Yes);
        Consider(ref bestTake, ref bestMake, market, forecast, OutcomeSide.No);
        if (!bestTake.Exists && !bestMake.Exists)
            return NoTrade(NoTradeReason.NoPrices, Money.Zero);
        var best = bestTake.Exists && bestTake.Edge >= _minEdge ? bestTake
            : bestMake.Exists && bestMake.Edge >= _minEdge ? bestMake
            : Candidate.None;
        if (!best.Exists)
            return NoTrade(NoTradeReason.EdgeBelowMinimum, !bestMake.Exists || (bestTake.Exists && bestTake.Edge >= bestMake.Edge) ? bestTake.Edge : bestMake.Edge);

        var liquidity = best.Execution == Execution.Take ? Liquidity.Taker : Liquidity.Maker;
        // Kelly stakes a share of the whole bankroll (every shard, less the reserve); the order's cost is bounded by
        // the cash on its market's shard, the only cash Kalshi lets it use.
        var bankroll = account.Balance - _reserve;
        var available = account.SpendableOn(market.ExchangeIndex, _reserve);
        var budget = Money.Min(Money.Min(_marketCap - market.MarketExposure, _eventCap - market.EventExposure),
            Money.Min(_totalCap - account.TotalExposure, available));
        var maxCount = best.Execution == Execution.Take ? Contracts.Min(_maxPerOrder, best.Depth) : _maxPerOrder;
        var sized = OrderSizer.Size(best.Probability, best.Price, market.Fees, liquidity, _kellyFraction, new SizingLimits(bankroll, budget, maxCount));
        if (sized.Count.IsZero)
            return NoTrade(NoTradeReason.NoRoomToSize, best.Edge);

        // Value of the contracts at the model's probability, less their price and the fee as charged; rounded down.
        var gross = sized.Count.Hundredths * (best.Probability.Micros - ((long)best.Price.Units * 100)) / Contracts.HundredthsPerContract;
        var expectedValue = Money.FromMicros(gross) - sized.Fee;
        if (expectedValue <= Money.Zero)
            return NoTrade(NoTradeReason.EdgeBelowMinimum, best.Edge);

        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, market.Ticker, market.Event,
            new OrderDirection(OrderAction.Buy, best.Side), best.Price, sized.Count, best.Execution, sized.Fee,
            best.Probability, expectedValue, best.Reference,
            GoodUntil: best.Execution == Execution.Make ? RestUntil(market.GameStart) : null);
        return new EntryEvaluation(intent, NoTradeReason.None, best.Edge);
    }

    private void Consider(ref Candidate bestTake, ref Candidate bestMake, in MarketState market, in Forecast forecast, OutcomeSide side)
    {
        var probability = forecast.ProbabilityOf(side);
        var ask = market.Quote.AskFor(side);
        if (ask.Exists && ask.Price.IsTradable && market.Fees.TryFeePerContract(ask.Price, Liquidity.Taker, out var takerFee))
        {
            var take = new Candidate(side, Execution.Take, ask.Price, probability, EdgeOf(probability, ask.Price, takerFee), ask.Size, ask.Price);
            if (!bestTake.Exists || take.Edge > bestTake.Edge)
                bestTake = take;
        }

        if (strategy.AllowMaking && TryMakePrice(market, side, out var makePrice)
            && market.Fees.TryFeePerContract(makePrice, Liquidity.Maker, out var makerFee))
        {
            var make = new Candidate(side, Execution.Make, makePrice, probability, EdgeOf(probability, makePrice, makerFee),
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
    private static bool TryMakePrice(in MarketState market, OutcomeSide side, out Price price)
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

    private static EntryEvaluation NoTrade(NoTradeReason reason, Money bestEdge) => new(default, reason, bestEdge);

    private readonly record struct Candidate(OutcomeSide Side, Execution Execution, Price Price, Probability Probability, Money Edge, Contracts Depth, Price Reference)
    {
        public static readonly Candidate None = default;

        public bool Exists => Price.IsTradable;
    }
}
