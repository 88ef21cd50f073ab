using Microsoft.Extensions.Options;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Recording;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Trading;

/// <summary>
/// The recorder as the worker runs it (<c>Recorder:Enabled</c>): each evaluation pass's observations go to the
/// dataset files, and markets recorded and since closed are read for their results every
/// <c>Recorder:SettlementCheckInterval</c>. Recording never holds up or stops trading: a failure is logged and the
/// pass goes on.
/// </summary>
internal sealed partial class Recording(DatasetRecorder recorder, ILogger<Recording> logger)
{
    public void Observe(EvaluationReport report)
    {
        try
        {
            if (report.Seen is { } seen && recorder.Observe(seen) is { } problem)
                LogFull(logger, problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    public static string DirectoryOf(RecorderOptions recorder, TradingBotOptions bot) =>
        recorder.Directory.Length > 0 ? recorder.Directory : Path.Combine(bot.DataDirectory, "recordings");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorder: {Problem}")]
    private static partial void LogFull(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorder could not write (trading goes on): {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}

/// <summary>Reads the results of the recorded markets that have closed, one request per game, and records them.</summary>
internal sealed partial class RecordedSettlements(
    DatasetRecorder recorder,
    IExchange exchange,
    IOptions<RecorderOptions> options,
    TimeProvider time,
    ILogger<RecordedSettlements> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.SettlementCheckInterval, time, stoppingToken);
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var game in recorder.ClosedUnsettled(now).GroupBy(m => m.EventTicker))
        {
            var markets = await exchange.GetMarketsAsync(new MarketQuery(Event: EventTicker.Parse(game.Key), Status: null), cancellationToken);
            if (!markets.Success)
            {
                LogFailed(logger, $"{game.Key}: {markets.Error}");
                continue;
            }

            var wanted = game.Select(m => m.Ticker).ToHashSet(StringComparer.Ordinal);
            foreach (var market in markets.Value.Where(m => wanted.Contains(m.Ticker.Value)))
            {
                SettlementResult? result = market.Result switch
                {
                    MarketResult.Yes => SettlementResult.Yes,
                    MarketResult.No => SettlementResult.No,
                    _ => null,
                };
                if (result is { } known)
                    recorder.Settled(market.Ticker.Value, known, now);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorder could not read results: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
