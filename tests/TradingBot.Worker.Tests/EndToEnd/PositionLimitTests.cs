using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// The position limit, alone: a forecast far above the market makes the bot buy, and it buys up to
/// Risk:MaxPositionPerMarket and no further. The order book the executor reads just before its last gate is slowed
/// down (a latency fault on that one path), so the evaluator queues a second full-size intent while the first is
/// still on its way; the executor's gate, on the exposure after the first order filled, denies it as POSITION_LIMIT.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class PositionLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const decimal Cap = 5.00m;
    private E2eWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await E2eWorld.StartAsync(output, games: 1, json =>
        {
            json["Risk"]!["MaxPositionPerMarket"] = Cap;
            // The shipped interval: the limit must hold however long it is until the next reconciliation.
            json["TradingBot"]!["ReconcileInterval"] = "00:02:00";
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_bot_buys_up_to_the_cap_and_no_further_and_a_denial_names_the_limit_while_scanning_goes_on()
    {
        var ticker = _world.Game.Ticker;
        await _world.WriteForecastsAsync((ticker, 0.70m));
        await _world.AddFaultAsync(new JsonObject
        {
            ["kind"] = "latency",
            ["latency_ms"] = 4000,
            ["method"] = "GET",
            ["path_prefix"] = $"markets/{ticker}/orderbook",
        });
        _world.StartBot();

        DecisionRecord? denial = null;
        await _world.UntilAsync(async () =>
        {
            denial = (await _world.Store.Decisions.RecentAsync(500, default)).FirstOrDefault(d => d.Outcome == "denied" && d.Code == "POSITION_LIMIT");
            return denial is not null;
        }, "a POSITION_LIMIT denial");
        await _world.ClearFaultsAsync();

        // The denial carries the limit and what the exposure would have been.
        var figures = DetailFigures().Match(denial!.Detail);
        Assert.True(figures.Success, denial.Detail);
        Assert.Equal(Cap, decimal.Parse(figures.Groups["limit"].Value, CultureInfo.InvariantCulture));
        Assert.True(decimal.Parse(figures.Groups["would_be"].Value, CultureInfo.InvariantCulture) > Cap, denial.Detail);

        // Scanning goes on after the denial, and the bot still buys nothing more.
        var ordersAtDenial = _world.BotOrders().Count;
        await _world.UntilAsync(async () => await _world.Store.Reconciliation.WatermarkAsync(Cli.ControlVerbs.LastScanMark, default) > denial.At + TimeSpan.FromSeconds(3),
            "scans after the denial");
        Assert.Equal(ordersAtDenial, _world.BotOrders().Count);
        // With the cap filled, the edge is still seen and the scans say why nothing more is bought: the target is reached.
        await _world.UntilAsync(async () => (await _world.Store.Decisions.RecentAsync(500, default))
            .Any(d => d.Ticker.Value == ticker && d.Code == "AT_TARGET" && d.Detail.Contains($"target={Cap:0.00}", StringComparison.Ordinal)), "an AT_TARGET decision");

        // At the venue: buys of YES only, costing (fees included) no more than the cap, and within one contract of it.
        var orders = _world.BotOrders();
        Assert.NotEmpty(orders);
        Assert.All(orders, o => Assert.Equal((ticker, BookSide.Bid, false), (o.Ticker, o.Side, o.ReduceOnly)));
        var fills = _world.BotFills();
        var spent = fills.Aggregate(Money.Zero, (sum, f) => sum + f.Count * f.YesPrice + f.Fee);
        Assert.True(spent <= Money.FromDollars(Cap), $"spent {spent} on {ticker}, over the {Cap} cap: {string.Join("; ", orders)}");
        var oneMore = Money.FromDollars(E2eScenario.BestAsk + 0.02m);
        Assert.True(spent + oneMore > Money.FromDollars(Cap), $"spent only {spent}: the bot stopped short of the cap");
        var (held, side, _) = _world.HeldAtVenue(ticker);
        Assert.Equal(OutcomeSide.Yes, side);
        Assert.Equal(fills.Aggregate(Contracts.Zero, (sum, f) => sum + f.Count), held);
    }

    [GeneratedRegex(@"limit=(?<limit>[0-9.]+), would_be=(?<would_be>[0-9.]+)")]
    private static partial Regex DetailFigures();
}
