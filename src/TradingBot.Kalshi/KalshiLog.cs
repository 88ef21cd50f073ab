using Microsoft.Extensions.Logging;

namespace TradingBot.Kalshi;

/// <summary>What the client warns about while it reads Kalshi's replies: what it read around, never what it refused (that is an error result).</summary>
internal static partial class KalshiLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Kalshi reply to {Path}: {Problem}; the field is read as absent and the reply kept (the bot does not decide on it)")]
    public static partial void LenientField(this ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kalshi order book {Ticker}: dropped {Count} level(s) that are not a price strictly between 0 and 1 with a positive size, never traded against: {Levels}")]
    public static partial void DroppedBookLevels(this ILogger logger, string ticker, int count, string levels);
}
