using TradingBot.Core.Engine;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;

namespace TradingBot.Worker.Trading;

/// <summary>The bot's forecast sources behind one lookup, refreshed on a schedule of their own.</summary>
internal sealed partial class ForecastBook(IReadOnlyList<IForecastSource> sources, TimeProvider time, ILogger<ForecastBook> logger) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    public IReadOnlyList<IForecastSource> Sources => sources;

    /// <summary>The first source, in configured order, that has the market (a blend is configured as one source).</summary>
    public Forecast? Get(MarketView view)
    {
        var request = view.ForecastRequest;
        foreach (var source in sources)
        {
            if (source.Get(request) is { } forecast)
                return forecast;
        }

        return null;
    }

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
