using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Storage;
using TradingBot.Storage.Tests.Support;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;
using TradingBot.Worker.Trading;

namespace TradingBot.Dashboard.Tests;

/// <summary>
/// A command sent through the API reaches a running worker over storage alone: the dashboard and the worker's real
/// ControlsWatcher (TradingControls, OperatorCommands, StatusWriter) share only the database, each with its own
/// connection, on the wall clock as in production.
/// </summary>
public abstract class ControlEndToEndTests
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    /// <summary>The refresh interval, and slack for a loaded two-core CI machine's database writes.</summary>
    private static readonly TimeSpan CarriedOutWithin = Refresh + TimeSpan.FromSeconds(2);

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    protected async Task A_command_sent_through_the_api_is_carried_out_by_the_running_worker_within_its_refresh_interval()
    {
        await using var database = await CreateDatabaseAsync();
        await Migrator.MigrateAsync(database.Database, TimeProvider.System, default);
        var clock = TimeProvider.System;

        // The worker's side.
        var workerStore = new SqlBotStore(database.Database, clock);
        var risk = new RiskOptions { MaxPositionPerMarket = 10m, StopLossFloorPercent = 50m, DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var alerts = new KeptAlerts();
        var controls = new TradingControls(workerStore.Risk, risk, zone, alerts, clock);
        var readiness = new StoreReadiness();
        readiness.MarkReady();
        var watcher = new ControlsWatcher(controls, new OperatorCommands(workerStore.Control, controls, alerts, clock),
            new StatusWriter(workerStore, controls, new MarketBook(), risk, clock, "test", "Paper"), readiness,
            Options.Create(new TradingBotOptions { ControlsRefreshInterval = Refresh }), clock, NullLogger<ControlsWatcher>.Instance);

        // The dashboard's side, with a store of its own.
        var settings = new DashboardSettings(["http://127.0.0.1:5080"], "token-e2e", ControlVerbsFresh, TimeSpan.FromMinutes(21), zone, database.Database.Description);
        await using var app = DashboardApp.Build(settings, new SqlBotStore(database.Database, clock), clock, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();

        await watcher.StartAsync(default);
        try
        {
            await UntilAsync(async () => (await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "the worker's first heartbeat");

            var halt = await SendAsync(client, "halt");
            var done = await CarriedOutAsync(workerStore, halt);
            Assert.Equal(TradingState.Halted, controls.Status.State);
            Assert.Contains("by api:", controls.OperatorReason, StringComparison.Ordinal);
            Assert.Contains(alerts.Messages, m => m.Contains($"halt #{halt} from api:", StringComparison.Ordinal));
            Assert.Equal(TradingState.Halted, (await workerStore.Risk.LoadAsync(default)).OperatorState);
            await UntilAsync(async () => Json(await client.GetStringAsync("/api/status")).GetProperty("state").GetString() == "Halted", "the status to show the halt");
            Assert.Contains(Json(await client.GetStringAsync("/api/risk-events")).EnumerateArray(),
                e => e.GetProperty("commandId").ValueKind == JsonValueKind.Number && e.GetProperty("commandId").GetInt64() == halt
                    && e.GetProperty("message").GetString()!.Contains(done.Outcome!, StringComparison.Ordinal));

            var resume = await SendAsync(client, "resume");
            await CarriedOutAsync(workerStore, resume);
            Assert.Equal(TradingState.Active, controls.Status.State);
        }
        finally
        {
            await watcher.StopAsync(default);
        }
    }

    private static TimeSpan ControlVerbsFresh => (Refresh * 3) + TimeSpan.FromSeconds(5);

    private static async Task<long> SendAsync(HttpClient client, string action)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/control/" + action) { Content = new StringContent("{\"reason\": \"end to end\"}") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-e2e");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Json(await response.Content.ReadAsStringAsync()).GetProperty("id").GetInt64();
    }

    private static async Task<ControlCommand> CarriedOutAsync(SqlBotStore store, long id)
    {
        ControlCommand? done = null;
        await UntilAsync(async () => (done = (await store.Control.RecentAsync(10, default)).SingleOrDefault(c => c.Id == id && !c.IsPending)) is not null,
            $"command #{id} to be carried out");
        Assert.True(done!.DoneAt - done.IssuedAt <= CarriedOutWithin, $"command #{id} took {(done.DoneAt - done.IssuedAt)!.Value.TotalMilliseconds} ms");
        return done;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"timed out waiting for {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, default);
        }
    }

    private sealed class KeptAlerts : IOperatorAlerts
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public void Raise(AlertKind kind, string message) => _messages.Enqueue(message);
    }
}

public class SqliteControlEndToEndTests : ControlEndToEndTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());

    [Fact]
    public Task Api_command_is_carried_out_by_the_running_worker_on_sqlite() =>
        A_command_sent_through_the_api_is_carried_out_by_the_running_worker_within_its_refresh_interval();
}

public class PostgresControlEndToEndTests : ControlEndToEndTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();

    [SkippableFact]
    public Task Api_command_is_carried_out_by_the_running_worker_on_postgres()
    {
        Skip.If(PostgresTestDatabase.ConnectionString is null, PostgresTestDatabase.SkipReason);
        return A_command_sent_through_the_api_is_carried_out_by_the_running_worker_within_its_refresh_interval();
    }
}
