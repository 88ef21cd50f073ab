using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Adapter;

/// <summary>
/// Core's <see cref="IExchange"/> over the Kalshi client: wire records become Core types here and only here, lists
/// are read across all their pages, and any value that breaks the contract makes the whole call an
/// <see cref="ExchangeErrorKind.Unreadable"/> error rather than a partial or bogus answer. Every portfolio read and
/// order write names <paramref name="subaccount"/>: left out, Kalshi's lists cover every subaccount.
/// </summary>
/// <param name="subaccount">0 for the primary account, 1 to 63 for a numbered one (<see cref="KalshiOptions.Subaccount"/>).</param>
public sealed partial class KalshiExchange(KalshiClient client, TimeProvider time, int subaccount = 0) : IExchange
{
    /// <summary>A runaway cursor (the venue repeating itself) is cut off here rather than looping for ever.</summary>
    public const int MaxPages = 500;

    public async Task<ExchangeResult<ExchangeStatus>> GetExchangeStatusAsync(CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetExchangeStatusAsync(cancellationToken).ConfigureAwait(false), MarketMapping.ToStatus);

    public async Task<ExchangeResult<IReadOnlyList<MaintenanceWindow>>> GetMaintenanceWindowsAsync(CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetExchangeScheduleAsync(cancellationToken).ConfigureAwait(false),
            reply => (IReadOnlyList<MaintenanceWindow>)reply.Schedule.MaintenanceWindows.Select(w => new MaintenanceWindow(w.StartDatetime, w.EndDatetime)).ToList());

    public async Task<ExchangeResult<SeriesInfo>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetSeriesAsync(seriesTicker, cancellationToken).ConfigureAwait(false), reply => MarketMapping.ToSeries(reply.Series));

    /// <summary>Upcoming changes only (Kalshi's default): one already made is in the series' own fee fields.</summary>
    public async Task<ExchangeResult<IReadOnlyList<SeriesFeeChange>>> GetSeriesFeeChangesAsync(string seriesTicker, CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetSeriesFeeChangesAsync(new GetSeriesFeeChangesRequest { SeriesTicker = seriesTicker }, cancellationToken).ConfigureAwait(false),
            reply => (IReadOnlyList<SeriesFeeChange>)reply.SeriesFeeChangeArr.Select(MarketMapping.ToFeeChange).ToList());

    public Task<ExchangeResult<IReadOnlyList<EventFeeChange>>> GetEventFeeChangesAsync(CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetEventFeeChangesAsync(new GetEventFeeChangesRequest { Cursor = cursor }, cancellationToken),
            reply => reply.EventFeeChanges.Select(MarketMapping.ToFeeChange),
            reply => reply.Cursor);

    public Task<ExchangeResult<IReadOnlyList<MarketInfo>>> GetMarketsAsync(MarketQuery query, CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetMarketsAsync(new GetMarketsRequest
            {
                Cursor = cursor,
                SeriesTicker = query.SeriesTicker,
                EventTicker = query.Event?.Value,
                Status = query.Status,
            }, cancellationToken),
            reply => reply.Markets.Select(m => MarketMapping.ToMarket(m, time.GetUtcNow())),
            reply => reply.Cursor);

    public Task<ExchangeResult<IReadOnlyList<EventInfo>>> GetEventsAsync(string seriesTicker, CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetEventsAsync(new GetEventsRequest
            {
                Cursor = cursor,
                SeriesTicker = seriesTicker,
                Status = "open",
                // Markets are listed on their own, 1000 to a page; events are read for their milestones (game starts).
                WithMilestones = true,
            }, cancellationToken),
            reply => reply.Events.Select(e => ToEvent(e, reply.Milestones)),
            reply => reply.Cursor);

    public async Task<ExchangeResult<OrderBook>> GetOrderBookAsync(MarketTicker ticker, CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetOrderBookAsync(ticker.Value, null, cancellationToken).ConfigureAwait(false),
            reply => MarketMapping.ToOrderBook(ticker.Value, reply.OrderbookFp, time.GetUtcNow(), client.Logger));

    /// <summary>Up to 100 books a request (GET /markets/orderbooks); every book of a request is stamped with its reply's time.</summary>
    public async Task<ExchangeResult<IReadOnlyList<OrderBook>>> GetOrderBooksAsync(IReadOnlyList<MarketTicker> tickers, CancellationToken cancellationToken)
    {
        var books = new List<OrderBook>();
        foreach (var chunk in tickers.Chunk(100))
        {
            var reply = await client.GetOrderBooksAsync(chunk.Select(t => t.Value).ToList(), cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var mapped = WireReader.Map(reply, r => r.Orderbooks.Select(b => MarketMapping.ToOrderBook(b.Ticker, b.OrderbookFp, now, client.Logger)).ToList());
            if (!mapped.Success)
                return mapped.Error;
            books.AddRange(mapped.Value);
        }

        return ExchangeResult<IReadOnlyList<OrderBook>>.Ok(books);
    }

    public async Task<ExchangeResult<AccountBalance>> GetBalanceAsync(CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetBalanceAsync(new GetBalanceRequest { Subaccount = subaccount }, cancellationToken).ConfigureAwait(false), PortfolioMapping.ToBalance);

    public Task<ExchangeResult<IReadOnlyList<PositionInfo>>> GetPositionsAsync(CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetPositionsAsync(new GetPositionsRequest { Cursor = cursor, Subaccount = subaccount }, cancellationToken),
            reply => reply.MarketPositions.Select(PortfolioMapping.ToPosition).OfType<PositionInfo>(),
            reply => reply.Cursor);

    public Task<ExchangeResult<IReadOnlyList<FillInfo>>> GetFillsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetFillsAsync(new GetFillsRequest { Cursor = cursor, MinTs = since?.ToUnixTimeSeconds(), Subaccount = subaccount }, cancellationToken),
            reply => reply.Fills.Select(PortfolioMapping.ToFill),
            reply => reply.Cursor);

    public Task<ExchangeResult<IReadOnlyList<SettlementInfo>>> GetSettlementsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetSettlementsAsync(new GetSettlementsRequest { Cursor = cursor, MinTs = since?.ToUnixTimeSeconds(), Subaccount = subaccount }, cancellationToken),
            reply => reply.Settlements.Select(PortfolioMapping.ToSettlement),
            reply => reply.Cursor);

    public Task<ExchangeResult<IReadOnlyList<OrderInfo>>> GetOrdersAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        ReadAllAsync(
            cursor => client.GetOrdersAsync(new GetOrdersRequest { Cursor = cursor, MinTs = since?.ToUnixTimeSeconds(), Subaccount = subaccount }, cancellationToken),
            reply => reply.Orders.Select(PortfolioMapping.ToOrder),
            reply => reply.Cursor);

    /// <summary>
    /// GET /portfolio/orders/{order_id} takes no subaccount (get-order.md), so the reply's own
    /// <c>subaccount_number</c> is checked: another subaccount's order is never taken for the bot's.
    /// </summary>
    public async Task<ExchangeResult<OrderInfo>> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        WireReader.Map(await client.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false), reply =>
            reply.Order.SubaccountNumber is { } number && number != subaccount
                ? throw new WireContractException($"order {orderId} belongs to subaccount {number}, not the bot's {subaccount}")
                : PortfolioMapping.ToOrder(reply.Order));

    /// <summary>
    /// The game's start is its milestone's start date (Kalshi: a market's occurrence or expiration time is not the
    /// game's start). No milestone, no start: the risk gate then refuses entries rather than guess. The event's fee
    /// override goes with it: it beats the series' fees for every market of the event. So do its sub-title and its
    /// competition, which tell a preseason game from a real one in the same series.
    /// </summary>
    internal EventInfo ToEvent(EventWire wire, IReadOnlyList<MilestoneWire>? milestones)
    {
        var what = $"event {wire.EventTicker}";
        var start = milestones?
            .Where(m => m.RelatedEventTickers.Contains(wire.EventTicker, StringComparer.Ordinal))
            .Select(m => (DateTimeOffset?)m.StartDate)
            .Min();
        var now = time.GetUtcNow();
        return new EventInfo(
            WireReader.Event(wire.EventTicker, what),
            wire.SeriesTicker,
            wire.Title ?? "",
            start,
            (wire.Markets ?? []).Select(m => MarketMapping.ToMarket(m, now)).ToList(),
            wire.MutuallyExclusive ?? false,
            MarketMapping.ToOverride(wire.FeeTypeOverride, wire.FeeMultiplierOverride),
            wire.SubTitle ?? "",
            Competition(wire.ProductMetadata));
    }

    /// <summary>
    /// <c>product_metadata.competition</c> ("Pro Football Preseason"), read leniently: the metadata may be absent,
    /// null or hold other keys, and anything but a non-empty string there is "the event does not say" (null), which
    /// the strategy treats as a competition no forecast covers.
    /// </summary>
    internal static string? Competition(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } fields
        && fields.TryGetProperty("competition", out var competition)
        && competition.ValueKind == JsonValueKind.String
        && competition.GetString() is { Length: > 0 } name
            ? name
            : null;

    /// <summary>
    /// Follows the cursor to the last page (an empty or missing cursor). Any failed page fails the whole read: a
    /// reconciler must never act on half a list.
    /// </summary>
    private static async Task<ExchangeResult<IReadOnlyList<TItem>>> ReadAllAsync<TReply, TItem>(
        Func<string?, Task<ExchangeResult<TReply>>> fetch,
        Func<TReply, IEnumerable<TItem>> items,
        Func<TReply, string?> nextCursor)
    {
        var all = new List<TItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var reply = await fetch(cursor).ConfigureAwait(false);
            var mapped = WireReader.Map(reply, r => (Items: items(r).ToList(), Next: nextCursor(r)));
            if (!mapped.Success)
                return mapped.Error;
            all.AddRange(mapped.Value.Items);
            cursor = mapped.Value.Next;
            if (string.IsNullOrEmpty(cursor))
                return ExchangeResult<IReadOnlyList<TItem>>.Ok(all);
            if (!seen.Add(cursor))
                return new ExchangeError(ExchangeErrorKind.Unreadable, $"the venue returned cursor '{cursor}' twice; stopped after {page + 1} pages");
        }

        return new ExchangeError(ExchangeErrorKind.Unreadable, $"more than {MaxPages} pages; stopped");
    }
}
