using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http;
using TradingBot.Simulator.Tests.Http.Support;
using static TradingBot.Simulator.Tests.Http.MarketDataTests;
using static TradingBot.Simulator.Tests.Http.Support.SimServer;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>The /sim admin API: keys, the market clock, settlement, pauses, state, and the scenario hooks.</summary>
public class AdminTests
{
    [Fact]
    public async Task A_key_registered_over_the_admin_API_signs_for_a_new_member_with_its_balance()
    {
        await using var server = await StartAsync();
        var rsa = TestKeys.Next();

        var (status, key) = await server.Admin(HttpMethod.Post, "keys", $$"""{"public_key_pem":{{Pem(rsa)}},"member_id":"dave","starting_balance":"250.00"}""");
        var signer = new TestSigner(rsa, key.GetProperty("key_id").GetString()!, server.Wall);
        var (_, balance) = await server.Call(HttpMethod.Get, "portfolio/balance", signer: signer);
        var (_, keys) = await server.Admin(HttpMethod.Get, "keys");

        Assert.Equal(201, status);
        Assert.Equal("dave", key.GetProperty("member_id").GetString());
        Assert.Equal("basic", key.GetProperty("tier").GetString());
        Assert.Equal("250.0000", balance.GetProperty("balance_dollars").GetString());
        Assert.Equal(3, keys.GetProperty("keys").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"public_key_pem":"not a key"}""")]
    [InlineData("""{"member_id":"x"}""")]
    [InlineData("""{"public_key_pem":"PEM","tier":"platinum"}""")]
    [InlineData("""{"public_key_pem":"PEM","starting_balance":"lots"}""")]
    [InlineData("""{"public_key_pem":"PEM","member_id":"alice","starting_balance":"5.00"}""")]
    [InlineData("""{"public_key_pem":"PEM","key_id":"dup"}""")]
    public async Task A_bad_key_registration_is_400(string json)
    {
        await using var server = await StartAsync();
        await server.Admin(HttpMethod.Post, "keys", $$"""{"public_key_pem":{{Pem(TestKeys.Next())}},"key_id":"dup"}""");

        var (status, body) = await server.Admin(HttpMethod.Post, "keys", json.Replace("\"PEM\"", Pem(TestKeys.Next()), StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.True(body.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Moving_the_market_clock_opens_and_closes_markets_and_expires_orders()
    {
        await using var server = await StartAsync();
        server.Exchange.AddMarket(new MarketSpec($"{Event}-LATER", Event, "later", "x", "x", Start.AddHours(1), Start.AddHours(5)));
        var expiry = Start.AddHours(2).ToUnixTimeSeconds();
        await Place(server, server.Alice, $$"""{"ticker":"{{Dal}}","side":"bid","price":"0.3000","count":"1","time_in_force":"good_till_canceled","self_trade_prevention_type":"maker","expiration_time":{{expiry}}}""");

        var (_, before) = await server.Call(HttpMethod.Get, $"markets/{Event}-LATER");
        var (advanced, clock) = await server.Admin(HttpMethod.Post, "clock/advance", """{"seconds":3600}""");
        var (_, opened) = await server.Call(HttpMethod.Get, $"markets/{Event}-LATER");
        var (set, _) = await server.Admin(HttpMethod.Post, "clock/set", $$"""{"now":"{{Start.AddHours(6):O}}"}""");
        var (_, closed) = await server.Call(HttpMethod.Get, $"markets/{Event}-LATER");
        var (_, orders) = await server.Call(HttpMethod.Get, "portfolio/orders", signer: server.Alice);
        var (backwards, _) = await server.Admin(HttpMethod.Post, "clock/set", $$"""{"now":"{{Start:O}}"}""");

        Assert.Equal("initialized", before.GetProperty("market").GetProperty("status").GetString());
        Assert.Equal(200, advanced);
        Assert.Equal(Start.AddHours(1), clock.GetProperty("market_time").GetDateTimeOffset());
        Assert.Equal(Start, clock.GetProperty("wall_time").GetDateTimeOffset());
        Assert.True(clock.GetProperty("frozen").GetBoolean());
        Assert.Equal(1.0, clock.GetProperty("speed").GetDouble());
        Assert.Equal("active", opened.GetProperty("market").GetProperty("status").GetString());
        Assert.Equal(200, set);
        Assert.Equal("closed", closed.GetProperty("market").GetProperty("status").GetString());
        Assert.Equal("canceled", orders.GetProperty("orders")[0].GetProperty("status").GetString());
        Assert.Equal(400, backwards);
    }

    [Fact]
    public async Task Determining_and_settling_a_market_pays_its_holders()
    {
        await using var server = await StartAsync();
        await TradeOnce(server);

        var (determined, _) = await server.Admin(HttpMethod.Post, $"markets/{Dal}/determine", """{"result":"yes"}""");
        var (_, market) = await server.Call(HttpMethod.Get, $"markets/{Dal}");
        var (settled, _) = await server.Admin(HttpMethod.Post, $"markets/{Dal}/settle");
        var (_, settlements) = await server.Call(HttpMethod.Get, "portfolio/settlements", signer: server.Alice);
        var (twice, _) = await server.Admin(HttpMethod.Post, $"markets/{Dal}/settle");
        var (unknown, _) = await server.Admin(HttpMethod.Post, "markets/NOPE/determine", """{"result":"no"}""");
        var (badResult, _) = await server.Admin(HttpMethod.Post, $"markets/{Nyg}/determine", """{"result":"maybe"}""");

        Assert.Equal((200, 200), (determined, settled));
        Assert.Equal("determined", market.GetProperty("market").GetProperty("status").GetString());
        Assert.Equal("1.0000", market.GetProperty("market").GetProperty("settlement_value_dollars").GetString());
        var settlement = Assert.Single(settlements.GetProperty("settlements").EnumerateArray());
        Assert.Equal(200, settlement.GetProperty("revenue").GetInt64());
        Assert.Equal((409, 404, 400), (twice, unknown, badResult));
    }

    [Fact]
    public async Task Pausing_trading_and_maintenance_show_in_exchange_status_and_refuse_orders()
    {
        await using var server = await StartAsync();

        await server.Admin(HttpMethod.Post, "trading", """{"active":false}""");
        var (_, paused) = await server.Call(HttpMethod.Get, "exchange/status");
        var (pausedOrder, pausedBody) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.3000", "1"), server.Alice);
        await server.Admin(HttpMethod.Post, "trading", """{"active":true}""");
        await server.Admin(HttpMethod.Post, "exchange", """{"active":false}""");
        var (_, down) = await server.Call(HttpMethod.Get, "exchange/status");
        var (downOrder, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.3000", "1"), server.Alice);
        await server.Admin(HttpMethod.Post, "exchange", """{"active":true}""");
        var (resumed, _) = await server.Call(HttpMethod.Post, "portfolio/events/orders", Order(Dal, "bid", "0.3000", "1"), server.Alice);

        Assert.False(paused.GetProperty("trading_active").GetBoolean());
        Assert.True(paused.GetProperty("exchange_active").GetBoolean());
        Assert.Equal(400, pausedOrder);
        Assert.Equal("trading_paused", pausedBody.GetProperty("code").GetString());
        Assert.False(down.GetProperty("exchange_active").GetBoolean());
        Assert.Equal(503, downOrder);
        Assert.Equal(201, resumed);
    }

    [Fact]
    public async Task State_shows_every_members_orders_positions_and_balances()
    {
        await using var server = await StartAsync();
        await TradeOnce(server);
        await Place(server, server.Alice, Order(Dal, "bid", "0.2000", "1", "in-state"));
        var (deposited, _) = await server.Admin(HttpMethod.Post, "members/alice/deposit", """{"amount":"10.00"}""");

        var (status, state) = await server.Admin(HttpMethod.Get, "state");

        Assert.Equal((200, 200), (deposited, status));
        Assert.Equal(Start, state.GetProperty("market_time").GetDateTimeOffset());
        var alice = state.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("member_id").GetString() == "alice");
        Assert.Contains("in-state", alice.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()));
        Assert.Equal("2.00", alice.GetProperty("positions")[0].GetProperty("position_fp").GetString());
        var cash = server.Exchange.Read(x => x.Accounts["alice"].Cash);
        Assert.Equal(cash, Money.Parse(alice.GetProperty("cash_dollars").GetString()!));
        Assert.Equal(2, state.GetProperty("markets").GetArrayLength());
    }

    [Fact]
    public async Task Scenarios_fair_prices_and_clock_listeners_plug_in_through_DI()
    {
        var hooks = new RecordingHooks();
        await using var server = await StartAsync(s =>
        {
            s.AddSingleton<ISimScenario>(hooks);
            s.AddSingleton<ISimFairPrices>(hooks);
            s.AddSingleton<ISimClockListener>(hooks);
        });

        var (_, list) = await server.Admin(HttpMethod.Get, "scenarios");
        var (loaded, _) = await server.Admin(HttpMethod.Post, "scenarios/busy-sunday", """{"games":3}""");
        var (loadedBare, _) = await server.Admin(HttpMethod.Post, "scenarios/busy-sunday");
        var (moved, _) = await server.Admin(HttpMethod.Post, $"markets/{Dal}/fair-price", """{"price":"0.6100"}""");
        var (notQuoted, _) = await server.Admin(HttpMethod.Post, $"markets/{Nyg}/fair-price", """{"price":"0.6100"}""");
        await server.Admin(HttpMethod.Post, "clock/advance", """{"seconds":1.5}""");
        var (missing, _) = await server.Admin(HttpMethod.Post, "scenarios/nope");

        Assert.Equal(["busy-sunday"], list.GetProperty("scenarios").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal((200, 200), (loaded, loadedBare));
        Assert.Equal([3, -1], hooks.Loads);
        Assert.Equal((200, 404), (moved, notQuoted));
        Assert.Equal((Dal, Price.Parse("0.61")), hooks.Fair);
        Assert.Equal(Start.AddSeconds(1.5), hooks.ClockMoves[^1]);
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Fair_prices_need_a_scenario_that_quotes()
    {
        await using var server = await StartAsync();

        var (status, _) = await server.Admin(HttpMethod.Post, $"markets/{Dal}/fair-price", """{"price":"0.6100"}""");

        Assert.Equal(409, status);
    }

    [Fact]
    public async Task The_admin_API_answers_bad_JSON_with_400()
    {
        await using var server = await StartAsync();

        var (status, body) = await server.Admin(HttpMethod.Post, "clock/advance", "{\"seconds\":");

        Assert.Equal(400, status);
        Assert.Equal("invalid_parameters", body.GetProperty("code").GetString());
    }

    private static string Pem(System.Security.Cryptography.RSA rsa) => JsonSerializer.Serialize(rsa.ExportSubjectPublicKeyInfoPem());

    private sealed class RecordingHooks : ISimScenario, ISimFairPrices, ISimClockListener
    {
        public string Name => "busy-sunday";

        public List<int> Loads { get; } = [];

        public (string, Price) Fair { get; private set; }

        public List<DateTimeOffset> ClockMoves { get; } = [];

        public void Load(SimExchange exchange, JsonElement? parameters) =>
            Loads.Add(parameters is { } p ? p.GetProperty("games").GetInt32() : -1);

        public bool TrySet(string ticker, Price fairYesPrice)
        {
            if (ticker != Dal)
                return false;
            Fair = (ticker, fairYesPrice);
            return true;
        }

        public void ClockMoved(SimExchange exchange, DateTimeOffset now) => ClockMoves.Add(now);
    }
}
