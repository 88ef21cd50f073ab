using System.Text.Json.Nodes;
using TradingBot.Core.Values;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// The daily circuit breaker, alone: the bot holds positions in two games; one game is settled against it, which
/// books a realised loss beyond Risk:DailyLossLimit. The breaker trips for the trading day, the operator is told,
/// no order is sent even for a fresh edge in a third game, the other position is held (nothing is sold), and a
/// restart of the bot on the same database changes none of it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CircuitBreakerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const decimal DailyLossLimit = 3.00m;
    private E2eWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await E2eWorld.StartAsync(output, games: 3, json =>
        {
            json["Risk"]!["MaxPositionPerMarket"] = 5.00m;
            json["Risk"]!["DailyLossLimit"] = DailyLossLimit;
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_loss_beyond_the_limit_stops_new_orders_for_the_day_holds_positions_and_survives_a_restart()
    {
        var (lost, held, fresh) = (_world.Games[0].Ticker, _world.Games[1].Ticker, _world.Games[2].Ticker);
        await _world.WriteForecastsAsync((lost, 0.70m), (held, 0.70m));
        _world.StartBot();
        await _world.UntilAsync(async () => (await _world.Store.Ledger.PositionsAsync(default)).Count(p => p.Ticker.Value == lost || p.Ticker.Value == held) == 2,
            "positions in two games");

        // The first game goes against the bot: its YES contracts settle at zero.
        await _world.AdminAsync($"markets/{lost}/determine", new JsonObject { ["result"] = "no" });
        await _world.AdminAsync($"markets/{lost}/settle");

        await _world.UntilAsync(async () => (await _world.Store.Risk.LoadAsync(default)).CircuitBreaker is { } trip && trip.TradingDay == _world.Today,
            "the circuit breaker trips for today");
        var trip = (await _world.Store.Risk.LoadAsync(default)).CircuitBreaker!.Value;
        Assert.True(trip.RealisedAtTrip <= Money.FromDollars(-DailyLossLimit), $"tripped at {trip.RealisedAtTrip}");
        await _world.UntilAsync(async () => (await _world.Store.Notifications.RecentAsync(50, default)).Any(n => n.Kind == "CircuitBreakerTripped"),
            "a CircuitBreakerTripped notification");
        var heldBefore = _world.HeldAtVenue(held);
        Assert.False(heldBefore.Held.IsZero);
        var ordersAtTrip = _world.BotOrders().Count;

        // A third game now shows the same edge: the bot evaluates it and is refused by the breaker.
        await _world.WriteForecastsAsync((held, 0.70m), (fresh, 0.70m));
        await _world.UntilAsync(() => HaltedByBreakerAsync(fresh, since: null), "the breaker's denial of a fresh edge");
        AssertNothingSentSince(ordersAtTrip, held, heldBefore.Held);

        // A restart reads the breaker back from the database: still no orders today.
        await _world.StopBotAsync();
        var restart = _world.StartBot();
        await _world.WaitUntilScanningAsync();
        await _world.UntilAsync(() => HaltedByBreakerAsync(fresh, since: restart.StartedAt), "the breaker's denial after the restart");
        Assert.Equal(_world.Today, (await _world.Store.Risk.LoadAsync(default)).CircuitBreaker?.TradingDay);
        AssertNothingSentSince(ordersAtTrip, held, heldBefore.Held);
        Assert.Single(await _world.Store.Notifications.RecentAsync(50, default), n => n.Kind == "CircuitBreakerTripped");
    }

    private async Task<bool> HaltedByBreakerAsync(string ticker, DateTimeOffset? since) =>
        (await _world.Store.Decisions.RecentAsync(500, default)).Any(d =>
            d.Ticker.Value == ticker && d.Outcome == "denied" && d.Code == "TRADING_HALTED"
            && d.Detail.Contains("reason=circuit_breaker", StringComparison.Ordinal) && (since is null || d.At >= since));

    /// <summary>No order of any kind since the trip: no entry anywhere, no exit of what is held.</summary>
    private void AssertNothingSentSince(int ordersAtTrip, string held, Contracts heldCount)
    {
        var orders = _world.BotOrders();
        Assert.Equal(ordersAtTrip, orders.Count);
        Assert.DoesNotContain(orders, o => o.Side == BookSide.Ask);
        Assert.Equal(heldCount, _world.HeldAtVenue(held).Held);
    }
}
