using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// Capital committed, per market, per event (game) and in total, all-in: what filled (cost basis and the fees paid on
/// it) plus what rests and what is in flight (every open outbox row, with the fee it will pay), and which markets have
/// an order in doubt. Computed fresh from the store
/// for each decision, so two intents for one market can never both fit a limit only one of them fits.
/// </summary>
public sealed class Exposure
{
    private readonly Dictionary<MarketTicker, Money> _byMarket = [];
    private readonly Dictionary<EventTicker, Money> _byEvent = [];
    private readonly HashSet<MarketTicker> _inDoubt = [];
    private readonly Dictionary<MarketTicker, LedgerPosition> _positions = [];
    private readonly Dictionary<MarketTicker, List<OutboxEntry>> _working = [];

    public Money Total { get; private set; }

    public IReadOnlyCollection<LedgerPosition> Positions => _positions.Values;

    /// <param name="feesOf">A market's fee schedule; where it is not known, an open order is counted with the standard taker fee.</param>
    public static Exposure From(IReadOnlyList<LedgerPosition> positions, IReadOnlyList<OutboxEntry> open, Func<MarketTicker, EventTicker?> eventOf, Func<MarketTicker, FeeSchedule?>? feesOf = null)
    {
        var exposure = new Exposure();
        foreach (var position in positions)
        {
            exposure._positions[position.Ticker] = position;
            exposure.Add(position.Ticker, eventOf(position.Ticker), position.Capital);
        }

        foreach (var entry in open)
        {
            exposure.Add(entry.Order.Ticker, entry.Event, entry.OpenCapital(feesOf?.Invoke(entry.Order.Ticker) ?? FeeSchedule.Standard));
            if (!exposure._working.TryGetValue(entry.Order.Ticker, out var list))
                exposure._working[entry.Order.Ticker] = list = [];
            list.Add(entry);
            if (entry.BlocksMarket)
                exposure._inDoubt.Add(entry.Order.Ticker);
        }

        return exposure;
    }

    public Money InMarket(MarketTicker ticker) => _byMarket.GetValueOrDefault(ticker);

    public Money InEvent(EventTicker ticker) => _byEvent.GetValueOrDefault(ticker);

    public bool InDoubt(MarketTicker ticker) => _inDoubt.Contains(ticker);

    public LedgerPosition? PositionIn(MarketTicker ticker) => _positions.GetValueOrDefault(ticker);

    /// <summary>The bot's open orders in a market (entries and exits, resting or in flight), oldest first.</summary>
    public IReadOnlyList<OutboxEntry> WorkingIn(MarketTicker ticker) => _working.TryGetValue(ticker, out var list) ? list : [];

    /// <summary>Whether an entry of the bot's may rest in the market now (in flight, or accepted and not yet done).</summary>
    public bool EntryWorking(MarketTicker ticker) => WorkingIn(ticker).Any(e => e.Kind == Trading.IntentKind.Entry);

    /// <summary>The bot's entries resting on the market's book, to be taken out of it before pricing.</summary>
    public IEnumerable<RestingOrder> RestingIn(MarketTicker ticker) =>
        WorkingIn(ticker).Where(e => e.Kind == Trading.IntentKind.Entry && !e.Remaining.IsZero)
            .Select(e => new RestingOrder(e.Order.Side, e.Order.YesPrice, e.Remaining));

    /// <summary>The whole book's picture: events and fee schedules from the market book.</summary>
    public static Exposure From(IReadOnlyList<LedgerPosition> positions, IReadOnlyList<OutboxEntry> open, MarketBook book) =>
        From(positions, open, ticker => book.TryGet(ticker, out var v) ? v.Market.Event : null, ticker => book.TryGet(ticker, out var v) ? v.Fees : null);

    /// <summary>
    /// A market as the decision and the gate see it: the view with the bot's own resting orders taken out of the book,
    /// plus the bot's capital, holding and working orders there, whether a stop-loss latched it, and the fees in force
    /// at <paramref name="at"/> (a change scheduled since the scan applies at its time).
    /// </summary>
    public MarketState StateOf(MarketView view, bool stopLossLatched, DateTimeOffset at)
    {
        var position = PositionIn(view.Ticker);
        var holding = position is null ? Holding.None : new Holding(position.Side, position.Count, position.Capital);
        var quote = view.Book is { } book ? OwnOrders.Exclude(book, RestingIn(view.Ticker)) : OwnOrders.Exclude(view.Quote, RestingIn(view.Ticker));
        return new MarketState(view.Ticker, view.Market.Event, view.Market.Status, view.Market.CloseTime, view.GameStart, quote, view.Market.Ticks,
            view.FeesAt(at), InMarket(view.Ticker), InEvent(view.Market.Event), holding, InDoubt(view.Ticker), EntryWorking(view.Ticker), stopLossLatched, view.MutuallyExclusive, view.Market.ExchangeIndex);
    }

    private void Add(MarketTicker ticker, EventTicker? eventTicker, Money amount)
    {
        _byMarket[ticker] = _byMarket.GetValueOrDefault(ticker) + amount;
        if (eventTicker is { } e)
            _byEvent[e] = _byEvent.GetValueOrDefault(e) + amount;
        Total += amount;
    }
}
