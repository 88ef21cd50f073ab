using TradingBot.Core.Deciding;
using TradingBot.Core.Exchange;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>One market's decision: the action it came to (a placement already past the gate once), how it is written down, and the forecast behind it.</summary>
public sealed record Evaluation(MarketTicker Ticker, MarketAction Action, DecisionRecord Decision, Forecast? Forecast);

/// <summary>
/// What one evaluation pass did: markets seen, fresh books read, and every market's evaluation worth writing down;
/// and what each market's decision saw (<see cref="Seen"/>): the recorder writes it, so a backtest can replay it.
/// </summary>
public sealed record EvaluationReport(int Markets, int Books, IReadOnlyList<Evaluation> Results, IReadOnlyList<Observation>? Seen = null);

/// <summary>
/// One market as a decision saw it: the listing, the quote without the bot's own orders, the source's forecast (before
/// coherence), and whether the bot held or had an order working there (its own trades may have used up the quote).
/// </summary>
public sealed record Observation(MarketView View, Quote Quote, ForecastPick Pick, DateTimeOffset At, bool Involved = false);

/// <summary>
/// One evaluation pass over the market book, the orchestration every driver shares: read the account and what the bot
/// holds and has working, make the event forecasts coherent, decide each market on its listing's quote to find those
/// worth a fresh book (the ones that would act, and every one where an entry of the bot's rests), read those books,
/// decide them again on the book without the bot's own orders, keep one entry per mutually exclusive game, and run
/// the gate on each placement. The executor runs the gate again on fresher exposure before anything is sent.
/// </summary>
public sealed class EvaluationStep(
    MarketDecision decision,
    RiskGate gate,
    IExchange exchange,
    IBotStore store,
    MarketBook book,
    ScanStep scan,
    TradingControls controls,
    OrderRateWindow rate,
    StopLossLatch latch,
    ForecastChoice forecasts,
    ScannerOptions options,
    TimeProvider time)
{
    /// <summary>No-trade codes too common to write down every time: most markets, most scans.</summary>
    private static readonly HashSet<DecisionCode> Unremarkable = [DecisionCode.EdgeBelowMinimum, DecisionCode.NoPrices, DecisionCode.NoForecast];

    public async Task<EvaluationReport> RunAsync(IReadOnlyCollection<MarketView> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await latch.RefreshAsync(store.Outbox, now, cancellationToken).ConfigureAwait(false);
        var balance = await exchange.GetBalanceAsync(cancellationToken).ConfigureAwait(false);
        if (balance.Success)
            controls.LastBalance = balance.Value.Total;
        var exposure = Exposure.From(
            await store.Ledger.PositionsAsync(cancellationToken).ConfigureAwait(false),
            await store.Outbox.OpenAsync(cancellationToken).ConfigureAwait(false),
            book);
        var account = new AccountState(now, controls.Status, book.Exchange, balance.Success ? balance.Value : AccountBalance.Unsharded(Money.Zero), exposure.Total, rate.CountAt(now));
        var picks = new Dictionary<MarketTicker, ForecastPick>();
        foreach (var view in batch)
            picks[view.Ticker] = forecasts.Pick(view);
        var coherent = ForecastCoherence.Coherent(batch, view => picks[view.Ticker].Forecast);
        Forecast? ForecastOf(MarketTicker ticker) => coherent.TryGetValue(ticker, out var f) ? f : null;
        MarketState StateOf(MarketView view) => exposure.StateOf(view, latch.IsLatched(view.Ticker, account.Now), account.Now);
        bool Involved(MarketTicker ticker) => exposure.PositionIn(ticker) is not null || exposure.WorkingIn(ticker).Count > 0;
        IReadOnlyList<MarketAction> Decide(in MarketState state) => decision.Decide(state, ForecastOf(state.Ticker), exposure.WorkingIn(state.Ticker), account,
            picks.TryGetValue(state.Ticker, out var pick) && pick.Refusal is { } code ? (code, pick.Detail ?? "") : null);

        // On the listing's quotes: which markets are worth a fresh book. Markets where an entry of ours rests come
        // first, whatever they say now: a resting order is judged on the full book, never on a listing's top.
        var first = batch.Select(view =>
        {
            var state = StateOf(view);
            return (View: view, State: state, Actions: Decide(state));
        }).ToList();
        var fresh = first
            .Where(r => exposure.EntryWorking(r.View.Ticker) || r.Actions.Any(a => a.Kind != MarketActionKind.Nothing))
            .OrderByDescending(r => exposure.EntryWorking(r.View.Ticker))
            .ThenByDescending(r => r.Actions.Max(a => a.Edge))
            .Take(options.MaxBooksPerScan)
            .Select(r => r.View.Ticker)
            .ToHashSet();
        await scan.RefreshBooksAsync(fresh.ToList(), cancellationToken).ConfigureAwait(false);

        var results = new List<Evaluation>();
        var seen = new List<Observation>(first.Count);
        foreach (var (view, state, actions) in first.Where(r => !fresh.Contains(r.View.Ticker)))
        {
            seen.Add(new Observation(view, state.Quote, picks[view.Ticker], account.Now, Involved(view.Ticker)));
            foreach (var action in actions.Where(a => a.Kind == MarketActionKind.Nothing))
                results.Add(Record(action, account, ForecastOf(view.Ticker)));
        }

        account = account with { Now = time.GetUtcNow() };
        var decided = new List<(MarketState State, MarketAction Action)>();
        foreach (var ticker in fresh)
        {
            if (!book.TryGet(ticker, out var view))
                continue;
            var state = StateOf(view);
            seen.Add(new Observation(view, state.Quote, picks.GetValueOrDefault(ticker), account.Now, Involved(ticker)));
            foreach (var action in Decide(state))
                decided.Add((state, action));
        }

        var gameTaken = OneEntryPerGame(decided);
        foreach (var (state, action) in decided)
            results.Add(Judge(state, action, gameTaken, balance.Success, account, ForecastOf(state.Ticker)));

        return new EvaluationReport(batch.Count, fresh.Count, results.Where(r => !Unremarkable.Contains(r.Action.Code)).Select(WithGameStart).ToList(), seen);
    }

    /// <summary>Every decision written down says when its game starts and where that came from (milestone, ticker, unknown).</summary>
    private Evaluation WithGameStart(Evaluation evaluation)
    {
        if (!book.TryGet(evaluation.Ticker, out var view))
            return evaluation;
        var start = view.GameStart is { } at ? at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        var detail = evaluation.Decision.Detail.Length > 0 ? $"{evaluation.Decision.Detail}, " : "";
        return evaluation with { Decision = evaluation.Decision with { Detail = $"{detail}game_start={start} ({view.StartSource.ToString().ToLowerInvariant()})" } };
    }

    /// <summary>
    /// A placement is judged by the gate, an amend too (on the market without the order it replaces); an entry needs a
    /// readable balance (an exit never does).
    /// </summary>
    private Evaluation Judge(in MarketState state, MarketAction action, IReadOnlyDictionary<EventTicker, MarketTicker> gameTaken, bool balanceRead, AccountState account, Forecast? forecast)
    {
        if (action is { Kind: MarketActionKind.Amend, Order: { } order })
        {
            var (clear, clearAccount) = MarketDecision.WithoutOrder(state, account, order);
            var amendVerdict = gate.Check(action.Intent, new RiskSnapshot(clearAccount, clear, forecast?.AsOf));
            return amendVerdict.IsApproved
                ? Record(action, account, forecast)
                : new Evaluation(state.Ticker, action with { Kind = MarketActionKind.Nothing, Code = amendVerdict.Code }, Decisions.Denial(action.Intent, amendVerdict, account.Now), forecast);
        }

        if (action.Kind != MarketActionKind.Place)
            return Record(action, account, forecast);
        var intent = action.Intent;
        if (intent.Kind == IntentKind.Entry && state.MutuallyExclusive && gameTaken.TryGetValue(state.Event, out var chosen) && chosen != state.Ticker)
        {
            return Record(MarketAction.Nothing(state.Ticker, DecisionCode.EventOtherMarket, $"event={state.Event}, {chosen} has the better edge in this game", action.Edge), account, forecast);
        }

        if (intent.Kind == IntentKind.Entry && !balanceRead)
        {
            return new Evaluation(state.Ticker, action with { Kind = MarketActionKind.Nothing, Code = DecisionCode.InsufficientBalance },
                Decisions.Denial(intent, RiskDecision.Deny(DecisionCode.InsufficientBalance, intent.Ticker, DenialDetail.Word("balance", "unreadable")), account.Now), forecast);
        }

        var verdict = gate.Check(intent, new RiskSnapshot(account, state, forecast?.AsOf));
        return verdict.IsApproved
            ? new Evaluation(state.Ticker, action, Decisions.Of(intent, Decisions.Queued, action.Code.Code(), action.Detail, account.Now), forecast)
            : new Evaluation(state.Ticker, action with { Kind = MarketActionKind.Nothing, Code = verdict.Code }, Decisions.Denial(intent, verdict, account.Now), forecast);
    }

    /// <summary>In each mutually exclusive game, the one market whose entry has the best edge: only it may be entered this pass.</summary>
    private static Dictionary<EventTicker, MarketTicker> OneEntryPerGame(List<(MarketState State, MarketAction Action)> decided) =>
        decided.Where(d => d.State.MutuallyExclusive && d.Action.Kind == MarketActionKind.Place && d.Action.Intent.Kind == IntentKind.Entry)
            .GroupBy(d => d.State.Event)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Action.Edge).ThenBy(d => d.State.Ticker.Value, StringComparer.Ordinal).First().State.Ticker);

    private static Evaluation Record(MarketAction action, AccountState account, Forecast? forecast) =>
        new(action.Ticker, action, Decisions.For(action, account.Now), forecast);
}
