using System.Globalization;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Sportsbook;

/// <summary>The books' weighted consensus for one line: its fair probability, the oldest quote used, and how many books made it.</summary>
internal readonly record struct ConsensusLine(double Probability, DateTimeOffset AsOf, int Books);

/// <summary>One fresh book's fair probability for one line, kept so a line model can fit the book's other lines.</summary>
internal readonly record struct BookQuote(FairKey Key, string Book, double Probability, double Weight, DateTimeOffset At);

/// <summary>A mapped game: every line any fresh book quotes (with its book count, enough or not) and the quotes behind them.</summary>
internal sealed record ConsensusEvent(string Id, FeedGame Game, IReadOnlyDictionary<FairKey, ConsensusLine> Lines, IReadOnlyList<BookQuote> Quotes);

/// <summary>
/// How the consensus is formed and used; a plain record so the builder is testable without options binding.
/// <paramref name="SdOf"/> gives the normal model's deviation for a league's margin (false) or total (true), null when none is stated.
/// </summary>
internal sealed record ConsensusRules(DevigMethod Method, OddsFormat Format, Func<string, double> WeightOf, TimeSpan MaxBookAge, int MinBooks,
    LineModel Model = LineModel.Exact, Func<League, bool, double?>? SdOf = null);

/// <summary>
/// The consensus of every mapped game, immutable so <c>Get</c> reads it without locks. Problems found while
/// building it (events that map to no Kalshi game, stale books, unusable markets) travel with it to health.
/// </summary>
internal sealed class ConsensusSnapshot
{
    private readonly Dictionary<(League, string, string), List<ConsensusEvent>> _byTeams = [];
    private readonly ConsensusRules? _rules;

    public static readonly ConsensusSnapshot Empty = new([], [], [], [], null);

    public ConsensusSnapshot(IReadOnlyList<ConsensusEvent> events, IReadOnlyList<InputProblem> unmapped, IReadOnlyList<InputProblem> stale, IReadOnlyList<InputProblem> unusable, ConsensusRules? rules)
    {
        Events = events;
        Unmapped = unmapped;
        Stale = stale;
        Unusable = unusable;
        _rules = rules;
        foreach (var game in events)
        {
            var key = TeamsKey(game.Game.League, game.Game.Home, game.Game.Away);
            if (!_byTeams.TryGetValue(key, out var list))
                _byTeams[key] = list = [];
            list.Add(game);
        }
    }

    public IReadOnlyList<ConsensusEvent> Events { get; }

    public IReadOnlyList<InputProblem> Unmapped { get; }

    public IReadOnlyList<InputProblem> Stale { get; }

    public IReadOnlyList<InputProblem> Unusable { get; }

    /// <summary>Lines quoted by enough books to be priced on their own.</summary>
    public int PricedLines => _rules is null ? 0 : Events.Sum(e => e.Lines.Values.Count(l => l.Books >= _rules.MinBooks));

    /// <summary>
    /// The forecast for a market, or null. A market whose game is found but whose line too few books quote is
    /// reported in <paramref name="thin"/> with the count; a market this source cannot map, in <paramref name="lookups"/>.
    /// </summary>
    public Forecast? Find(ForecastRequest request, GameMatchRule rule, LookupProblems lookups, LookupProblems thin)
    {
        if (_rules is null)
            return null;
        if (!MarketResolver.TryResolve(request, out var market, out var problem))
        {
            if (problem is not null)
                lookups.Add(request.Ticker.Value, problem);
            return null;
        }

        var game = market.Event;
        if (!_byTeams.TryGetValue(TeamsKey(game.League, game.Home, game.Away), out var candidates))
            return null;
        var match = rule.FindOne(game, request.GameStart, candidates, c => c.Game);
        if (match.Outcome == GameMatchOutcome.Ambiguous)
        {
            lookups.Add(request.Ticker.Value, $"{match.Candidates} odds events match this game; none is used");
            return null;
        }

        if (match.Value is null)
            return null;
        var books = match.Value.Lines.TryGetValue(new FairKey(market.Kind, market.Team?.Code, market.Line), out var line) ? line.Books : 0;
        if (books >= _rules.MinBooks)
            return Forecast(line.Probability, line.AsOf);

        var why = string.Create(CultureInfo.InvariantCulture, $"{books} book{(books == 1 ? "" : "s")} {Describe(market)}, need {_rules.MinBooks}");
        if (_rules.Model == LineModel.Normal && market.Line is { } target && market.Kind is SportsMarketKind.Spread or SportsMarketKind.Total)
        {
            var total = market.Kind == SportsMarketKind.Total;
            var kind = total ? "totals" : "spreads";
            if (_rules.SdOf?.Invoke(game.League, total) is not { } sd)
            {
                why += $"; the normal model has no {(total ? "TotalSd" : "MarginSd")} for {game.League.SeriesToken()}";
            }
            else
            {
                var modelled = NormalLineModel.Price(match.Value, market.Kind, market.Team?.Code, target, sd);
                if (modelled.Books >= _rules.MinBooks)
                    return Forecast(modelled.Probability, modelled.AsOf);
                why += $"; the normal model has {modelled.Books} book{(modelled.Books == 1 ? "" : "s")} with {kind}, needs {_rules.MinBooks}";
            }
        }

        thin.Add(request.Ticker.Value, why);
        return null;
    }

    private static Forecast Forecast(double probability, DateTimeOffset asOf) =>
        new(Math.Clamp(Math.Round((decimal)probability, 6), 0m, 1m), asOf);

    /// <summary>The line as a bettor reads it: "at BUF -5.5", "at over 44.5", "with a BUF moneyline".</summary>
    private static string Describe(SportsMarket market) => market.Kind switch
    {
        SportsMarketKind.Spread => string.Create(CultureInfo.InvariantCulture, $"at {market.Team?.Code} -{market.Line}"),
        SportsMarketKind.Total => string.Create(CultureInfo.InvariantCulture, $"at over {market.Line}"),
        SportsMarketKind.Tie => "with a draw",
        _ => $"with a {market.Team?.Code} moneyline",
    };

    private static (League, string, string) TeamsKey(League league, Team a, Team b) =>
        string.CompareOrdinal(a.Code, b.Code) < 0 ? (league, a.Code, b.Code) : (league, b.Code, a.Code);
}

/// <summary>Builds the consensus from the books' events: map each event to a Kalshi game, de-vig each fresh book, average by weight.</summary>
internal static class ConsensusBuilder
{
    public static ConsensusSnapshot Build(IEnumerable<OddsEvent> events, ConsensusRules rules, DateTimeOffset now)
    {
        var mapped = new List<ConsensusEvent>();
        var unmapped = new List<InputProblem>();
        var unusable = new List<InputProblem>();
        var staleByBook = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var oddsEvent in events)
        {
            if (!TryMap(oddsEvent, out var game, out var reason))
            {
                unmapped.Add(new InputProblem(oddsEvent.Describe(), reason));
                continue;
            }

            var quotes = Quotes(oddsEvent, game, rules, now, staleByBook, unusable);
            mapped.Add(new ConsensusEvent(oddsEvent.Id ?? "", game, Lines(quotes), quotes));
        }

        var stale = staleByBook
            .Select(b => new InputProblem($"book {b.Key}", $"skipped as stale in {b.Value} market(s) (last_update missing or older than {rules.MaxBookAge:c})"))
            .ToList();
        return new ConsensusSnapshot(mapped, unmapped, stale, unusable, rules);
    }

    /// <summary>An event maps only when its sport is a league we trade and both names resolve to exactly one team: never guessed.</summary>
    private static bool TryMap(OddsEvent oddsEvent, out FeedGame game, out string reason)
    {
        game = null!;
        if (!Leagues.TryFromOddsApiSportKey(oddsEvent.SportKey, out var league) || !TeamCatalog.HasCatalog(league))
        {
            reason = $"sport '{oddsEvent.SportKey}' maps to no league with a team catalog";
            return false;
        }

        var home = TeamCatalog.Find(league, oddsEvent.HomeTeam);
        var away = TeamCatalog.Find(league, oddsEvent.AwayTeam);
        if (!home.Found || !away.Found || home.Team == away.Team || oddsEvent.CommenceTime is not { } start)
        {
            reason = home.Problem ?? away.Problem ?? (oddsEvent.CommenceTime is null ? "no commence_time" : "both sides are the same team");
            return false;
        }

        game = new FeedGame(league, home.Team, away.Team, start);
        reason = "";
        return true;
    }

    private static List<BookQuote> Quotes(OddsEvent oddsEvent, FeedGame game, ConsensusRules rules, DateTimeOffset now, SortedDictionary<string, int> staleByBook, List<InputProblem> unusable)
    {
        var quotes = new List<BookQuote>();
        var reader = new BookLines(game.Home, game.Away, rules.Method, rules.Format, unusable);
        foreach (var book in (oddsEvent.Bookmakers ?? []).DistinctBy(b => b.Key, StringComparer.OrdinalIgnoreCase))
        {
            var key = book.Key ?? "";
            var weight = rules.WeightOf(key);
            if (weight <= 0)
                continue;
            var seen = new HashSet<FairKey>();
            foreach (var market in book.Markets ?? [])
            {
                var updated = market.LastUpdate ?? book.LastUpdate;
                if (updated is not { } at || now - at > rules.MaxBookAge)
                {
                    staleByBook[key] = staleByBook.GetValueOrDefault(key) + 1;
                    continue;
                }

                foreach (var (fairKey, p) in reader.Read(market, $"{oddsEvent.Describe()} book {key} market {market.Key}"))
                {
                    // A line a book lists in both spreads and alternate_spreads is still one book's opinion.
                    if (seen.Add(fairKey))
                        quotes.Add(new BookQuote(fairKey, key, p, weight, at));
                }
            }
        }

        return quotes;
    }

    /// <summary>Every quoted line with its weighted consensus and book count; whether the count is enough is decided when a market asks.</summary>
    private static Dictionary<FairKey, ConsensusLine> Lines(List<BookQuote> quotes) =>
        quotes
            .GroupBy(q => q.Key)
            .ToDictionary(
                g => g.Key,
                g => new ConsensusLine(g.Sum(x => x.Probability * x.Weight) / g.Sum(x => x.Weight), g.Min(x => x.At), g.Count()));
}
