using TradingBot.Simulator.Tests.Http.Support;
using TradingBot.Tests.Shared.KalshiDocs;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>
/// Fees beyond the series' own, set through the admin API and published as Kalshi does: scheduled changes on their
/// endpoints until they are made, an event's override on the event, a market's fee waiver on the market.
/// </summary>
public class FeeEndpointTests
{
    private static string At(TimeSpan after) => (Start + after).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task SetUp(SimServer server)
    {
        await Admin(server, $"series/{Series}/fee_changes", $$"""{ "fee_type": "quadratic", "fee_multiplier": 2, "scheduled_ts": "{{At(TimeSpan.FromHours(1))}}" }""");
        await Admin(server, $"events/{Event}/fee_override", """{ "fee_multiplier_override": 0.5 }""");
        await Admin(server, $"events/{Event}/fee_changes", $$"""{ "fee_type_override": null, "fee_multiplier_override": null, "scheduled_ts": "{{At(TimeSpan.FromHours(2))}}" }""");
        await Admin(server, $"markets/{Dal}/fee_waiver", $$"""{ "expiration_time": "{{At(TimeSpan.FromHours(3))}}" }""");
    }

    private static async Task Admin(SimServer server, string path, string json)
    {
        var (status, body) = await server.Admin(HttpMethod.Post, path, json);
        Assert.True(status == 200, $"{path}: {status} {body}");
    }

    [Fact]
    public async Task Scheduled_changes_overrides_and_waivers_are_published_as_documented()
    {
        await using var server = await StartAsync();
        await SetUp(server);

        var (_, seriesChanges) = await server.Call(HttpMethod.Get, $"series/fee_changes?series_ticker={Series}");
        var (_, eventChanges) = await server.Call(HttpMethod.Get, "events/fee_changes");
        var (_, events) = await server.Call(HttpMethod.Get, $"events?series_ticker={Series}");
        var (_, market) = await server.Call(HttpMethod.Get, $"markets/{Dal}");

        ApiDoc.Load("exchange/get-series-fee-changes.md").AssertReply("get", 200, seriesChanges);
        ApiDoc.Load("events/get-event-fee-changes.md").AssertReply("get", 200, eventChanges);
        ApiDoc.Load("events/get-events.md").AssertReply("get", 200, events);
        ApiDoc.Load("market/get-market.md").AssertReply("get", 200, market);
        var seriesChange = Assert.Single(seriesChanges.GetProperty("series_fee_change_arr").EnumerateArray());
        Assert.Equal(("quadratic", 2m, Start.AddHours(1)), (seriesChange.GetProperty("fee_type").GetString(), seriesChange.GetProperty("fee_multiplier").GetDecimal(), seriesChange.GetProperty("scheduled_ts").GetDateTimeOffset()));
        var eventChange = Assert.Single(eventChanges.GetProperty("event_fee_changes").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, eventChange.GetProperty("fee_multiplier_override").ValueKind);
        Assert.Equal(Series, eventChange.GetProperty("series_ticker").GetString());
        var simEvent = events.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("event_ticker").GetString() == Event);
        Assert.Equal(0.5m, simEvent.GetProperty("fee_multiplier_override").GetDecimal());
        Assert.False(simEvent.TryGetProperty("fee_type_override", out _));
        Assert.Equal(Start.AddHours(3), market.GetProperty("market").GetProperty("fee_waiver_expiration_time").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_change_once_made_shows_in_the_series_and_the_event_and_leaves_the_upcoming_list()
    {
        await using var server = await StartAsync();
        await SetUp(server);
        server.Market.Advance(TimeSpan.FromHours(2));

        var (_, series) = await server.Call(HttpMethod.Get, $"series/{Series}");
        var (_, upcoming) = await server.Call(HttpMethod.Get, $"series/fee_changes?series_ticker={Series}");
        var (_, historical) = await server.Call(HttpMethod.Get, $"series/fee_changes?series_ticker={Series}&show_historical=true");
        var (_, eventChanges) = await server.Call(HttpMethod.Get, "events/fee_changes");
        var (_, simEvent) = await server.Call(HttpMethod.Get, $"events/{Event}");

        Assert.Equal(("quadratic", 2m), (series.GetProperty("series").GetProperty("fee_type").GetString(), series.GetProperty("series").GetProperty("fee_multiplier").GetDecimal()));
        Assert.Empty(upcoming.GetProperty("series_fee_change_arr").EnumerateArray());
        Assert.Single(historical.GetProperty("series_fee_change_arr").EnumerateArray());
        Assert.Empty(eventChanges.GetProperty("event_fee_changes").EnumerateArray());
        // The scheduled change cleared the override.
        Assert.False(simEvent.GetProperty("event").TryGetProperty("fee_multiplier_override", out _));
    }

    [Theory]
    [InlineData($"series/{Series}/fee_changes", """{ "fee_type": "tiered", "fee_multiplier": 1, "scheduled_ts": "2026-09-10T13:00:00Z" }""", 400)]
    [InlineData($"series/{Series}/fee_changes", """{ "fee_type": "quadratic", "fee_multiplier": 0.12345, "scheduled_ts": "2026-09-10T13:00:00Z" }""", 400)]
    [InlineData($"series/{Series}/fee_changes", """{ "fee_type": "quadratic", "fee_multiplier": 1 }""", 400)]
    [InlineData("series/KXNOPE/fee_changes", """{ "fee_type": "quadratic", "fee_multiplier": 1, "scheduled_ts": "2026-09-10T13:00:00Z" }""", 404)]
    [InlineData("events/KXNFLGAME-NOPE/fee_override", """{ "fee_multiplier_override": 2 }""", 404)]
    [InlineData("markets/KXNFLGAME-NOPE-X/fee_waiver", """{ "expiration_time": null }""", 404)]
    public async Task A_bad_fee_setting_is_refused(string path, string json, int expected)
    {
        await using var server = await StartAsync();

        var (status, _) = await server.Admin(HttpMethod.Post, path, json);

        Assert.Equal(expected, status);
    }
}
