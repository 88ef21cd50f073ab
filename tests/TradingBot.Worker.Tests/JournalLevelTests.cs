using System.Reflection;
using Microsoft.Extensions.Logging;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests;

/// <summary>
/// What a paper or live run writes to the journal at the default level (Information): one line per scan with its
/// counts, the orders, and what needs attention. Each market's decision is stored and shown on the dashboard, so
/// in the journal it is Debug.
/// </summary>
public sealed class JournalLevelTests
{
    [Theory]
    [InlineData(typeof(MarketScanner), "Scan: {Markets} open markets", LogLevel.Information)]
    [InlineData(typeof(Evaluator), "Decision on {Ticker}", LogLevel.Debug)]
    [InlineData(typeof(Evaluator), "Evaluated {Markets} markets", LogLevel.Debug)]
    [InlineData(typeof(OrderExecutor), "Order on {Ticker}: {Action}", LogLevel.Information)]
    public void Each_line_has_its_level(Type service, string messageStart, LogLevel level)
    {
        var messages = service.GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Where(a => a.Message.StartsWith(messageStart, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(level, Assert.Single(messages).Level);
    }
}
