using System.Collections;
using Microsoft.AspNetCore.Builder;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using TradingBot.Core.Engine;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Dashboard;
using TradingBot.Storage;
using TradingBot.Worker.Cli;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Hosting;

/// <summary>The dashboard's settings from the operator's, and the two ways the worker hosts it.</summary>
internal static partial class DashboardHosting
{
    /// <summary>A scan older than this is overdue: twice the longest ordinary gap between scans, and a minute's slack.</summary>
    public static TimeSpan ScanExpectedWithin(ScannerOptions scanner) => (scanner.IdleInterval * 2) + TimeSpan.FromMinutes(1);

    /// <returns>The settings, and why control is disabled when a token was configured but could not be read.</returns>
    public static (DashboardSettings Settings, string? TokenProblem) Settings(CheckedSettings settings, IDictionary? environment, string databaseDescription)
    {
        var options = settings.Get<DashboardOptions>();
        var credentials = (environment ?? Environment.GetEnvironmentVariables())["CREDENTIALS_DIRECTORY"] as string;
        var (token, problem) = options.ReadToken(credentials);
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var risk = settings.Get<RiskOptions>();
        return (new DashboardSettings(urls, token, ControlVerbs.HeartbeatFreshFor(settings.Get<TradingBotOptions>().ControlsRefreshInterval),
            ScanExpectedWithin(settings.Get<ScannerOptions>()), TimeZoneInfo.FindSystemTimeZoneById(risk.TradingDayTimeZone), databaseDescription), problem);
    }

    /// <summary>
    /// <c>tradingbot dashboard</c>: the dashboard alone, over the database the worker uses (the CLI's, so a paper
    /// worker's too), until SIGTERM. It never touches the exchange; it may run, crash and restart without the worker
    /// noticing.
    /// </summary>
    public static async Task<int> RunAsync(CheckedSettings settings, IDictionary? environment, Serilog.Core.Logger logger)
    {
        var database = StorageSetup.ControlDatabase(settings, environment);
        var log = new Serilog.Extensions.Logging.SerilogLoggerFactory(logger).CreateLogger("TradingBot.Dashboard");
        try
        {
            // Like the CLI's verbs: a database no worker has opened yet gets its schema, so the page can say "no worker".
            await Migrator.MigrateAsync(database, TimeProvider.System, CancellationToken.None);
        }
        catch (StorageException ex)
        {
            // The page and /healthz say so while it lasts; the dashboard does not give up on a database that may return.
            LogMigrationFailed(log, ex.Message);
        }

        var (dashboard, tokenProblem) = Settings(settings, environment, database.Description);
        if (tokenProblem is not null)
            LogTokenProblem(log, tokenProblem);
        var store = new SqlBotStore(database, TimeProvider.System);
        await using var app = DashboardApp.Build(dashboard, store, TimeProvider.System, builder =>
        {
            builder.Services.AddSerilog(logger);
            // Under systemd: READY=1 once listening, and SIGTERM stops it.
            builder.Services.AddSystemd();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        });
        await app.RunAsync();
        return ExitCodes.Ok;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: the database cannot be migrated now ({Reason}); serving anyway, /healthz says so")]
    private static partial void LogMigrationFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: {Problem}")]
    public static partial void LogTokenProblem(ILogger logger, string problem);
}

/// <summary>
/// The dashboard inside a Paper-mode <c>tradingbot run</c> (Dashboard:InProcessInPaper), over its own connection to
/// the bot's database and on the bot's clock. Nothing it does may stop or slow trading: a port already taken or an
/// error at start is a warning, requests are served by Kestrel apart from the trading services, and at most
/// <see cref="DashboardApp.ConcurrentRequests"/> are served at once.
/// </summary>
internal sealed partial class InProcessDashboard(DashboardSettings settings, BotDatabase database, TimeProvider clock, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<InProcessDashboard>();
    private WebApplication? _app;

    /// <summary>Stands in for the bot's database in tests (a store that throws).</summary>
    internal Func<IBotStore>? StoreFactory { get; init; }

    public bool IsServing => _app is not null;

    /// <summary>Where it listens (the ports Kestrel chose for port 0); empty when not serving.</summary>
    public IReadOnlyCollection<string> Addresses =>
        _app?.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        WebApplication? app = null;
        try
        {
            var store = StoreFactory?.Invoke() ?? new SqlBotStore(database, clock);
            app = DashboardApp.Build(settings, store, clock, builder => builder.Services.AddSingleton(loggers));
            await app.StartAsync(cancellationToken);
            _app = app;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotStarted(_logger, string.Join(";", settings.Urls), ex.Message);
            if (app is not null)
                await DisposeQuietlyAsync(app);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
            return;
        try
        {
            await _app.StopAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStopFailed(_logger, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await DisposeQuietlyAsync(_app);
        _app = null;
    }

    private async Task DisposeQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.DisposeAsync();
        }
        catch (Exception ex)
        {
            LogStopFailed(_logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard not started on {Urls}: {Reason}. Trading goes on without it")]
    private static partial void LogNotStarted(ILogger logger, string urls, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard did not stop cleanly: {Reason}")]
    private static partial void LogStopFailed(ILogger logger, string reason);
}
