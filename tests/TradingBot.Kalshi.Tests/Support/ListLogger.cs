using Microsoft.Extensions.Logging;

namespace TradingBot.Kalshi.Tests.Support;

/// <summary>Keeps what the client logs, so a test can hold it to its warnings.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_lock)
                return _entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lock)
            _entries.Add((logLevel, formatter(state, exception)));
    }
}
