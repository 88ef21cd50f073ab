using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Engine;

/// <summary>Markets worth a fresh book, best edge first; and those with an edge but no room to size an order.</summary>
public sealed record CandidateList(IReadOnlyList<MarketTicker> Tickers, IReadOnlyList<Evaluation> NoRoom);

/// <summary>One market's evaluation: an intent to queue (already past the gate once), or why not.</summary>
public sealed record Evaluation(MarketTicker Ticker, TradeIntent? Intent, DecisionRecord Decision, Forecast? Forecast);

/// <summary>
/// Joins each market's quote with its forecast, prices it in Core (<see cref="EntryEvaluator"/>) and runs the gate
/// on the picture of the moment. The executor runs the gate again on fresher exposure before anything is sent.
/// </summary>
public sealed class EvaluationStep(EntryEvaluator evaluator, RiskGate gate)
{
    /// <summary>
    /// The markets the pricing alone would trade: worth fetching a fresh book for. No gate runs here, so a quote that
    /// is old by the time the scan ends does not hide a market whose fresh book may well be tradable. Markets with an
    /// edge but no room left under a cap or the balance come back too, as decisions: that is how a limit reached shows.
    /// </summary>
    public CandidateList Candidates(IEnumerable<MarketView> markets, Func<MarketView, Forecast?> forecastOf, AccountState account, Exposure exposure)
    {
        var candidates = new List<(MarketTicker Ticker, Money Edge)>();
        var noRoom = new List<Evaluation>();
        foreach (var view in markets)
        {
            if (forecastOf(view) is not { } forecast)
                continue;
            var state = StateOf(view, exposure, account.Now);
            var evaluation = evaluator.Evaluate(state, forecast, account);
            if (evaluation.HasIntent)
            {
                candidates.Add((view.Ticker, evaluation.BestEdge));
            }
            else if (evaluation.Reason == NoTradeReason.NoRoomToSize)
            {
                var decision = Decisions.NoTradeFor(view.Ticker, evaluation.Reason, evaluation.BestEdge, account.Now);
                noRoom.Add(new Evaluation(view.Ticker, null, decision with
                {
                    Detail = $"{decision.Detail}, market_exposure={state.MarketExposure}, event_exposure={state.EventExposure}, total_exposure={account.TotalExposure}, balance={account.Balance}",
                }, forecast));
            }
        }

        return new CandidateList(candidates.OrderByDescending(c => c.Edge).Select(c => c.Ticker).ToList(), noRoom);
    }

    public IReadOnlyList<Evaluation> Evaluate(IEnumerable<MarketView> markets, Func<MarketView, Forecast?> forecastOf, AccountState account, Exposure exposure)
    {
        var results = new List<Evaluation>();
        foreach (var view in markets)
        {
            var forecast = forecastOf(view);
            if (forecast is null)
            {
                results.Add(new Evaluation(view.Ticker, null, Decisions.NoTradeFor(view.Ticker, NoTradeReason.None, Money.Zero, account.Now) with { Code = "NO_FORECAST", Detail = "no source has this market" }, null));
                continue;
            }

            var state = StateOf(view, exposure, account.Now);
            var evaluation = evaluator.Evaluate(state, forecast.Value, account);
            if (!evaluation.HasIntent)
            {
                results.Add(new Evaluation(view.Ticker, null, Decisions.NoTradeFor(view.Ticker, evaluation.Reason, evaluation.BestEdge, account.Now), forecast));
                continue;
            }

            var decision = gate.Check(evaluation.Intent, new RiskSnapshot(account, state, forecast.Value.AsOf));
            results.Add(decision.IsApproved
                ? new Evaluation(view.Ticker, evaluation.Intent, Decisions.Of(evaluation.Intent, Decisions.Queued, "APPROVED", $"edge={evaluation.BestEdge}", account.Now), forecast)
                : new Evaluation(view.Ticker, null, Decisions.Denial(evaluation.Intent, decision, account.Now), forecast));
        }

        return results;
    }

    /// <summary>A market as the pricing and the gate see it: the view plus the bot's own capital and holding there, with the fees in force <paramref name="at"/> (at the scan when not given).</summary>
    public static MarketState StateOf(MarketView view, Exposure exposure, DateTimeOffset? at = null)
    {
        var position = exposure.PositionIn(view.Ticker);
        var holding = position is null ? Holding.None : new Holding(position.Side, position.Count, position.Cost);
        return new MarketState(view.Ticker, view.Market.Event, view.Market.Status, view.Market.CloseTime, view.GameStart, view.Quote, view.Market.Ticks,
            at is { } when ? view.FeesAt(when) : view.Fees, exposure.InMarket(view.Ticker), exposure.InEvent(view.Market.Event), holding, exposure.InDoubt(view.Ticker));
    }
}
