using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http;
using TradingBot.Simulator.Http.Auth;
using TradingBot.Simulator.Http.Limits;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Simulator.Hosting;

/// <summary>How to run a simulator: where, how fast, on which scenario.</summary>
public sealed record SimulatorServerOptions
{
    /// <summary>Listen address; port 0 picks a free port. Loopback only: the admin API takes no signature.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>"demo" for the generated slate, or the path of a scenario file; empty for an empty exchange.</summary>
    public string Scenario { get; init; } = "demo";

    public int Seed { get; init; } = 1;

    /// <summary>Simulated seconds per real second; 0 freezes the clock (it then moves only through the admin API).</summary>
    public double Speed { get; init; } = 1;

    public DateTimeOffset? Start { get; init; }

    /// <summary>Real time between steps of the scenario (fair paths, market makers, settlement).</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Where to publish the DEMO model feed; null for none.</summary>
    public string? DemoFeedPath { get; init; }

    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    public ILoggerProvider? LoggerProvider { get; init; }
}

/// <summary>
/// The simulator as a running HTTP server: Kalshi's API under /trade-api/v2 and the admin API under /sim, the
/// scenario stepped on a timer, and optionally the DEMO model feed. Paper mode starts one in process; the
/// standalone entry point starts one for any Kalshi client.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _stepping;

    private SimulatorServer(WebApplication app, SimClock clock, SimExchange exchange, ScenarioRunner runner, DemoModelFeed? feed, SimulatorServerOptions options)
    {
        _app = app;
        Clock = clock;
        Exchange = exchange;
        Runner = runner;
        Feed = feed;
        _stepping = StepAsync(options.StepInterval, options.WallClock, _stop.Token);
    }

    public SimClock Clock { get; }

    public SimExchange Exchange { get; }

    public ScenarioRunner Runner { get; }

    public DemoModelFeed? Feed { get; }

    /// <summary>The root of Kalshi's API on this server, e.g. http://127.0.0.1:5090/trade-api/v2/.</summary>
    public Uri ApiUrl => new(new Uri(Address), KalshiSimulatorExtensions.ApiRoot.TrimStart('/') + "/");

    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<SimulatorServer> StartAsync(SimulatorServerOptions options, CancellationToken cancellationToken = default)
    {
        var start = options.Start ?? options.WallClock.GetUtcNow();
        var clock = options.Speed > 0 ? new SimClock(options.WallClock, start, options.Speed) : SimClock.Frozen(start);
        var exchange = new SimExchange(clock);
        var runner = new ScenarioRunner(exchange);
        var loaded = options.Scenario switch
        {
            "" => null,
            "demo" => runner.LoadDemo(options.Seed),
            var path => runner.LoadFile(path),
        };
        if (loaded is { Success: false })
            throw new ArgumentException($"scenario {options.Scenario}: {string.Join("; ", loaded.Problems)}");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.ClearProviders();
        if (options.LoggerProvider is { } provider)
            builder.Logging.AddProvider(provider);
        builder.Services.AddKalshiSimulator(o => o.WallClock = options.WallClock);
        var hooks = new RunnerHooks(runner);
        builder.Services.AddSingleton<ISimFairPrices>(hooks);
        builder.Services.AddSingleton<ISimClockListener>(hooks);
        builder.Services.AddSingleton<ISimScenario>(new DemoScenarioHook(runner));
        builder.Services.AddSingleton<ISimScenario>(new FileScenarioHook(runner));
        var app = builder.Build();
        app.MapKalshiApi(exchange);
        app.MapSimulatorAdmin(exchange, clock);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var feed = options.DemoFeedPath is { } feedPath ? new DemoModelFeed(runner, feedPath) : null;
        runner.Step();
        feed?.Publish();
        return new SimulatorServer(app, clock, exchange, runner, feed, options);
    }

    /// <summary>Registers an API key for a member (opened with the balance if new), as the admin API's POST /sim/keys does.</summary>
    public SimApiKey RegisterKey(string publicKeyPem, string memberId, Money startingBalance, RateTier? tier = null) =>
        SimMembers.Register(Exchange, _app.Services.GetRequiredService<ApiKeyRegistry>(), _app.Services.GetRequiredService<KalshiSimulatorOptions>(),
            new MemberRegistration(publicKeyPem, memberId, tier, startingBalance));

    /// <summary>A fresh RSA key pair registered for <paramref name="memberId"/>: the private key, and the key id to sign with.</summary>
    public (RSA PrivateKey, string KeyId) CreateKey(string memberId, Money startingBalance, RateTier? tier = null)
    {
        var rsa = RSA.Create(2048);
        var key = RegisterKey(rsa.ExportSubjectPublicKeyInfoPem(), memberId, startingBalance, tier);
        return (rsa, key.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _stepping.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Steps on real time, not on the simulated clock: at 60× a simulated timer would fire 60 times as often.</summary>
    private async Task StepAsync(TimeSpan interval, TimeProvider wall, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(interval, wall, cancellationToken).ConfigureAwait(false);
            try
            {
                Runner.Step();
                Feed?.Publish();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bad step must not stop the exchange; the next one tries again.
                _app.Logger.LogError(ex, "Simulator step failed");
            }
        }
    }
}
