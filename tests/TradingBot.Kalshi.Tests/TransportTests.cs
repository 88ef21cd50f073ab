using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.Http;
using TradingBot.Kalshi.Tests.Support;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Tests;

/// <summary>How the transport meets a misbehaving venue: retries for reads, never for writes, every outcome a value.</summary>
public class TransportTests
{
    private const string StatusPath = "exchange/status";
    private const string StatusBody = """{"exchange_active":true,"trading_active":true}""";

    private static Task<ExchangeResult<ExchangeStatusWire>> ReadStatus(KalshiTransport transport) =>
        transport.GetAsync(StatusPath, Query.Empty, KalshiJson.Default.ExchangeStatusWire, default);

    private static Task<ExchangeResult<ExchangeStatusWire>> WriteStatus(KalshiTransport transport) =>
        transport.WriteAsync(HttpMethod.Post, StatusPath, KalshiJson.Default.ExchangeStatusWire, 10, default);

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task A_read_is_retried_after_a_transient_reply(HttpStatusCode status)
    {
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Get, StatusPath, status, """{"error":"too many requests"}""", once: true)
            .Reply(HttpMethod.Get, StatusPath, HttpStatusCode.OK, StatusBody);

        var result = await ReadStatus(TestClients.Transport(venue));

        Assert.True(result.Success, result.ToString());
        Assert.Equal(2, venue.Requests.Count);
    }

    [Fact]
    public async Task A_read_is_retried_after_a_dropped_connection()
    {
        var venue = new RecordedVenue().Drop(HttpMethod.Get, StatusPath, once: true).Reply(HttpMethod.Get, StatusPath, HttpStatusCode.OK, StatusBody);
        Assert.True((await ReadStatus(TestClients.Transport(venue))).Success);
        Assert.Equal(2, venue.Requests.Count);
    }

    [Fact]
    public async Task A_read_gives_up_after_its_retries_with_the_last_error()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, StatusPath, HttpStatusCode.BadGateway, """{"code":"upstream","message":"bad gateway"}""");
        var result = await ReadStatus(TestClients.Transport(venue));
        Assert.Equal(ExchangeErrorKind.Server, result.Error!.Kind);
        Assert.Equal("upstream", result.Error.Code);
        Assert.Equal(1 + TestClients.FastResilience.ReadRetryAttempts, venue.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_carries_Kalshis_code_and_message()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, StatusPath, HttpStatusCode.BadRequest, """{"code":"invalid_parameters","message":"limit must be at most 1000","details":"limit"}""");
        var error = (await ReadStatus(TestClients.Transport(venue))).Error!;
        Assert.Equal(ExchangeErrorKind.Validation, error.Kind);
        Assert.Equal("invalid_parameters", error.Code);
        Assert.Equal("limit must be at most 1000", error.Message);
        Assert.Equal(400, error.HttpStatus);
        Assert.False(error.IsTransient);
        Assert.Single(venue.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ExchangeErrorKind.Auth)]
    [InlineData(HttpStatusCode.Forbidden, ExchangeErrorKind.Auth)]
    [InlineData(HttpStatusCode.NotFound, ExchangeErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ExchangeErrorKind.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExchangeErrorKind.Validation)]
    public async Task Status_codes_map_to_error_kinds(HttpStatusCode status, ExchangeErrorKind kind)
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, StatusPath, status, "not json at all");
        var error = (await ReadStatus(TestClients.Transport(venue))).Error!;
        Assert.Equal(kind, error.Kind);
        Assert.Equal("not json at all", error.Message);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"exchange_active":true}""")]
    [InlineData("""{"exchange_active":"yes","trading_active":true}""")]
    [InlineData("""{"exchange_active":null,"trading_active":true}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_2xx_that_breaks_the_contract_is_unreadable_not_an_exception(string body)
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, StatusPath, HttpStatusCode.OK, body);
        var error = (await ReadStatus(TestClients.Transport(venue))).Error!;
        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task Unknown_fields_are_tolerated()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, StatusPath, HttpStatusCode.OK, """{"exchange_active":true,"trading_active":false,"brand_new_field":{"x":1}}""");
        var result = await ReadStatus(TestClients.Transport(venue));
        Assert.True(result.Success);
        Assert.False(result.Value.TradingActive);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task A_write_is_never_retried(HttpStatusCode status)
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Post, StatusPath, status, "{}");
        var error = (await WriteStatus(TestClients.Transport(venue))).Error!;
        Assert.Single(venue.Requests);
        Assert.True(error.IsTransient);
        Assert.Equal(status != HttpStatusCode.TooManyRequests, error.SubmitOutcomeUnknown);
    }

    [Fact]
    public async Task A_write_on_a_dropped_connection_is_unknown_and_sent_once()
    {
        var venue = new RecordedVenue().Drop(HttpMethod.Post, StatusPath);
        var error = (await WriteStatus(TestClients.Transport(venue))).Error!;
        Assert.Equal(ExchangeErrorKind.Transport, error.Kind);
        Assert.True(error.SubmitOutcomeUnknown);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task A_write_that_gets_no_reply_times_out_as_unknown()
    {
        var time = new FakeTimeProvider();
        var reached = new TaskCompletionSource();
        var venue = new RecordedVenue().Hang(HttpMethod.Post, StatusPath, reached);
        var transport = TestClients.Transport(venue, time);

        var pending = Task.Run(() => WriteStatus(transport));
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TestClients.FastResilience.RequestTimeout);
        var error = (await pending.WaitAsync(TimeSpan.FromSeconds(30))).Error!;

        Assert.Equal(ExchangeErrorKind.Timeout, error.Kind);
        Assert.True(error.SubmitOutcomeUnknown);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task A_write_the_bucket_cannot_cover_is_refused_without_being_sent()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Post, StatusPath, HttpStatusCode.OK, StatusBody);
        var transport = TestClients.Transport(venue, write: new RateLimiting.BucketSize(1, 15));

        Assert.True((await WriteStatus(transport)).Success);
        var error = (await WriteStatus(transport)).Error!;

        Assert.Equal(ExchangeErrorKind.RateLimited, error.Kind);
        Assert.False(error.SubmitOutcomeUnknown);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_nothing_is_sent()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Get, StatusPath, HttpStatusCode.ServiceUnavailable, "{}");
        var transport = TestClients.Transport(venue, resilience: TestClients.FastResilience with { ReadRetryAttempts = 0 });

        for (var i = 0; i < TestClients.FastResilience.BreakerMinimumThroughput; i++)
            Assert.Equal(ExchangeErrorKind.Server, (await ReadStatus(transport)).Error!.Kind);
        var sent = venue.Requests.Count;

        var error = (await ReadStatus(transport)).Error!;

        Assert.Equal(ExchangeErrorKind.Unavailable, error.Kind);
        Assert.True(error.IsTransient);
        Assert.False(error.SubmitOutcomeUnknown);
        Assert.Equal(sent, venue.Requests.Count);
    }
}
