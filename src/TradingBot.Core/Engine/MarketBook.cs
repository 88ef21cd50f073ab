using System.Collections.Concurrent;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// What the bot knows about one market right now: the listing, its game (and whether its markets are mutually
/// exclusive), its fees, the latest quote, and the full book behind that quote when one was read (a listing gives
/// only the top).
/// </summary>
public sealed record MarketView(MarketInfo Market, string SeriesTicker, string EventTitle, DateTimeOffset? GameStart, FeeSchedule Fees, Quote Quote,
    bool MutuallyExclusive = false, OrderBook? Book = null)
{
    public MarketTicker Ticker => Market.Ticker;

    public ForecastRequest ForecastRequest => new(Market.Ticker, Market.Event, SeriesTicker, EventTitle, Market.YesSubTitle, GameStart);
}

/// <summary>
/// The in-memory picture of every tracked market, written by the scanner and read by the evaluator and the position
/// monitor. Each entry is an immutable snapshot replaced whole, so readers never see half an update.
/// </summary>
public sealed class MarketBook
{
    private readonly ConcurrentDictionary<MarketTicker, MarketView> _markets = new();

    public DateTimeOffset? LastScanAt { get; private set; }

    public ExchangeStatus Exchange { get; private set; } = ExchangeStatus.Open;

    public IReadOnlyCollection<MarketView> All => _markets.Values.ToList();

    public int Count => _markets.Count;

    public bool TryGet(MarketTicker ticker, out MarketView view) => _markets.TryGetValue(ticker, out view!);

    /// <summary>Replaces the listing of a scan; markets no longer listed open are dropped unless something is held there.</summary>
    public void Replace(IEnumerable<MarketView> views, DateTimeOffset scannedAt, Func<MarketTicker, bool> keep)
    {
        // The last listing of a ticker wins: a market listed twice (pages overlapping as markets open) is not an error.
        var fresh = new Dictionary<MarketTicker, MarketView>();
        foreach (var view in views)
            fresh[view.Ticker] = view;
        foreach (var view in fresh.Values)
            _markets[view.Ticker] = view;
        foreach (var ticker in _markets.Keys.Where(t => !fresh.ContainsKey(t) && !keep(t)).ToList())
            _markets.TryRemove(ticker, out _);
        LastScanAt = scannedAt;
    }

    /// <summary>A freshly read book: its top becomes the quote, its depth what own orders are taken out of.</summary>
    public void UpdateBook(OrderBook book)
    {
        if (_markets.TryGetValue(book.Ticker, out var view))
            _markets[book.Ticker] = view with { Quote = book.Top, Book = book };
    }

    public void SetExchange(ExchangeStatus status) => Exchange = status;
}
