using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Deciding;

public enum MarketActionKind
{
    /// <summary>Nothing to send; <see cref="MarketAction.Code"/> says why.</summary>
    Nothing,

    /// <summary>Send <see cref="MarketAction.Intent"/> (an entry, or an exit of what is held), through the risk gate.</summary>
    Place,

    /// <summary>Cancel what rests of <see cref="MarketAction.Order"/>, one of the bot's own entries.</summary>
    Cancel,

    /// <summary>Re-price or re-size <see cref="MarketAction.Order"/> in place (V2 amend) to the terms of <see cref="MarketAction.Intent"/>.</summary>
    Amend,
}

/// <summary>One step toward a market's target: place, cancel, or nothing, each with its decision code and the numbers behind it.</summary>
public sealed record MarketAction(MarketActionKind Kind, MarketTicker Ticker, DecisionCode Code, string Detail, TradeIntent Intent = default, OutboxEntry? Order = null, Money Edge = default)
{
    public static MarketAction Nothing(MarketTicker ticker, DecisionCode code, string detail, Money edge = default) => new(MarketActionKind.Nothing, ticker, code, detail, Edge: edge);

    public static MarketAction Place(TradeIntent intent, DecisionCode code, string detail, Money edge) => new(MarketActionKind.Place, intent.Ticker, code, detail, intent, Edge: edge);

    public static MarketAction Cancel(OutboxEntry order, DecisionCode code, string detail) => new(MarketActionKind.Cancel, order.Order.Ticker, code, detail, Order: order);

    /// <summary>The resting <paramref name="order"/> moved to <paramref name="terms"/>: its price, and what should rest (the count).</summary>
    public static MarketAction Amend(OutboxEntry order, TradeIntent terms, DecisionCode code, string detail, Money edge) => new(MarketActionKind.Amend, order.Order.Ticker, code, detail, terms, order, edge);
}

/// <summary>
/// The one decision per market. Given the market as the bot sees it (the book without its own orders, fees, time to
/// start, what it holds and has working there, whether a stop-loss latched it), the forecast and the account, it
/// returns the actions that move the market toward its target position: fractional Kelly on the bankroll, netted
/// against what is held and working, under the caps. A trader is a state machine, so this is written for the next
/// scan as much as the first: at most one resting entry per market, kept while it is still the order the bot would
/// send, pulled (to be re-priced on the next scan) when its edge goes, its forecast goes stale, a better price
/// appears, or the target shrinks below what it would buy; a holding whose bid beats the model's value is sold.
/// Pure: the scan, the backtest and any stream handler drive this very code; the risk gate judges what it places.
/// </summary>
public sealed class MarketDecision(EntryEvaluator pricing, StrategyOptions strategy, RiskOptions risk)
{
    private readonly Money _minEdge = Money.FromDollars(strategy.MinEdge);

    /// <param name="market">The market with the bot's own orders already taken out of its quote (<see cref="OwnOrders"/>).</param>
    /// <param name="forecast">The coherent forecast for the market, if any source has one.</param>
    /// <param name="working">The bot's open orders in this market (outbox rows), entries and exits.</param>
    /// <param name="account">The account at the moment of the decision.</param>
    /// <param name="unpriced">Why no forecast may price this market (a strike that disagrees with itself, a preseason
    /// game, a competition no source covers), when that is the reason there is none.</param>
    public IReadOnlyList<MarketAction> Decide(in MarketState market, Forecast? forecast, IReadOnlyList<OutboxEntry> working, AccountState account,
        (DecisionCode Code, string Detail)? unpriced = null)
    {
        var ticker = market.Ticker;
        if (market.OrderInDoubt || working.Any(o => o.BlocksMarket))
            return [MarketAction.Nothing(ticker, DecisionCode.OrderInDoubt, "until=reconciled")];

        var noForecast = unpriced ?? (DecisionCode.NoForecast, "no source has this market");
        var resting = working.Where(o => o.Kind == IntentKind.Entry && o.OrderId is not null).ToList();
        if (resting.Count > 0 && PullReason(market, forecast, account, noForecast) is { } pull)
            return resting.Select(o => MarketAction.Cancel(o, pull.Code, pull.Detail)).ToList();
        if (forecast is not { } model)
            return [MarketAction.Nothing(ticker, noForecast.Code, noForecast.Detail)];

        if (ExitOnReversal(market, model, working) is { } exit)
            return [.. resting.Select(o => MarketAction.Cancel(o, DecisionCode.EdgeReversed, "selling the holding")), exit];

        var (best, reason, bestEdge) = pricing.Best(market, model);
        if (resting.Count > 0)
            return ManageResting(market, model, resting, best, account);
        if (!best.Exists)
            return [MarketAction.Nothing(ticker, reason, $"best_edge={bestEdge}", bestEdge)];
        if (market.MutuallyExclusive && market.ElsewhereInEvent > Money.Zero)
            return [MarketAction.Nothing(ticker, DecisionCode.EventOtherMarket, $"event={market.Event}, elsewhere_in_event={market.ElsewhereInEvent}", best.Edge)];

        var sized = pricing.Size(best, market, model, account);
        var target = pricing.Target(best, market, account);
        var numbers = $"edge={best.Edge}, target={target}, market_exposure={market.MarketExposure}";
        return sized.HasIntent
            ? [MarketAction.Place(sized.Intent, DecisionCode.Approved, numbers, best.Edge)]
            : [MarketAction.Nothing(ticker, sized.Reason, $"{numbers}, event_exposure={market.EventExposure}, total_exposure={account.TotalExposure}, balance={account.Balance}", best.Edge)];
    }

    /// <summary>
    /// Reasons a resting entry must leave the book whatever its price: trading stopped, the market latched by a
    /// stop-loss, no forecast fresh enough to stand behind it, or the game about to start (or started) where entries stop.
    /// </summary>
    private (DecisionCode Code, string Detail)? PullReason(in MarketState market, Forecast? forecast, AccountState account, (DecisionCode Code, string Detail) noForecast)
    {
        var status = account.Trading;
        if (status.State != TradingState.Active)
            return (status.State == TradingState.Halted ? DecisionCode.TradingHalted : DecisionCode.ReducingOnly, $"reason={TradingStatus.Describe(status.Reason)}");
        if (market.StopLossLatched)
            return (DecisionCode.StopLossLatched, "stop-loss fired on this market");
        if (forecast is not { } model)
            return noForecast;
        if (account.Now - model.AsOf > risk.MaxForecastAge)
            return (DecisionCode.StaleForecast, $"age_seconds={(account.Now - model.AsOf).TotalSeconds:0}");
        if (market.GameStart is { } start && !risk.AllowInPlay && start - account.Now < risk.MinTimeBeforeGameStart)
            return (start <= account.Now ? DecisionCode.InPlay : DecisionCode.TooCloseToGameStart, $"game_start={start:O}");
        return null;
    }

    /// <summary>
    /// The resting entry is kept only while it is still the order the bot would send now: same side, made (taking is
    /// not better), at the front of the others' bids and no more than one tick above them, with its edge at that price above the minimum,
    /// and what is held and working no more than one contract over the target. Anything else pulls it; the next scan,
    /// with the market clear, sends the right order.
    /// </summary>
    private List<MarketAction> ManageResting(in MarketState market, in Forecast model, List<OutboxEntry> resting, in EntryCandidate best, AccountState account)
    {
        var actions = new List<MarketAction>(resting.Count);
        var quoteFresh = market.Quote.AgeAt(account.Now) <= risk.MaxQuoteAge;
        for (var i = 0; i < resting.Count; i++)
        {
            var order = resting[i];
            var side = order.Order.Side.ToOutcomeSide();
            var price = side.PriceOf(order.Order.YesPrice);
            var edge = EdgeAt(model, side, price, market.Fees);
            var at = $"side={side}, price={price}, edge_at_price={edge}";
            if (i > 0)
                actions.Add(MarketAction.Cancel(order, DecisionCode.Reprice, $"{at}, more than one resting entry"));
            else if (edge < _minEdge)
                actions.Add(MarketAction.Cancel(order, DecisionCode.EdgeGone, $"{at}, min_edge={_minEdge}"));
            else if (!quoteFresh || !best.Exists)
                actions.Add(MarketAction.Nothing(market.Ticker, DecisionCode.OrderWorking, quoteFresh ? $"{at}, no fresher price to compare" : $"{at}, quote too old to re-price on"));
            else if (best.Side != side)
                actions.Add(MarketAction.Cancel(order, DecisionCode.Reprice, $"{at}, the other side is now the better buy"));
            else if (best.Execution == Execution.Take)
                actions.Add(MarketAction.Cancel(order, DecisionCode.Reprice, $"{at}, taking at {best.Price} now clears the minimum edge"));
            else if (best.Price > price || (OneTickBetter(market, side, best.Price) is { } step && step < price))
                actions.Add(AmendOrCancel(order, best, market, model, account, DecisionCode.Reprice, $"{at}, front_of_book={best.Price}"));
            else if (Overshoot(best, market, account) is { } over)
                actions.Add(AmendOrCancel(order, best, market, model, account, DecisionCode.TargetShrunk, over));
            else
                actions.Add(MarketAction.Nothing(market.Ticker, DecisionCode.OrderWorking, at, edge));
        }

        return actions;
    }

    /// <summary>
    /// The resting order moved to what the bot would send now with the market clear of it: one amend keeps the order (and,
    /// when only its size shrinks, its queue place) where a cancel and a new order would take two writes and a scan.
    /// With nothing left to send at the new price, the order is pulled instead.
    /// </summary>
    private MarketAction AmendOrCancel(OutboxEntry order, in EntryCandidate best, in MarketState market, in Forecast model, AccountState account, DecisionCode code, string detail)
    {
        var (clear, clearAccount) = WithoutOrder(market, account, order);
        var sized = pricing.Size(best, clear, model, clearAccount);
        return sized.HasIntent
            ? MarketAction.Amend(order, sized.Intent, code, $"{detail}, to {sized.Intent.Count} at {sized.Intent.LimitPrice}", best.Edge)
            : MarketAction.Cancel(order, code, detail);
    }

    /// <summary>
    /// The market and the account as they would be without one of the bot's resting orders: what an amend of it is
    /// sized on, and what the gate judges the amended order against (it replaces the order, it does not add to it).
    /// The cash the venue holds for the order comes back to its shard, so the bankroll is the same either way.
    /// </summary>
    public static (MarketState Market, AccountState Account) WithoutOrder(in MarketState market, AccountState account, OutboxEntry order)
    {
        var capital = order.OpenCapital(market.Fees);
        return (market with { MarketExposure = market.MarketExposure - capital, EventExposure = market.EventExposure - capital, EntryWorking = false },
            account with { TotalExposure = account.TotalExposure - capital, Balances = account.Balances.Plus(market.ExchangeIndex, capital) });
    }

    /// <summary>
    /// One tick better for the buyer of <paramref name="side"/> than <paramref name="price"/> (on the YES-leg grid: a
    /// better NO price is a lower YES price). An order that only overpays by that one tick keeps its place: pulling it
    /// to save a cent would cost its queue position and an order write every time the bid under it flickers.
    /// </summary>
    private static Price? OneTickBetter(in MarketState market, OutcomeSide side, Price price)
    {
        if (side == OutcomeSide.Yes)
            return market.Ticks.TryNextAbove(price, out var up) ? up : null;
        return market.Ticks.TryNextBelow(price.Complement, out var yes) ? yes.Complement : null;
    }

    /// <summary>Held plus working more than one contract's cost over the target: the working order no longer belongs.</summary>
    private string? Overshoot(in EntryCandidate best, in MarketState market, AccountState account)
    {
        var target = pricing.Target(best, market, account);
        var slack = OrderSizer.CostOf(Contracts.Whole(1), best.Price, market.Fees, best.Liquidity);
        return market.MarketExposure > target + slack ? $"target={target}, market_exposure={market.MarketExposure}" : null;
    }

    /// <summary>
    /// Sell into a bid that pays more than the model says the holding is worth: bid − taker fee − model value ≥ the
    /// minimum edge. Reduce-only IOC at the bid, for what the bid's size takes; never while an exit is already open.
    /// </summary>
    private MarketAction? ExitOnReversal(in MarketState market, in Forecast model, IReadOnlyList<OutboxEntry> working)
    {
        var holding = market.Holding;
        if (!strategy.ExitOnEdgeReversal || holding.IsEmpty || working.Any(o => o.Kind == IntentKind.Exit))
            return null;
        var bid = market.Quote.BidFor(holding.Side);
        if (!bid.Exists || !market.Fees.TryFeePerContract(bid.Price, Liquidity.Taker, out var fee))
            return null;
        var value = model.ProbabilityOf(holding.Side);
        var gain = Money.FromMicros(((long)bid.Price.Units * 100) - fee.Micros - value.Micros);
        if (gain < _minEdge)
            return null;
        var count = Contracts.Min(holding.Count, bid.Size).WholeOnly;
        if (count.IsZero)
            return null;
        market.Fees.TryTradeFee(count, bid.Price, Liquidity.Taker, out var tradeFee);
        var exit = new TradeIntent(IntentKind.Exit, IntentReason.EdgeReversal, market.Ticker, market.Event,
            new OrderDirection(OrderAction.Sell, holding.Side), bid.Price, count, Execution.Take, tradeFee,
            value, Money.FromMicros(gain.Micros * count.Hundredths / Contracts.HundredthsPerContract), bid.Price);
        return MarketAction.Place(exit, DecisionCode.EdgeReversed, $"bid={bid.Price}, model_value={value.Value}, gain_per_contract={gain}", gain);
    }

    /// <summary>What a made contract at <paramref name="price"/> is worth to the model: its probability less the price and the maker fee.</summary>
    public static Money EdgeAt(in Forecast model, OutcomeSide side, Price price, FeeSchedule fees) =>
        fees.TryFeePerContract(price, Liquidity.Maker, out var fee)
            ? Money.FromMicros(model.ProbabilityOf(side).Micros - ((long)price.Units * 100) - fee.Micros)
            : Money.FromMicros(-Money.MicrosPerDollar);
}
