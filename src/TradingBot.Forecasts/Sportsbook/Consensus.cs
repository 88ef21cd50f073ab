using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Sportsbook;

/// <summary>The books' weighted consensus for one line: its fair probability, the oldest quote used, and how many books made it.</summary>
internal readonly record struct ConsensusLine(double Probability, DateTimeOffset AsOf, int Books);

internal sealed record ConsensusEvent(string Id, FeedGame Game, IReadOnlyDictionary<FairKey, ConsensusLine> Lines);

/// <summary>How the consensus is formed; a plain record so the builder is testable without options binding.</summary>
internal sealed record ConsensusRules(DevigMethod Method, OddsFormat Format, Func<string, double> WeightOf, TimeSpan MaxBookAge, int MinBooks);

/// <summary>
/// The consensus of every mapped game, immutable so <c>Get</c> reads it without locks. Problems found while
/// building it (events that map to no Kalshi game, stale books, unusable markets) travel with it to health.
/// </summary>
internal sealed class ConsensusSnapshot
{
    private readonly Dictionary<(League, string, string), List<ConsensusEvent>> _byTeams = [];

    public static readonly ConsensusSnapshot Empty = new([], [], [], []);

    public ConsensusSnapshot(IReadOnlyList<ConsensusEvent> events, IReadOnlyList<InputProblem> unmapped, IReadOnlyList<InputProblem> stale, IReadOnlyList<InputProblem> unusable)
    {
        Events = events;
        Unmapped = unmapped;
        Stale = stale;
        Unusable = unusable;
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

    public Forecast? Find(ForecastRequest request, GameMatchRule rule, LookupProblems lookups)
    {
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

        if (match.Value is null || !match.Value.Lines.TryGetValue(new FairKey(market.Kind, market.Team?.Code, market.Line), out var line))
            return null;
        var rounded = Math.Clamp(Math.Round((decimal)line.Probability, 6), 0m, 1m);
        return new Forecast(rounded, line.AsOf);
    }

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

            var lines = Lines(oddsEvent, game, rules, now, staleByBook, unusable);
            mapped.Add(new ConsensusEvent(oddsEvent.Id ?? "", game, lines));
        }

        var stale = staleByBook
            .Select(b => new InputProblem($"book {b.Key}", $"skipped as stale in {b.Value} market(s) (last_update missing or older than {rules.MaxBookAge:c})"))
            .ToList();
        return new ConsensusSnapshot(mapped, unmapped, stale, unusable);
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

    private static Dictionary<FairKey, ConsensusLine> Lines(OddsEvent oddsEvent, FeedGame game, ConsensusRules rules, DateTimeOffset now, SortedDictionary<string, int> staleByBook, List<InputProblem> unusable)
    {
        var quotes = new Dictionary<FairKey, List<(double P, double Weight, DateTimeOffset At)>>();
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
                    if (!seen.Add(fairKey))
                        continue;
                    if (!quotes.TryGetValue(fairKey, out var list))
                        quotes[fairKey] = list = [];
                    list.Add((p, weight, at));
                }
            }
        }

        return quotes
            .Where(q => q.Value.Count >= rules.MinBooks)
            .ToDictionary(
                q => q.Key,
                q => new ConsensusLine(q.Value.Sum(x => x.P * x.Weight) / q.Value.Sum(x => x.Weight), q.Value.Min(x => x.At), q.Value.Count));
    }
}
