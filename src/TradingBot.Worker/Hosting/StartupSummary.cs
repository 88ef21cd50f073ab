using Microsoft.Extensions.Options;
using TradingBot.Core.Risk;
using TradingBot.Storage;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Hosting;

/// <summary>
/// Says at start-up what the bot is about to do with whose money, so the first lines of the journal
/// answer "which mode, which venue, which limits, where state is kept".
/// </summary>
internal sealed partial class StartupSummary(
    IOptions<TradingBotOptions> bot,
    IOptions<RiskOptions> risk,
    BotDatabase database,
    IOptions<DashboardOptions> dashboard,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = bot.Value.Mode;
        LogMode(logger, mode, Venue(mode));
        var r = risk.Value;
        LogLimits(logger, r.MaxPositionPerMarket, r.MaxExposurePerEvent, r.MaxTotalExposure, r.DailyLossLimit, r.StopLossFloorPercent, r.MaxConsecutiveApiErrors);
        LogState(logger, database.Description, dashboard.Value.Urls);
        LogNotYetTrading(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        return Task.CompletedTask;
    }

    private static string Venue(TradingMode mode) => mode switch
    {
        TradingMode.Paper => "the bundled simulator on loopback with the demo scenario (no real money)",
        TradingMode.Demo => "Kalshi's demo exchange (no real money)",
        _ => "Kalshi production (REAL MONEY)",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mode {Mode}: orders would go to {Venue}")]
    private static partial void LogMode(ILogger logger, TradingMode mode, string venue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk limits: max ${MaxPositionPerMarket} per market, ${MaxExposurePerEvent} per game, ${MaxTotalExposure} in total; daily loss limit ${DailyLossLimit}; stop-loss floor {StopLossFloorPercent}% of entry cost; safe mode after {MaxConsecutiveApiErrors} consecutive API errors")]
    private static partial void LogLimits(ILogger logger, decimal maxPositionPerMarket, decimal maxExposurePerEvent, decimal maxTotalExposure, decimal dailyLossLimit, decimal stopLossFloorPercent, int maxConsecutiveApiErrors);

    [LoggerMessage(Level = LogLevel.Information, Message = "State would be kept in {State}; the dashboard would listen on {DashboardUrls}")]
    private static partial void LogState(ILogger logger, string state, string dashboardUrls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trading engine is not installed in this build: the bot will scan and trade nothing, and waits for Ctrl+C or SIGTERM")]
    private static partial void LogNotYetTrading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no orders are in flight")]
    private static partial void LogStopping(ILogger logger);
}
