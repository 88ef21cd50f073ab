using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Mapping;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Endpoints;

/// <summary>Public data about the exchange, series, events (games) and milestones.</summary>
internal static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimApi api)
    {
        group.MapGet("exchange/status", Handler(_ => ExchangeStatus(api))).Public();
        group.MapGet("exchange/schedule", Handler(_ => Schedule(api))).Public();
        group.MapGet("series/fee_changes", Handler(http => SeriesFeeChanges(api, http))).Public();
        group.MapGet("series/{series_ticker}", Handler(http => Series(api, http))).Public();
        group.MapGet("events", Handler(http => Events(api, http))).Public();
        group.MapGet("events/fee_changes", Handler(http => EventFeeChanges(api, http))).Public();
        group.MapGet("events/{event_ticker}", Handler(http => Event(api, http))).Public();
        group.MapGet("milestones", Handler(http => Milestones(api, http))).Public();
        group.MapGet("milestones/{milestone_id}", Handler(http => Milestone(api, http))).Public();
    }

    private static IResult ExchangeStatus(SimApi api)
    {
        var (exchangeActive, tradingActive) = api.Exchange.Read(x => (x.ExchangeActive, x.TradingActive));
        var status = new ExchangeStatusWire
        {
            ExchangeActive = exchangeActive,
            TradingActive = tradingActive,
            IntraExchangeTransfersActive = exchangeActive,
            IndexStatuses =
            [
                new ExchangeIndexStatusWire
                {
                    ExchangeIndex = 0,
                    Description = "TradingBot simulator",
                    ExchangeActive = exchangeActive,
                    TradingActive = tradingActive,
                    IntraExchangeTransfersActive = exchangeActive,
                },
            ],
        };
        return ApiResults.Ok(status, KalshiJsonContext.Default.ExchangeStatusWire);
    }

    /// <summary>The simulator trades around the clock; its pauses come from the admin API, not from a timetable.</summary>
    private static IResult Schedule(SimApi api)
    {
        var now = api.Exchange.Clock.GetUtcNow();
        IReadOnlyList<DailyScheduleWire> allDay = [new DailyScheduleWire("00:00", "23:59")];
        var week = new WeeklyScheduleWire
        {
            StartTime = WireFormat.Time(now.AddDays(-7)),
            EndTime = WireFormat.Time(now.AddYears(1)),
            Monday = allDay,
            Tuesday = allDay,
            Wednesday = allDay,
            Thursday = allDay,
            Friday = allDay,
            Saturday = allDay,
            Sunday = allDay,
        };
        return ApiResults.Ok(new ExchangeScheduleResponseWire(new ScheduleWire([week], [])), KalshiJsonContext.Default.ExchangeScheduleResponseWire);
    }

    private static IResult Series(SimApi api, HttpContext http)
    {
        var ticker = (string)http.Request.RouteValues["series_ticker"]!;
        var includeVolume = new QueryReader(http.Request.Query).Bool("include_volume") ?? false;
        var series = api.Exchange.Read(x =>
        {
            if (!x.Series.TryGetValue(ticker, out var s))
                return null;
            var volume = includeVolume
                ? WireFormat.Count(x.Markets.Values.Where(m => m.Series.Ticker == ticker).Aggregate(Contracts.Zero, (sum, m) => sum + m.Volume))
                : null;
            return EventMapper.Series(s, x.SeriesFeesAt(ticker, x.Clock.GetUtcNow()), volume);
        }) ?? throw ApiProblem.NotFound($"series {ticker} not found");
        return ApiResults.Ok(new SeriesResponseWire(series), KalshiJsonContext.Default.SeriesResponseWire);
    }

    /// <summary>Upcoming changes, or with show_historical every change, oldest first.</summary>
    private static IResult SeriesFeeChanges(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        var seriesTicker = query.Text("series_ticker");
        var historical = query.Bool("show_historical") ?? false;
        var changes = api.Exchange.Read(x =>
        {
            var now = x.Clock.GetUtcNow();
            return x.SeriesFeeChanges
                .Where(c => (seriesTicker is null || c.SeriesTicker == seriesTicker) && (historical || c.At > now))
                .OrderBy(c => c.At)
                .Select(EventMapper.SeriesFeeChange)
                .ToList();
        });
        return ApiResults.Ok(new SeriesFeeChangesResponseWire(changes), KalshiJsonContext.Default.SeriesFeeChangesResponseWire);
    }

    /// <summary>The docs name no history switch for events; the simulator lists the upcoming changes, as the series default does.</summary>
    private static IResult EventFeeChanges(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(100, 1000);
        var cursor = query.Text("cursor");
        var eventTicker = query.Text("event_ticker");
        var body = api.Exchange.Read(x =>
        {
            var now = x.Clock.GetUtcNow();
            var page = Paging.ByKey(
                x.EventFeeChanges.Where(c => (eventTicker is null || c.EventTicker == eventTicker) && c.At > now),
                c => c.Id,
                cursor,
                limit);
            return new EventFeeChangesResponseWire(page.Items.Select(c => EventMapper.EventFeeChange(c, x.Events[c.EventTicker].SeriesTicker)).ToList(), page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.EventFeeChangesResponseWire);
    }

    private static IResult Events(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        var limit = query.Limit(200, 200);
        var cursor = query.Text("cursor");
        var nested = query.Bool("with_nested_markets") ?? false;
        var withMilestones = query.Bool("with_milestones") ?? false;
        var seriesTicker = query.Text("series_ticker");
        var status = query.Text("status") is { } s ? MarketFilters.EventStatus(s) : null;
        var tickers = query.List("tickers");
        var minClose = query.UnixSeconds("min_close_ts");
        var minUpdated = query.UnixSeconds("min_updated_ts");

        var body = api.Exchange.Read(x =>
        {
            var byEvent = MarketsByEvent(x);
            var mapper = new MarketMapper(x);
            var page = Paging.ByKey(
                x.Events.Values.Where(e =>
                    (seriesTicker is null || e.SeriesTicker == seriesTicker)
                    && (tickers.Count == 0 || tickers.Contains(e.Ticker))
                    && (status is null || byEvent[e.Ticker].Any(m => status.Contains(m.Status)))
                    && (minClose is null || byEvent[e.Ticker].Any(m => m.CloseTime > minClose))
                    && (minUpdated is null || EventMapper.UpdatedAt(e, byEvent[e.Ticker]) > minUpdated)),
                e => e.Ticker,
                cursor,
                limit);
            return new EventsResponseWire
            {
                Events = page.Items.Select(e => EventMapper.Event(e, x.Series[e.SeriesTicker], byEvent[e.Ticker], nested ? mapper : null, x.EventFeeOverrideAt(e.Ticker, mapper.Now))).ToList(),
                Milestones = withMilestones ? page.Items.Select(e => EventMapper.Milestone(e, EventMapper.UpdatedAt(e, byEvent[e.Ticker]))).ToList() : null,
                Cursor = page.Cursor,
            };
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.EventsResponseWire);
    }

    private static IResult Event(SimApi api, HttpContext http)
    {
        var ticker = (string)http.Request.RouteValues["event_ticker"]!;
        var nested = new QueryReader(http.Request.Query).Bool("with_nested_markets") ?? false;
        var body = api.Exchange.Read(x =>
        {
            if (!x.Events.TryGetValue(ticker, out var simEvent))
                return null;
            var mapper = new MarketMapper(x);
            var markets = MarketsByEvent(x)[ticker];
            return new EventResponseWire(
                EventMapper.Event(simEvent, x.Series[simEvent.SeriesTicker], markets, nested ? mapper : null, x.EventFeeOverrideAt(ticker, mapper.Now)),
                markets.Select(mapper.Map).ToList());
        }) ?? throw ApiProblem.NotFound($"event {ticker} not found");
        return ApiResults.Ok(body, KalshiJsonContext.Default.EventResponseWire);
    }

    private static IResult Milestones(SimApi api, HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);

        // get-milestones.md marks limit as required, unlike every other list.
        var limit = query.Limit(100, 500, required: true);
        var cursor = query.Text("cursor");
        var minimumStart = query.DateTime("minimum_start_date");
        var category = query.Text("category");
        var competition = query.Text("competition");
        var sourceId = query.Text("source_id");
        var type = query.Text("type");
        var related = query.Text("related_event_ticker");
        var minUpdated = query.UnixSeconds("min_updated_ts");

        var body = api.Exchange.Read(x =>
        {
            var byEvent = MarketsByEvent(x);
            var milestones = x.Events.Values
                .Where(e => (minimumStart is null || e.GameStart >= minimumStart)
                    && (related is null || e.Ticker == related)
                    && (competition is null || competition.Equals(EventMapper.CompetitionOf(e.League), StringComparison.OrdinalIgnoreCase) || competition.Equals(e.League, StringComparison.OrdinalIgnoreCase))
                    && (minUpdated is null || EventMapper.UpdatedAt(e, byEvent[e.Ticker]) > minUpdated)
                    && sourceId is null)
                .Select(e => EventMapper.Milestone(e, EventMapper.UpdatedAt(e, byEvent[e.Ticker])))
                .Where(m => (category is null || m.Category.Equals(category, StringComparison.OrdinalIgnoreCase))
                    && (type is null || m.Type.Equals(type, StringComparison.OrdinalIgnoreCase)));
            var page = Paging.ByKey(milestones, m => m.Id, cursor, limit);
            return new MilestonesResponseWire(page.Items, page.Cursor);
        });
        return ApiResults.Ok(body, KalshiJsonContext.Default.MilestonesResponseWire);
    }

    private static IResult Milestone(SimApi api, HttpContext http)
    {
        var id = (string)http.Request.RouteValues["milestone_id"]!;
        var milestone = api.Exchange.Read(x =>
        {
            var simEvent = x.Events.Values.FirstOrDefault(e => EventMapper.MilestoneId(e.Ticker) == id);
            return simEvent is null ? null : EventMapper.Milestone(simEvent, EventMapper.UpdatedAt(simEvent, MarketsByEvent(x)[simEvent.Ticker]));
        }) ?? throw ApiProblem.NotFound($"milestone {id} not found");
        return ApiResults.Ok(new MilestoneResponseWire(milestone), KalshiJsonContext.Default.MilestoneResponseWire);
    }

    /// <summary>Each event's markets by ticker; an event without markets gets an empty list.</summary>
    private static Dictionary<string, IReadOnlyList<SimMarket>> MarketsByEvent(SimExchange x)
    {
        var byEvent = x.Events.Keys.ToDictionary(k => k, _ => (IReadOnlyList<SimMarket>)[], StringComparer.Ordinal);
        foreach (var group in x.Markets.Values.GroupBy(m => m.Spec.EventTicker, StringComparer.Ordinal))
            byEvent[group.Key] = group.OrderBy(m => m.Ticker, StringComparer.Ordinal).ToList();
        return byEvent;
    }
}
