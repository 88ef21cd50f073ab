using TradingBot.Core.Engine;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;

namespace TradingBot.Worker.Trading;

/// <summary>The refresh schedule of the bot's forecast sources; which forecast a market gets is Core's <see cref="ForecastChoice"/>.</summary>
internal sealed partial class ForecastBook(IReadOnlyList<IForecastSource> sources, TimeProvider time, ILogger<ForecastBook> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

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
                    if (source.Health.Problem is { } problem)
                        LogProblem(logger, source.Name, problem);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogProblem(logger, source.Name, ex.Message);
                }
            }

            await Task.Delay(RefreshInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forecast source {Source}: {Problem}")]
    private static partial void LogProblem(ILogger logger, string source, string problem);
}
