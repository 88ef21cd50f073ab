using TradingBot.Backtest.Data;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Backtest.Replay;

/// <summary>
/// The recorded market as a venue: the simulator's matching engine in process, where a "recorded" member rests the
/// quote of each market (a YES bid and a YES ask at the recorded prices and sizes, replaced at each new quote) and the
/// bot trades as another member. A taker order of the bot's fills against the recorded ask with its size as the limit;
/// a resting order fills only when a later quote crosses it (the recorded member's new order takes it); fees are the
/// engine's, which are Kalshi's. The account keeps balances to $0.0001 (a direct member's precision), so fees are
/// exactly Kalshi's formula with no cent rounding on top.
/// Between decision passes only a market's last quote matters, unless an order of the bot's rests there: so quotes
/// wait (the latest per market) until the next pass or read, and are applied at once only where the bot rests.
/// </summary>
internal sealed class RecordedVenue
{
    public const string Bot = "bot";
    private const string Recorded = "recorded";

    private readonly SimExchange _exchange;
    private readonly Dictionary<string, DatasetRecord> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Bid, string? Ask)> _resting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _botResting = new(StringComparer.Ordinal);
    private readonly SortedSet<DateTimeOffset> _due = [];
    private DateTimeOffset? _nextDue;
    private readonly HashSet<string> _neverListed = new(StringComparer.Ordinal);

    public RecordedVenue(TimeProvider clock, Money balance, IReadOnlyDictionary<int, Money>? shardBalances = null)
    {
        _exchange = new SimExchange(clock);
        _exchange.OpenAccount(Recorded, Money.Zero, unlimited: true);
        var elsewhere = (shardBalances ?? new Dictionary<int, Money>()).Where(s => s.Key != ExchangeShards.Default).ToList();
        _exchange.OpenAccount(Bot, balance - elsewhere.Aggregate(Money.Zero, (sum, s) => sum + s.Value), Money.CenticentDecimals);
        foreach (var (shard, money) in elsewhere)
            _exchange.Deposit(Bot, money, shard);
        Venue = new ListingVenue(new InProcessVenue(_exchange, Bot), _exchange, series => _openEvents.TryGetValue(series, out var open) ? open : [], MarketsOfOpenEvents);
    }

    /// <summary>Per series, the events with a market not yet settled, in the order they were listed.</summary>
    private readonly Dictionary<string, List<string>> _openEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unsettledInEvent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _marketsOfEvent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listedNumber = new(StringComparer.Ordinal);

    public IExchange Venue { get; }

    /// <summary>The markets of a series' open events, in the order they were listed.</summary>
    private IEnumerable<string> MarketsOfOpenEvents(string series) =>
        _openEvents.TryGetValue(series, out var open) ? open.SelectMany(game => _marketsOfEvent[game]).OrderBy(ticker => _listedNumber[ticker]) : [];

    /// <summary>Quotes applied to the engine (the rest were replaced by a later quote before anyone looked).</summary>
    public long QuotesApplied { get; private set; }

    /// <summary>Quotes that arrived when their market did not trade (not yet open, closed): nothing to rest.</summary>
    public long QuotesWhileClosed { get; private set; }

    /// <summary>When the engine next has something to do on its own clock: a market opening or closing, an order expiring.</summary>
    public DateTimeOffset? NextDue => _nextDue;

    public bool Knows(string ticker) => _exchange.Markets.ContainsKey(ticker);

    public void List(MarketRecord market, DateTimeOffset listedAt)
    {
        // Closed before the replay began (a --from after it): never tradable here, so never listed.
        if (listedAt >= market.CloseTime)
        {
            _neverListed.Add(market.Ticker);
            return;
        }

        if (!_exchange.Series.ContainsKey(market.SeriesTicker))
            _exchange.AddSeries(new SimSeries(market.SeriesTicker, market.SeriesTicker, "Sports", market.FeeType, market.FeeMultiplier));
        var series = _exchange.Series[market.SeriesTicker];
        if (!_exchange.Events.TryGetValue(market.EventTicker, out var game))
        {
            _exchange.AddEvent(new SimEvent(market.EventTicker, market.SeriesTicker, market.Title, "", market.GameStart, "", market.ExchangeIndex, market.Competition));
            // A market whose fees differ from its series' first market carries them as its event's override.
            if (series.FeeType != market.FeeType || series.FeeMultiplier != market.FeeMultiplier)
                _exchange.SetEventFeeOverride(market.EventTicker, market.FeeType, market.FeeMultiplier);
        }
        else if (game.SeriesTicker != market.SeriesTicker || game.GameStart != market.GameStart || game.Shard != market.ExchangeIndex)
            throw new DatasetException($"market {market.Ticker}: its event {market.EventTicker} was listed with another series, game_start or exchange_index");

        if (!_openEvents.TryGetValue(market.SeriesTicker, out var open))
            _openEvents[market.SeriesTicker] = open = [];
        if (!open.Contains(market.EventTicker))
            open.Add(market.EventTicker);
        _unsettledInEvent[market.EventTicker] = _unsettledInEvent.GetValueOrDefault(market.EventTicker) + 1;
        if (!_marketsOfEvent.TryGetValue(market.EventTicker, out var markets))
            _marketsOfEvent[market.EventTicker] = markets = [];
        markets.Add(market.Ticker);
        _listedNumber[market.Ticker] = _listedNumber.Count;
        _exchange.AddMarket(new MarketSpec(market.Ticker, market.EventTicker, market.Title, market.YesSubTitle, "", listedAt, market.CloseTime, market.Ticks, market.Strike));
        Due(listedAt);
        Due(market.CloseTime);
    }

    /// <summary>
    /// A market listed again differently (Kalshi moved its game's start, its close or its fee): what the engine can
    /// change is changed from now, and the listing in force is returned with whether every difference was applied (a
    /// strike, ticks or titles that differ are not: the market goes on as first listed in those).
    /// </summary>
    public (MarketRecord InForce, bool AllApplied) Relist(MarketRecord listed, MarketRecord again)
    {
        if (_neverListed.Contains(again.Ticker))
            return (listed, true);
        var inForce = listed;
        if (again.GameStart != listed.GameStart)
        {
            _exchange.Reschedule(again.EventTicker, again.GameStart);
            inForce = inForce with { GameStart = again.GameStart };
        }

        if (again.CloseTime != listed.CloseTime && _exchange.MoveClose(again.Ticker, again.CloseTime))
        {
            Due(again.CloseTime);
            inForce = inForce with { CloseTime = again.CloseTime };
        }

        if (again.FeeType != listed.FeeType || again.FeeMultiplier != listed.FeeMultiplier)
        {
            _exchange.SetEventFeeOverride(again.EventTicker, again.FeeType, again.FeeMultiplier);
            inForce = inForce with { FeeType = again.FeeType, FeeMultiplier = again.FeeMultiplier };
        }

        return (inForce, inForce.SameMarketAs(again));
    }

    /// <summary>A new quote: kept as the market's latest, and applied at once where an order of the bot's rests.</summary>
    public void Quote(in DatasetRecord quote)
    {
        // Called for every quote of the file: the sets are usually empty, and then not hashed into.
        if (_neverListed.Count > 0 && _neverListed.Contains(quote.Ticker))
            return;
        _pending[quote.Ticker] = quote;
        if (_botResting.Count > 0 && _botResting.Contains(quote.Ticker))
            Apply(quote.Ticker);
    }

    /// <summary>Every waiting quote onto the engine: before anything reads it.</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
            return;
        foreach (var ticker in _pending.Keys.Order(StringComparer.Ordinal).ToList())
            Apply(ticker);
    }

    /// <summary>Applies the engine's clock (markets open and close, orders expire) when something was due by <paramref name="now"/>.</summary>
    public void Tick(DateTimeOffset now)
    {
        if (_nextDue is null || _nextDue > now)
            return;
        _due.RemoveWhere(at => at <= now);
        _nextDue = _due.Count > 0 ? _due.Min : null;
        _exchange.Tick();
        RefreshBotOrders();
    }

    /// <summary>After the bot acted: which markets it rests in, and when its resting orders expire.</summary>
    public void RefreshBotOrders()
    {
        _botResting.Clear();
        foreach (var order in _exchange.Read(e => e.Accounts[Bot].OrderHistory.Where(o => o.Status == OrderStatus.Resting).ToList()))
        {
            _botResting.Add(order.Ticker);
            if (order.Submission.Expiration is { } at)
                Due(at);
        }
    }

    public void Settle(string ticker, SettlementResult result)
    {
        if (_neverListed.Contains(ticker))
            return;
        _pending.Remove(ticker);
        if (result == SettlementResult.Void)
            _exchange.Void(ticker);
        else
        {
            _exchange.Determine(ticker, result == SettlementResult.Yes ? MarketResult.Yes : MarketResult.No);
            _exchange.Settle(ticker);
        }

        // Settling canceled the last quote's orders: the engine need not keep them.
        if (_resting.Remove(ticker, out var last))
        {
            if (last.Bid is not null)
                _exchange.Forget(Recorded, last.Bid);
            if (last.Ask is not null)
                _exchange.Forget(Recorded, last.Ask);
        }

        var game = _exchange.Read(e => e.Events[e.Markets[ticker].Spec.EventTicker]);
        if (--_unsettledInEvent[game.Ticker] == 0)
            _openEvents[game.SeriesTicker].Remove(game.Ticker);

        RefreshBotOrders();
    }

    /// <summary>How many fills and settlements of the bot's the engine holds: when unchanged and nothing is open, a reconciliation has nothing to find.</summary>
    /// <summary>Orders of the recorded quotes the engine holds: the live ones only (at most a bid and an ask per market).</summary>
    internal int RecordedOrdersHeld => _exchange.Read(e => e.Accounts[Recorded].OrderHistory.Count);

    public int BotHistoryCount => _exchange.Read(e => e.Accounts[Bot].FillHistory.Count + e.Accounts[Bot].SettlementHistory.Count);

    public MarketStatus StatusOf(string ticker) => _exchange.Read(e => e.Markets[ticker].Status);

    /// <summary>Something for the engine's clock at <paramref name="at"/>; the earliest is kept at hand, as the replay asks for it at every record.</summary>
    private void Due(DateTimeOffset at)
    {
        _due.Add(at);
        if (_nextDue is null || at < _nextDue)
            _nextDue = at;
    }

    private void Apply(string ticker)
    {
        if (!_pending.Remove(ticker, out var quote))
            return;
        var status = StatusOf(ticker);
        if (status != MarketStatus.Active)
        {
            if (status == MarketStatus.Initialized)
                _pending[ticker] = quote; // rests once the market opens
            else
                QuotesWhileClosed++;
            return;
        }

        // The previous quote's orders go (one the bot took in full is already gone: its cancel is refused, harmlessly).
        if (_resting.Remove(ticker, out var old))
        {
            Withdraw(old.Bid);
            Withdraw(old.Ask);
        }

        // The bid first, then the ask: a quote never crosses itself, so the recorded member's orders only ever trade with the bot's.
        var bid = Rest(ticker, BookSide.Bid, quote.YesBid, quote.YesBidSize);
        var ask = Rest(ticker, BookSide.Ask, quote.YesAsk, quote.YesAskSize);
        _resting[ticker] = (bid, ask);
        QuotesApplied++;
        if (_botResting.Contains(ticker))
            RefreshBotOrders();
    }

    /// <summary>A replaced quote's order goes, and the engine forgets it: memory stays flat however long the file.</summary>
    private void Withdraw(string? orderId)
    {
        if (orderId is null)
            return;
        _exchange.Cancel(Recorded, orderId);
        _exchange.Forget(Recorded, orderId);
    }

    private string? Rest(string ticker, BookSide side, Price price, Contracts size)
    {
        if (size.IsZero)
            return null;
        var placed = _exchange.Submit(Recorded, new OrderSubmission(ticker, side, price, size, TimeInForce.GoodTillCanceled));
        if (!placed.Success)
            throw new InvalidOperationException($"the recorded quote on {ticker} could not rest: {placed.Rejection!.Message}");
        return placed.Value!.Order.Status == OrderStatus.Resting ? placed.Value.Order.Id : null;
    }
}
