using System.Text.Json.Nodes;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// The stop-loss floor, alone: the bot holds a position, the market's fair price is moved far down (as news would
/// move it) so the market makers requote around it, and the bot sells the whole position at once with one
/// reduce-only IOC order bounded by a worst price, tells the operator, and neither sells again nor buys back.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StopLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private E2eWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await E2eWorld.StartAsync(output, games: 1, json =>
        {
            json["Risk"]!["MaxPositionPerMarket"] = 5.00m;
            json["Risk"]!["StopLossFloorPercent"] = 50;
            json["Risk"]!["StopLossMaxSlippage"] = 0.05m;
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_position_marked_under_its_floor_is_sold_once_with_a_reduce_only_IOC_and_is_no_longer_held()
    {
        var ticker = _world.Game.Ticker;
        await _world.WriteForecastsAsync((ticker, 0.70m));
        _world.StartBot();
        await _world.UntilAsync(async () => (await _world.Store.Ledger.PositionsAsync(default)).Any(p => p.Ticker.Value == ticker),
            "the bot holds a position it has recorded");
        var (held, side, _) = _world.HeldAtVenue(ticker);
        Assert.Equal(OutcomeSide.Yes, side);
        var buys = _world.BotOrders().Count;

        // Bad news: the fair falls from 0.50 to 0.10; the maker's best YES bid drops to 0.08, far under half the entry cost.
        await _world.AdminAsync($"markets/{ticker}/fair-price", new JsonObject { ["price"] = "0.1000" });
        await _world.WriteForecastsAsync((ticker, 0.10m));

        await _world.UntilAsync(() => _world.HeldAtVenue(ticker).Held.IsZero, "the position is sold at the venue");
        await _world.UntilAsync(async () => (await _world.Store.Ledger.PositionsAsync(default)).All(p => p.Ticker.Value != ticker),
            "the bot no longer holds the position");
        await _world.UntilAsync(async () => (await _world.Store.Notifications.RecentAsync(50, default)).Any(n => n.Kind == "StopLossExit"),
            "a StopLossExit notification");

        // Several more monitor rounds and scans: still exactly one exit, and no buying back.
        var flatAt = TimeProvider.System.GetUtcNow();
        await _world.UntilAsync(async () => await _world.Store.Reconciliation.WatermarkAsync(Cli.ControlVerbs.LastScanMark, default) > flatAt + TimeSpan.FromSeconds(3),
            "scans after the exit");
        var orders = _world.BotOrders();
        var exit = Assert.Single(orders, o => o.Side == BookSide.Ask);
        Assert.Equal(buys, orders.Count - 1);
        Assert.True(exit.ReduceOnly, "the exit must be reduce_only: it can only shrink the position");
        Assert.Equal(TimeInForce.ImmediateOrCancel, exit.TimeInForce);
        Assert.Equal(held, exit.Initial);
        Assert.Equal(held, exit.Filled);
        // Selling YES is an ask on the YES leg, limited to the worst price accepted (the bid less the allowed slippage),
        // far below what was paid: it sold into the fallen market, and no fill went under the bound.
        Assert.True(exit.YesPrice <= Price.Parse("0.25"), $"exit limit {exit.YesPrice}");
        Assert.All(_world.BotFills().Where(f => f.OrderId == exit.OrderId), f => Assert.True(f.YesPrice >= exit.YesPrice, $"filled at {f.YesPrice} under the bound {exit.YesPrice}"));

        var alert = Assert.Single(await _world.Store.Notifications.RecentAsync(50, default), n => n.Kind == "StopLossExit");
        Assert.Contains(ticker, alert.Message, StringComparison.Ordinal);
        var exitDecision = Assert.Single(await _world.Store.Decisions.RecentAsync(500, default),
            d => d.Detail.Contains($"client_order_id={exit.ClientOrderId}", StringComparison.Ordinal));
        Assert.Equal(("submitted", "ACCEPTED"), (exitDecision.Outcome, exitDecision.Code));
    }
}
