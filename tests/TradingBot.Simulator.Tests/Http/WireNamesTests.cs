using System.Reflection;
using System.Text.Json.Serialization;
using TradingBot.Simulator.Http;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Http.Wire;
using TradingBot.Simulator.Tests.Http.Support;
using TradingBot.Tests.Shared.KalshiDocs;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>
/// Every field the simulator reads from a request body is named on the endpoint's doc page (the replies are held
/// to their pages by the endpoint tests), and no body at all, however mangled, gets a 500.
/// </summary>
public class WireNamesTests(WireNamesTests.SharedServer shared) : IClassFixture<WireNamesTests.SharedServer>
{
    [Theory]
    [InlineData(typeof(CreateOrderV2RequestWire), "orders/create-order-v2.md", "post", null)]
    [InlineData(typeof(BatchCreateOrdersV2RequestWire), "orders/batch-create-orders-v2.md", "post", null)]
    [InlineData(typeof(CreateOrderV2RequestWire), "orders/batch-create-orders-v2.md", "post", "orders")]
    [InlineData(typeof(BatchCancelOrdersV2RequestWire), "orders/batch-cancel-orders-v2.md", "delete", null)]
    [InlineData(typeof(BatchCancelItemRequestWire), "orders/batch-cancel-orders-v2.md", "delete", "orders")]
    [InlineData(typeof(AmendOrderV2RequestWire), "orders/amend-order-v2.md", "post", null)]
    [InlineData(typeof(DecreaseOrderV2RequestWire), "orders/decrease-order-v2.md", "post", null)]
    [InlineData(typeof(CreateOrderGroupRequestWire), "order-groups/create-order-group.md", "post", null)]
    [InlineData(typeof(UpdateOrderGroupLimitRequestWire), "order-groups/update-order-group-limit.md", "put", null)]
    public void A_request_body_reads_only_documented_fields(Type wire, string page, string method, string? itemsOf)
    {
        var doc = ApiDoc.Load(page);
        Assert.Equal(method, doc.Method);
        var schema = doc.RequestSchema();
        if (itemsOf is not null)
            schema = (Dictionary<object, object>)doc.Resolve(doc.Properties(schema)[itemsOf])["items"];
        var documented = doc.Properties(schema).Keys.ToList();

        var names = wire.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name).ToList();

        Assert.All(names, name => Assert.Contains(name, documented));
        Assert.Equal(documented.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> MangledBodies()
    {
        var data = new TheoryData<string, string>();
        string[] writes = ["POST portfolio/events/orders", "POST portfolio/events/orders/batched", "DELETE portfolio/events/orders/batched",
            "POST portfolio/events/orders/x/amend", "POST portfolio/events/orders/x/decrease", "POST portfolio/order_groups/create",
            "PUT portfolio/order_groups/x/limit"];
        string[] bodies = ["", "{", "[]", "\"text\"", "42", "null", "{\"orders\":null}", "{\"orders\":[null]}", "{\"orders\":[{}]}", "{\"orders\":\"x\"}",
            "{\"count\":\"-1\",\"price\":\"-0.5\"}", "{\"contracts_limit\":-5}", "{\"contracts_limit\":99999999999999999999}", "{\"reduce_by\":\"1e3\"}",
            "{\"expiration_time\":-1}", "{\"ticker\":{\"a\":1}}"];
        foreach (var write in writes)
        {
            foreach (var body in bodies)
                data.Add(write, body);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MangledBodies))]
    public async Task A_mangled_body_is_a_4xx_with_Kalshis_error_never_a_500(string endpoint, string body)
    {
        var server = shared.Server!;
        var method = new HttpMethod(endpoint.Split(' ')[0]);

        var (status, reply) = await server.Call(method, endpoint.Split(' ')[1], body, shared.Fuzzer);

        Assert.InRange(status, 400, 499);
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("code").GetString()));
    }

    /// <summary>One server for the many mangled bodies, signed by a Prestige key whose bucket outlasts them all.</summary>
    public sealed class SharedServer : IAsyncLifetime
    {
        internal SimServer? Server { get; private set; }

        internal TestSigner? Fuzzer { get; private set; }

        public async Task InitializeAsync()
        {
            Server = await StartAsync();
            var rsa = TestKeys.Next();
            var key = SimMembers.Register(Server.Exchange, Server.Keys, Server.Options,
                new MemberRegistration(rsa.ExportSubjectPublicKeyInfoPem(), "fuzzer", RateTier.Prestige));
            Fuzzer = new TestSigner(rsa, key.Id, Server.Wall);
        }

        public async Task DisposeAsync()
        {
            if (Server is not null)
                await Server.DisposeAsync();
        }
    }
}
