using TradingBot.Core.Engine;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Sports;

namespace TradingBot.Core.Forecasting;

/// <summary>A market's forecast, or why none may price it (null <see cref="Refusal"/>: simply no source has it).</summary>
public readonly record struct ForecastPick(Forecast? Forecast, DecisionCode? Refusal, string? Detail, string? Source = null)
{
    public static ForecastPick Refused(DecisionCode code, string detail) => new(null, code, detail);
}

/// <summary>
/// The forecast-choice policy. First what the market is: a sports market whose strike, ticker and subtitle disagree
/// (or a spread or total without a strike) is unpriceable; a preseason game is not traded unless
/// <c>Strategy:TradePreseason</c>; a competition no configured source covers is not traded. Then the first source,
/// in configured order, that covers the competition and has the market (a blend is configured as one source).
/// </summary>
public sealed class ForecastChoice(IReadOnlyList<IForecastSource> sources, bool tradePreseason = false, IReadOnlyCollection<string>? extraCompetitions = null)
{
    /// <summary>The most listings whose terms are kept: far more than the markets open at once; past it the cache starts afresh.</summary>
    private const int MaxKnownTerms = 20_000;

    private readonly HashSet<string> _extra = new(extraCompetitions ?? [], StringComparer.Ordinal);

    /// <summary>
    /// Each listing's terms, worked out once: a market is decided every pass, and reading its teams from its titles
    /// was a quarter of a replay's time. Keyed by the whole request (a listing that changes is read afresh).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ForecastRequest, ContractTerms> _terms = new();

    public IReadOnlyList<IForecastSource> Sources => sources;

    public Forecast? For(MarketView view) => Pick(view).Forecast;

    public ForecastPick Pick(MarketView view)
    {
        var request = view.ForecastRequest;
        if (!_terms.TryGetValue(request, out var terms))
        {
            if (_terms.Count >= MaxKnownTerms)
                _terms.Clear();
            terms = _terms[request] = SportsContracts.Resolve(request);
        }

        if (terms.Refusal is { } refused)
            return ForecastPick.Refused(refused, terms.Problem ?? "");

        // A preseason game may borrow its season's models only when the operator says so.
        var competition = request.Competition;
        if (competition is not null && Competitions.IsPreseason(competition))
        {
            if (!tradePreseason)
                return ForecastPick.Refused(DecisionCode.Preseason, $"competition={competition}, Strategy:TradePreseason is off");
            competition = Competitions.SeasonOf(competition);
        }

        foreach (var source in sources)
        {
            if (competition is not null && !Covers(source, competition))
                continue;
            if (source.Get(request) is { } forecast)
                return new ForecastPick(forecast, null, null, source.Name);
        }

        return competition is not null && !sources.Any(s => Covers(s, competition))
            ? ForecastPick.Refused(DecisionCode.CompetitionNotCovered, $"competition={request.Competition}, covered by none of {string.Join(", ", sources.Select(s => s.Name))}")
            : default;
    }

    private bool Covers(IForecastSource source, string competition) => source.Covers(competition) || _extra.Contains(competition);
}
