using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Trading;

/// <summary>A forecast source that stays broken is one warning in the journal, not one every ten seconds.</summary>
public sealed class ForecastBookLogTests
{
    [Fact]
    public async Task A_lasting_problem_is_logged_once_its_end_once_and_a_new_problem_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));
        var source = new ScriptedSource(["feed down", "feed down", "feed down", null, null, "feed late"]);
        var log = new ListLogger();
        using var book = new ForecastBook([source], time, log);
        await book.StartAsync(default);
        await UntilAsync(() => source.Refreshes >= 1);
        for (var refresh = 2; refresh <= 6; refresh++)
        {
            var next = refresh;
            await AdvanceUntilAsync(time, () => source.Refreshes >= next);
        }

        await book.StopAsync(default);
        Assert.Equal(
            [(LogLevel.Warning, "Forecast source scripted: feed down"), (LogLevel.Information, "Forecast source scripted works again"), (LogLevel.Warning, "Forecast source scripted: feed late")],
            log.Lines);
    }

    /// <summary>
    /// Moves the fake clock on by the refresh interval until the book has refreshed: an advance made before the book
    /// set its next timer is not seen by it, so one advance is not enough under load.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "the forecast book did not refresh");
            time.Advance(TimeSpan.FromSeconds(10));
            var step = TimeProvider.System.GetTimestamp();
            while (!condition() && TimeProvider.System.GetElapsedTime(step) < TimeSpan.FromMilliseconds(200))
                await Task.Yield();
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20), "the forecast book did not refresh");
            await Task.Yield();
        }
    }

    /// <summary>Reports the next problem of its script at each refresh.</summary>
    private sealed class ScriptedSource(string?[] problems) : IForecastSource
    {
        private int _refreshes;

        public int Refreshes => Volatile.Read(ref _refreshes);

        public string Name => "scripted";

        public ForecastSourceHealth Health => new(Name, null, 0, problems[Math.Min(Refreshes, problems.Length) - 1]);

        public Forecast? Get(ForecastRequest market) => null;

        public Task RefreshAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _refreshes);
            return Task.CompletedTask;
        }
    }

    private sealed class ListLogger : ILogger<ForecastBook>
    {
        private readonly ConcurrentQueue<(LogLevel, string)> _lines = new();

        public IReadOnlyList<(LogLevel, string)> Lines => [.. _lines];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
