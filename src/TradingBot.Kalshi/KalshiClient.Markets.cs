using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi;

/// <summary>Filters of <c>GET /markets</c>; unset ones are not sent. Timestamps are Unix seconds.</summary>
public sealed record GetMarketsRequest
{
    /// <summary>1 to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    public string? EventTicker { get; init; }

    public string? SeriesTicker { get; init; }

    public long? MinCreatedTs { get; init; }

    public long? MaxCreatedTs { get; init; }

    public long? MinUpdatedTs { get; init; }

    public long? MaxCloseTs { get; init; }

    public long? MinCloseTs { get; init; }

    public long? MinSettledTs { get; init; }

    public long? MaxSettledTs { get; init; }

    /// <summary><c>unopened</c>, <c>open</c>, <c>paused</c>, <c>closed</c> or <c>settled</c>.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string>? Tickers { get; init; }

    /// <summary><c>only</c> or <c>exclude</c> multivariate (combo) markets.</summary>
    public string? MveFilter { get; init; }

    internal Query ToQuery() => new Query()
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("event_ticker", EventTicker)
        .Add("series_ticker", SeriesTicker)
        .Add("min_created_ts", MinCreatedTs)
        .Add("max_created_ts", MaxCreatedTs)
        .Add("min_updated_ts", MinUpdatedTs)
        .Add("max_close_ts", MaxCloseTs)
        .Add("min_close_ts", MinCloseTs)
        .Add("min_settled_ts", MinSettledTs)
        .Add("max_settled_ts", MaxSettledTs)
        .Add("status", Status)
        .Add("tickers", Tickers is null ? null : string.Join(',', Tickers))
        .Add("mve_filter", MveFilter);
}

public sealed partial class KalshiClient
{
    public Task<ExchangeResult<ExchangeStatusWire>> GetExchangeStatusAsync(CancellationToken cancellationToken) =>
        transport.GetAsync("exchange/status", Query.Empty, KalshiJson.Default.ExchangeStatusWire, cancellationToken);

    public Task<ExchangeResult<GetExchangeScheduleReply>> GetExchangeScheduleAsync(CancellationToken cancellationToken) =>
        transport.GetAsync("exchange/schedule", Query.Empty, KalshiJson.Default.GetExchangeScheduleReply, cancellationToken);

    public Task<ExchangeResult<GetSeriesReply>> GetSeriesAsync(string seriesTicker, CancellationToken cancellationToken) =>
        transport.GetAsync($"series/{Segment(seriesTicker)}", Query.Empty, KalshiJson.Default.GetSeriesReply, cancellationToken);

    public Task<ExchangeResult<GetMarketsReply>> GetMarketsAsync(GetMarketsRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("markets", request.ToQuery(), KalshiJson.Default.GetMarketsReply, cancellationToken);

    public Task<ExchangeResult<GetMarketReply>> GetMarketAsync(string ticker, CancellationToken cancellationToken) =>
        transport.GetAsync($"markets/{Segment(ticker)}", Query.Empty, KalshiJson.Default.GetMarketReply, cancellationToken);

    /// <param name="depth">Levels per side; null or 0 for all.</param>
    public Task<ExchangeResult<GetOrderBookReply>> GetOrderBookAsync(string ticker, int? depth, CancellationToken cancellationToken) =>
        transport.GetAsync($"markets/{Segment(ticker)}/orderbook", new Query().Add("depth", depth), KalshiJson.Default.GetOrderBookReply, cancellationToken);

    /// <summary>Up to 100 books in one request.</summary>
    public Task<ExchangeResult<GetOrderBooksReply>> GetOrderBooksAsync(IReadOnlyList<string> tickers, CancellationToken cancellationToken) =>
        transport.GetAsync("markets/orderbooks", new Query().AddEach("tickers", tickers), KalshiJson.Default.GetOrderBooksReply, cancellationToken);
}
