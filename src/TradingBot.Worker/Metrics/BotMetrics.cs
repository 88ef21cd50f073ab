using System.Diagnostics.Metrics;
using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;

namespace TradingBot.Worker.Metrics;

/// <summary>
/// The worker's own instruments (BCL <see cref="Meter"/>; <see cref="PrometheusExport"/> serves them with Core's and the
/// Kalshi client's). The services record around the results of Core's steps: a scan, an evaluation pass and each
/// market's decision code, what became of each order write. Gauges are read at scrape time from what the services
/// already hold in memory, so a scrape never reaches the store or the exchange. Recording is cheap and never throws
/// into the trading loop. Durations are wall time (<c>wallClock</c>), not the paper simulator's accelerated clock.
/// </summary>
internal sealed class BotMetrics : IDisposable
{
    public const string MeterName = "TradingBot.Worker";

    /// <summary>Seconds: a scan or pass takes milliseconds to tens of seconds; an order write tens of milliseconds to its 10 s timeout.</summary>
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly TimeProvider _wallClock;
    private readonly Counter<long> _scans;
    private readonly Histogram<double> _scanSeconds;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _decisionPassSeconds;
    private readonly Counter<long> _orders;
    private readonly Histogram<double> _orderSubmitSeconds;
    private volatile MonitorReport? _lastMonitorReport;

    public BotMetrics(TimeProvider wallClock, Func<TradingStatus> status)
    {
        _wallClock = wallClock;
        Meter = new Meter(MeterName);
        _scans = Meter.CreateCounter<long>("tradingbot_scans_total",
            description: "Market scans, by result (ok: the book was refreshed; failed: the exchange could not be read)");
        _scanSeconds = Meter.CreateHistogram("tradingbot_scan_duration_seconds", "s", "How long a scan of the configured series took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _decisions = Meter.CreateCounter<long>("tradingbot_decisions_total",
            description: "Each market's decision in each evaluation pass, by decision code (APPROVED, EDGE_BELOW_MINIMUM, ...)");
        _decisionPassSeconds = Meter.CreateHistogram("tradingbot_decision_pass_duration_seconds", "s", "How long an evaluation pass over the scanned markets took",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _orders = Meter.CreateCounter<long>("tradingbot_orders_total",
            description: "Order writes by action (place, cancel, amend) and outcome (accepted, amended, canceled, rejected, refused, in_doubt, not_sent, denied, failed)");
        _orderSubmitSeconds = Meter.CreateHistogram("tradingbot_order_submit_duration_seconds", "s",
            "From the executor taking an action to the venue's answer (fresh book and gate check included), for writes that reached the venue",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

        Meter.CreateObservableGauge("tradingbot_trading_state", () => Enum.GetValues<TradingState>()
                .Select(s => new Measurement<int>(status().State == s ? 1 : 0, new KeyValuePair<string, object?>("state", s.ToString()))),
            description: "1 for the trading state the bot is in (Active, ReducingOnly, Halted), 0 for the others");
        Meter.CreateObservableGauge("tradingbot_trading_state_reason", () => Enum.GetValues<TradingStateReason>()
                .Select(r => new Measurement<int>(status().Reason == r ? 1 : 0, new KeyValuePair<string, object?>("reason", r.ToString()))),
            description: "1 for what put trading in its state (None, OperatorHalt, OperatorReduceOnly, SafeMode, CircuitBreaker), 0 for the others");
        // Money stays fixed-point up to here; the exposition format is floating point, so dollars are converted only on export.
        Meter.CreateObservableGauge("tradingbot_realised_pnl_today_dollars",
            () => _lastMonitorReport is { } report ? [new Measurement<decimal>(report.RealisedToday.Dollars)] : Array.Empty<Measurement<decimal>>(),
            description: "Realised P&L of the trading day (fees included), as of the position monitor's last round");
        Meter.CreateObservableGauge("tradingbot_exposure_dollars",
            () => _lastMonitorReport is { } report ? [new Measurement<decimal>(report.Exposure.Dollars)] : Array.Empty<Measurement<decimal>>(),
            description: "Capital committed (positions at cost with fees, plus open orders), as of the position monitor's last round");
    }

    public Meter Meter { get; }

    /// <summary>A point to measure a duration from.</summary>
    public long Start() => _wallClock.GetTimestamp();

    public void Scanned(bool ok, long started)
    {
        _scans.Add(1, new KeyValuePair<string, object?>("result", ok ? "ok" : "failed"));
        _scanSeconds.Record(_wallClock.GetElapsedTime(started).TotalSeconds);
    }

    public void Evaluated(EvaluationReport report, long started)
    {
        _decisionPassSeconds.Record(_wallClock.GetElapsedTime(started).TotalSeconds);
        foreach (var result in report.Results)
            _decisions.Add(1, new KeyValuePair<string, object?>("code", result.Decision.Code));
    }

    /// <summary>What became of one action at the executor; a write that reached the venue has its duration recorded.</summary>
    public void Executed(MarketActionKind kind, ExecutionResult result, long started)
    {
        var action = Snake(kind.ToString());
        var outcome = result switch
        {
            { Cancel: { } cancel } => Snake(cancel.Outcome.ToString()),
            { Amend: { } amend } => Snake(amend.Outcome.ToString()),
            { Submission.Kind: SubmitOutcomeKind.Unknown } => "in_doubt",
            { Submission: { } submission } => Snake(submission.Kind.ToString()),
            _ => "denied",
        };
        Order(action, outcome);
        if (outcome is not ("denied" or "not_sent"))
            _orderSubmitSeconds.Record(_wallClock.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("action", action));
    }

    /// <summary>The executor's step threw: the write's fate is whatever the outbox row says; counted so it is seen.</summary>
    public void Failed(MarketActionKind kind) => Order(Snake(kind.ToString()), "failed");

    public void Order(string action, string outcome) =>
        _orders.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The monitor's latest round: the P&amp;L and exposure gauges read it; its pulled resting entries are cancels.</summary>
    public void Monitored(MonitorReport report)
    {
        _lastMonitorReport = report;
        for (var i = 0; i < report.Canceled.Count; i++)
            Order("cancel", "canceled");
    }

    public void Dispose() => Meter.Dispose();

    /// <summary>InDoubt → in_doubt: label values in Prometheus' own style, from a closed set of enum names.</summary>
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
