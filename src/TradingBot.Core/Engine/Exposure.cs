using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>
/// Capital committed, per market, per event (game) and in total: what filled (cost basis) plus what rests and what
/// is in flight (every open outbox row), and which markets have an order in doubt. Computed fresh from the store
/// for each decision, so two intents for one market can never both fit a limit only one of them fits.
/// </summary>
public sealed class Exposure
{
    private readonly Dictionary<MarketTicker, Money> _byMarket = [];
    private readonly Dictionary<EventTicker, Money> _byEvent = [];
    private readonly HashSet<MarketTicker> _inDoubt = [];
    private readonly Dictionary<MarketTicker, LedgerPosition> _positions = [];

    public Money Total { get; private set; }

    public IReadOnlyCollection<LedgerPosition> Positions => _positions.Values;

    public static Exposure From(IReadOnlyList<LedgerPosition> positions, IReadOnlyList<OutboxEntry> open, Func<MarketTicker, EventTicker?> eventOf)
    {
        var exposure = new Exposure();
        foreach (var position in positions)
        {
            exposure._positions[position.Ticker] = position;
            exposure.Add(position.Ticker, eventOf(position.Ticker), position.Cost);
        }

        foreach (var entry in open)
        {
            exposure.Add(entry.Order.Ticker, entry.Event, entry.OpenCapital);
            if (entry.BlocksMarket)
                exposure._inDoubt.Add(entry.Order.Ticker);
        }

        return exposure;
    }

    public Money InMarket(MarketTicker ticker) => _byMarket.GetValueOrDefault(ticker);

    public Money InEvent(EventTicker ticker) => _byEvent.GetValueOrDefault(ticker);

    public bool InDoubt(MarketTicker ticker) => _inDoubt.Contains(ticker);

    public LedgerPosition? PositionIn(MarketTicker ticker) => _positions.GetValueOrDefault(ticker);

    private void Add(MarketTicker ticker, EventTicker? eventTicker, Money amount)
    {
        _byMarket[ticker] = _byMarket.GetValueOrDefault(ticker) + amount;
        if (eventTicker is { } e)
            _byEvent[e] = _byEvent.GetValueOrDefault(e) + amount;
        Total += amount;
    }
}
