using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using static TradingBot.Simulator.Http.Admin.AdminEndpoints;
using static TradingBot.Simulator.Http.ApiRouteExtensions;

namespace TradingBot.Simulator.Http.Admin;

/// <summary>
/// Fees beyond the series' own, as Kalshi sets them: a series' scheduled change, an event's override (now or
/// scheduled; nulls clear it), a market's fee waiver. The public API then lists and charges them.
/// </summary>
internal static class AdminFeeEndpoints
{
    public static void Map(IEndpointRouteBuilder group, SimAdmin admin)
    {
        group.MapPost("series/{series_ticker}/fee_changes", Handler(http => ScheduleSeriesChange(admin, http)));
        group.MapPost("events/{event_ticker}/fee_override", Handler(http => SetEventOverride(admin, http)));
        group.MapPost("events/{event_ticker}/fee_changes", Handler(http => ScheduleEventChange(admin, http)));
        group.MapPost("markets/{ticker}/fee_waiver", Handler(http => SetWaiver(admin, http)));
    }

    private static async Task<IResult> ScheduleSeriesChange(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.SeriesFeeChangeRequest).ConfigureAwait(false);
        var type = FeeTypeOf(request.FeeType ?? throw ApiProblem.Missing("fee_type"), "fee_type");
        var multiplier = Multiplier(request.FeeMultiplier ?? throw ApiProblem.Missing("fee_multiplier"), "fee_multiplier");
        admin.Exchange.ScheduleSeriesFeeChange(Route(http, "series_ticker"), type, multiplier, request.ScheduledTs ?? throw ApiProblem.Missing("scheduled_ts"));
        return Ok();
    }

    private static async Task<IResult> SetEventOverride(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.EventFeeRequest).ConfigureAwait(false);
        var (type, multiplier) = Override(request);
        admin.Exchange.SetEventFeeOverride(Route(http, "event_ticker"), type, multiplier);
        return Ok();
    }

    private static async Task<IResult> ScheduleEventChange(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.EventFeeRequest).ConfigureAwait(false);
        var (type, multiplier) = Override(request);
        admin.Exchange.ScheduleEventFeeChange(Route(http, "event_ticker"), type, multiplier, request.ScheduledTs ?? throw ApiProblem.Missing("scheduled_ts"));
        return Ok();
    }

    private static async Task<IResult> SetWaiver(SimAdmin admin, HttpContext http)
    {
        var request = await SimApi.ReadBody(http, AdminJsonContext.Default.FeeWaiverRequest).ConfigureAwait(false);
        admin.Exchange.SetFeeWaiver(Route(http, "ticker"), request.ExpirationTime);
        return Ok();
    }

    private static (FeeType? Type, decimal? Multiplier) Override(EventFeeRequest request) => (
        request.FeeTypeOverride is { } type ? FeeTypeOf(type, "fee_type_override") : null,
        request.FeeMultiplierOverride is { } multiplier ? Multiplier(multiplier, "fee_multiplier_override") : null);

    /// <summary>The fee types get-series.md documents.</summary>
    private static FeeType FeeTypeOf(string text, string field) => text switch
    {
        "quadratic" => FeeType.Quadratic,
        "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
        "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
        "flat" => FeeType.Flat,
        _ => throw ApiProblem.Invalid($"{field} must be quadratic, quadratic_with_maker_fees, quadratic_with_combo_maker_fees or flat"),
    };

    private static decimal Multiplier(decimal value, string field) =>
        value is >= 0m and <= 1000m && Fixed.HasAtMostDecimals(value, 4) ? value : throw ApiProblem.Invalid($"{field} must be 0 to 1000 with at most 4 decimals");

    private static string Route(HttpContext http, string name) => (string)http.Request.RouteValues[name]!;
}
