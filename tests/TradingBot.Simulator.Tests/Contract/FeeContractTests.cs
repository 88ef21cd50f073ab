using System.Net.Http.Json;
using System.Security.Cryptography;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Kalshi;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Simulator.Hosting;

namespace TradingBot.Simulator.Tests.Contract;

/// <summary>
/// The fee the bot prices a fill with is the fee the simulator charges for it, over HTTP between the real client and
/// the real simulator: with an event's override, a scheduled series change and a scheduled event change taking
/// effect between scans, and a market's fee waiver until it ends.
/// </summary>
public sealed class FeeContractTests : IAsyncLifetime
{
    private const string Series = "KXNFLGAME";
    private const string Member = "direct";
    private SimulatorServer _server = null!;
    private RSA _key = null!;
    private string _keyId = "";
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Seed = 3, Speed = 0, StepInterval = TimeSpan.FromHours(1) });
        _admin.BaseAddress = new Uri(_server.Address);

        // A direct member's balance is kept to $0.0001, so a fill's fee is its trade fee with no rounding on top (fee_rounding.md).
        _server.Exchange.OpenAccount(Member, Money.FromDollars(1000m), Money.CenticentDecimals);
        _key = RSA.Create(2048);
        var registered = await _admin.PostAsJsonAsync("/sim/keys", new { public_key_pem = _key.ExportSubjectPublicKeyInfoPem(), member_id = Member });
        registered.EnsureSuccessStatusCode();
        _keyId = (await registered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key_id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _key.Dispose();
        await _server.DisposeAsync();
    }

    private KalshiExchange Exchange() =>
        new(KalshiConnection.Create(new KalshiOptions { ApiKeyId = _keyId, UseAccountLimits = false }, _server.ApiUrl, new RequestSigner(_key), TimeProvider.System), _server.Clock);

    private async Task Admin(string path, object body) => (await _admin.PostAsJsonAsync("/sim/" + path, body)).EnsureSuccessStatusCode();

    [Fact]
    public async Task The_simulator_charges_the_fee_the_bot_computes_for_the_same_fill()
    {
        var now = _server.Clock.GetUtcNow();
        var exchange = Exchange();
        var markets = (await exchange.GetMarketsAsync(new MarketQuery(Series), default)).Value!
            .Where(m => m.TopOfBook.NoBid.Exists && m.CloseTime > now.AddHours(6))
            .DistinctBy(m => m.Event)
            .Take(3)
            .ToList();
        Assert.Equal(3, markets.Count);
        var (overridden, changing, waived) = (markets[0], markets[1], markets[2]);
        await Admin($"events/{overridden.Event}/fee_override", new { fee_multiplier_override = 2 });
        await Admin($"series/{Series}/fee_changes", new { fee_type = "quadratic", fee_multiplier = 0.5, scheduled_ts = now.AddHours(1) });
        await Admin($"events/{changing.Event}/fee_changes", new { fee_type_override = "quadratic_with_combo_maker_fees", fee_multiplier_override = 3, scheduled_ts = now.AddHours(2) });
        await Admin($"markets/{waived.Ticker}/fee_waiver", new { expiration_time = now.AddHours(3) });

        // One scan; then the clock moves through every change with no further scan.
        var book = new MarketBook();
        var scan = await new ScanStep(exchange, book, _server.Clock).ScanAsync([Series], _ => true, default);
        Assert.True(scan.Success, scan.ToString());
        Assert.Empty(scan.Value.Problems);
        (int Hour, string Ticker, FeeSchedule Fees)[] expected =
        [
            (0, overridden.Ticker.Value, new(FeeType.QuadraticWithMakerFees, 2m)),
            (0, changing.Ticker.Value, new(FeeType.QuadraticWithMakerFees, 1m)),
            (0, waived.Ticker.Value, new(FeeType.QuadraticWithMakerFees, 0m)),
            (1, overridden.Ticker.Value, new(FeeType.Quadratic, 2m)),
            (2, changing.Ticker.Value, new(FeeType.QuadraticWithComboMakerFees, 3m)),
            (3, waived.Ticker.Value, new(FeeType.Quadratic, 0.5m)),
        ];

        foreach (var (hour, ticker, fees) in expected)
        {
            await Admin("clock/set", new { now = now.AddHours(hour) });
            Assert.True(book.TryGet(MarketTicker.Parse(ticker), out var view));
            var inForce = view.FeesAt(_server.Clock.GetUtcNow());
            Assert.Equal(fees, inForce);

            var ask = (await exchange.GetOrderBookAsync(view.Ticker, default)).Value!.Top.YesAsk;
            Assert.True(ask.Exists, $"{ticker} has no ask at hour {hour}");
            var taken = await exchange.CreateOrderAsync(new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), view.Ticker, BookSide.Bid, ask.Price, Contracts.Whole(7), TimeInForce.ImmediateOrCancel, false, false), default);
            Assert.True(taken.Success, taken.ToString());
            var fills = (await exchange.GetFillsAsync(null, default)).Value!.Where(f => f.OrderId == taken.Value!.OrderId).ToList();
            Assert.NotEmpty(fills);

            foreach (var fill in fills)
            {
                Assert.True(inForce.TryTradeFee(fill.Count, fill.YesPrice, Liquidity.Taker, out var botFee));
                Assert.Equal(botFee, fill.Fee);
            }
        }
    }
}
