using TradingBot.Core.Markets;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>GET /markets' filters and their compatibility rules, as get-markets.md and market_lifecycle.md state them.</summary>
internal sealed class MarketFilters
{
    private static readonly MarketStatus[] PastClose = [MarketStatus.Closed, MarketStatus.Determined, MarketStatus.Disputed, MarketStatus.Amended];

    private MarketFilters()
    {
    }

    public string? EventTicker { get; private init; }

    public string? SeriesTicker { get; private init; }

    public IReadOnlyList<string> Tickers { get; private init; } = [];

    public IReadOnlySet<MarketStatus>? Status { get; private init; }

    public bool OnlyMultivariate { get; private init; }

    private DateTimeOffset? MinCreated { get; init; }

    private DateTimeOffset? MaxCreated { get; init; }

    private DateTimeOffset? MinUpdated { get; init; }

    private DateTimeOffset? MinClose { get; init; }

    private DateTimeOffset? MaxClose { get; init; }

    private DateTimeOffset? MinSettled { get; init; }

    private DateTimeOffset? MaxSettled { get; init; }

    public static MarketFilters Read(QueryReader query)
    {
        var status = query.Text("status");
        if (status is not null && status.Contains(',', StringComparison.Ordinal))
            throw ApiProblem.Invalid("only one status filter may be supplied at a time");
        var eventTicker = query.Text("event_ticker");
        if (eventTicker is not null && eventTicker.Contains(',', StringComparison.Ordinal))
            throw ApiProblem.Invalid("event_ticker takes a single event ticker");
        var mve = query.Text("mve_filter");
        if (mve is not (null or "only" or "exclude"))
            throw ApiProblem.Invalid("mve_filter must be only or exclude");

        var filters = new MarketFilters
        {
            EventTicker = eventTicker,
            SeriesTicker = query.Text("series_ticker"),
            Tickers = query.List("tickers"),
            Status = status is null ? null : MarketStatusOf(status),
            OnlyMultivariate = mve == "only",
            MinCreated = query.UnixSeconds("min_created_ts"),
            MaxCreated = query.UnixSeconds("max_created_ts"),
            MinUpdated = query.UnixSeconds("min_updated_ts"),
            MinClose = query.UnixSeconds("min_close_ts"),
            MaxClose = query.UnixSeconds("max_close_ts"),
            MinSettled = query.UnixSeconds("min_settled_ts"),
            MaxSettled = query.UnixSeconds("max_settled_ts"),
        };
        filters.CheckCompatible(status, mve);
        return filters;
    }

    /// <summary>The market statuses a status filter of GET /markets matches.</summary>
    public static IReadOnlySet<MarketStatus> MarketStatusOf(string filter) => filter switch
    {
        "unopened" => new HashSet<MarketStatus> { MarketStatus.Initialized },
        "open" => new HashSet<MarketStatus> { MarketStatus.Active },
        "paused" => new HashSet<MarketStatus> { MarketStatus.Inactive },
        "closed" => PastClose.ToHashSet(),
        "settled" => new HashSet<MarketStatus> { MarketStatus.Finalized },
        _ => throw ApiProblem.Invalid("status must be one of unopened, open, paused, closed, settled"),
    };

    /// <summary>GET /events' status: an event matches when any of its markets does; "paused" is not an event status.</summary>
    public static IReadOnlySet<MarketStatus> EventStatus(string filter) =>
        filter == "paused" ? throw ApiProblem.Invalid("status must be one of unopened, open, closed, settled") : MarketStatusOf(filter);

    public bool Matches(SimMarket market) =>
        !OnlyMultivariate
        && (EventTicker is null || market.Spec.EventTicker == EventTicker)
        && (SeriesTicker is null || market.Series.Ticker == SeriesTicker)
        && (Tickers.Count == 0 || Tickers.Contains(market.Ticker))
        && (Status is null || Status.Contains(market.Status))
        && Within(market.Spec.OpenTime, MinCreated, MaxCreated)
        && (MinUpdated is null || market.Spec.OpenTime > MinUpdated)
        && Within(market.CloseTime, MinClose, MaxClose)
        && (MinSettled is null && MaxSettled is null || market.SettledAt is { } settled && Within(settled, MinSettled, MaxSettled));

    private static bool Within(DateTimeOffset value, DateTimeOffset? min, DateTimeOffset? max) =>
        (min is null || value > min) && (max is null || value < max);

    private void CheckCompatible(string? status, string? mve)
    {
        var created = MinCreated is not null || MaxCreated is not null;
        var closed = MinClose is not null || MaxClose is not null;
        var settled = MinSettled is not null || MaxSettled is not null;
        var updated = MinUpdated is not null;
        if (new[] { created, closed, settled, updated }.Count(used => used) > 1)
            throw ApiProblem.Invalid("timestamp filters of different kinds cannot be combined");
        if (created && status is not (null or "unopened" or "open"))
            throw ApiProblem.Invalid("created timestamp filters combine only with status unopened or open");
        if (closed && status is not (null or "closed"))
            throw ApiProblem.Invalid("close timestamp filters combine only with status closed");
        if (settled && status is not (null or "settled"))
            throw ApiProblem.Invalid("settled timestamp filters combine only with status settled");
        if (updated && (status is not null || EventTicker is not null || Tickers.Count > 0 || (SeriesTicker is not null && mve != "exclude")))
            throw ApiProblem.Invalid("min_updated_ts combines only with mve_filter=exclude, and with series_ticker when mve_filter=exclude");
    }
}
