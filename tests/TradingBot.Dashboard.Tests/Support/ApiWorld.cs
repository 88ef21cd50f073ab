using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Storage;
using TradingBot.Storage.Tests.Support;

namespace TradingBot.Dashboard.Tests.Support;

/// <summary>
/// The dashboard on a test server over a real, migrated SQLite store that the test fills through the store's own
/// methods, on a fake clock at noon in New York (the trading day's zone).
/// </summary>
internal sealed class ApiWorld : IAsyncDisposable
{
    public const string Token = "s3cret-token-for-tests";
    public static readonly DateTimeOffset Now = new(2026, 8, 7, 16, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(11);
    public static readonly TimeSpan ScanWithin = TimeSpan.FromMinutes(21);
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly ITestDatabase _database;

    private readonly FakeTimeProvider _clock;

    private ApiWorld(ITestDatabase database, IBotStore store, WebApplication app, DashboardSettings settings, FakeTimeProvider clock)
    {
        _database = database;
        _clock = clock;
        Store = store;
        App = app;
        Settings = settings;
        Client = app.GetTestClient();
    }

    public IBotStore Store { get; }

    public WebApplication App { get; }

    public DashboardSettings Settings { get; }

    public HttpClient Client { get; }

    public TestServer Server => App.GetTestServer();

    /// <param name="store">Stands in for the SQLite store (e.g. one that cannot reach its database).</param>
    public static async Task<ApiWorld> StartAsync(string? token = null, string url = "http://127.0.0.1:5080", Func<IBotStore, IBotStore>? store = null)
    {
        var database = new SqliteTestDatabase();
        await Migrator.MigrateAsync(database.Database, TimeProvider.System, default);
        var settings = new DashboardSettings([url], token, Fresh, ScanWithin, NewYork, database.Database.Description);
        var sql = new SqlBotStore(database.Database, TimeProvider.System);
        var used = store?.Invoke(sql) ?? sql;
        var clock = new FakeTimeProvider(Now);
        var app = DashboardApp.Build(settings, used, clock, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new ApiWorld(database, sql, app, settings, clock);
    }

    /// <summary>Moves the dashboard's clock.</summary>
    public void Advance(TimeSpan by) => _clock.Advance(by);

    public HttpRequestMessage Request(HttpMethod method, string path, string? bearer = null, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body };
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    /// <summary>A worker's status as StatusWriter writes it, heartbeat <paramref name="age"/> old.</summary>
    public static BotStatus Status(TimeSpan age, string? safeMode = null, TimeSpan? lastScanAge = null, IReadOnlyList<PositionMark>? marks = null) => new(
        Now - age, Now - TimeSpan.FromHours(1), "0.1.0", "Paper", safeMode is null ? "Active" : "Halted",
        safeMode is null ? [] : [$"safe mode since …: {safeMode}"], false, Money.FromDollars(-12.34m), Money.FromDollars(100m),
        safeMode, safeMode is null ? null : Now - TimeSpan.FromMinutes(3), true, true, Now - (lastScanAge ?? TimeSpan.FromSeconds(30)), 72,
        Money.FromDollars(987.654321m), 1, 1, false, marks);

    public static readonly MarketTicker Ticker = MarketTicker.Parse("KXNFLGAME-26AUG07DALNYG-DAL");
    public static readonly EventTicker Event = EventTicker.Parse("KXNFLGAME-26AUG07DALNYG");

    public static FillInfo Fill(string id, OutcomeSide side, decimal yesPrice, decimal count, decimal fee, DateTimeOffset at) =>
        new(id, "o-1", Ticker, side, Price.FromDollars(yesPrice), Contracts.Of(count), Money.FromDollars(fee), true, at);

    public static OutboxEntry Order(string id, DateTimeOffset at, OutboxStatus status = OutboxStatus.Resting)
    {
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, Ticker, Event, new OrderDirection(OrderAction.Buy, OutcomeSide.Yes),
            Price.Parse("0.4200"), Contracts.Whole(10), Execution.Take, Money.Parse("0.147"), Probability.FromValue(0.5m), Money.Parse("0.8"), Price.Parse("0.4200"));
        return OutboxEntry.FromIntent(intent, ClientOrderId.Parse(id), at) with { Status = status };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
