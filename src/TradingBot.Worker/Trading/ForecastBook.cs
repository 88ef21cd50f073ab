using TradingBot.Core.Engine;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;

namespace TradingBot.Worker.Trading;

/// <summary>The refresh schedule of the bot's forecast sources; which forecast a market gets is Core's <see cref="ForecastChoice"/>.</summary>
internal sealed partial class ForecastBook(IReadOnlyList<IForecastSource> sources, TimeProvider time, ILogger<ForecastBook> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, string?> _problems = [];

    public IReadOnlyList<IForecastSource> Sources => sources;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var source in sources)
            {
                try
                {
                    await source.RefreshAsync(stoppingToken);
                    Report(source.Name, source.Health.Problem);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Report(source.Name, ex.Message);
                }
            }

            await Task.Delay(RefreshInterval, time, stoppingToken);
        }
    }

    /// <summary>A problem is logged when it appears or changes, and its end once, not every ten seconds while it lasts.</summary>
    private void Report(string source, string? problem)
    {
        _problems.TryGetValue(source, out var last);
        if (problem == last)
            return;
        _problems[source] = problem;
        if (problem is null)
            LogRecovered(logger, source);
        else
            LogProblem(logger, source, problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forecast source {Source} works again")]
    private static partial void LogRecovered(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forecast source {Source}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string source, string problem);
}
