using TradingBot.Simulator.Scenarios;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Faults;

namespace TradingBot.Simulator.Tests.Http.Support;

/// <summary>
/// The simulator on a real Kestrel server at 127.0.0.1 on a free port, with a fake wall clock (signatures, rate
/// limits, latency) and a manual market clock, seeded with one NFL game of two markets and two members: the bot
/// ("alice") and a market maker ("maker").
/// </summary>
internal sealed class SimServer : IAsyncDisposable
{
    public const string Series = "KXNFLGAME";
    public const string Event = "KXNFLGAME-26SEP13DALNYG";
    public const string Dal = "KXNFLGAME-26SEP13DALNYG-DAL";
    public const string Nyg = "KXNFLGAME-26SEP13DALNYG-NYG";

    public static readonly DateTimeOffset Start = new(2026, 9, 10, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset GameStart = new(2026, 9, 13, 17, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private SimServer(WebApplication app, FakeTimeProvider wall, SimClock market, SimExchange exchange, HttpClient client)
    {
        _app = app;
        Wall = wall;
        Market = market;
        Exchange = exchange;
        Client = client;
        Keys = app.Services.GetRequiredService<ApiKeyRegistry>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Options = app.Services.GetRequiredService<KalshiSimulatorOptions>();
        Alice = Register("alice", Money.FromDollars(1_000m));
        Maker = Register("maker", Money.FromDollars(100_000m));
    }

    public FakeTimeProvider Wall { get; }

    public SimClock Market { get; }

    public SimExchange Exchange { get; }

    public HttpClient Client { get; }

    public ApiKeyRegistry Keys { get; }

    public FaultInjector Faults { get; }

    public KalshiSimulatorOptions Options { get; }

    public TestSigner Alice { get; }

    public TestSigner Maker { get; }

    public static async Task<SimServer> StartAsync(Action<IServiceCollection>? services = null)
    {
        var wall = new FakeTimeProvider(Start);
        var market = SimClock.Frozen(Start);
        var exchange = new SimExchange(market);
        Seed(exchange);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddKalshiSimulator(o =>
        {
            o.WallClock = wall;
            o.FaultSeed = 7;
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapKalshiApi(exchange);
        app.MapSimulatorAdmin(exchange, market);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SimServer(app, wall, market, exchange, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A new member with a key of its own, registered in process.</summary>
    public TestSigner Register(string memberId, Money balance)
    {
        var rsa = TestKeys.Next();
        var key = SimMembers.Register(Exchange, Keys, Options, new MemberRegistration(rsa.ExportSubjectPublicKeyInfoPem(), memberId, StartingBalance: balance));
        return new TestSigner(rsa, key.Id, Wall);
    }

    /// <summary>A request to the Kalshi API (path relative to /trade-api/v2), signed by <paramref name="signer"/> unless null.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, string? json = null, TestSigner? signer = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Client.BaseAddress!, "/trade-api/v2/" + path));
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        signer?.Sign(request);
        return request;
    }

    public Task<HttpResponseMessage> Send(HttpMethod method, string path, string? json = null, TestSigner? signer = null) =>
        Client.SendAsync(Request(method, path, json, signer));

    public Task<HttpResponseMessage> Get(string path, TestSigner? signer = null) => Send(HttpMethod.Get, path, signer: signer);

    /// <summary>A reply's status and JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(int Status, JsonElement Body)> Call(HttpMethod method, string path, string? json = null, TestSigner? signer = null) =>
        await Read(await Send(method, path, json, signer));

    /// <summary>The admin API (path relative to /sim).</summary>
    public async Task<(int Status, JsonElement Body)> Admin(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "/sim/" + path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Read(await Client.SendAsync(request));
    }

    /// <summary>A GTC order body on the YES leg.</summary>
    public static string Order(string ticker, string side, string price, string count, string? clientOrderId = null, string timeInForce = "good_till_canceled") =>
        $$"""
        {"ticker":"{{ticker}}","side":"{{side}}","price":"{{price}}","count":"{{count}}","time_in_force":"{{timeInForce}}",
         "self_trade_prevention_type":"taker_at_cross"{{(clientOrderId is null ? "" : $",\"client_order_id\":\"{clientOrderId}\"")}}}
        """;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Seed(SimExchange exchange)
    {
        exchange.AddSeries(new SimSeries(Series, "Pro Football Game", "Sports", FeeType.Quadratic, 1m));
        exchange.AddEvent(new SimEvent(Event, Series, "Dallas at New York G", "DAL at NYG", GameStart, "NFL"));
        foreach (var (ticker, team) in new[] { (Dal, "Dallas"), (Nyg, "New York G") })
            exchange.AddMarket(new MarketSpec(ticker, Event, $"{team} wins?", team, team, Start.AddDays(-1), GameStart.AddHours(4)));
    }
}
