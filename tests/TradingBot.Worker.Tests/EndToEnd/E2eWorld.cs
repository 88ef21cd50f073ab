using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Simulator.Hosting;
using TradingBot.Storage;
using TradingBot.Worker.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>An order of the bot's as the simulated exchange has it.</summary>
internal sealed record VenueOrder(string OrderId, string ClientOrderId, string Ticker, BookSide Side, Price YesPrice, Contracts Initial, Contracts Filled,
    TimeInForce TimeInForce, bool ReduceOnly, OrderStatus Status, DateTimeOffset Created);

/// <summary>A fill of the bot's as the simulated exchange has it.</summary>
internal sealed record VenueFill(string FillId, string OrderId, string Ticker, BookSide Side, Price YesPrice, Contracts Count, Money Fee);

/// <summary>
/// The world of one end-to-end test: a simulator on 127.0.0.1 (port 0) running the test slate at real speed, the
/// bot's member "bot" with its key (PEM, mode 600), a forecast CSV the test writes, an appsettings.json made from
/// the shipped one (Paper mode against that simulator, short intervals, the test's risk limits), and the real
/// <c>tradingbot</c> process started, stopped and killed on demand over one SQLite file, which the test reads
/// through a <see cref="SqlBotStore"/> of its own.
/// </summary>
internal sealed class E2eWorld : IAsyncDisposable
{
    public const string Member = "bot";
    public const decimal StartingBalance = 1000m;

    /// <summary>Generous: a loaded two-core CI machine must not fail a test that is merely slow.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ITestOutputHelper _output;
    private readonly TempConfig _config;
    private readonly HttpClient _admin;
    private readonly List<BotRun> _runs = [];

    private E2eWorld(ITestOutputHelper output, TempConfig config, SimulatorServer simulator, IReadOnlyList<E2eGame> games, string zone)
    {
        _output = output;
        _config = config;
        Simulator = simulator;
        Games = games;
        TradingDayZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        _admin = new HttpClient { BaseAddress = new Uri(simulator.Address), Timeout = TimeSpan.FromSeconds(30) };
        Store = new SqlBotStore(BotDatabase.Sqlite(DatabasePath), TimeProvider.System);
    }

    public SimulatorServer Simulator { get; }

    public IReadOnlyList<E2eGame> Games { get; }

    public E2eGame Game => Games[0];

    /// <summary>The bot's database, read by the test while the bot runs (SQLite in WAL mode allows it).</summary>
    public SqlBotStore Store { get; }

    public TimeZoneInfo TradingDayZone { get; }

    public string DatabasePath => Path.Combine(_config.Directory, "data", BotDatabase.SqliteFileName);

    public string ForecastPath => Path.Combine(_config.Directory, "forecasts.csv");

    public BotRun? Bot { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TradingDayZone).DateTime);

    /// <param name="settings">Edits to the configuration on top of the end-to-end defaults (risk limits, mostly).</param>
    public static async Task<E2eWorld> StartAsync(ITestOutputHelper output, int games = 1, Action<JsonObject>? settings = null)
    {
        var config = new TempConfig();
        SimulatorServer? simulator = null;
        try
        {
            var slate = E2eScenario.Games(games, TimeProvider.System.GetUtcNow());
            var scenarioPath = Path.Combine(config.Directory, "scenario.json");
            await File.WriteAllTextAsync(scenarioPath, E2eScenario.Json(slate));
            simulator = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = scenarioPath, Speed = 1 });

            var (key, keyId) = simulator.CreateKey(Member, Money.FromDollars(StartingBalance));
            var keyPath = Path.Combine(config.Directory, "kalshi.pem");
            await using (var file = new FileStream(keyPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                await file.WriteAsync(Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
            }

            key.Dispose();
            var zone = ZoneAtNoon(TimeProvider.System.GetUtcNow());
            var json = JsonNode.Parse(await File.ReadAllTextAsync(config.Path))!.AsObject();
            Configure(json, config.Directory, simulator, keyId, keyPath, zone);
            settings?.Invoke(json);
            await File.WriteAllTextAsync(config.Path, json.ToJsonString());

            var world = new E2eWorld(output, config, simulator, slate, zone);
            await world.WriteForecastsAsync();
            return world;
        }
        catch
        {
            if (simulator is not null)
                await simulator.DisposeAsync();
            config.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The circuit breaker's trading day is a calendar day in a zone. A fixed-offset zone where it is about noon now
    /// keeps the day from rolling over in the middle of a test, whenever the test runs.
    /// </summary>
    private static string ZoneAtNoon(DateTimeOffset now)
    {
        var offset = Math.Clamp(12 - now.UtcDateTime.Hour, -12, 14);
        // POSIX sign convention: Etc/GMT-3 is three hours ahead of UTC.
        return offset switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{offset}",
            _ => $"Etc/GMT+{-offset}",
        };
    }

    private static void Configure(JsonObject json, string folder, SimulatorServer simulator, string keyId, string keyPath, string zone)
    {
        var bot = json["TradingBot"]!.AsObject();
        bot["Mode"] = "Paper";
        bot["DataDirectory"] = Path.Combine(folder, "data");
        bot["LogFormat"] = "Plain";
        bot["MonitorInterval"] = "00:00:00.5";
        bot["ReconcileInterval"] = "00:00:01";
        bot["ControlsRefreshInterval"] = "00:00:00.5";
        // A paper bot serves its dashboard in process: on a port of its own, so bots of parallel tests do not collide.
        json["Dashboard"]!["Urls"] = "http://127.0.0.1:0";

        var kalshi = json["Kalshi"]!.AsObject();
        kalshi["BaseUrl"] = simulator.ApiUrl.ToString();
        kalshi["ApiKeyId"] = keyId;
        kalshi["PrivateKeyPath"] = keyPath;

        var risk = json["Risk"]!.AsObject();
        risk["MaxPositionPerMarket"] = 5.00m;
        risk["DailyLossLimit"] = 100.00m;
        risk["MaxConsecutiveApiErrors"] = 5;
        risk["ApiErrorBackoffInitial"] = "00:00:00.2";
        risk["ApiErrorBackoffMax"] = "00:00:01";
        risk["TradingDayTimeZone"] = zone;

        // Scanner:Series is left at its default, which includes the test's series: the bot binds a configured list
        // onto the default one (it appends), so listing KXNFLGAME here would scan it twice.
        var scanner = json["Scanner"]!.AsObject();
        scanner["IdleInterval"] = "00:00:05";
        scanner["SlowInterval"] = "00:00:05";
        scanner["FastInterval"] = "00:00:01";
        scanner["PausedInterval"] = "00:00:02";

        // Off unless a test turns it on: the shipped port is one per machine, and these bots are many.
        json["Metrics"]!["Enabled"] = false;

        var file = json["Forecasts"]!["File"]!.AsObject();
        file["Enabled"] = true;
        file["Path"] = Path.Combine(folder, "forecasts.csv");
    }

    /// <summary>Replaces the forecast feed (by rename, as the feed's README asks): YES probabilities by ticker, as of now.</summary>
    public async Task WriteForecastsAsync(params (string Ticker, decimal Probability)[] rows)
    {
        var asOf = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var text = new StringBuilder("ticker,probability,as_of\n");
        foreach (var (ticker, probability) in rows)
            text.Append(CultureInfo.InvariantCulture, $"{ticker},{probability},{asOf}\n");
        // A comment-only feed has no usable row and would not be applied: an unknown ticker stands for "nothing".
        if (rows.Length == 0)
            text.Append(CultureInfo.InvariantCulture, $"{E2eScenario.Series}-00JAN01NONE-NONE,0.5,{asOf}\n");
        var temporary = ForecastPath + ".tmp";
        await File.WriteAllTextAsync(temporary, text.ToString());
        File.Move(temporary, ForecastPath, overwrite: true);
    }

    public BotRun StartBot()
    {
        Assert.True(Bot is null, "a bot is already running on this database");
        Bot = BotRun.Start(_config.Directory, _config.Path);
        _runs.Add(Bot);
        return Bot;
    }

    /// <summary>Waits until the bot has reconciled and scanned since it started: it is trading from here on.</summary>
    public async Task WaitUntilScanningAsync()
    {
        var since = Bot!.StartedAt;
        await UntilAsync(async () => await Store.Reconciliation.WatermarkAsync(Cli.ControlVerbs.LastScanMark, default) > since, "the bot scans");
    }

    /// <summary>Polls until the condition holds; fails with the bot's log when the deadline passes first.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        Exception? last = null;
        while (TimeProvider.System.GetElapsedTime(started) < (deadline ?? Deadline))
        {
            try
            {
                if (await condition())
                    return;
                last = null;
            }
            catch (StorageException ex)
            {
                // The bot may not have created or migrated the database yet.
                last = ex;
            }

            if (Bot is { HasExited: true })
                Assert.Fail($"the bot exited while waiting for: {what}\n{Bot.Log}");
            await Task.Delay(PollInterval, TimeProvider.System);
        }

        Assert.Fail($"timed out after {(deadline ?? Deadline).TotalSeconds} s waiting for: {what}{(last is null ? "" : $" (last error: {last.Message})")}");
    }

    public Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null) => UntilAsync(() => Task.FromResult(condition()), what, deadline);

    /// <summary>SIGTERM, as systemd stops the service; the bot must exit cleanly.</summary>
    public async Task StopBotAsync()
    {
        var bot = Bot!;
        Bot = null;
        await bot.StopAsync();
    }

    /// <summary>SIGKILL, as kill -9 or a power cut.</summary>
    public async Task KillBotAsync()
    {
        var bot = Bot!;
        Bot = null;
        await bot.KillAsync();
    }

    public IReadOnlyList<VenueOrder> BotOrders() => Simulator.Exchange.Read(x => x.Accounts[Member].OrderHistory
        .Select(o => new VenueOrder(o.Id, o.ClientOrderId, o.Ticker, o.Side, o.YesPrice, o.Initial, o.Filled, o.Submission.TimeInForce, o.Submission.ReduceOnly, o.Status, o.Created))
        .ToList());

    public IReadOnlyList<VenueFill> BotFills() => Simulator.Exchange.Read(x => x.Accounts[Member].FillHistory
        .Select(f => new VenueFill(f.FillId, f.OrderId, f.Ticker, f.Side, f.YesPrice, f.Count, f.Fee))
        .ToList());

    /// <summary>Contracts the bot holds in a market at the venue, and on which side (null when flat).</summary>
    public (Contracts Held, OutcomeSide? Side, Money Cost) HeldAtVenue(string ticker) => Simulator.Exchange.Read(x =>
        x.Accounts[Member].PositionsByTicker.TryGetValue(ticker, out var p) ? (p.Held, p.Side, p.Cost) : (Contracts.Zero, (OutcomeSide?)null, Money.Zero));

    /// <summary>POST /sim/faults: the simulator answers matching Kalshi API requests with the fault until it is removed.</summary>
    public async Task<string> AddFaultAsync(JsonObject fault)
    {
        using var response = await _admin.PostAsync("/sim/faults", Json(fault));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /sim/faults: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["fault_id"]!.ToString();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await _admin.DeleteAsync("/sim/faults");
        Assert.True(response.IsSuccessStatusCode, $"DELETE /sim/faults: {(int)response.StatusCode}");
    }

    /// <summary>POST /sim/{path} with a JSON body; the admin API must accept it.</summary>
    public async Task AdminAsync(string path, JsonObject? body = null)
    {
        using var response = await _admin.PostAsync("/sim/" + path, Json(body ?? []));
        Assert.True(response.IsSuccessStatusCode, $"POST /sim/{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The bot's own command line (<c>tradingbot resume</c> and friends) on this configuration, in process.</summary>
    public Task<CliResult> CliAsync(params string[] verb) => BotCli.RunAsync(new Dictionary<string, string>(), [.. verb, "--config", _config.Path]);

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
        {
            await run.DisposeAsync();
            _output.WriteLine($"--- tradingbot pid {run.Pid}, started {run.StartedAt:HH:mm:ss.fff} ---");
            _output.WriteLine(run.Log);
        }

        _admin.Dispose();
        await Simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _config.Dispose();
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
