using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Simulator.Http;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Faults;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Tests.Http.Support;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>What the gate does when things go wrong inside: a failing handler is a 500 with Kalshi's body, not a crash.</summary>
public class GateTests
{
    [Fact]
    public async Task A_handler_that_throws_becomes_a_500_with_Kalshis_body()
    {
        var exchange = new global::TradingBot.Simulator.Engine.SimExchange(TimeProvider.System);
        var options = new KalshiSimulatorOptions();
        var api = new SimApi(exchange, new ApiKeyRegistry(), new RateLimiter(TimeProvider.System), new FaultInjector(), options, NullLogger.Instance);
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/trade-api/v2/markets";

        var result = await api.Gate(new DefaultEndpointFilterInvocationContext(http), _ => throw new InvalidOperationException("boom"));

        Assert.Equal(500, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        var body = Assert.IsAssignableFrom<IValueHttpResult>(result).Value;
        Assert.Equal("internal_server_error", Assert.IsType<TradingBot.Simulator.Http.Wire.ErrorWire>(body).Code);
    }

    [Fact]
    public async Task A_key_whose_member_has_no_account_is_401()
    {
        await using var server = await StartAsync();
        var rsa = TestKeys.Next();
        var key = server.Keys.Register(rsa.ExportSubjectPublicKeyInfoPem(), "ghost");

        var (status, body) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: new TestSigner(rsa, key.Id, server.Wall));

        Assert.Equal(401, status);
        Assert.Equal("unauthorized", body.GetProperty("code").GetString());
    }
}
