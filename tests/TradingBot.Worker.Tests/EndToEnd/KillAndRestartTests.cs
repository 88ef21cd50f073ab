using System.Text.Json.Nodes;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// Start-up is recovery (invariant 7): the simulator accepts the bot's order but holds the answer back, the bot is
/// killed with SIGKILL while the create call is in flight, and a new bot on the same database settles the order
/// by its client_order_id. In the end every outbox intent is exactly one order at the exchange, no order exists
/// that the outbox does not know, and every fill is in the ledger exactly once.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class KillAndRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private E2eWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await E2eWorld.StartAsync(output, games: 1, json =>
        {
            json["Risk"]!["MaxPositionPerMarket"] = 5.00m;
            // Long enough that the create is still waiting for its answer when the bot is killed.
            json["Kalshi"]!["RequestTimeout"] = "00:00:45";
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Killed_mid_order_and_restarted_the_bot_has_one_exchange_order_per_intent_and_every_fill_once()
    {
        var ticker = _world.Game.Ticker;
        await _world.WriteForecastsAsync((ticker, 0.70m));
        await _world.AddFaultAsync(new JsonObject
        {
            ["kind"] = "accept_then_timeout",
            ["method"] = "POST",
            ["path_prefix"] = "portfolio/events/orders",
            ["count"] = 1,
            ["hold_ms"] = 40_000,
        });
        _world.StartBot();

        // The exchange has the order; the bot has only its intent, still waiting for the answer.
        await _world.UntilAsync(async () => _world.BotOrders().Count == 1 && (await AllIntentsAsync()).Any(e => e.Status == OutboxStatus.Pending),
            "an order placed at the exchange while its create call is in flight");
        await _world.KillBotAsync();
        await _world.ClearFaultsAsync();

        var inFlight = Assert.Single(await AllIntentsAsync());
        Assert.Equal(OutboxStatus.Pending, inFlight.Status);
        Assert.Equal(inFlight.ClientOrderId.Value, Assert.Single(_world.BotOrders()).ClientOrderId);
        Assert.Empty(await _world.Store.Ledger.FillsAsync(default));

        _world.StartBot();
        await _world.WaitUntilScanningAsync();
        await _world.UntilAsync(async () => (await AllIntentsAsync()).All(e => !e.BlocksMarket)
            && (await _world.Store.Ledger.FillsAsync(default)).Count == _world.BotFills().Count, "the in-flight order settled and its fills recorded");
        // Some more scans on the recovered state, which must not send the order again.
        var settled = TimeProvider.System.GetUtcNow();
        await _world.UntilAsync(async () => await _world.Store.Reconciliation.WatermarkAsync(Cli.ControlVerbs.LastScanMark, default) > settled + TimeSpan.FromSeconds(3),
            "scans after recovery");

        var intents = await AllIntentsAsync();
        var orders = _world.BotOrders();
        Assert.Equal(OutboxStatus.Filled, intents.Single(e => e.ClientOrderId == inFlight.ClientOrderId).Status);
        // One exchange order per intent that was not refused, and no exchange order the outbox does not hold.
        Assert.Equal(orders.Select(o => o.ClientOrderId).Order(), intents.Where(e => e.Status != OutboxStatus.Rejected).Select(e => e.ClientOrderId.Value).Order());
        Assert.Equal(orders.Count, orders.Select(o => o.ClientOrderId).Distinct().Count());

        // Every fill once, and the positions agree.
        var ours = await _world.Store.Ledger.FillsAsync(default);
        var theirs = _world.BotFills();
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs.Select(f => f.FillId).Order(), ours.Select(f => f.FillId).Order());
        var position = Assert.Single(await _world.Store.Ledger.PositionsAsync(default));
        var venue = _world.HeldAtVenue(ticker);
        Assert.Equal((venue.Held, venue.Side), (position.Count, (OutcomeSide?)position.Side));
        // The recovered position counts against the cap: nothing was bought a second time.
        Assert.True(theirs.Aggregate(Money.Zero, (sum, f) => sum + f.Count * f.YesPrice + f.Fee) <= Money.FromDollars(5.00m));
    }

    private Task<IReadOnlyList<OutboxEntry>> AllIntentsAsync() => _world.Store.Outbox.SinceAsync(DateTimeOffset.UnixEpoch, default);
}
