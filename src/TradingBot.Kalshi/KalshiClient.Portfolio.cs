using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi;

/// <summary>
/// Filters of <c>GET /portfolio/balance</c>; unset ones are not sent. A record, not two arguments, because both are
/// small integers and swapping them would silently read another account or shard.
/// </summary>
public sealed record GetBalanceRequest
{
    /// <summary>0 for the primary account, 1 to 63 for subaccounts; unset reads the primary account's aggregate balance.</summary>
    public int? Subaccount { get; init; }

    /// <summary>Unset covers every exchange shard.</summary>
    public int? ExchangeIndex { get; init; }

    internal Query ToQuery() => new Query()
        .Add("subaccount", Subaccount)
        .Add("exchange_index", ExchangeIndex);
}

/// <summary>Filters of <c>GET /portfolio/positions</c>; unset ones are not sent.</summary>
public sealed record GetPositionsRequest
{
    /// <summary>1 to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    /// <summary>Keep only positions where one of these is non-zero: <c>position</c>, <c>total_traded</c>.</summary>
    public IReadOnlyList<string>? CountFilter { get; init; }

    public string? Ticker { get; init; }

    /// <summary>One event only: Kalshi does not accept a list here.</summary>
    public string? EventTicker { get; init; }

    /// <summary>0 for the primary account (Kalshi's default here), 1 to 63 for subaccounts.</summary>
    public int? Subaccount { get; init; }

    /// <summary>Unset covers every exchange shard.</summary>
    public int? ExchangeIndex { get; init; }

    internal Query ToQuery() => new Query()
        .Add("cursor", Cursor)
        .Add("limit", Limit)
        .Add("count_filter", CountFilter is null ? null : string.Join(',', CountFilter))
        .Add("ticker", Ticker)
        .Add("event_ticker", EventTicker)
        .Add("subaccount", Subaccount)
        .Add("exchange_index", ExchangeIndex);
}

/// <summary>Filters of <c>GET /portfolio/fills</c>; unset ones are not sent. Timestamps are Unix seconds.</summary>
public sealed record GetFillsRequest
{
    /// <summary>1 to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    public string? Ticker { get; init; }

    public string? OrderId { get; init; }

    public long? MinTs { get; init; }

    public long? MaxTs { get; init; }

    /// <summary>0 for the primary account, 1 to 63 for subaccounts; unset covers all of them.</summary>
    public int? Subaccount { get; init; }

    /// <summary>Unset covers every exchange shard.</summary>
    public int? ExchangeIndex { get; init; }

    internal Query ToQuery() => new Query()
        .Add("ticker", Ticker)
        .Add("order_id", OrderId)
        .Add("min_ts", MinTs)
        .Add("max_ts", MaxTs)
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("subaccount", Subaccount)
        .Add("exchange_index", ExchangeIndex);
}

/// <summary>
/// Filters of <c>GET /portfolio/settlements</c>; unset ones are not sent. Timestamps are Unix seconds. Unlike the
/// other portfolio lists it takes no <c>exchange_index</c>: settlements of every shard come back together.
/// </summary>
public sealed record GetSettlementsRequest
{
    /// <summary>1 to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    public string? Ticker { get; init; }

    /// <summary>One event only: Kalshi does not accept a list here.</summary>
    public string? EventTicker { get; init; }

    public long? MinTs { get; init; }

    public long? MaxTs { get; init; }

    /// <summary>0 for the primary account, 1 to 63 for subaccounts; unset covers all of them.</summary>
    public int? Subaccount { get; init; }

    internal Query ToQuery() => new Query()
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("ticker", Ticker)
        .Add("event_ticker", EventTicker)
        .Add("min_ts", MinTs)
        .Add("max_ts", MaxTs)
        .Add("subaccount", Subaccount);
}

/// <summary>
/// Filters of <c>GET /portfolio/orders</c>; unset ones are not sent. Timestamps are Unix seconds. Orders canceled or
/// executed before Kalshi's historical cutoff are not listed here (resting ones always are).
/// </summary>
public sealed record GetOrdersRequest
{
    /// <summary>1 to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    public string? Ticker { get; init; }

    /// <summary>At most 10, sent as one comma-separated <c>event_ticker</c>.</summary>
    public IReadOnlyList<string>? EventTickers { get; init; }

    public long? MinTs { get; init; }

    public long? MaxTs { get; init; }

    /// <summary><c>resting</c>, <c>canceled</c> or <c>executed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>0 for the primary account, 1 to 63 for subaccounts; unset covers all of them.</summary>
    public int? Subaccount { get; init; }

    /// <summary>Unset covers every exchange shard.</summary>
    public int? ExchangeIndex { get; init; }

    internal Query ToQuery() => new Query()
        .Add("ticker", Ticker)
        .Add("event_ticker", EventTickers is null ? null : string.Join(',', EventTickers))
        .Add("min_ts", MinTs)
        .Add("max_ts", MaxTs)
        .Add("status", Status)
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("subaccount", Subaccount)
        .Add("exchange_index", ExchangeIndex);
}

public sealed partial class KalshiClient
{
    public Task<ExchangeResult<GetBalanceReply>> GetBalanceAsync(GetBalanceRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("portfolio/balance", request.ToQuery(), KalshiJson.Default.GetBalanceReply, cancellationToken);

    public Task<ExchangeResult<GetPositionsReply>> GetPositionsAsync(GetPositionsRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("portfolio/positions", request.ToQuery(), KalshiJson.Default.GetPositionsReply, cancellationToken);

    /// <summary>Fills older than Kalshi's historical cutoff are only in <c>GET /historical/fills</c>.</summary>
    public Task<ExchangeResult<GetFillsReply>> GetFillsAsync(GetFillsRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("portfolio/fills", request.ToQuery(), KalshiJson.Default.GetFillsReply, cancellationToken);

    public Task<ExchangeResult<GetSettlementsReply>> GetSettlementsAsync(GetSettlementsRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("portfolio/settlements", request.ToQuery(), KalshiJson.Default.GetSettlementsReply, cancellationToken);

    public Task<ExchangeResult<GetOrdersReply>> GetOrdersAsync(GetOrdersRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("portfolio/orders", request.ToQuery(), KalshiJson.Default.GetOrdersReply, cancellationToken);

    public Task<ExchangeResult<GetOrderReply>> GetOrderAsync(string orderId, CancellationToken cancellationToken) =>
        transport.GetAsync($"portfolio/orders/{Segment(orderId)}", Query.Empty, KalshiJson.Default.GetOrderReply, cancellationToken);
}
