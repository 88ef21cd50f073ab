using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi;

/// <summary>Filters of <c>GET /events</c>; unset ones are not sent. Timestamps are Unix seconds.</summary>
public sealed record GetEventsRequest
{
    /// <summary>1 to 200 per page; 200 is both Kalshi's default and its maximum, sent anyway so a change of default cannot shrink pages.</summary>
    public int Limit { get; init; } = 200;

    public string? Cursor { get; init; }

    /// <summary>True to get each event's markets inside it, saving a <c>GET /markets</c> per event.</summary>
    public bool? WithNestedMarkets { get; init; }

    /// <summary>True to get the events' milestones alongside them: the only source of game start times.</summary>
    public bool? WithMilestones { get; init; }

    /// <summary><c>unopened</c>, <c>open</c>, <c>closed</c> or <c>settled</c> (events have no <c>paused</c>, unlike markets).</summary>
    public string? Status { get; init; }

    public string? SeriesTicker { get; init; }

    /// <summary>Event tickers, sent as one comma-separated <c>tickers</c> parameter.</summary>
    public IReadOnlyList<string>? EventTickers { get; init; }

    /// <summary>Events with at least one market closing after this.</summary>
    public long? MinCloseTs { get; init; }

    /// <summary>Events whose metadata changed after this: cheap polling for changes.</summary>
    public long? MinUpdatedTs { get; init; }

    internal Query ToQuery() => new Query()
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("with_nested_markets", WithNestedMarkets)
        .Add("with_milestones", WithMilestones)
        .Add("status", Status)
        .Add("series_ticker", SeriesTicker)
        .Add("tickers", EventTickers is null ? null : string.Join(',', EventTickers))
        .Add("min_close_ts", MinCloseTs)
        .Add("min_updated_ts", MinUpdatedTs);
}

/// <summary>Filters of <c>GET /series/fee_changes</c>; unset ones are not sent.</summary>
public sealed record GetSeriesFeeChangesRequest
{
    public string? SeriesTicker { get; init; }

    /// <summary>True for every change, past and upcoming; Kalshi's default (false) lists only upcoming ones.</summary>
    public bool? ShowHistorical { get; init; }

    internal Query ToQuery() => new Query()
        .Add("series_ticker", SeriesTicker)
        .Add("show_historical", ShowHistorical);
}

/// <summary>Filters of <c>GET /events/fee_changes</c>; unset ones are not sent. There is no series filter: one event, or all.</summary>
public sealed record GetEventFeeChangesRequest
{
    /// <summary>1 to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    public string? EventTicker { get; init; }

    internal Query ToQuery() => new Query()
        .Add("event_ticker", EventTicker)
        .Add("limit", Limit)
        .Add("cursor", Cursor);
}

/// <summary>Filters of <c>GET /milestones</c>; unset ones are not sent.</summary>
public sealed record GetMilestonesRequest
{
    /// <summary>1 to 500 per page. Kalshi requires it (no default), so it is always sent.</summary>
    public int Limit { get; init; } = 500;

    public string? Cursor { get; init; }

    /// <summary>Sent as RFC 3339 UTC to the second; the lost fraction only widens the window, never drops a game.</summary>
    public DateTimeOffset? MinimumStartDate { get; init; }

    /// <summary>E.g. <c>Sports</c>.</summary>
    public string? Category { get; init; }

    /// <summary>E.g. <c>Pro Football</c>, <c>College Football</c>.</summary>
    public string? Competition { get; init; }

    public string? SourceId { get; init; }

    /// <summary>E.g. <c>football_game</c>.</summary>
    public string? Type { get; init; }

    public string? RelatedEventTicker { get; init; }

    /// <summary>Unix seconds: milestones changed after this, for cheap polling of rescheduled games.</summary>
    public long? MinUpdatedTs { get; init; }

    internal Query ToQuery() => new Query()
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("minimum_start_date", MinimumStartDate?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
        .Add("category", Category)
        .Add("competition", Competition)
        .Add("source_id", SourceId)
        .Add("type", Type)
        .Add("related_event_ticker", RelatedEventTicker)
        .Add("min_updated_ts", MinUpdatedTs);
}

/// <summary>Filters of <c>GET /markets/trades</c>; unset ones are not sent. Timestamps are Unix seconds.</summary>
public sealed record GetTradesRequest
{
    /// <summary>Up to 1000 per page; Kalshi's default is 100, the bot asks for the most.</summary>
    public int Limit { get; init; } = 1000;

    public string? Cursor { get; init; }

    /// <summary>A market ticker.</summary>
    public string? Ticker { get; init; }

    public long? MinTs { get; init; }

    public long? MaxTs { get; init; }

    /// <summary>Null for all trades; true for only block trades, false for only trades on the book.</summary>
    public bool? IsBlockTrade { get; init; }

    internal Query ToQuery() => new Query()
        .Add("limit", Limit)
        .Add("cursor", Cursor)
        .Add("ticker", Ticker)
        .Add("min_ts", MinTs)
        .Add("max_ts", MaxTs)
        .Add("is_block_trade", IsBlockTrade);
}

public sealed partial class KalshiClient
{
    public Task<ExchangeResult<GetEventsReply>> GetEventsAsync(GetEventsRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("events", request.ToQuery(), KalshiJson.Default.GetEventsReply, cancellationToken);

    /// <param name="withNestedMarkets">True to get the markets inside the event; otherwise they come only in the deprecated top-level <c>markets</c>.</param>
    public Task<ExchangeResult<GetEventReply>> GetEventAsync(string eventTicker, bool withNestedMarkets, CancellationToken cancellationToken) =>
        transport.GetAsync($"events/{Segment(eventTicker)}", new Query().Add("with_nested_markets", withNestedMarkets), KalshiJson.Default.GetEventReply, cancellationToken);

    public Task<ExchangeResult<GetSeriesFeeChangesReply>> GetSeriesFeeChangesAsync(GetSeriesFeeChangesRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("series/fee_changes", request.ToQuery(), KalshiJson.Default.GetSeriesFeeChangesReply, cancellationToken);

    public Task<ExchangeResult<GetEventFeeChangesReply>> GetEventFeeChangesAsync(GetEventFeeChangesRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("events/fee_changes", request.ToQuery(), KalshiJson.Default.GetEventFeeChangesReply, cancellationToken);

    public Task<ExchangeResult<GetMilestonesReply>> GetMilestonesAsync(GetMilestonesRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("milestones", request.ToQuery(), KalshiJson.Default.GetMilestonesReply, cancellationToken);

    public Task<ExchangeResult<GetMilestoneReply>> GetMilestoneAsync(string milestoneId, CancellationToken cancellationToken) =>
        transport.GetAsync($"milestones/{Segment(milestoneId)}", Query.Empty, KalshiJson.Default.GetMilestoneReply, cancellationToken);

    public Task<ExchangeResult<GetTradesReply>> GetTradesAsync(GetTradesRequest request, CancellationToken cancellationToken) =>
        transport.GetAsync("markets/trades", request.ToQuery(), KalshiJson.Default.GetTradesReply, cancellationToken);

    /// <summary>The account's real bucket sizes, to size the client's limiter from.</summary>
    public Task<ExchangeResult<GetAccountApiLimitsReply>> GetAccountApiLimitsAsync(CancellationToken cancellationToken) =>
        transport.GetAsync("account/limits", Query.Empty, KalshiJson.Default.GetAccountApiLimitsReply, cancellationToken);
}
