using System.Collections.Concurrent;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// What the bot knows about one market right now: the listing, its game (and whether its markets are mutually
/// exclusive), its fees, the latest quote, and the full book behind that quote when one was read (a listing gives
/// only the top). <see cref="Fees"/> are the fees in force when the market was scanned; <see cref="FeesAt"/> gives
/// those in force later, when a change is scheduled (or a fee waiver ends) before the next scan. <see cref="StartSource"/>
/// says where <see cref="GameStart"/> came from (the event's milestone, or the start a ticker carries).
/// </summary>
public sealed record MarketView(MarketInfo Market, string SeriesTicker, string EventTitle, DateTimeOffset? GameStart, FeeSchedule Fees, Quote Quote,
    bool MutuallyExclusive = false, OrderBook? Book = null, FeeTimeline? FeeTimeline = null,
    string EventSubTitle = "", string? Competition = null, GameStartSource StartSource = GameStartSource.Unknown)
{
    public MarketTicker Ticker => Market.Ticker;

    public FeeSchedule FeesAt(DateTimeOffset at) => FeeTimeline?.At(at) ?? Fees;

    public ForecastRequest ForecastRequest => new(Market.Ticker, Market.Event, SeriesTicker, EventTitle, Market.YesSubTitle, GameStart,
        Market.Strike, EventSubTitle, Competition);
}

/// <summary>
/// The in-memory picture of every tracked market, written by the scanner and read by the evaluator and the position
/// monitor. Each entry is an immutable snapshot replaced whole, so readers never see half an update. A market the
/// latest scan did not list open stays only while the caller keeps it (something held there, or an order of the
/// bot's open on it): it is then <em>unlisted</em>, its listing and quote as old as the scan that last saw it, so
/// nothing may price or mark from them without reading it afresh (<see cref="UpdateMarket"/>).
/// </summary>
public sealed class MarketBook
{
    private readonly ConcurrentDictionary<MarketTicker, MarketView> _markets = new();
    private readonly ConcurrentDictionary<MarketTicker, bool> _unlisted = new();

    public DateTimeOffset? LastScanAt { get; private set; }

    public ExchangeStatus Exchange { get; private set; } = ExchangeStatus.Open;

    public IReadOnlyCollection<MarketView> All => _markets.Values.ToList();

    /// <summary>The markets the latest scan listed open: what is worth evaluating for an entry.</summary>
    public IReadOnlyCollection<MarketView> Listed => _markets.Values.Where(v => !_unlisted.ContainsKey(v.Ticker)).ToList();

    public int Count => _markets.Count;

    public bool TryGet(MarketTicker ticker, out MarketView view) => _markets.TryGetValue(ticker, out view!);

    /// <summary>False for a market kept in the book although the latest scan no longer listed it open.</summary>
    public bool IsListed(MarketTicker ticker) => _markets.ContainsKey(ticker) && !_unlisted.ContainsKey(ticker);

    /// <summary>Replaces the listing of a scan; markets no longer listed open are dropped unless <paramref name="keep"/> says otherwise.</summary>
    public void Replace(IEnumerable<MarketView> views, DateTimeOffset scannedAt, Func<MarketTicker, bool> keep)
    {
        // The last listing of a ticker wins: a market listed twice (pages overlapping as markets open) is not an error.
        var fresh = new Dictionary<MarketTicker, MarketView>();
        foreach (var view in views)
            fresh[view.Ticker] = view;
        foreach (var view in fresh.Values)
        {
            _markets[view.Ticker] = view;
            _unlisted.TryRemove(view.Ticker, out _);
        }

        foreach (var ticker in _markets.Keys.Where(t => !fresh.ContainsKey(t)).ToList())
        {
            if (keep(ticker))
            {
                _unlisted[ticker] = true;
                continue;
            }

            _markets.TryRemove(ticker, out _);
            _unlisted.TryRemove(ticker, out _);
        }

        LastScanAt = scannedAt;
    }

    /// <summary>A freshly read book: its top becomes the quote, its depth what own orders are taken out of.</summary>
    public void UpdateBook(OrderBook book)
    {
        if (_markets.TryGetValue(book.Ticker, out var view))
            _markets[book.Ticker] = view with { Quote = book.Top, Book = book };
    }

    /// <summary>A fresh read of a tracked market (its status as the venue has it now, and its top of book); false when it is not tracked.</summary>
    public bool UpdateMarket(MarketInfo market)
    {
        if (!_markets.TryGetValue(market.Ticker, out var view))
            return false;
        _markets[market.Ticker] = view with { Market = market, Quote = market.TopOfBook };
        return true;
    }

    public void SetExchange(ExchangeStatus status) => Exchange = status;
}
