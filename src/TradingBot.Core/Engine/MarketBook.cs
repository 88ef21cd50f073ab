using System.Collections.Concurrent;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// What the bot knows about one market right now: the listing, its game, its fees, and the latest quote.
/// <see cref="Fees"/> are the fees in force when the market was scanned; <see cref="FeesAt"/> gives those in force
/// later, when a change is scheduled (or a fee waiver ends) before the next scan.
/// </summary>
public sealed record MarketView(MarketInfo Market, string SeriesTicker, string EventTitle, DateTimeOffset? GameStart, FeeSchedule Fees, Quote Quote, FeeTimeline? FeeTimeline = null)
{
    public MarketTicker Ticker => Market.Ticker;

    public FeeSchedule FeesAt(DateTimeOffset at) => FeeTimeline?.At(at) ?? Fees;

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

    public void UpdateQuote(MarketTicker ticker, Quote quote)
    {
        if (_markets.TryGetValue(ticker, out var view))
            _markets[ticker] = view with { Quote = quote };
    }

    public void SetExchange(ExchangeStatus status) => Exchange = status;
}
