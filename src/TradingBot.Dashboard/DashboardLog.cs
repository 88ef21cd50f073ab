using Microsoft.Extensions.Logging;

namespace TradingBot.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard listening on {Addresses} (control {Control})")]
    public static partial void Listening(ILogger logger, string addresses, string control);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard listens beyond loopback ({Urls}): every route needs the bearer token{Note}")]
    public static partial void BeyondLoopback(ILogger logger, string urls, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard API: {Verb} sent as command #{Id} by {IssuedBy} ({Reason}); the worker carries it out")]
    public static partial void CommandIssued(ILogger logger, string verb, long id, string issuedBy, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard API: {Method} {Path} from {Remote} refused: {Why}")]
    public static partial void Refused(ILogger logger, string method, string path, string remote, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dashboard: storage read failed: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string reason);
}
