using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>An accepted order and what it traded on arrival (its own side of each fill).</summary>
public sealed record SubmitOutcome(SimOrder Order, IReadOnlyList<SimFill> Fills);

/// <summary>
/// The simulated exchange in domain terms: series, events and markets through their lifecycle, per-market books
/// with price-time priority on the YES leg, Kalshi's fees with the per-order rounding accumulator, members' cash,
/// collateral, positions, fills and settlements. One lock guards everything, so every request sees a consistent
/// exchange; readers use <see cref="Read{T}"/>. Time comes from the injected clock; <see cref="Tick"/> applies it.
/// </summary>
public sealed partial class SimExchange(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimSeries> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimEvent> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimMarket> _markets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimOrderGroup> _groups = new(StringComparer.Ordinal);
    private readonly List<SimTrade> _trades = [];
    private long _sequence;

    public TimeProvider Clock => clock;

    /// <summary>Replaces the series fee model for tests that replay Kalshi's worked fee examples, whose fees are illustrative.</summary>
    internal Func<Contracts, Price, Liquidity, Money>? TradeFeeOverride { get; set; }

    public bool ExchangeActive { get; private set; } = true;

    public bool TradingActive { get; private set; } = true;

    public IReadOnlyDictionary<string, SimSeries> Series => _series;

    public IReadOnlyDictionary<string, SimEvent> Events => _events;

    public IReadOnlyDictionary<string, SimMarket> Markets => _markets;

    public IReadOnlyDictionary<string, SimAccount> Accounts => _accounts;

    public IReadOnlyList<SimTrade> Trades => _trades;

    public IReadOnlyDictionary<string, SimOrderGroup> OrderGroups => _groups;

    /// <summary>Reads the exchange consistently: everything reached from here is read inside the lock.</summary>
    public T Read<T>(Func<SimExchange, T> read)
    {
        lock (_lock)
            return read(this);
    }

    public void AddSeries(SimSeries series)
    {
        lock (_lock)
            _series[series.Ticker] = series;
    }

    public void AddEvent(SimEvent simEvent)
    {
        lock (_lock)
        {
            if (!_series.TryGetValue(simEvent.SeriesTicker, out var series))
                throw new ArgumentException($"event {simEvent.Ticker}: series {simEvent.SeriesTicker} is not loaded", nameof(simEvent));
            if (simEvent.ExchangeIndex is < 0)
                throw new ArgumentException($"event {simEvent.Ticker}: exchange index {simEvent.ExchangeIndex} is not a shard", nameof(simEvent));
            // Listed now: Kalshi's shard for an event created at this moment, unless the caller placed it.
            _events[simEvent.Ticker] = simEvent with { ExchangeIndex = simEvent.ExchangeIndex ?? ExchangeShards.For(series, clock.GetUtcNow()) };
        }
    }

    /// <summary>Moves a game's start (a postponement), as Kalshi's listing of it changes.</summary>
    public void Reschedule(string eventTicker, DateTimeOffset gameStart)
    {
        lock (_lock)
            _events[eventTicker] = _events[eventTicker] with { GameStart = gameStart };
    }

    /// <summary>
    /// Moves a market's close (Kalshi extends or shortens trading), applied at the next tick; false for a market
    /// already closed (it is not reopened) or a close before its opening.
    /// </summary>
    public bool MoveClose(string ticker, DateTimeOffset closeTime)
    {
        lock (_lock)
        {
            var market = Market(ticker);
            if (market.Status is not (MarketStatus.Initialized or MarketStatus.Active or MarketStatus.Inactive) || closeTime <= market.Spec.OpenTime)
                return false;
            market.CloseTime = closeTime;
            return true;
        }
    }

    public SimMarket AddMarket(MarketSpec spec)
    {
        lock (_lock)
        {
            if (!_events.TryGetValue(spec.EventTicker, out var simEvent))
                throw new ArgumentException($"market {spec.Ticker}: event {spec.EventTicker} is not loaded", nameof(spec));
            if (spec.CloseTime <= spec.OpenTime)
                throw new ArgumentException($"market {spec.Ticker}: closes before it opens", nameof(spec));
            var market = new SimMarket(spec, _series[simEvent.SeriesTicker], simEvent.Shard) { CloseTime = spec.CloseTime };
            _markets[spec.Ticker] = market;
            ApplyClock(market, clock.GetUtcNow());
            return market;
        }
    }

    /// <summary>Opens a member's subaccount (0, the primary, by default) with <paramref name="cash"/> on the default shard.</summary>
    public SimAccount OpenAccount(string memberId, Money cash, int balanceDecimals = Money.CentDecimals, bool unlimited = false, int subaccount = 0)
    {
        if (subaccount is < 0 or > 63)
            throw new ArgumentOutOfRangeException(nameof(subaccount), subaccount, "a subaccount is 0 to 63");
        lock (_lock)
        {
            var id = SimAccount.IdOf(memberId, subaccount);
            if (_accounts.ContainsKey(id))
                throw new ArgumentException($"member {memberId} already has subaccount {subaccount}", nameof(memberId));
            var account = new SimAccount(id, cash, balanceDecimals, unlimited) { Owner = memberId, Subaccount = subaccount };
            _accounts[id] = account;
            return account;
        }
    }

    /// <summary>
    /// Credits (or debits) an account's cash on one shard, for operators topping up a paper account: as on Kalshi, an
    /// order can only use cash already on its market's shard.
    /// </summary>
    public void Deposit(string memberId, Money amount, int exchangeIndex = ExchangeShards.Default)
    {
        if (exchangeIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(exchangeIndex), exchangeIndex, "a shard is 0 or more");
        lock (_lock)
            Account(memberId).Credit(exchangeIndex, amount);
    }

    /// <summary>Applies the clock: markets open and close on time, expired orders are cancelled.</summary>
    public void Tick()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            foreach (var market in _markets.Values)
                ApplyClock(market, now);
            foreach (var order in _orders.Values.Where(o => o.Status == OrderStatus.Resting && o.Submission.Expiration is { } at && at <= now).ToList())
                CancelResting(order, now);
        }
    }

    /// <summary>The exchange's pause: no orders while trading is inactive, and orders flagged cancel-on-pause go.</summary>
    public void SetTradingActive(bool active)
    {
        lock (_lock)
        {
            TradingActive = active;
            if (active)
                return;
            var now = clock.GetUtcNow();
            foreach (var order in _orders.Values.Where(o => o.Status == OrderStatus.Resting && o.Submission.CancelOnPause).ToList())
                CancelResting(order, now);
        }
    }

    /// <summary>Maintenance: the whole exchange is down; nothing trades and every resting order stays put.</summary>
    public void SetExchangeActive(bool active)
    {
        lock (_lock)
            ExchangeActive = active;
    }

    /// <summary>The exchange deactivates (or reactivates) one market; reactivation cancels its resting orders, as Kalshi's does.</summary>
    public void SetMarketActive(string ticker, bool active)
    {
        lock (_lock)
        {
            var market = Market(ticker);
            if (market.Status is not (MarketStatus.Active or MarketStatus.Inactive))
                throw new InvalidOperationException($"market {ticker} is {market.Status}");
            if (active && market.Status == MarketStatus.Inactive)
                CancelAllResting(market, clock.GetUtcNow());
            market.Status = active ? MarketStatus.Active : MarketStatus.Inactive;
        }
    }

    /// <summary>Sets the result of a market: it closes now if it had not, and stays determined until settled.</summary>
    public void Determine(string ticker, MarketResult result)
    {
        if (result is not (MarketResult.Yes or MarketResult.No))
            throw new ArgumentOutOfRangeException(nameof(result), result, "a binary market resolves yes or no");
        lock (_lock)
        {
            var market = Market(ticker);
            var now = clock.GetUtcNow();
            if (market.Status is MarketStatus.Initialized or MarketStatus.Active or MarketStatus.Inactive)
                Close(market, now);
            if (market.Status != MarketStatus.Closed)
                throw new InvalidOperationException($"market {ticker} is {market.Status}, not closed");
            market.Result = result;
            market.Status = MarketStatus.Determined;
        }
    }

    /// <summary>Pays $1 per winning contract to every holder and finalizes the market.</summary>
    public void Settle(string ticker)
    {
        lock (_lock)
        {
            var market = Market(ticker);
            if (market.Status != MarketStatus.Determined)
                throw new InvalidOperationException($"market {ticker} is {market.Status}, not determined");
            var won = market.Result == MarketResult.Yes ? OutcomeSide.Yes : OutcomeSide.No;
            PayHoldersAndFinalize(market, position => position.HeldOf(won) * Price.One, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Pays every holder what its holding is worth (<paramref name="revenueOf"/>), books it as a settlement under the
    /// market's result, and finalizes the market: the one path for a settlement and a void (whose revenue is the cost,
    /// so it realises nothing).
    /// </summary>
    private void PayHoldersAndFinalize(SimMarket market, Func<SimPosition, Money> revenueOf, DateTimeOffset now)
    {
        var simEvent = _events[market.Spec.EventTicker];
        foreach (var account in _accounts.Values)
        {
            if (!account.Positions.TryGetValue(market.Ticker, out var position) || position.SignedHundredths == 0)
                continue;
            var yes = position.HeldOf(OutcomeSide.Yes);
            var no = position.HeldOf(OutcomeSide.No);
            var revenue = revenueOf(position);
            account.Credit(market.ExchangeIndex, revenue);
            position.RealizedPnl += revenue - position.Cost;
            account.Settlements.Add(new SimSettlement(market.Ticker, simEvent.Ticker, market.Result, yes, no,
                yes.IsZero ? Money.Zero : position.Cost, no.IsZero ? Money.Zero : position.Cost, revenue, now, market.ExchangeIndex));
            position.SignedHundredths = 0;
            position.Cost = Money.Zero;
            position.LastUpdated = now;
        }

        market.Status = MarketStatus.Finalized;
        market.SettledAt = now;
    }

    internal SimMarket Market(string ticker) =>
        _markets.TryGetValue(ticker, out var market) ? market : throw new KeyNotFoundException($"no market {ticker}");

    internal SimAccount Account(string memberId) =>
        _accounts.TryGetValue(memberId, out var account) ? account : throw new KeyNotFoundException($"no member {memberId}");

    private void ApplyClock(SimMarket market, DateTimeOffset now)
    {
        if (market.Status == MarketStatus.Initialized && now >= market.Spec.OpenTime && now < market.CloseTime)
            market.Status = MarketStatus.Active;
        if (market.Status is MarketStatus.Initialized or MarketStatus.Active or MarketStatus.Inactive && now >= market.CloseTime)
            Close(market, now);
    }

    private void Close(SimMarket market, DateTimeOffset now)
    {
        CancelAllResting(market, now);
        market.Status = MarketStatus.Closed;
        if (market.CloseTime > now)
            market.CloseTime = now;
    }

    private void CancelAllResting(SimMarket market, DateTimeOffset now)
    {
        foreach (var order in market.Book.All.ToList())
            CancelResting(order, now);
    }

    private string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence):D8}-{Guid.NewGuid().ToString("N")[..8]}";
}
