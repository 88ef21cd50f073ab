using TradingBot.Simulator.Tests.Http.Support;
using TradingBot.Tests.Shared.KalshiDocs;
using static TradingBot.Simulator.Tests.Http.MarketDataTests;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>The V2 order writes: documented replies, Kalshi's validation, engine refusals with their status.</summary>
public class OrderTests
{
    private static readonly ApiDoc Create = ApiDoc.Load("orders/create-order-v2.md");

    [Fact]
    public async Task A_resting_order_is_created_with_201()
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "10", "c-1"), server.Alice);

        Assert.Equal(201, status);
        Create.AssertReply("post", 201, body);
        Assert.Equal("0.00", body.GetProperty("fill_count").GetString());
        Assert.Equal("10.00", body.GetProperty("remaining_count").GetString());
        Assert.Equal("c-1", body.GetProperty("client_order_id").GetString());
        Assert.False(body.TryGetProperty("average_fill_price", out _));
        Assert.Equal(Start.ToUnixTimeMilliseconds(), body.GetProperty("ts_ms").GetInt64());
    }

    [Fact]
    public async Task A_filled_order_reports_its_average_price_and_fee()
    {
        await using var server = await StartAsync();
        await Place(server, server.Maker, Order(Dal, "ask", "0.5500", "2"));
        await Place(server, server.Maker, Order(Dal, "ask", "0.5700", "2"));

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.6000", "4", timeInForce: "immediate_or_cancel"), server.Alice);

        Assert.Equal(201, status);
        Create.AssertReply("post", 201, body);
        Assert.Equal("4.00", body.GetProperty("fill_count").GetString());
        Assert.Equal("0.00", body.GetProperty("remaining_count").GetString());
        Assert.Equal("0.5600", body.GetProperty("average_fill_price").GetString());
        Assert.True(decimal.Parse(body.GetProperty("average_fee_paid").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task A_reused_client_order_id_is_409()
    {
        await using var server = await StartAsync();
        await Place(server, server.Alice, Order(Dal, "bid", "0.4000", "1", "same-id"));

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.3000", "1", "same-id"), server.Alice);

        Assert.Equal(409, status);
        Create.AssertReply("post", 409, body);
        Assert.Equal("order_already_exists", body.GetProperty("code").GetString());
        Assert.Equal(1, server.Exchange.Read(x => x.Accounts["alice"].Orders.Count));
    }

    [Theory]
    [InlineData("""{"side":"bid","price":"0.5","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "missing_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"buy","price":"0.5","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":1,"time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":0.5,"count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"0","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_order_size")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1.234","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_order_size")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"1.5","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_price")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5555","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker"}""", "invalid_price")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","self_trade_prevention_type":"maker"}""", "missing_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","time_in_force":"gtc","self_trade_prevention_type":"maker"}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","time_in_force":"good_till_canceled"}""", "missing_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","time_in_force":"immediate_or_cancel","self_trade_prevention_type":"maker","expiration_time":1900000000}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker","subaccount":3}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker","exchange_index":4}""", "invalid_parameters")]
    [InlineData($$"""{"ticker":"{{Dal}}","side":"bid","price":"0.5","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker","post_only":"yes"}""", "invalid_parameters")]
    [InlineData("""{"ticker":""", "invalid_parameters")]
    [InlineData("", "invalid_parameters")]
    [InlineData("null", "invalid_parameters")]
    [InlineData("[1,2]", "invalid_parameters")]
    public async Task A_bad_create_is_400_with_Kalshis_body(string json, string code)
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", json, server.Alice);

        Assert.Equal(400, status);
        Create.AssertReply("post", 400, body);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Empty(server.Exchange.Read(x => x.Accounts["alice"].Orders));
    }

    [Theory]
    [InlineData("NOPE-MARKET", "0.5000", "1", 404, "market_not_found")]
    [InlineData(Dal, "0.9900", "5000", 400, "available_balance_too_low")]
    public async Task An_engine_refusal_keeps_its_status_and_code(string ticker, string price, string count, int expectedStatus, string code)
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(ticker, "bid", price, count), server.Alice);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cancel_answers_what_it_took_off()
    {
        await using var server = await StartAsync();
        var (_, created) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "6", "to-cancel"), server.Alice);
        var id = created.GetProperty("order_id").GetString();

        var (status, body) = await server.Call(HttpMethod.Delete, $"portfolio/events/orders/{id}", signer: server.Alice);
        var (again, _) = await server.Call(HttpMethod.Delete, $"portfolio/events/orders/{id}", signer: server.Alice);
        var (unknown, missing) = await server.Call(HttpMethod.Delete, "portfolio/events/orders/nope", signer: server.Alice);

        Assert.Equal(200, status);
        ApiDoc.Load("orders/cancel-order-v2.md").AssertReply("delete", 200, body);
        Assert.Equal("6.00", body.GetProperty("reduced_by").GetString());
        Assert.Equal("to-cancel", body.GetProperty("client_order_id").GetString());
        Assert.Equal(400, again);
        Assert.Equal(404, unknown);
        ApiDoc.Load("orders/cancel-order-v2.md").AssertReply("delete", 404, missing);
    }

    [Fact]
    public async Task Batch_create_places_each_order_and_reports_refusals_per_item()
    {
        await using var server = await StartAsync();
        await Place(server, server.Alice, Order(Dal, "bid", "0.1000", "1", "taken"));
        var batch = $$"""{"orders":[{{Order(Dal, "bid", "0.2000", "1", "b-1")}},{{Order(Dal, "bid", "0.2100", "1", "taken")}},{{Order(Nyg, "ask", "0.8000", "2", "b-3")}}]}""";

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/events/orders/batched", batch, server.Alice);

        Assert.Equal(201, status);
        ApiDoc.Load("orders/batch-create-orders-v2.md").AssertReply("post", 201, body);
        var items = body.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("1.00", items[0].GetProperty("remaining_count").GetString());
        Assert.Equal("order_already_exists", items[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[1].GetProperty("ts_ms").ValueKind);
        Assert.Equal("b-3", items[2].GetProperty("client_order_id").GetString());
        Assert.Equal(3, server.Exchange.Read(x => x.Accounts["alice"].Orders.Count));
    }

    [Fact]
    public async Task A_batch_with_a_malformed_item_places_nothing()
    {
        await using var server = await StartAsync();
        var batch = $$"""{"orders":[{{Order(Dal, "bid", "0.2000", "1")}},{"ticker":"{{Dal}}","side":"bid"}]}""";

        var (status, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders/batched", batch, server.Alice);
        var (empty, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders/batched", """{"orders":[]}""", server.Alice);

        Assert.Equal((400, 400), (status, empty));
        Assert.Empty(server.Exchange.Read(x => x.Accounts["alice"].Orders));
    }

    [Fact]
    public async Task Batch_cancel_cancels_each_order_and_reports_failures_per_item()
    {
        await using var server = await StartAsync();
        var (_, a) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.2000", "3", "x-1"), server.Alice);
        var id = a.GetProperty("order_id").GetString();

        var (status, body) = await server.Call(HttpMethod.Delete, "portfolio/events/orders/batched", $$"""{"orders":[{"order_id":"{{id}}"},{"order_id":"nope"}]}""", server.Alice);

        Assert.Equal(200, status);
        ApiDoc.Load("orders/batch-cancel-orders-v2.md").AssertReply("delete", 200, body);
        var items = body.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal("3.00", items[0].GetProperty("reduced_by").GetString());
        Assert.Equal("0.00", items[1].GetProperty("reduced_by").GetString());
        Assert.Equal("not_found", items[1].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Amend_moves_price_and_size_and_checks_the_restated_order()
    {
        await using var server = await StartAsync();
        var (_, created) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "5", "am-1"), server.Alice);
        var id = created.GetProperty("order_id").GetString();
        var page = ApiDoc.Load("orders/amend-order-v2.md");

        var (status, body) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/amend",
            $$"""{"ticker":"{{Dal}}","side":"bid","price":"0.4100","count":"8","client_order_id":"am-1","updated_client_order_id":"am-2"}""", server.Alice);
        var (wrongTicker, mismatch) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/amend",
            $$"""{"ticker":"{{Nyg}}","side":"bid","price":"0.4100","count":"8"}""", server.Alice);
        var (wrongSide, _) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/amend",
            $$"""{"ticker":"{{Dal}}","side":"ask","price":"0.4100","count":"8"}""", server.Alice);

        Assert.Equal(200, status);
        page.AssertReply("post", 200, body);
        Assert.Equal("8.00", body.GetProperty("remaining_count").GetString());
        Assert.Equal("am-2", body.GetProperty("client_order_id").GetString());
        Assert.Equal(400, wrongTicker);
        Assert.Equal("order_ticker_mismatch", mismatch.GetProperty("code").GetString());
        Assert.Equal(400, wrongSide);
        var order = server.Exchange.Read(x => x.Accounts["alice"].Orders.Single());
        Assert.Equal(("0.4100", "8.00"), (order.YesPrice.ToString(), order.Remaining.ToString()));
    }

    [Fact]
    public async Task Decrease_takes_exactly_one_of_reduce_by_and_reduce_to()
    {
        await using var server = await StartAsync();
        var (_, created) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.4000", "10"), server.Alice);
        var id = created.GetProperty("order_id").GetString();

        var (status, body) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/decrease", """{"reduce_by":"3"}""", server.Alice);
        var (both, _) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/decrease", """{"reduce_by":"1","reduce_to":"2"}""", server.Alice);
        var (neither, _) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/decrease", "{}", server.Alice);
        var (_, toZero) = await server.Call(HttpMethod.Post, $"portfolio/events/orders/{id}/decrease", """{"reduce_to":"0"}""", server.Alice);

        Assert.Equal(200, status);
        ApiDoc.Load("orders/decrease-order-v2.md").AssertReply("post", 200, body);
        Assert.Equal("7.00", body.GetProperty("remaining_count").GetString());
        Assert.Equal((400, 400), (both, neither));
        Assert.Equal("0.00", toZero.GetProperty("remaining_count").GetString());
    }

    [Fact]
    public async Task Order_groups_are_created_read_limited_triggered_reset_and_deleted()
    {
        await using var server = await StartAsync();

        var (created, group) = await server.Call(HttpMethod.Post, "portfolio/order_groups/create", """{"contracts_limit":5}""", server.Alice);
        var id = group.GetProperty("order_group_id").GetString();
        await Place(server, server.Alice, $$"""{"ticker":"{{Dal}}","side":"bid","price":"0.3000","count":"2","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker","order_group_id":"{{id}}"}""");
        var (got, one) = await server.Call(HttpMethod.Get, $"portfolio/order_groups/{id}", signer: server.Alice);
        var (limited, limitBody) = await server.Call(HttpMethod.Put, $"portfolio/order_groups/{id}/limit", """{"contracts_limit_fp":"7.00"}""", server.Alice);
        var (triggered, _) = await server.Call(HttpMethod.Put, $"portfolio/order_groups/{id}/trigger", signer: server.Alice);
        var orderAfterTrigger = server.Exchange.Read(x => x.Accounts["alice"].Orders.Single().Status);
        var (reset, _) = await server.Call(HttpMethod.Put, $"portfolio/order_groups/{id}/reset", signer: server.Alice);
        var (deleted, deleteBody) = await server.Call(HttpMethod.Delete, $"portfolio/order_groups/{id}", signer: server.Alice);
        var (gone, _) = await server.Call(HttpMethod.Get, $"portfolio/order_groups/{id}", signer: server.Alice);
        var (mismatch, _) = await server.Call(HttpMethod.Post, "portfolio/order_groups/create", """{"contracts_limit":5,"contracts_limit_fp":"6.00"}""", server.Alice);

        Assert.Equal(201, created);
        ApiDoc.Load("order-groups/create-order-group.md").AssertReply("post", 201, group);
        Assert.Equal(200, got);
        ApiDoc.Load("order-groups/get-order-group.md").AssertReply("get", 200, one);
        Assert.Single(one.GetProperty("orders").EnumerateArray());
        Assert.Equal("5.00", one.GetProperty("contracts_limit_fp").GetString());
        Assert.Equal(200, limited);
        ApiDoc.Load("order-groups/update-order-group-limit.md").AssertReply("put", 200, limitBody);
        Assert.Equal(200, triggered);
        Assert.Equal(Core.Exchange.OrderStatus.Canceled, orderAfterTrigger);
        Assert.Equal(200, reset);
        Assert.Equal(200, deleted);
        ApiDoc.Load("order-groups/delete-order-group.md").AssertReply("delete", 200, deleteBody);
        Assert.Equal(404, gone);
        Assert.Equal(400, mismatch);
    }

    [Fact]
    public async Task The_switched_off_V1_create_is_404()
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Call(HttpMethod.Post, "portfolio/orders", Order(Dal, "bid", "0.4000", "1"), server.Alice);

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("code").GetString());
    }
}
