using System.Text.Json.Nodes;
using TradingBot.Core.Values;
using TradingBot.Worker.Cli;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// The API error guard, alone: the simulator answers every Kalshi call with HTTP 500 until the bot has failed
/// Risk:MaxConsecutiveApiErrors calls in a row and enters safe mode. Once the API answers again the bot scans and
/// evaluates as before but sends nothing, safe mode is in the database with its reason and holds across a restart,
/// and <c>tradingbot resume</c> from another shell lets the running bot trade again within seconds.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ApiErrorGuardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private E2eWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await E2eWorld.StartAsync(output, games: 1, json =>
        {
            json["Risk"]!["MaxConsecutiveApiErrors"] = 3;
            json["Risk"]!["ApiErrorBackoffInitial"] = "00:00:00.2";
            json["Risk"]!["ApiErrorBackoffMax"] = "00:00:01";
            json["Kalshi"]!["ReadRetryAttempts"] = 1;
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Repeated_API_failures_enter_a_persisted_safe_mode_that_only_the_operator_resume_ends()
    {
        var ticker = _world.Game.Ticker;
        _world.StartBot();
        await _world.WaitUntilScanningAsync();

        await _world.AddFaultAsync(new JsonObject { ["kind"] = "status", ["status"] = 500 });
        await _world.UntilAsync(async () => (await _world.Store.Risk.LoadAsync(default)).SafeMode is not null, "safe mode");
        var safeMode = (await _world.Store.Risk.LoadAsync(default)).SafeMode!.Value;
        Assert.Contains("consecutive API failures", safeMode.Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", safeMode.Reason, StringComparison.Ordinal);
        await _world.UntilAsync(async () => (await _world.Store.Notifications.RecentAsync(50, default)).Any(n => n.Kind == "SafeModeEntered"),
            "a SafeModeEntered notification");

        // The API recovers and the model now sees an edge: the bot scans and evaluates, and is refused by safe mode.
        await _world.ClearFaultsAsync();
        var recovered = TimeProvider.System.GetUtcNow();
        await _world.WriteForecastsAsync((ticker, 0.70m));
        await _world.UntilAsync(async () => await _world.Store.Reconciliation.WatermarkAsync(ControlVerbs.LastScanMark, default) > recovered, "scans once the API answers");
        await _world.UntilAsync(() => HaltedBySafeModeAsync(ticker, since: recovered), "safe mode's denial of the edge");
        Assert.Empty(_world.BotOrders());

        // A restart does not leave safe mode: it is read back from the database, unchanged.
        await _world.StopBotAsync();
        var restart = _world.StartBot();
        await _world.WaitUntilScanningAsync();
        await _world.UntilAsync(() => HaltedBySafeModeAsync(ticker, since: restart.StartedAt), "safe mode's denial after the restart");
        Assert.Equal(safeMode, (await _world.Store.Risk.LoadAsync(default)).SafeMode);
        Assert.Empty(_world.BotOrders());
        Assert.Single(await _world.Store.Notifications.RecentAsync(50, default), n => n.Kind == "SafeModeEntered");

        // The operator resumes from another shell; the running bot picks it up and trades within seconds.
        var resume = await _world.CliAsync("resume", "--reason", "API healthy again");
        Assert.True(resume.ExitCode == 0, resume.Error);
        // The CLI writes a command; the running bot carries it out (waiting for it to, the CLI prints the outcome).
        Assert.Contains("carried out by the running bot: resumed: trading active", resume.Output, StringComparison.Ordinal);
        await _world.UntilAsync(() => _world.BotOrders().Count > 0, "an order after resume", TimeSpan.FromSeconds(30));
        Assert.All(_world.BotOrders(), o => Assert.Equal((ticker, BookSide.Bid), (o.Ticker, o.Side)));
        Assert.Null((await _world.Store.Risk.LoadAsync(default)).SafeMode);
    }

    private async Task<bool> HaltedBySafeModeAsync(string ticker, DateTimeOffset since) =>
        (await _world.Store.Decisions.RecentAsync(500, default)).Any(d =>
            d.Ticker.Value == ticker && d.Outcome == "denied" && d.Code == "TRADING_HALTED"
            && d.Detail.Contains("reason=safe_mode", StringComparison.Ordinal) && d.At >= since);
}
