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
    Venue venue,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = bot.Value.Mode;
        LogMode(logger, mode, venue.Description);
        var r = risk.Value;
        LogLimits(logger, r.MaxPositionPerMarket, r.MaxExposurePerEvent, r.MaxTotalExposure, r.DailyLossLimit, r.StopLossFloorPercent, r.MaxConsecutiveApiErrors);
        LogState(logger, database.Description);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogStopping(logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mode {Mode}: orders go to {Venue}")]
    private static partial void LogMode(ILogger logger, TradingMode mode, string venue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk limits: max ${MaxPositionPerMarket} per market, ${MaxExposurePerEvent} per game, ${MaxTotalExposure} in total; daily loss limit ${DailyLossLimit}; stop-loss floor {StopLossFloorPercent}% of entry cost; safe mode after {MaxConsecutiveApiErrors} consecutive API errors")]
    private static partial void LogLimits(ILogger logger, decimal maxPositionPerMarket, decimal maxExposurePerEvent, decimal maxTotalExposure, decimal dailyLossLimit, decimal stopLossFloorPercent, int maxConsecutiveApiErrors);

    [LoggerMessage(Level = LogLevel.Information, Message = "State is kept in {State}")]
    private static partial void LogState(ILogger logger, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new orders; any order in flight finishes or is recorded as unknown")]
    private static partial void LogStopping(ILogger logger);
}
