using System.Net.Http.Json;
using System.Security.Cryptography;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Kalshi;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Simulator.Hosting;

namespace TradingBot.Simulator.Tests.Contract;

/// <summary>
/// Exchange shards and subaccounts, between the real client and the real simulator over HTTP: MLB games listed after
/// 24 August 2026 trade on shard 3, whose cash alone pays for them (exchange_sharding.md), and a subaccount's reads
/// and writes see only that subaccount (subaccounts.md).
/// </summary>
public sealed class ShardAndSubaccountContractTests : IAsyncLifetime
{
    /// <summary>After the cutover, and fixed: the shard of a new event depends on when it is listed.</summary>
    private static readonly DateTimeOffset Start = new(2026, 9, 13, 16, 0, 0, TimeSpan.Zero);

    private SimulatorServer _server = null!;
    private RSA _key = null!;
    private string _keyId = "";
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Seed = 3, Speed = 0, Start = Start, StepInterval = TimeSpan.FromHours(1) });
        (_key, _keyId) = _server.CreateKey("bot", Money.FromDollars(1000m));
        _admin.BaseAddress = new Uri(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _key.Dispose();
        await _server.DisposeAsync();
    }

    private KalshiClient Client() =>
        KalshiConnection.Create(new KalshiOptions { ApiKeyId = _keyId, ReadRetryBaseDelay = TimeSpan.Zero }, _server.ApiUrl, new RequestSigner(_key), TimeProvider.System);

    private KalshiExchange Exchange(int subaccount = 0) => new(Client(), _server.Clock, subaccount);

    private async Task DepositAsync(decimal dollars, int exchangeIndex = 0, int subaccount = 0) =>
        (await _admin.PostAsJsonAsync("/sim/members/bot/deposit", new { amount = dollars.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), exchange_index = exchangeIndex, subaccount }))
            .EnsureSuccessStatusCode();

    private static async Task<MarketInfo> OpenMarketAsync(KalshiExchange exchange, string series)
    {
        var markets = await exchange.GetMarketsAsync(new MarketQuery(series), default);
        Assert.True(markets.Success, markets.ToString());
        return markets.Value.First(m => m.TopOfBook.YesBid.Exists && m.TopOfBook.NoBid.Exists);
    }

    /// <summary>Buys 3 YES at the ask (IOC) under a fresh client_order_id, or the given one.</summary>
    private static Task<ExchangeResult<OrderAck>> TakeAsync(KalshiExchange exchange, MarketInfo market, ClientOrderId? clientOrderId = null) =>
        exchange.CreateOrderAsync(new OrderRequest(clientOrderId ?? ClientOrderId.Derive(Guid.NewGuid()), market.Ticker, BookSide.Bid, market.TopOfBook.YesAsk.Price,
            Contracts.Whole(3), TimeInForce.ImmediateOrCancel, false, false), default);

    [Fact]
    public async Task MLB_markets_are_on_shard_3_and_NFL_ones_on_shard_0()
    {
        var exchange = Exchange();

        var mlb = (await exchange.GetMarketsAsync(new MarketQuery("KXMLBGAME"), default)).Value!;
        var nfl = (await exchange.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Value!;

        Assert.NotEmpty(mlb);
        Assert.All(mlb, m => Assert.Equal(3, m.ExchangeIndex));
        Assert.All(nfl, m => Assert.Equal(0, m.ExchangeIndex));
    }

    [Fact]
    public async Task The_balance_breakdown_shows_each_shard_and_an_order_needs_cash_on_its_own_shard()
    {
        var exchange = Exchange();
        var mlb = await OpenMarketAsync(exchange, "KXMLBGAME");

        var before = (await exchange.GetBalanceAsync(default)).Value!;
        var refused = await TakeAsync(exchange, mlb);

        Assert.Equal((Money.FromDollars(1000m), Money.FromDollars(1000m), Money.Zero), (before.Total, before.AvailableOn(0), before.AvailableOn(3)));
        Assert.False(refused.Success);
        Assert.Equal((ExchangeErrorKind.Validation, "available_balance_too_low"), (refused.Error.Kind, refused.Error.Code));
        Assert.Contains("exchange 3", refused.Error.Message, StringComparison.Ordinal);

        await DepositAsync(50m, exchangeIndex: 3);
        var taken = await TakeAsync(exchange, mlb);
        var after = (await exchange.GetBalanceAsync(default)).Value!;

        Assert.True(taken.Success, taken.ToString());
        Assert.Equal(Money.FromDollars(1000m), after.AvailableOn(0));
        Assert.True(after.AvailableOn(3) < Money.FromDollars(50m));
        Assert.Equal(after.AvailableOn(0) + after.AvailableOn(3), after.Total);
    }

    [Fact]
    public async Task A_subaccount_sees_only_its_own_orders_and_fills_and_an_unscoped_read_sees_all()
    {
        await DepositAsync(200m, subaccount: 2);
        var primary = Exchange();
        var second = Exchange(subaccount: 2);
        var nfl = await OpenMarketAsync(primary, "KXNFLGAME");
        // One client_order_id on both: Kalshi holds it unique per subaccount only.
        var shared = ClientOrderId.Derive(Guid.NewGuid());

        var mine = await TakeAsync(primary, nfl, shared);
        var theirs = await TakeAsync(second, nfl, shared);

        Assert.True(mine.Success, mine.ToString());
        Assert.True(theirs.Success, theirs.ToString());
        Assert.Equal([mine.Value.OrderId], (await primary.GetOrdersAsync(null, default)).Value!.Select(o => o.OrderId));
        Assert.Equal([theirs.Value.OrderId], (await second.GetOrdersAsync(null, default)).Value!.Select(o => o.OrderId));
        Assert.All((await primary.GetFillsAsync(null, default)).Value!, f => Assert.Equal(mine.Value.OrderId, f.OrderId));
        Assert.All((await second.GetFillsAsync(null, default)).Value!, f => Assert.Equal(theirs.Value.OrderId, f.OrderId));
        Assert.Equal(Money.FromDollars(200m), (await second.GetBalanceAsync(default)).Value!.Total + (await second.GetFillsAsync(null, default)).Value!
            .Aggregate(Money.Zero, (sum, f) => sum + (f.Count * f.YesPrice) + f.Fee));

        // What the bot read before it named its subaccount: Kalshi's default covers every one.
        var unscoped = await Client().GetOrdersAsync(new GetOrdersRequest(), default);
        Assert.Equal(2, unscoped.Value!.Orders.Count(o => o.ClientOrderId == shared.Value));
    }

    [Fact]
    public async Task A_write_to_a_subaccount_never_opened_is_refused()
    {
        var nfl = await OpenMarketAsync(Exchange(), "KXNFLGAME");

        var result = await TakeAsync(Exchange(subaccount: 5), nfl);

        Assert.False(result.Success);
        Assert.Equal(ExchangeErrorKind.Validation, result.Error.Kind);
        Assert.Contains("subaccount 5 does not exist", result.Error.Message, StringComparison.Ordinal);
    }
}
