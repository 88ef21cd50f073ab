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
public readonly record struct EntryEvaluation(TradeIntent Intent, NoTradeReason Reason, decimal BestEdge)
{
    public bool HasIntent => Reason == NoTradeReason.None;
}

/// <summary>
/// Prices one market against a forecast: the edge per contract of buying each side, net of the fee it would pay,
/// taking the ask (IOC, taker fee) or making one tick inside the spread (post-only, maker fee); then sizes the
/// best candidate by fractional Kelly within every limit. Pure and allocation-free: the backtest and the live
/// bot run exactly this.
/// </summary>
public sealed class EntryEvaluator(StrategyOptions strategy, RiskOptions risk)
{
    private readonly Contracts _maxPerOrder = Contracts.Of(strategy.MaxContractsPerOrder);
    private readonly Money _reserve = Money.FromDollars(risk.MinBalanceReserve);
    private readonly Money _marketCap = Money.FromDollars(risk.MaxPositionPerMarket);
    private readonly Money _eventCap = Money.FromDollars(risk.MaxExposurePerEvent);
    private readonly Money _totalCap = Money.FromDollars(risk.MaxTotalExposure);

    public EntryEvaluation Evaluate(in MarketState market, in Forecast forecast, AccountState account)
    {
        if (!market.Fees.IsPriced)
            return NoTrade(NoTradeReason.FeeScheduleUnknown, 0m);

        // Taking is certain and immediate, so a take that clears the minimum edge beats any make.
        var bestTake = Candidate.None;
        var bestMake = Candidate.None;
        Consider(ref bestTake, ref bestMake, market, forecast, OutcomeSide.Yes);
        Consider(ref bestTake, ref bestMake, market, forecast, OutcomeSide.No);
        if (!bestTake.Exists && !bestMake.Exists)
            return NoTrade(NoTradeReason.NoPrices, 0m);
        var best = bestTake.Exists && bestTake.Edge >= strategy.MinEdge ? bestTake
            : bestMake.Exists && bestMake.Edge >= strategy.MinEdge ? bestMake
            : Candidate.None;
        if (!best.Exists)
            return NoTrade(NoTradeReason.EdgeBelowMinimum, Math.Max(bestTake.EdgeOrMin, bestMake.EdgeOrMin));

        var liquidity = best.Execution == Execution.Take ? Liquidity.Taker : Liquidity.Maker;
        var available = account.Balance - _reserve;
        var budget = Money.Min(Money.Min(_marketCap - market.MarketExposure, _eventCap - market.EventExposure),
            Money.Min(_totalCap - account.TotalExposure, available));
        var maxCount = best.Execution == Execution.Take ? Contracts.Min(_maxPerOrder, best.Depth) : _maxPerOrder;
        var count = OrderSizer.Size(best.Probability, best.Price, market.Fees, liquidity, strategy.KellyFraction,
            new SizingLimits(available, budget, maxCount));
        if (count.IsZero)
            return NoTrade(NoTradeReason.NoRoomToSize, best.Edge);

        market.Fees.TryTradeFee(count, best.Price, liquidity, out var fee);
        var expectedValue = Money.FromDollars(count.Count * (best.Probability - best.Price.Dollars)) - fee;
        if (expectedValue <= Money.Zero)
            return NoTrade(NoTradeReason.EdgeBelowMinimum, best.Edge);

        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, market.Ticker, market.Event,
            new OrderDirection(OrderAction.Buy, best.Side), best.Price, count, best.Execution, fee,
            best.Probability, expectedValue, best.Reference);
        return new EntryEvaluation(intent, NoTradeReason.None, best.Edge);
    }

    private void Consider(ref Candidate bestTake, ref Candidate bestMake, in MarketState market, in Forecast forecast, OutcomeSide side)
    {
        var probability = forecast.ProbabilityOf(side);
        var ask = market.Quote.AskFor(side);
        if (ask.Exists && ask.Price.IsTradable && market.Fees.TryFeePerContract(ask.Price, Liquidity.Taker, out var takerFee))
        {
            var take = new Candidate(side, Execution.Take, ask.Price, probability, probability - ask.Price.Dollars - takerFee, ask.Size, ask.Price);
            if (!bestTake.Exists || take.Edge > bestTake.Edge)
                bestTake = take;
        }

        if (strategy.AllowMaking && TryMakePrice(market, side, out var makePrice)
            && market.Fees.TryFeePerContract(makePrice, Liquidity.Maker, out var makerFee))
        {
            var make = new Candidate(side, Execution.Make, makePrice, probability, probability - makePrice.Dollars - makerFee,
                Contracts.Zero, ask.Exists ? ask.Price : makePrice);
            if (!bestMake.Exists || make.Edge > bestMake.Edge)
                bestMake = make;
        }
    }

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
        var ask = quote.AskFor(side);
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

        return price.IsTradable && (!ask.Exists || price < ask.Price);
    }

    private static EntryEvaluation NoTrade(NoTradeReason reason, decimal bestEdge) => new(default, reason, bestEdge);

    private readonly record struct Candidate(OutcomeSide Side, Execution Execution, Price Price, decimal Probability, decimal Edge, Contracts Depth, Price Reference)
    {
        public static readonly Candidate None = default;

        public bool Exists => Price.IsTradable;

        public decimal EdgeOrMin => Exists ? Edge : decimal.MinValue;
    }
}
