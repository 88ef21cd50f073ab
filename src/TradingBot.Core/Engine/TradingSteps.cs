using TradingBot.Core.Deciding;
using TradingBot.Core.Exchange;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;

namespace TradingBot.Core.Engine;

/// <summary>
/// Core's steps wired together, once, for every driver: the worker's services, the backtest's replay and the tests
/// that stand in for a paper session all build this, so a step has the same collaborators whoever schedules it. Every
/// call to the venue goes through the API error guard (<see cref="Exchange"/>); the steps share one market book, one
/// order-rate window, one stop-loss latch, one gate and one submitter.
/// </summary>
public sealed class TradingSteps
{
    /// <param name="venue">The exchange itself (Kalshi's client, the simulator in process, a replay's recorded market).</param>
    /// <param name="orderIds">Where entry ids come from: random unless given (a replay derives them, so it repeats).</param>
    public TradingSteps(IExchange venue, IBotStore store, IReadOnlyList<IForecastSource> sources, RiskOptions risk, StrategyOptions strategy, ScannerOptions scanner,
        IOperatorAlerts alerts, TimeProvider time, Func<Guid>? orderIds = null)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(risk.TradingDayTimeZone);
        Controls = new TradingControls(store.Risk, risk, Zone, alerts, time);
        Exchange = new GuardedExchange(venue, Controls);
        Latch = new StopLossLatch(risk.StopLossCooldown, Zone);
        Gate = new RiskGate(risk);
        Forecasts = new ForecastChoice(sources, strategy.TradePreseason, strategy.ExtraCompetitions);
        Submitter = new OrderSubmitter(Exchange, store.Outbox, time, orderIds);
        Scan = new ScanStep(Exchange, Book, time);
        Evaluation = new EvaluationStep(new MarketDecision(new EntryEvaluator(strategy, risk), strategy, risk), Gate, Exchange, store, Book, Scan, Controls, Rate, Latch,
            Forecasts, scanner, time);
        Execution = new ExecutionStep(Exchange, store, Submitter, Gate, Book, Controls, Latch, Rate, alerts, time);
        Monitor = new MonitorStep(Exchange, store, Book, Controls, new StopLoss(risk.StopLossFloorPercent, risk.StopLossMaxSlippage), Latch, Submitter, alerts, time);
        Reconciler = new Reconciler(Exchange, store, time);
    }

    /// <summary>The trading day's time zone (<c>Risk:TradingDayTimeZone</c>).</summary>
    public TimeZoneInfo Zone { get; }

    public TradingControls Controls { get; }

    /// <summary>The venue behind the API error guard: what every step calls.</summary>
    public IExchange Exchange { get; }

    public MarketBook Book { get; } = new();

    public OrderRateWindow Rate { get; } = new();

    public StopLossLatch Latch { get; }

    public RiskGate Gate { get; }

    public ForecastChoice Forecasts { get; }

    public OrderSubmitter Submitter { get; }

    public ScanStep Scan { get; }

    public EvaluationStep Evaluation { get; }

    public ExecutionStep Execution { get; }

    public MonitorStep Monitor { get; }

    public Reconciler Reconciler { get; }
}
