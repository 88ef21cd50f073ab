using Microsoft.Extensions.Options;
using TradingBot.Core.Engine;
using TradingBot.Core.Risk;

namespace TradingBot.Worker.Trading;

/// <summary>
/// The scanning schedule: scan the configured series into the market book, hand the batch to the evaluator, then
/// wait as long as the exchange calendar says (fast near game starts, slow far from them, idle when nothing is
/// open, paused in maintenance). A failed scan backs off as the API error guard's read path says. Markets that leave
/// the open list are dropped from the book unless held or with an order of the bot's open on them.
/// </summary>
internal sealed partial class MarketScanner(
    ScanStep scan,
    MarketBook book,
    TradingQueues queues,
    TradingReadiness readiness,
    TradingControls controls,
    TradingBot.Core.Persistence.IBotStore store,
    IOptions<ScannerOptions> options,
    IOptions<RiskOptions> risk,
    Hosting.LoopLiveness liveness,
    TimeProvider time,
    Metrics.BotMetrics metrics,
    ILogger<MarketScanner> logger) : BackgroundService
{
    public ScanReport? LastReport { get; private set; }

    public ScanPlan? NextPlan { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            var started = metrics.Start();
            try
            {
                var report = await scan.ScanAsync(options.Value.Series, await ScanStep.HeldOrOrderedAsync(store, stoppingToken), stoppingToken);
                metrics.Scanned(report.Success, started);
                if (report.Success)
                {
                    LastReport = report.Value;
                    await store.Reconciliation.SetWatermarkAsync(Cli.ControlVerbs.LastScanMark, report.Value.At, stoppingToken);
                    foreach (var problem in report.Value.Problems)
                        LogProblem(logger, problem);
                    // Only what is listed open is evaluated and paces the scans; a held market kept unlisted is the monitor's.
                    queues.Scans.Writer.TryWrite(book.Listed);
                    var plan = ExchangeCalendar.Next(time.GetUtcNow(), book.Exchange, scan.Maintenance, book.Listed, options.Value, risk.Value.AllowInPlay);
                    NextPlan = plan;
                    LogScanned(logger, report.Value.Markets, report.Value.Events, report.Value.Series, report.Value.Requests, plan.Pace, plan.Delay.TotalSeconds, plan.Reason);
                    delay = plan.Delay;
                }
                else
                {
                    delay = controls.ApiBackoff(ApiPath.Read);
                    LogScanFailed(logger, report.Error.ToString(), delay.TotalSeconds);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not a venue failure (those come back as results): a bug, so it is logged as an error with its trace.
                metrics.Scanned(false, started);
                delay = options.Value.PausedInterval;
                LogScanCrashed(logger, ex, delay.TotalSeconds);
            }

            liveness.Beat(nameof(MarketScanner), delay);
            await Task.Delay(delay, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan: {Markets} open markets in {Events} games across {Series} series ({Requests} API calls); next scan {Pace} in {Seconds} s ({Reason})")]
    private static partial void LogScanned(ILogger logger, int markets, int events, int series, int requests, ScanPace pace, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan problem: {Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan failed unexpectedly; no market data is refreshed until this is fixed; next try in {Seconds} s")]
    private static partial void LogScanCrashed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan failed: {Reason}; next try in {Seconds} s")]
    private static partial void LogScanFailed(ILogger logger, string reason, double seconds);
}
