using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>
/// Core's <see cref="IExchange"/> straight onto the engine, for one member, without HTTP: the backtest's venue, and
/// the quickest way for tests to put the bot's own components in front of a real matching engine.
/// </summary>
public sealed class InProcessVenue(SimExchange exchange, string memberId) : IExchange
{
    public Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) =>
        Ok(exchange.Read(e => new ExchangeStatus(e.ExchangeActive, e.TradingActive)));

    public Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<MaintenanceWindow>>([]);

    public Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) =>
        exchange.Read(e =>
        {
            if (!e.Series.TryGetValue(seriesTicker, out var s))
                return Fail<SeriesInfo>(ExchangeErrorKind.NotFound, $"no series {seriesTicker}");
            var (type, multiplier) = e.SeriesFeesAt(s.Ticker, e.Clock.GetUtcNow());
            return Ok(new SeriesInfo(s.Ticker, s.Title, s.Category, new FeeSchedule(type, multiplier)));
        });

    /// <summary>Upcoming changes only, as Kalshi lists them by default.</summary>
    public Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<SeriesFeeChange>>(exchange.Read(e => e.SeriesFeeChanges
            .Where(c => c.SeriesTicker == seriesTicker && c.At > e.Clock.GetUtcNow())
            .Select(c => new SeriesFeeChange(c.SeriesTicker, c.At, new FeeSchedule(c.FeeType, c.FeeMultiplier)))
            .ToList()));

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<EventFeeChange>>(exchange.Read(e => e.EventFeeChanges
            .Where(c => c.At > e.Clock.GetUtcNow())
            .Select(c => new EventFeeChange(EventTicker.Parse(c.EventTicker), e.Events[c.EventTicker].SeriesTicker, c.At, new FeeOverride(c.FeeTypeOverride, c.FeeMultiplierOverride)))
            .ToList()));

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<MarketInfo>>(exchange.Read(e => e.Markets.Values
            .Where(m => (query.SeriesTicker is null || m.Series.Ticker == query.SeriesTicker)
                && (query.Event is null || m.Spec.EventTicker == query.Event.Value.Value)
                && (query.Status != "open" || m.Status == MarketStatus.Active))
            .Select(m => ToMarket(e, m)).ToList()));

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<EventInfo>>(exchange.Read(e => e.Events.Values
            .Where(ev => ev.SeriesTicker == seriesTicker)
            .Select(ev => new EventInfo(EventTicker.Parse(ev.Ticker), ev.SeriesTicker, ev.Title, ev.GameStart,
                e.Markets.Values.Where(m => m.Spec.EventTicker == ev.Ticker).Select(m => ToMarket(e, m)).ToList(),
                ev.IsMutuallyExclusive, OverrideOf(e.EventFeeOverrideAt(ev.Ticker, e.Clock.GetUtcNow())), ev.SubTitle, ev.Competition))
            .ToList()));

    public Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) =>
        exchange.Read(e => e.Markets.TryGetValue(ticker.Value, out var m)
            ? Ok(BookOf(e, m))
            : Fail<OrderBook>(ExchangeErrorKind.NotFound, $"no market {ticker}"));

    public Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<OrderBook>>(exchange.Read(e => tickers.Where(t => e.Markets.ContainsKey(t.Value)).Select(t => BookOf(e, e.Markets[t.Value])).ToList()));

    public Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) =>
        Ok(exchange.Read(e => BalanceOf(e.Accounts[memberId])));

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<PositionInfo>>(exchange.Read(e => e.Accounts[memberId].Positions.Values
            .Where(p => p.SignedHundredths != 0)
            .Select(p => new PositionInfo(MarketTicker.Parse(p.Ticker), p.Side!.Value, p.Held, p.Cost, p.RealizedPnl, p.FeesPaid))
            .ToList()));

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<FillInfo>>(exchange.Read(e => e.Accounts[memberId].Fills
            .Where(f => since is null || f.Created >= since)
            .Select(f => new FillInfo(f.FillId, f.OrderId, MarketTicker.Parse(f.Ticker), f.Side.ToOutcomeSide(), f.YesPrice, f.Count, f.Fee, f.IsTaker, f.Created))
            .ToList()));

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<SettlementInfo>>(exchange.Read(e => e.Accounts[memberId].Settlements
            .Where(s => since is null || s.SettledAt >= since)
            .Select(s => new SettlementInfo(MarketTicker.Parse(s.Ticker), EventTicker.Parse(s.EventTicker), s.Result, s.YesCount, s.NoCount, s.YesCost, s.NoCost, s.Revenue, Money.Zero, s.SettledAt))
            .ToList()));

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Ok<IReadOnlyList<OrderInfo>>(exchange.Read(e => e.Accounts[memberId].Orders.Where(o => since is null || o.Created >= since).Select(ToOrder).ToList()));

    public Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        exchange.Read(e => e.Accounts[memberId].Orders.FirstOrDefault(o => o.Id == orderId) is { } order
            ? Ok(ToOrder(order))
            : Fail<OrderInfo>(ExchangeErrorKind.NotFound, $"order {orderId} not found"));

    public Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        var result = exchange.Submit(memberId, new OrderSubmission(order.Ticker.Value, order.Side, order.YesPrice, order.Count, order.TimeInForce,
            order.ClientOrderId.Value, order.PostOnly, order.ReduceOnly, SelfTradePrevention.TakerAtCross, CancelOnPause: true, Expiration: order.Expiration));
        return result.Success
            ? Ok(new OrderAck(result.Value!.Order.Id, order.ClientOrderId, result.Value.Order.Filled, result.Value.Order.Remaining))
            : Task.FromResult(ExchangeResult<OrderAck>.Fail(ToError(result.Rejection!)));
    }

    public Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken)
    {
        var result = exchange.Amend(memberId, amend.OrderId, amend.YesPrice, amend.TotalCount, null);
        return result.Success ? Ok(new AmendAck(amend.OrderId)) : Task.FromResult(ExchangeResult<AmendAck>.Fail(ToError(result.Rejection!)));
    }

    public Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken)
    {
        var before = exchange.Read(e => e.Accounts[memberId].Orders.FirstOrDefault(o => o.Id == orderId)?.Remaining ?? Contracts.Zero);
        var result = exchange.Cancel(memberId, orderId);
        return result.Success ? Ok(new CancelAck(orderId, before)) : Task.FromResult(ExchangeResult<CancelAck>.Fail(ToError(result.Rejection!)));
    }

    /// <summary>A market as the venue lists it (a caller holding the engine's read lock may list a chosen few).</summary>
    public static MarketInfo ToMarket(SimExchange e, SimMarket m) =>
        new(MarketTicker.Parse(m.Ticker), EventTicker.Parse(m.Spec.EventTicker), m.Status, m.Spec.OpenTime, m.CloseTime, m.Spec.YesSubTitle, BookOf(e, m).Top, m.Ticks, m.Result,
            m.ExchangeIndex,
            e.FeeWaiverOf(m.Ticker),
            m.Spec.Strike);

    /// <summary>What can be committed, in total and on each shard (cash less the collateral of resting orders).</summary>
    internal static AccountBalance BalanceOf(SimAccount account) =>
        new(account.Available, account.Shards.ToDictionary(shard => shard, account.AvailableOn));

    private static FeeOverride OverrideOf((FeeType? Type, decimal? Multiplier) set) => new(set.Type, set.Multiplier);

    /// <summary>Kalshi's view of a book: bids per side. A YES ask at p rests as a NO bid at 1 − p.</summary>
    private static OrderBook BookOf(SimExchange e, SimMarket m) =>
        new(MarketTicker.Parse(m.Ticker),
            m.Book.Levels(BookSide.Bid).Select(l => new BookLevel(l.Price, l.Size)).ToList(),
            m.Book.Levels(BookSide.Ask).Select(l => new BookLevel(l.Price.Complement, l.Size)).ToList(),
            e.Clock.GetUtcNow());

    private static OrderInfo ToOrder(SimOrder o) =>
        new(o.Id, ClientOrderId.TryParse(o.ClientOrderId, out var id) ? id : null, MarketTicker.Parse(o.Ticker), o.Side, o.YesPrice,
            o.Initial, o.Filled, o.Remaining, o.Status, o.TakerFees + o.MakerFees, o.Created);

    private static ExchangeError ToError(SimRejection rejection) => new(rejection.HttpStatus switch
    {
        401 or 403 => ExchangeErrorKind.Auth,
        404 => ExchangeErrorKind.NotFound,
        409 => ExchangeErrorKind.Conflict,
        429 => ExchangeErrorKind.RateLimited,
        >= 500 => ExchangeErrorKind.Server,
        _ => ExchangeErrorKind.Validation,
    }, rejection.Message, rejection.Code, rejection.HttpStatus);

    private static Task<ExchangeResult<T>> Ok<T>(T value) => Task.FromResult(ExchangeResult<T>.Ok(value));

    private static Task<ExchangeResult<T>> Fail<T>(ExchangeErrorKind kind, string message) => Task.FromResult(ExchangeResult<T>.Fail(new ExchangeError(kind, message)));
}
