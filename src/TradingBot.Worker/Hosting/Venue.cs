using System.Collections;
using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Kalshi;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Kalshi.Http;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Hosting;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Storage;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Hosting;

/// <summary>
/// Where orders go, and the clock the bot trades by. Paper without a base URL: the simulator started in process on
/// a loopback port with the demo scenario, its clock (accelerated by TradingBot:PaperSpeed) for everything the bot
/// decides, and the DEMO model feed. Paper with Kalshi:BaseUrl: a simulator running elsewhere on loopback, whose clock
/// (GET /sim/clock, read at start) the bot follows. Demo and
/// Live: Kalshi's own URLs. HTTP concerns (signing, rate limits, timeouts) always run on the wall clock.
/// </summary>
internal sealed class Venue : IAsyncDisposable
{
    public const decimal PaperStartingBalance = 1000m;

    /// <summary>
    /// The part of the paper money kept on exchange shard 3. Kalshi holds cash per shard and lists new baseball and
    /// tennis games there (since 24 August 2026); an operator who trades MLB moves cash there, so paper does too, or
    /// the demo slate's MLB games would all be denied INSUFFICIENT_BALANCE.
    /// </summary>
    public const decimal PaperBaseballShardBalance = 250m;

    private Venue(IExchange exchange, KalshiClient client, TimeProvider clock, string description, SimulatorServer? simulator)
    {
        Exchange = exchange;
        Client = client;
        Clock = clock;
        Description = description;
        Simulator = simulator;
    }

    public IExchange Exchange { get; }

    public KalshiClient Client { get; }

    public TimeProvider Clock { get; }

    public string Description { get; }

    public SimulatorServer? Simulator { get; }

    /// <summary>Where the DEMO model feed is published in paper mode; null elsewhere.</summary>
    public string? DemoFeedPath => Simulator?.Feed?.Path;

    public bool IsInProcessPaper => Simulator is not null;

    /// <param name="kalshiLog">Where the Kalshi client warns about what it read around (lenient fields, dropped book levels).</param>
    public static async Task<Venue> ConnectAsync(CheckedSettings settings, IDictionary? environment, CancellationToken cancellationToken, ILogger? kalshiLog = null)
    {
        var bot = settings.Get<TradingBotOptions>();
        var kalshi = settings.Get<KalshiOptions>();
        if (bot.Mode == TradingMode.Paper && kalshi.BaseUrl.Length == 0)
            return await StartPaperAsync(bot, kalshi, cancellationToken, kalshiLog);

        var baseUrl = kalshi.BaseUrl.Length > 0 ? new Uri(kalshi.BaseUrl)
            : bot.Mode == TradingMode.Live ? KalshiEnvironment.Production
            : KalshiEnvironment.Demo;
        var credentials = (environment ?? Environment.GetEnvironmentVariables())["CREDENTIALS_DIRECTORY"] as string;
        var signer = new RequestSigner(PrivateKeyLoader.Load(kalshi.PrivateKeyPath, credentials));
        var client = KalshiConnection.Create(kalshi, baseUrl, signer, TimeProvider.System, logger: kalshiLog);
        var limits = "the tier's rate limits";
        if (kalshi.UseAccountLimits)
        {
            var applied = await client.ApplyAccountLimitsAsync(cancellationToken);
            limits = applied.Success
                ? $"the account's rate limits (read {applied.Value.Read.RefillPerSecond}/s, write {applied.Value.Write.RefillPerSecond}/s)"
                : $"the tier's rate limits (account limits unreadable: {applied.Error})";
        }

        // Paper against a simulator run elsewhere: trade on that simulator's clock (games, windows and its DEMO feed
        // run on it); the HTTP layer (signing, rate limits, timeouts) stays on the wall clock.
        TimeProvider clock = TimeProvider.System;
        var clockNote = "";
        if (bot.Mode == TradingMode.Paper)
        {
            var (followed, problem) = await SimulatorClock.FollowAsync(baseUrl, cancellationToken);
            clock = followed ?? TimeProvider.System;
            clockNote = followed is null
                ? $"; WARNING: the simulator's clock is unreadable ({problem}), trading on the wall clock"
                : followed.IsFrozen ? $"; on the simulator's frozen clock at {followed.GetUtcNow():O}"
                : $"; on the simulator's clock ({followed.GetUtcNow():O}, {followed.Speed}x)";
        }

        return new Venue(new KalshiExchange(client, clock, kalshi.Subaccount), client, clock, $"{bot.Mode} at {baseUrl}, with {limits}{clockNote}", null);
    }

    private static async Task<Venue> StartPaperAsync(TradingBotOptions bot, KalshiOptions kalshi, CancellationToken cancellationToken, ILogger? kalshiLog)
    {
        var simulator = await SimulatorServer.StartAsync(new SimulatorServerOptions
        {
            Scenario = "demo",
            Seed = 1,
            Speed = (double)bot.PaperSpeed,
            DemoFeedPath = Path.Combine(Path.GetFullPath(PaperDataDirectory(bot)), DemoModelFeed.FileName),
        }, cancellationToken);
        // The paper clock runs PaperSpeed times faster, so the bot scans that many times more often per real second: at
        // the operator's tier it would spend its rate budget on 429s. Paper trades at the top tier on both sides.
        var (key, keyId) = OpenPaperAccount(simulator);
        var options = new KalshiOptions { ApiKeyId = keyId, Tier = KalshiTier.Prestige, RequestTimeout = kalshi.RequestTimeout, UseAccountLimits = false };
        var client = KalshiConnection.Create(options, simulator.ApiUrl, new RequestSigner(key), TimeProvider.System, logger: kalshiLog);
        return new Venue(new KalshiExchange(client, simulator.Clock), client, simulator.Clock,
            $"the bundled simulator at {simulator.ApiUrl} (paper money, clock at {bot.PaperSpeed}x)", simulator);
    }

    /// <summary>The paper account: <see cref="PaperStartingBalance"/> in all, <see cref="PaperBaseballShardBalance"/> of it on shard 3, the rest on 0.</summary>
    internal static (System.Security.Cryptography.RSA Key, string KeyId) OpenPaperAccount(SimulatorServer simulator)
    {
        var opened = simulator.CreateKey("paper", Money.FromDollars(PaperStartingBalance - PaperBaseballShardBalance), RateTier.Prestige);
        simulator.Exchange.Deposit("paper", Money.FromDollars(PaperBaseballShardBalance), ExchangeShards.TennisAndBaseball);
        return opened;
    }

    /// <summary>
    /// An in-process paper session starts a fresh simulated exchange, so it keeps its own database under data/paper,
    /// started afresh each time (the previous one is kept beside it): last session's orders are not this venue's.
    /// </summary>
    public static string PaperDataDirectory(TradingBotOptions bot) => Path.Combine(bot.DataDirectory, "paper");

    /// <summary>The paper bot's SQLite file (its folder created): where the CLI's control verbs find it too.</summary>
    public static string PaperDatabasePath(TradingBotOptions bot)
    {
        var folder = Path.GetFullPath(PaperDataDirectory(bot));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, BotDatabase.SqliteFileName);
    }

    public static BotDatabase PaperDatabase(TradingBotOptions bot)
    {
        var path = PaperDatabasePath(bot);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
                File.Move(path + suffix, path + ".previous" + suffix, overwrite: true);
        }

        return BotDatabase.Sqlite(path);
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulator is not null)
            await Simulator.DisposeAsync();
    }
}
