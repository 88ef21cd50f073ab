using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Simulator.Http.Mapping;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>Public market data: markets, books and trades.</summary>
internal static class MarketEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimApi api)
    {
        group.MapGet("markets", Handler(http => Markets(api, http))).Public();
        group.MapGet("markets/trades", Handler(http => Trades(api, http))).Public();
        group.MapGet("markets/orderbooks", Handler(http => Orderbooks(api, http))).Public();
        group.MapGet("markets/{ticker}", Handler(http => Market(api, http))).Public();
        group.MapGet("markets/{ticker}/orderbook", Handler(http => Orderbook(api, http))).Public();
    }

    private static IResult Markets(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000, zeroMeansDefault: true);
        var cursor = query.Text("cursor");
        var filters = MarketFilters.Read(query);
        var body = api.Exchange.Read(x =>
        {
            var mapper = new MarketMapper(x);
            var page = Paging.ByKey(x.Markets.Values.Where(filters.Matches), m => m.Ticker, cursor, limit);
            return new MarketsResponseWire(page.Items.Select(mapper.Map).ToList(), page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.MarketsResponseWire);
    }

    private static IResult Market(SimApi api, HttpContext http)
    {
        var ticker = (string)http.Request.RouteValues["ticker"]!;
        var market = api.Exchange.Read(x => x.Markets.TryGetValue(ticker, out var m) ? new MarketMapper(x).Map(m) : null)
            ?? throw ApiProblem.NotFound($"market {ticker} not found");
        return ApiResults.Ok(new MarketResponseWire(market), KalshiJsonContext.Default.MarketResponseWire);
    }

    private static IResult Orderbook(SimApi api, HttpContext http)
    {
        var ticker = (string)http.Request.RouteValues["ticker"]!;

        // "0 or negative means all levels, 1-100 for specific depth".
        var depth = (int)(new QueryReader(http.Request.Query).Long("depth", long.MinValue, 100) ?? 0);
        var book = api.Exchange.Read(x => x.Markets.TryGetValue(ticker, out var m) ? MarketMapper.Orderbook(m, depth) : null)
            ?? throw ApiProblem.NotFound($"market {ticker} not found");
        return ApiResults.Ok(new OrderbookResponseWire(book), KalshiJsonContext.Default.OrderbookResponseWire);
    }

    private static IResult Orderbooks(SimApi api, HttpContext http)
    {
        var tickers = new QueryReader(http.Request.Query).List("tickers");
        if (tickers.Count == 0)
            throw ApiProblem.Missing("tickers");
        if (tickers.Count > 100 || tickers.Any(t => t.Length > 200))
            throw ApiProblem.Invalid("tickers takes 1 to 100 tickers of at most 200 characters");
        var books = api.Exchange.Read(x => tickers.Distinct(StringComparer.Ordinal)
            .Select(t => x.Markets.TryGetValue(t, out var m)
                ? new MarketOrderbookWire(t, MarketMapper.Orderbook(m, 0))
                : throw ApiProblem.Invalid($"market {t} not found"))
            .ToList());
        return ApiResults.Ok(new OrderbooksResponseWire(books), KalshiJsonContext.Default.OrderbooksResponseWire);
    }

    private static IResult Trades(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000, zeroMeansDefault: true);
        var cursor = query.Text("cursor");
        var ticker = query.Text("ticker");
        var minTs = query.UnixSeconds("min_ts");
        var maxTs = query.UnixSeconds("max_ts");

        // No block trades happen in the simulator.
        var blockOnly = query.Bool("is_block_trade") ?? false;
        var body = api.Exchange.Read(x =>
        {
            var page = Paging.NewestFirst(
                x.Trades,
                t => !blockOnly && (ticker is null || t.Ticker == ticker) && (minTs is null || t.Created > minTs) && (maxTs is null || t.Created < maxTs),
                cursor,
                limit);
            return new TradesResponseWire(page.Items.Select(MarketMapper.Trade).ToList(), page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.TradesResponseWire);
    }
}
