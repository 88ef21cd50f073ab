using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Http.Mapping;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>The signed member's ledger: balance, positions, fills, settlements, orders; and its rate-limit tier.</summary>
internal static class PortfolioEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimApi api)
    {
        group.MapGet("portfolio/balance", Handler(http => Balance(api, http))).MemberRead();
        group.MapGet("portfolio/positions", Handler(http => Positions(api, http))).MemberRead();
        group.MapGet("portfolio/fills", Handler(http => Fills(api, http))).MemberRead();
        group.MapGet("portfolio/settlements", Handler(http => Settlements(api, http))).MemberRead();
        group.MapGet("portfolio/orders", Handler(http => Orders(api, http))).MemberRead();
        group.MapGet("portfolio/orders/{order_id}", Handler(http => Order(api, http))).MemberRead();
        group.MapGet("account/limits", Handler(Limits)).MemberRead();
    }

    /// <summary>
    /// <c>balance</c> is what the subaccount (the primary unless named) can commit: cash less the collateral of
    /// resting orders, on every shard or on the one <c>exchange_index</c> names; <c>balance_breakdown</c> gives each
    /// shard's. The portfolio value marks each holding at the best bid it could sell into, else its last trade, else
    /// its cost.
    /// </summary>
    private static IResult Balance(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var query = new QueryReader(http.Request.Query);
        var subaccount = query.Subaccount();
        var shard = query.ExchangeIndex();
        var body = api.Exchange.Read(x =>
        {
            var account = Scope(x, member, subaccount, allByDefault: false).SingleOrDefault();
            var available = account is null ? Money.Zero : shard is { } only ? account.AvailableOn(only) : account.Available;
            var value = account is null ? Money.Zero : account.Positions.Values
                .Where(p => p.Side is not null && (shard is null || x.Markets[p.Ticker].ExchangeIndex == shard))
                .Aggregate(Money.Zero, (sum, p) => sum + MarkOf(x.Markets[p.Ticker], p));
            return new BalanceResponseWire
            {
                Balance = WireFormat.Cents(available),
                BalanceDollars = WireFormat.Dollars(available),
                PortfolioValue = WireFormat.Cents(value),
                UpdatedTs = x.Clock.GetUtcNow().ToUnixTimeSeconds(),
                BalanceBreakdown = ExchangeShards.All.Union(account?.Shards ?? []).Order()
                    .Select(i => new IndexedBalanceWire(i, WireFormat.Dollars(account?.AvailableOn(i) ?? Money.Zero)))
                    .ToList(),
            };
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.BalanceResponseWire);
    }

    /// <summary>
    /// The caller's subaccounts a read covers: the one named; else every one for the lists Kalshi defaults to all
    /// subaccounts (fills, settlements, orders), the primary for the others (balance, positions).
    /// </summary>
    private static IReadOnlyList<SimAccount> Scope(SimExchange x, string member, int? subaccount, bool allByDefault) =>
        subaccount is null && allByDefault
            ? x.Accounts.Values.Where(a => a.Owner == member).OrderBy(a => a.Subaccount).ToList()
            : x.Accounts.TryGetValue(SimAccount.IdOf(member, subaccount ?? 0), out var account) ? [account] : [];

    /// <summary>One history across subaccounts, oldest first as each account keeps its own (pages are served newest first).</summary>
    private static IReadOnlyList<T> History<T>(IReadOnlyList<SimAccount> accounts, Func<SimAccount, IEnumerable<T>> rows, Func<T, DateTimeOffset> at) =>
        accounts.Count == 1 ? rows(accounts[0]).ToList() : accounts.SelectMany(rows).OrderBy(at).ToList();

    private static IResult Positions(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000);
        var cursor = query.Text("cursor");
        var ticker = query.Text("ticker");
        var eventTicker = query.Text("event_ticker");
        var countFilter = query.List("count_filter");
        if (countFilter.Any(f => f is not ("position" or "total_traded")))
            throw ApiProblem.Invalid("count_filter takes position and/or total_traded");
        var subaccount = query.Subaccount();
        var shard = query.ExchangeIndex();

        var body = api.Exchange.Read(x =>
        {
            // A subaccount never opened holds nothing.
            var account = Scope(x, member, subaccount, allByDefault: false).SingleOrDefault();
            var page = Paging.ByKey(
                (account?.PositionsByTicker.Values ?? Enumerable.Empty<SimPosition>()).Where(p => (shard is null || x.Markets[p.Ticker].ExchangeIndex == shard)
                    && (ticker is null || p.Ticker == ticker)
                    && (eventTicker is null || x.Markets[p.Ticker].Spec.EventTicker == eventTicker)
                    && Counts(p, countFilter)),
                p => p.Ticker,
                cursor,
                limit);
            var traded = account is null ? new Dictionary<string, Contracts>() : TradedByEvent(x, account);
            var events = page.Items
                .GroupBy(p => x.Markets[p.Ticker].Spec.EventTicker, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => PortfolioMapper.EventPosition(g.Key, g.ToList(), traded.GetValueOrDefault(g.Key)))
                .ToList();
            return new PositionsResponseWire
            {
                Cursor = page.Cursor,
                MarketPositions = page.Items.Select(p => PortfolioMapper.Position(p, x.Markets[p.Ticker].ExchangeIndex)).ToList(),
                EventPositions = events,
            };
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.PositionsResponseWire);
    }

    private static IResult Fills(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000);
        var cursor = query.Text("cursor");
        var ticker = query.Text("ticker");
        var orderId = query.Text("order_id");
        var minTs = query.UnixSeconds("min_ts");
        var maxTs = query.UnixSeconds("max_ts");
        var subaccount = query.Subaccount();
        var shard = query.ExchangeIndex();
        var body = api.Exchange.Read(x =>
        {
            var page = Paging.NewestFirst(
                History(Scope(x, member, subaccount, allByDefault: true), a => a.Fills, f => f.Created),
                f => (shard is null || f.ExchangeIndex == shard) && (ticker is null || f.Ticker == ticker) && (orderId is null || f.OrderId == orderId)
                    && (minTs is null || f.Created > minTs) && (maxTs is null || f.Created < maxTs),
                cursor,
                limit);
            return new FillsResponseWire(page.Items.Select(PortfolioMapper.Fill).ToList(), page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.FillsResponseWire);
    }

    private static IResult Settlements(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000);
        var cursor = query.Text("cursor");
        var ticker = query.Text("ticker");
        var eventTicker = query.Text("event_ticker");
        var minTs = query.UnixSeconds("min_ts");
        var maxTs = query.UnixSeconds("max_ts");
        var subaccount = query.Subaccount();
        var body = api.Exchange.Read(x =>
        {
            // Each settlement with the fees its own subaccount paid in that market.
            var page = Paging.NewestFirst(
                History(Scope(x, member, subaccount, allByDefault: true),
                    a => a.Settlements.Select(s => (Row: s, Fees: a.Positions.TryGetValue(s.Ticker, out var p) ? p.FeesPaid : Money.Zero)),
                    s => s.Row.SettledAt),
                s => (ticker is null || s.Row.Ticker == ticker) && (eventTicker is null || s.Row.EventTicker == eventTicker)
                    && (minTs is null || s.Row.SettledAt > minTs) && (maxTs is null || s.Row.SettledAt < maxTs),
                cursor,
                limit);
            var settlements = page.Items.Select(s => PortfolioMapper.Settlement(s.Row, s.Fees)).ToList();
            return new SettlementsResponseWire(settlements, page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.SettlementsResponseWire);
    }

    private static IResult Orders(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000);
        var cursor = query.Text("cursor");
        var ticker = query.Text("ticker");
        var events = query.List("event_ticker");
        if (events.Count > 10)
            throw ApiProblem.Invalid("event_ticker takes at most 10 event tickers");
        var minTs = query.UnixSeconds("min_ts");
        var maxTs = query.UnixSeconds("max_ts");
        OrderStatus? status = query.Text("status") switch
        {
            null => null,
            "resting" => OrderStatus.Resting,
            "canceled" => OrderStatus.Canceled,
            "executed" => OrderStatus.Executed,
            _ => throw ApiProblem.Invalid("status must be resting, canceled or executed"),
        };
        var subaccount = query.Subaccount();
        var shard = query.ExchangeIndex();
        var body = api.Exchange.Read(x =>
        {
            var page = Paging.NewestFirst(
                History(Scope(x, member, subaccount, allByDefault: true), a => a.Orders, o => o.Created),
                o => (shard is null || o.ExchangeIndex == shard) && (ticker is null || o.Ticker == ticker) && (status is null || o.Status == status)
                    && (events.Count == 0 || events.Contains(x.Markets[o.Ticker].Spec.EventTicker))
                    && (minTs is null || o.Created > minTs) && (maxTs is null || o.Created < maxTs),
                cursor,
                limit);
            return new OrdersResponseWire(page.Items.Select(PortfolioMapper.Order).ToList(), page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.OrdersResponseWire);
    }

    /// <summary>By id, in any of the caller's subaccounts: get-order.md takes no subaccount.</summary>
    private static IResult Order(SimApi api, HttpContext http)
    {
        var member = SimApi.Caller(http).MemberId;
        var orderId = (string)http.Request.RouteValues["order_id"]!;
        var order = api.Exchange.Read(x => Scope(x, member, null, allByDefault: true).SelectMany(a => a.Orders).FirstOrDefault(o => o.Id == orderId) is { } o
                ? PortfolioMapper.Order(o)
                : null)
            ?? throw ApiProblem.NotFound($"order {orderId} not found");
        return ApiResults.Ok(new OrderResponseWire(order), KalshiJsonContext.Default.OrderResponseWire);
    }

    private static IResult Limits(HttpContext http)
    {
        var tier = SimApi.Caller(http).Tier;
        var read = tier.LimitOf(RateBucket.Read);
        var write = tier.LimitOf(RateBucket.Write);
        IReadOnlyList<UsageGrantWire> grants = tier == RateTier.Basic ? [] : [new UsageGrantWire("event_contract", tier.WireName(), "manual")];
        var body = new AccountLimitsResponseWire(tier.WireName(), new BucketLimitWire(read.RefillRate, read.Capacity), new BucketLimitWire(write.RefillRate, write.Capacity), grants);
        return ApiResults.Ok(body, KalshiJsonContext.Default.AccountLimitsResponseWire);
    }

    /// <summary>Positions the member actually has or had; count_filter narrows to non-zero position and/or traded value.</summary>
    private static bool Counts(SimPosition position, IReadOnlyList<string> countFilter)
    {
        var held = position.SignedHundredths != 0;
        var traded = position.TotalTraded != Money.Zero;
        return countFilter.Count == 0 ? held || traded : (countFilter.Contains("position") && held) || (countFilter.Contains("total_traded") && traded);
    }

    private static Dictionary<string, Contracts> TradedByEvent(SimExchange x, SimAccount account)
    {
        var traded = new Dictionary<string, Contracts>(StringComparer.Ordinal);
        foreach (var fill in account.Fills)
        {
            var eventTicker = x.Markets[fill.Ticker].Spec.EventTicker;
            traded[eventTicker] = traded.GetValueOrDefault(eventTicker) + fill.Count;
        }

        return traded;
    }

    private static Money MarkOf(SimMarket market, SimPosition position)
    {
        var side = position.Side!.Value;
        var bestBid = side == OutcomeSide.Yes
            ? market.Book.Levels(BookSide.Bid).Select(l => (Price?)l.Price).FirstOrDefault()
            : market.Book.Levels(BookSide.Ask).Select(l => (Price?)l.Price.Complement).FirstOrDefault();
        var mark = bestBid ?? (market.LastPrice is { } last ? side.PriceOf(last) : (Price?)null);
        return mark is { } price ? position.Held * price : position.Cost;
    }
}
