using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Kalshi.RateLimiting;
using TradingBot.Kalshi.Tests.Docs;
using TradingBot.Tests.Shared.KalshiDocs;
using TradingBot.Kalshi.Tests.Support;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// The V2 order writes and order-group endpoints against their pages, and the order-integrity rules of
/// ARCHITECTURE.md: a write is sent at most once, a refusal is known, anything else leaves the outcome unknown.
/// </summary>
public class OrderWriteTests
{
    private const string OrdersPath = "portfolio/events/orders";
    private const string CreatePage = "orders/create-order-v2.md";

    /// <summary>Each write with a JSON body, and the record the client sends it as.</summary>
    private static readonly Dictionary<string, Type> s_requestTypes = new()
    {
        [CreatePage] = typeof(CreateOrderV2Request),
        ["orders/batch-create-orders-v2.md"] = typeof(BatchCreateOrdersV2Request),
        ["orders/batch-cancel-orders-v2.md"] = typeof(BatchCancelOrdersV2Request),
        ["orders/amend-order-v2.md"] = typeof(AmendOrderV2Request),
        ["orders/decrease-order-v2.md"] = typeof(DecreaseOrderV2Request),
        ["order-groups/create-order-group.md"] = typeof(CreateOrderGroupRequest),
        ["order-groups/update-order-group-limit.md"] = typeof(UpdateOrderGroupLimitRequest),
        ["order-groups/reset-order-group.md"] = typeof(EmptyWire),
        ["order-groups/trigger-order-group.md"] = typeof(EmptyWire),
    };

    public static TheoryData<string> WritesWithBody => new(s_requestTypes.Keys);

    public static TheoryData<string> WritesWithoutBody => new("orders/cancel-order-v2.md", "order-groups/delete-order-group.md");

    [Theory]
    [MemberData(nameof(WritesWithBody))]
    public void Every_documented_request_field_is_mapped(string page)
    {
        var doc = ApiDoc.Load(page);
        Assert.True(doc.HasRequestBody);
        Assert.Empty(WireContract.UnmappedFields(doc, doc.RequestSchema(), s_requestTypes[page]));
    }

    [Theory]
    [MemberData(nameof(WritesWithBody))]
    public void The_documented_request_reads_with_unknown_fields_refused(string page)
    {
        var sample = ApiDoc.Load(page).SampleRequest().ToJsonString();
        Assert.NotNull(JsonSerializer.Deserialize(sample, KalshiJson.Strict.GetTypeInfo(s_requestTypes[page])!));
    }

    [Theory]
    [MemberData(nameof(WritesWithBody))]
    public void The_documented_request_is_written_back_unchanged(string page)
    {
        // Read then written, the sample must come out as it went in: same names, same values, nothing added.
        var sample = ApiDoc.Load(page).SampleRequest();
        var typeInfo = KalshiJson.Default.GetTypeInfo(s_requestTypes[page])!;
        var value = JsonSerializer.Deserialize(sample.ToJsonString(), typeInfo);
        var written = JsonNode.Parse(JsonSerializer.Serialize(value, typeInfo));
        Assert.True(JsonNode.DeepEquals(sample, written), $"sent {written?.ToJsonString()}, documented {sample.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(WritesWithoutBody))]
    public async Task A_write_documented_without_a_body_is_sent_without_one(string page)
    {
        var doc = ApiDoc.Load(page);
        var endpoint = EndpointCatalog.Get(page);
        var venue = new RecordedVenue().Reply(new HttpMethod(doc.Method.ToUpperInvariant()), endpoint.SamplePath, HttpStatusCode.OK, doc.SampleReply().ToJsonString());

        Assert.Null(await endpoint.Call(TestClients.Create(venue)));

        Assert.False(doc.HasRequestBody);
        Assert.Null(Assert.Single(venue.Requests).Body);
    }

    [Fact]
    public async Task A_create_sends_exactly_the_documented_names_of_the_fields_it_sets()
    {
        var doc = ApiDoc.Load(CreatePage);
        var venue = CreateReplies(HttpStatusCode.Created, doc.SampleReply().ToJsonString());
        var order = EndpointCatalog.Order("c-1") with { PostOnly = true, ReduceOnly = false };

        var result = await TestClients.Create(venue).CreateOrderAsync(order, default);

        Assert.True(result.Success, result.ToString());
        var sent = SentJson(venue);
        string[] expected = ["ticker", "client_order_id", "side", "count", "price", "time_in_force", "self_trade_prevention_type", "post_only", "reduce_only"];
        Assert.Equal(expected.Order(), sent.Select(p => p.Key).Order());
        Assert.All(sent, p => Assert.Contains(p.Key, doc.Properties(doc.RequestSchema()).Keys));
        Assert.Equal("bid", (string?)sent["side"]);
        Assert.Equal("10.00", (string?)sent["count"]);
        Assert.Equal("0.5600", (string?)sent["price"]);
        Assert.False((bool)sent["reduce_only"]!);
    }

    [Fact]
    public async Task A_create_leaves_out_every_optional_field_it_does_not_set()
    {
        var doc = ApiDoc.Load(CreatePage);
        var venue = CreateReplies(HttpStatusCode.Created, doc.SampleReply().ToJsonString());
        var order = EndpointCatalog.Order("c-1") with { ClientOrderId = null };

        await TestClients.Create(venue).CreateOrderAsync(order, default);

        Assert.Equal(doc.Required(doc.RequestSchema()).Order(), SentJson(venue).Select(p => p.Key).Order());
    }

    [Fact]
    public async Task A_created_order_reads_its_id_and_counts()
    {
        var venue = CreateReplies(HttpStatusCode.Created, ApiDoc.Load(CreatePage).SampleReply().ToJsonString());

        var result = await TestClients.Create(venue).CreateOrderAsync(EndpointCatalog.Order("c-1"), default);

        Assert.True(result.Success, result.ToString());
        Assert.Equal("3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d", result.Value.OrderId);
        Assert.Equal("0.00", result.Value.FillCount);
        Assert.Equal("10.00", result.Value.RemainingCount);
    }

    [Fact]
    public async Task A_reused_client_order_id_is_a_conflict()
    {
        var venue = CreateReplies(HttpStatusCode.Conflict, """{"code":"order_already_exists","message":"client_order_id already used"}""");

        var error = await CreateError(venue);

        Assert.Equal(ExchangeErrorKind.Conflict, error.Kind);
        Assert.Equal("order_already_exists", error.Code);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task A_server_error_on_create_is_unknown_and_never_retried()
    {
        var venue = CreateReplies(HttpStatusCode.InternalServerError, """{"code":"internal","message":"boom"}""");

        var error = await CreateError(venue);

        Assert.Equal(ExchangeErrorKind.Server, error.Kind);
        Assert.True(error.SubmitOutcomeUnknown);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task A_dropped_connection_on_create_is_unknown_and_never_retried()
    {
        var venue = new RecordedVenue().Drop(HttpMethod.Post, OrdersPath);

        var error = await CreateError(venue);

        Assert.Equal(ExchangeErrorKind.Transport, error.Kind);
        Assert.True(error.SubmitOutcomeUnknown);
        Assert.Single(venue.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"client_order_id":"c-1","fill_count":"0.00","remaining_count":"10.00","ts_ms":1715793600123}""")]
    [InlineData(HttpStatusCode.Created, """{"order_id":null,"client_order_id":"c-1","fill_count":"0.00","remaining_count":"10.00"}""")]
    [InlineData(HttpStatusCode.Created, """{"order_id":"","client_order_id":"c-1","fill_count":"0.00","remaining_count":"10.00"}""")]
    [InlineData(HttpStatusCode.Created, """{"order_id":"3b23c1c7","client_order_id":"c-1","remaining_count":"10.00"}""")]
    [InlineData(HttpStatusCode.Created, "")]
    [InlineData(HttpStatusCode.Created, "<html>gateway</html>")]
    public async Task A_success_status_without_a_readable_order_id_and_counts_is_unknown_never_success(HttpStatusCode status, string body)
    {
        var venue = CreateReplies(status, body);

        var error = await CreateError(venue);

        Assert.Equal(ExchangeErrorKind.Unreadable, error.Kind);
        Assert.True(error.SubmitOutcomeUnknown);
        Assert.Single(venue.Requests);
    }

    [Fact]
    public async Task A_bad_request_on_create_is_a_known_refusal()
    {
        var venue = CreateReplies(HttpStatusCode.BadRequest, """{"code":"invalid_parameters","message":"price must be between 0.01 and 0.99"}""");

        var error = await CreateError(venue);

        Assert.Equal(ExchangeErrorKind.Validation, error.Kind);
        Assert.False(error.SubmitOutcomeUnknown);
    }

    [Fact]
    public async Task A_create_the_write_bucket_cannot_cover_is_refused_without_reaching_the_venue()
    {
        var venue = CreateReplies(HttpStatusCode.Created, ApiDoc.Load(CreatePage).SampleReply().ToJsonString());

        var error = await CreateError(venue, TestClients.Create(venue, write: new BucketSize(1, 5)));

        Assert.Equal(ExchangeErrorKind.RateLimited, error.Kind);
        Assert.False(error.SubmitOutcomeUnknown);
        Assert.Empty(venue.Requests);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(29, false)]
    public async Task A_batch_create_of_three_orders_takes_thirty_tokens(double capacity, bool sent)
    {
        var venue = BatchVenue();
        var client = TestClients.Create(venue, time: new FakeTimeProvider(), write: new BucketSize(1, capacity));
        var batch = new BatchCreateOrdersV2Request { Orders = [EndpointCatalog.Order("c-1"), EndpointCatalog.Order("c-2"), EndpointCatalog.Order("c-3")] };

        var result = await client.BatchCreateOrdersAsync(batch, default);

        Assert.Equal(sent, result.Success);
        Assert.Equal(sent ? 1 : 0, venue.Requests.Count);
        if (sent)
        {
            // The clock is frozen, so nothing refilled: a 30-token batch left the 30-token bucket empty.
            var next = await client.CancelOrderAsync(EndpointCatalog.OrderId, new CancelOrderV2Request { MarketTicker = EndpointCatalog.Ticker }, default);
            Assert.Equal(ExchangeErrorKind.RateLimited, next.Error?.Kind);
            Assert.Single(venue.Requests);
        }
        else
        {
            Assert.Equal(ExchangeErrorKind.RateLimited, result.Error?.Kind);
        }
    }

    [Fact]
    public async Task A_cancel_uses_the_documented_method_and_costs_two_tokens()
    {
        var doc = ApiDoc.Load("orders/cancel-order-v2.md");
        var path = $"{OrdersPath}/{EndpointCatalog.OrderId}";
        var venue = new RecordedVenue().Reply(new HttpMethod(doc.Method.ToUpperInvariant()), path, HttpStatusCode.OK, doc.SampleReply().ToJsonString());
        var client = TestClients.Create(venue, time: new FakeTimeProvider(), write: new BucketSize(1, 3));
        var cancel = new CancelOrderV2Request { MarketTicker = EndpointCatalog.Ticker };

        var first = await client.CancelOrderAsync(EndpointCatalog.OrderId, cancel, default);
        var second = await client.CancelOrderAsync(EndpointCatalog.OrderId, cancel, default);

        // 3 tokens and a frozen clock: the first cancel fits and leaves 1, too few for the second.
        Assert.True(first.Success, first.ToString());
        Assert.Equal(ExchangeErrorKind.RateLimited, second.Error?.Kind);
        var request = Assert.Single(venue.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal($"?market_ticker={EndpointCatalog.Ticker}", request.Uri.Query);
        Assert.Equal("10.00", first.Value.ReducedBy);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    public async Task A_batch_cancel_of_three_orders_takes_six_tokens(double capacity, bool sent)
    {
        var venue = BatchVenue();
        var client = TestClients.Create(venue, time: new FakeTimeProvider(), write: new BucketSize(1, capacity));
        var batch = new BatchCancelOrdersV2Request
        {
            Orders = [.. new[] { "o-1", "o-2", "o-3" }.Select(id => new BatchCancelOrderV2Item { OrderId = id, MarketTicker = EndpointCatalog.Ticker })],
        };

        var result = await client.BatchCancelOrdersAsync(batch, default);

        Assert.Equal(sent, result.Success);
        Assert.Equal(sent ? 1 : 0, venue.Requests.Count);
    }

    [Fact]
    public async Task A_cancel_that_names_neither_market_nor_shard_is_not_sent()
    {
        // Kalshi would look on shard 0 only; a 404 from there must never be read as "the order is gone".
        var venue = new RecordedVenue();
        var client = TestClients.Create(venue);

        var single = await client.CancelOrderAsync(EndpointCatalog.OrderId, new CancelOrderV2Request(), default);
        var batch = await client.BatchCancelOrdersAsync(new BatchCancelOrdersV2Request { Orders = [new BatchCancelOrderV2Item { OrderId = EndpointCatalog.OrderId }] }, default);
        var decrease = await client.DecreaseOrderAsync(EndpointCatalog.OrderId, new DecreaseOrderV2Request { ReduceTo = "0" }, default);

        Assert.All([single.Error, batch.Error, decrease.Error], error => Assert.Equal(ExchangeErrorKind.Validation, error?.Kind));
        Assert.Empty(venue.Requests);
    }

    [Fact]
    public async Task A_cancel_routed_by_shard_alone_is_sent()
    {
        var doc = ApiDoc.Load("orders/cancel-order-v2.md");
        var venue = new RecordedVenue().Reply(HttpMethod.Delete, $"{OrdersPath}/{EndpointCatalog.OrderId}", HttpStatusCode.OK, doc.SampleReply().ToJsonString());

        var result = await TestClients.Create(venue).CancelOrderAsync(EndpointCatalog.OrderId, new CancelOrderV2Request { ExchangeIndex = 0 }, default);

        Assert.True(result.Success, result.ToString());
        Assert.Equal("?exchange_index=0", Assert.Single(venue.Requests).Uri.Query);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2.00", "8.00")]
    public async Task A_decrease_needs_exactly_one_of_reduce_by_and_reduce_to(string? reduceBy, string? reduceTo)
    {
        var venue = new RecordedVenue();

        var result = await TestClients.Create(venue).DecreaseOrderAsync(EndpointCatalog.OrderId,
            new DecreaseOrderV2Request { ReduceBy = reduceBy, ReduceTo = reduceTo, MarketTicker = EndpointCatalog.Ticker }, default);

        Assert.Equal(ExchangeErrorKind.Validation, result.Error?.Kind);
        Assert.Empty(venue.Requests);
    }

    [Fact]
    public async Task An_empty_batch_is_not_sent()
    {
        var venue = new RecordedVenue();
        var client = TestClients.Create(venue);

        var create = await client.BatchCreateOrdersAsync(new BatchCreateOrdersV2Request { Orders = [] }, default);
        var cancel = await client.BatchCancelOrdersAsync(new BatchCancelOrdersV2Request { Orders = [] }, default);

        Assert.Equal(ExchangeErrorKind.Validation, create.Error?.Kind);
        Assert.Equal(ExchangeErrorKind.Validation, cancel.Error?.Kind);
        Assert.Empty(venue.Requests);
    }

    [Fact]
    public async Task Amend_and_decrease_send_the_subaccount_in_the_query_not_the_body()
    {
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Post, $"{OrdersPath}/{EndpointCatalog.OrderId}/amend", HttpStatusCode.OK, ApiDoc.Load("orders/amend-order-v2.md").SampleReply().ToJsonString())
            .Reply(HttpMethod.Post, $"{OrdersPath}/{EndpointCatalog.OrderId}/decrease", HttpStatusCode.OK, ApiDoc.Load("orders/decrease-order-v2.md").SampleReply().ToJsonString());
        var client = TestClients.Create(venue);

        var amend = await client.AmendOrderAsync(EndpointCatalog.OrderId,
            new AmendOrderV2Request { Ticker = EndpointCatalog.Ticker, Side = OrderValues.Ask, Price = "0.4400", Count = "5.00", Subaccount = 2 }, default);
        var decrease = await client.DecreaseOrderAsync(EndpointCatalog.OrderId,
            new DecreaseOrderV2Request { ReduceTo = "3.00", ExchangeIndex = 3, Subaccount = 2 }, default);

        Assert.True(amend.Success, amend.ToString());
        Assert.True(decrease.Success, decrease.ToString());
        Assert.All(venue.Requests, request =>
        {
            Assert.Equal("?subaccount=2", request.Uri.Query);
            Assert.DoesNotContain("subaccount", JsonNode.Parse(request.Body!)!.AsObject().Select(p => p.Key));
        });
        Assert.Equal("""{"ticker":"KXNFLGAME-26SEP13DALNYG-DAL","side":"ask","price":"0.4400","count":"5.00"}""", venue.Requests[0].Body);
        Assert.Equal("""{"reduce_to":"3.00","exchange_index":3}""", venue.Requests[1].Body);
    }

    [Fact]
    public async Task A_batch_create_reads_a_refused_entry_beside_a_placed_one()
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Post, $"{OrdersPath}/batched", HttpStatusCode.Created, """
            {"orders":[
              {"order_id":"o-1","client_order_id":"c-1","fill_count":"0.00","remaining_count":"10.00","average_fill_price":null,"average_fee_paid":null,"ts_ms":1715793600123,"error":null},
              {"order_id":null,"client_order_id":"c-2","fill_count":null,"remaining_count":null,"average_fill_price":null,"average_fee_paid":null,"ts_ms":null,
               "error":{"code":"available_balance_too_low","message":"not enough free balance on exchange 3"}}
            ]}
            """);

        var result = await TestClients.Create(venue).BatchCreateOrdersAsync(
            new BatchCreateOrdersV2Request { Orders = [EndpointCatalog.Order("c-1"), EndpointCatalog.Order("c-2")] }, default);

        Assert.True(result.Success, result.ToString());
        Assert.Equal("o-1", result.Value.Orders[0].OrderId);
        Assert.Null(result.Value.Orders[1].OrderId);
        Assert.Equal("available_balance_too_low", result.Value.Orders[1].Error?.Code);
    }

    [Fact]
    public async Task Order_group_writes_draw_on_the_write_bucket()
    {
        var venue = new RecordedVenue();
        var client = TestClients.Create(venue, write: new BucketSize(1, 5));

        var create = await client.CreateOrderGroupAsync(new CreateOrderGroupRequest { ContractsLimit = 10 }, default);
        var trigger = await client.TriggerOrderGroupAsync(EndpointCatalog.OrderGroupId, new OrderGroupScope(), default);

        Assert.Equal(ExchangeErrorKind.RateLimited, create.Error?.Kind);
        Assert.Equal(ExchangeErrorKind.RateLimited, trigger.Error?.Kind);
        Assert.Empty(venue.Requests);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("trigger")]
    public async Task Reset_and_trigger_put_the_documented_empty_body(string action)
    {
        var venue = new RecordedVenue().Reply(HttpMethod.Put, $"portfolio/order_groups/{EndpointCatalog.OrderGroupId}/{action}", HttpStatusCode.OK, "{}");
        var client = TestClients.Create(venue);
        var scope = new OrderGroupScope { Subaccount = 0, ExchangeIndex = 3 };

        var result = action == "reset"
            ? await client.ResetOrderGroupAsync(EndpointCatalog.OrderGroupId, scope, default)
            : await client.TriggerOrderGroupAsync(EndpointCatalog.OrderGroupId, scope, default);

        Assert.True(result.Success, result.ToString());
        var request = Assert.Single(venue.Requests);
        Assert.Equal("{}", request.Body);
        Assert.Equal("?subaccount=0&exchange_index=3", request.Uri.Query);
    }

    [Fact]
    public async Task An_order_group_needs_a_limit_before_it_is_sent()
    {
        var venue = new RecordedVenue();
        var client = TestClients.Create(venue);

        var create = await client.CreateOrderGroupAsync(new CreateOrderGroupRequest { ExchangeIndex = 3 }, default);
        var update = await client.UpdateOrderGroupLimitAsync(EndpointCatalog.OrderGroupId, new UpdateOrderGroupLimitRequest { Subaccount = 0 }, default);

        Assert.Equal(ExchangeErrorKind.Validation, create.Error?.Kind);
        Assert.Equal(ExchangeErrorKind.Validation, update.Error?.Kind);
        Assert.Empty(venue.Requests);
    }

    [Fact]
    public async Task A_group_with_no_orders_reads_whether_the_list_is_empty_or_null()
    {
        var venue = new RecordedVenue()
            .Reply(HttpMethod.Get, $"portfolio/order_groups/{EndpointCatalog.OrderGroupId}", HttpStatusCode.OK, """{"is_auto_cancel_enabled":false,"orders":null}""", once: true)
            .Reply(HttpMethod.Get, $"portfolio/order_groups/{EndpointCatalog.OrderGroupId}", HttpStatusCode.OK, """{"is_auto_cancel_enabled":false,"orders":[]}""", once: true);
        var client = TestClients.Create(venue);

        var asNull = await client.GetOrderGroupAsync(EndpointCatalog.OrderGroupId, null, default);
        var asEmpty = await client.GetOrderGroupAsync(EndpointCatalog.OrderGroupId, null, default);

        Assert.True(asNull.Success, asNull.ToString());
        Assert.True(asEmpty.Success, asEmpty.ToString());
        Assert.Empty(asEmpty.Value.Orders!);
    }

    private static RecordedVenue CreateReplies(HttpStatusCode status, string body) =>
        new RecordedVenue().Reply(HttpMethod.Post, OrdersPath, status, body);

    private static RecordedVenue BatchVenue() => new RecordedVenue()
        .Reply(HttpMethod.Post, $"{OrdersPath}/batched", HttpStatusCode.Created, ApiDoc.Load("orders/batch-create-orders-v2.md").SampleReply().ToJsonString())
        .Reply(HttpMethod.Delete, $"{OrdersPath}/batched", HttpStatusCode.OK, ApiDoc.Load("orders/batch-cancel-orders-v2.md").SampleReply().ToJsonString())
        .Reply(HttpMethod.Delete, $"{OrdersPath}/{EndpointCatalog.OrderId}", HttpStatusCode.OK, ApiDoc.Load("orders/cancel-order-v2.md").SampleReply().ToJsonString());

    private static async Task<ExchangeError> CreateError(RecordedVenue venue, KalshiClient? client = null)
    {
        var result = await (client ?? TestClients.Create(venue)).CreateOrderAsync(EndpointCatalog.Order("c-1"), default);
        Assert.False(result.Success, "the create should have failed");
        return result.Error;
    }

    private static JsonObject SentJson(RecordedVenue venue) => JsonNode.Parse(Assert.Single(venue.Requests).Body!)!.AsObject();
}
