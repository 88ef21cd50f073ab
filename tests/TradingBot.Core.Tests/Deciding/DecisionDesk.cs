using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests.Deciding;

/// <summary>
/// One market played scan after scan against <see cref="MarketDecision"/>: the others' book, the bot's holding, its
/// resting orders (outbox rows) and cash. Actions are applied as the venue would: a take fills at once against the
/// others' offer, a make rests on the book (where the next decision must not see it as someone else's bid) with its
/// cost reserved out of the balance as Kalshi does, a cancel takes it off. <see cref="FillResting"/> lets a taker hit
/// the bot's resting order.
/// </summary>
internal sealed class DecisionDesk
{
    private int _orders;

    public DecisionDesk(StrategyOptions? strategy = null, RiskOptions? risk = null, decimal balance = 1000m)
    {
        Strategy = strategy ?? Support.Build.Strategy();
        Risk = risk ?? RiskLimits();
        Decision = new MarketDecision(new EntryEvaluator(Strategy, Risk), Strategy, Risk);
        Balance = M(balance);
    }

    public StrategyOptions Strategy { get; }

    public RiskOptions Risk { get; }

    public MarketDecision Decision { get; }

    public FeeSchedule Fees { get; set; } = FeeSchedule.Standard;

    /// <summary>Other participants' YES bids and NO bids, best first.</summary>
    public List<BookLevel> YesBids { get; } = [];

    public List<BookLevel> NoBids { get; } = [];

    public Money Balance { get; set; }

    public LedgerPosition? Position { get; set; }

    public List<OutboxEntry> Open { get; } = [];

    public List<TradeIntent> Placed { get; } = [];

    public Money FeesPaid { get; private set; }

    public DateTimeOffset At { get; set; } = Now;

    public bool Latched { get; set; }

    public TradingStatus Trading { get; set; } = TradingStatus.Active;

    public void SetBook(decimal yesBid, decimal noBid, decimal size = 100m)
    {
        YesBids.Clear();
        NoBids.Clear();
        if (yesBid > 0)
            YesBids.Add(new BookLevel(P(yesBid), C(size)));
        if (noBid > 0)
            NoBids.Add(new BookLevel(P(noBid), C(size)));
    }

    /// <summary>The venue's whole book: the others' levels with the bot's resting orders merged in, as a book read would return it.</summary>
    public OrderBook VenueBook()
    {
        var yes = YesBids.ToDictionary(l => l.Price, l => l.Size);
        var no = NoBids.ToDictionary(l => l.Price, l => l.Size);
        foreach (var order in Open.Where(o => o.OrderId is not null && !o.Remaining.IsZero))
        {
            var levels = order.Order.Side == BookSide.Bid ? yes : no;
            var price = order.Order.Side == BookSide.Bid ? order.Order.YesPrice : order.Order.YesPrice.Complement;
            levels[price] = levels.GetValueOrDefault(price) + order.Remaining;
        }

        return new OrderBook(Ticker, yes.OrderByDescending(l => l.Key).Select(l => new BookLevel(l.Key, l.Value)).ToList(),
            no.OrderByDescending(l => l.Key).Select(l => new BookLevel(l.Key, l.Value)).ToList(), At);
    }

    public Exposure Exposure() => Engine.Exposure.From(Position is null ? [] : [Position], Open, _ => Event);

    public MarketState State()
    {
        var book = VenueBook();
        var info = new MarketInfo(Ticker, Event, MarketStatus.Active, Now.AddDays(-1), Now.AddHours(6), "Dallas", book.Top, TickStructure.LinearCent, MarketResult.None);
        var view = new MarketView(info, "KXNFLGAME", "Dallas at New York", Now.AddHours(2), Fees, book.Top, false, book);
        return Exposure().StateOf(view, Latched, At);
    }

    public AccountState Account() => new(At, Trading, ExchangeStatus.Open, AccountBalance.Unsharded(Balance), Exposure().Total, 0);

    /// <summary>One scan: decide, and apply what was decided (placements only where the gate approves, as the executor would).</summary>
    public IReadOnlyList<MarketAction> Scan(decimal model, TimeSpan? forecastAge = null) => Scan(new Forecast(model, At - (forecastAge ?? TimeSpan.FromMinutes(1))));

    /// <summary>A scan where no forecast may price the market, for <paramref name="code"/> (a strike mismatch, a preseason game).</summary>
    public IReadOnlyList<MarketAction> ScanUnpriced(DecisionCode code, string detail) => Scan(null, (code, detail));

    private IReadOnlyList<MarketAction> Scan(Forecast? forecast, (DecisionCode, string)? unpriced = null)
    {
        var state = State();
        var account = Account();
        var actions = Decision.Decide(state, forecast, Open.Where(o => o.IsOpen).ToList(), account, unpriced);
        var gate = new RiskGate(Risk);
        foreach (var action in actions)
        {
            if (action.Kind == MarketActionKind.Cancel && Open.Remove(action.Order!))
                Balance += action.Order!.Remaining * action.Order.Order.Side.ToOutcomeSide().PriceOf(action.Order.Order.YesPrice);
            else if (action.Kind == MarketActionKind.Place && gate.Check(action.Intent, new RiskSnapshot(account, state, forecast?.AsOf)).IsApproved)
                Send(action.Intent);
            else if (action is { Kind: MarketActionKind.Amend, Order: { } order })
            {
                var (clear, clearAccount) = MarketDecision.WithoutOrder(state, account, order);
                if (gate.Check(action.Intent, new RiskSnapshot(clearAccount, clear, forecast?.AsOf)).IsApproved)
                    Amend(order, action.Intent);
            }
        }

        return actions;
    }

    /// <summary>The venue moves the resting order to the new terms in place, re-reserving its cost.</summary>
    private void Amend(OutboxEntry order, TradeIntent terms)
    {
        var index = Open.IndexOf(order);
        var side = order.Order.Side.ToOutcomeSide();
        Balance += order.Remaining * side.PriceOf(order.Order.YesPrice) - terms.Count * terms.LimitPrice;
        Amended.Add(terms);
        Open[index] = order with
        {
            Order = order.Order with { YesPrice = terms.YesPrice, Count = order.Filled + terms.Count },
            Remaining = terms.Count,
        };
    }

    public List<TradeIntent> Amended { get; } = [];

    /// <summary>A taker hits the bot's resting order for <paramref name="count"/> contracts.</summary>
    public void FillResting(decimal count)
    {
        var order = Open.Single(o => o.Kind == IntentKind.Entry);
        var filled = Contracts.Min(C(count), order.Remaining);
        Open.Remove(order);
        var price = order.Order.Side.ToOutcomeSide().PriceOf(order.Order.YesPrice);
        Fees.TryTradeFee(filled, price, Liquidity.Maker, out var fee);
        Balance += filled * price; // held in reserve since the order rested; Hold spends it
        Hold(order.Order.Side.ToOutcomeSide(), filled, price, fee);
        if (order.Remaining > filled)
            Open.Add(order with { Status = OutboxStatus.PartiallyFilled, Filled = order.Filled + filled, Remaining = order.Remaining - filled });
    }

    private void Send(TradeIntent intent)
    {
        Placed.Add(intent);
        var id = ClientOrderId.Derive(Guid.NewGuid());
        if (intent.Kind == IntentKind.Exit)
        {
            // Sold into the bid at the limit: the holding shrinks by what was sold.
            var left = Position!.Count - intent.Count;
            Balance += intent.Count * intent.LimitPrice - intent.Fee;
            FeesPaid += intent.Fee;
            Position = left.IsZero ? null : Position with
            {
                Count = left,
                Cost = Money.FromMicros(Position.Cost.Micros * left.Hundredths / Position.Count.Hundredths),
                Fees = Money.FromMicros(Position.Fees.Micros * left.Hundredths / Position.Count.Hundredths),
            };
            return;
        }

        if (intent.Execution == Execution.Take)
        {
            Hold(intent.Direction.Side, intent.Count, intent.LimitPrice, intent.Fee);
            return;
        }

        // The venue reserves a resting buy's cost out of the available balance.
        var entry = OutboxEntry.FromIntent(intent, id, At) with { Status = OutboxStatus.Resting, OrderId = $"ord-{++_orders}", Remaining = intent.Count };
        Open.Add(entry);
        Balance -= intent.Count * intent.LimitPrice;
    }

    private void Hold(OutcomeSide side, Contracts count, Price price, Money fee)
    {
        Balance -= count * price + fee;
        FeesPaid += fee;
        Position = Position is null
            ? new LedgerPosition(Ticker, side, count, count * price, At, fee)
            : Position with { Count = Position.Count + count, Cost = Position.Cost + count * price, Fees = Position.Fees + fee };
    }
}
