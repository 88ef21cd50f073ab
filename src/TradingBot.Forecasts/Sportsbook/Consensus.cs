using System.Collections.Concurrent;
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
/// A college event as the books list it. There is no catalog of schools, so it is kept with its names and matched to
/// a Kalshi game only when one of that game's markets is asked (<see cref="SchoolNames"/>).
/// </summary>
internal sealed record CollegeEvent(int Index, OddsEvent Event, League League, SchoolName Home, SchoolName Away, DateTimeOffset Start);

/// <summary>
/// The consensus of every mapped game, immutable so <c>Get</c> reads it without locks (college games are matched
/// and priced on the first ask and cached here). Problems found while building it (events that map to no Kalshi
/// game, stale books, unusable markets) travel with it to health.
/// </summary>
internal sealed class ConsensusSnapshot
{
    private readonly Dictionary<(League, string, string), List<ConsensusEvent>> _byTeams = [];
    private readonly ConsensusRules? _rules;
    private readonly IReadOnlyList<CollegeEvent> _college;
    private readonly DateTimeOffset _builtAt;
    private readonly ConcurrentDictionary<CollegeGameKey, Lazy<GameMatch<ConsensusEvent>>> _collegeMatches = new();
    private readonly ConcurrentDictionary<(int Index, string Home, string Away), Lazy<ConsensusEvent>> _collegeConsensus = new();
    private readonly Lock _late = new();
    private readonly SortedDictionary<string, int> _staleByBook;
    private readonly List<InputProblem> _unusable;

    public static readonly ConsensusSnapshot Empty = new([], [], [], new SortedDictionary<string, int>(StringComparer.Ordinal), [], null, default);

    public ConsensusSnapshot(IReadOnlyList<ConsensusEvent> events, IReadOnlyList<CollegeEvent> college, IReadOnlyList<InputProblem> unmapped,
        SortedDictionary<string, int> staleByBook, List<InputProblem> unusable, ConsensusRules? rules, DateTimeOffset builtAt)
    {
        Events = events;
        Unmapped = unmapped;
        _college = college;
        _staleByBook = staleByBook;
        _unusable = unusable;
        _rules = rules;
        _builtAt = builtAt;
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

    /// <summary>College events no market asked so far has matched: games Kalshi does not list, or names the rule cannot tell.</summary>
    public IReadOnlyList<InputProblem> UnmatchedCollege
    {
        get
        {
            var matched = _collegeConsensus.Keys.Select(k => k.Index).ToHashSet();
            return _college
                .Where(c => !matched.Contains(c.Index))
                .Select(c => new InputProblem(c.Event.Describe(), $"matches no listed {c.League.SeriesToken()} game"))
                .ToList();
        }
    }

    public IReadOnlyList<InputProblem> Stale
    {
        get
        {
            lock (_late)
            {
                return _staleByBook
                    .Select(b => new InputProblem($"book {b.Key}", $"skipped as stale in {b.Value} market(s) (last_update missing or older than {_rules?.MaxBookAge:c})"))
                    .ToList();
            }
        }
    }

    public IReadOnlyList<InputProblem> Unusable
    {
        get
        {
            lock (_late)
                return _unusable.ToList();
        }
    }

    /// <summary>Lines quoted by enough books to be priced on their own (a college game's once a market has asked for it).</summary>
    public int PricedLines => _rules is null
        ? 0
        : Events.Concat(_collegeConsensus.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
            .Sum(e => e.Lines.Values.Count(l => l.Books >= _rules.MinBooks));

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
        var match = TeamCatalog.HasCatalog(game.League)
            ? _byTeams.TryGetValue(TeamsKey(game.League, game.Home, game.Away), out var candidates)
                ? rule.FindOne(game, request.GameStart, candidates, c => c.Game)
                : new GameMatch<ConsensusEvent>(GameMatchOutcome.None, null, 0)
            : MatchCollege(game, request.GameStart, rule);
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

    /// <summary>
    /// The college event for a Kalshi game: both its names must be the game's two schools by the name rule (either
    /// way round, for neutral sites) and its start must pass the match rule. Worked out once per game and kept, as
    /// is each matched event's consensus: a scan asks for the same game's markets many times.
    /// </summary>
    private GameMatch<ConsensusEvent> MatchCollege(SportsEvent game, DateTimeOffset? start, GameMatchRule rule)
    {
        var key = new CollegeGameKey(game.League, game.Date, game.StartTime, game.Away.Code, game.Away.FullName, game.Home.Code, game.Home.FullName, start);
        return _collegeMatches.GetOrAdd(key, _ => new Lazy<GameMatch<ConsensusEvent>>(() =>
        {
            var named = new List<(CollegeEvent Event, FeedGame Game)>();
            foreach (var college in _college.Where(c => c.League == game.League))
            {
                var home = SchoolNames.Match(college.Home, game.Away, game.Home).Team;
                var away = SchoolNames.Match(college.Away, game.Away, game.Home).Team;
                if (home is not null && away is not null && home != away)
                    named.Add((college, new FeedGame(game.League, home, away, college.Start)));
            }

            var found = rule.FindOne(game, start, named, n => n.Game);
            if (found.Outcome != GameMatchOutcome.Matched)
                return new GameMatch<ConsensusEvent>(found.Outcome, null, found.Candidates);
            var (matched, feedGame) = found.Value;
            var consensus = _collegeConsensus.GetOrAdd(
                (matched.Index, feedGame.Home.Code, feedGame.Away.Code),
                _ => new Lazy<ConsensusEvent>(() => Consensus(matched, feedGame))).Value;
            return new GameMatch<ConsensusEvent>(GameMatchOutcome.Matched, consensus, 1);
        })).Value;
    }

    /// <summary>A matched college event priced as any other, its book problems added to this snapshot's.</summary>
    private ConsensusEvent Consensus(CollegeEvent college, FeedGame game)
    {
        var stale = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unusable = new List<InputProblem>();
        var quotes = ConsensusBuilder.Quotes(college.Event, game, _rules!, _builtAt, stale, unusable);
        lock (_late)
        {
            foreach (var (book, count) in stale)
                _staleByBook[book] = _staleByBook.GetValueOrDefault(book) + count;
            _unusable.AddRange(unusable);
        }

        return new ConsensusEvent(college.Event.Id ?? "", game, ConsensusBuilder.Lines(quotes), quotes);
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

    /// <summary>A Kalshi college game as its listing names it: the schools are built anew for each request, so they are keyed by code and name.</summary>
    private readonly record struct CollegeGameKey(League League, DateOnly Date, TimeOnly? StartTime, string AwayCode, string AwayName, string HomeCode, string HomeName, DateTimeOffset? Start);
}

/// <summary>
/// Builds the consensus from the books' events: map each event to a Kalshi game, de-vig each fresh book, average by
/// weight. College events are kept as listed and mapped when a market asks (<see cref="ConsensusSnapshot"/>).
/// </summary>
internal static class ConsensusBuilder
{
    public static ConsensusSnapshot Build(IEnumerable<OddsEvent> events, ConsensusRules rules, DateTimeOffset now)
    {
        var mapped = new List<ConsensusEvent>();
        var college = new List<CollegeEvent>();
        var unmapped = new List<InputProblem>();
        var unusable = new List<InputProblem>();
        var staleByBook = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var oddsEvent in events)
        {
            if (!Leagues.TryFromOddsApiSportKey(oddsEvent.SportKey, out var league))
            {
                unmapped.Add(new InputProblem(oddsEvent.Describe(), $"sport '{oddsEvent.SportKey}' is not a league the bot trades"));
            }
            else if (!TeamCatalog.HasCatalog(league))
            {
                if (TryKeepCollege(oddsEvent, league, college.Count, out var kept, out var reason))
                    college.Add(kept);
                else
                    unmapped.Add(new InputProblem(oddsEvent.Describe(), reason));
            }
            else if (TryMap(oddsEvent, league, out var game, out var reason))
            {
                var quotes = Quotes(oddsEvent, game, rules, now, staleByBook, unusable);
                mapped.Add(new ConsensusEvent(oddsEvent.Id ?? "", game, Lines(quotes), quotes));
            }
            else
            {
                unmapped.Add(new InputProblem(oddsEvent.Describe(), reason));
            }
        }

        return new ConsensusSnapshot(mapped, college, unmapped, staleByBook, unusable, rules, now);
    }

    /// <summary>An event maps only when both names resolve to exactly one team of the league: never guessed.</summary>
    private static bool TryMap(OddsEvent oddsEvent, League league, out FeedGame game, out string reason)
    {
        game = null!;
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

    private static bool TryKeepCollege(OddsEvent oddsEvent, League league, int index, out CollegeEvent college, out string reason)
    {
        college = null!;
        var home = SchoolName.Of(oddsEvent.HomeTeam);
        var away = SchoolName.Of(oddsEvent.AwayTeam);
        reason = oddsEvent.CommenceTime is null ? "no commence_time"
            : home.Normalized.Length == 0 || away.Normalized.Length == 0 ? "a side has no name"
            : home == away ? "both sides are the same school"
            : "";
        if (reason.Length > 0)
            return false;
        college = new CollegeEvent(index, oddsEvent, league, home, away, oddsEvent.CommenceTime!.Value);
        return true;
    }

    public static List<BookQuote> Quotes(OddsEvent oddsEvent, FeedGame game, ConsensusRules rules, DateTimeOffset now, SortedDictionary<string, int> staleByBook, List<InputProblem> unusable)
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
    public static Dictionary<FairKey, ConsensusLine> Lines(List<BookQuote> quotes) =>
        quotes
            .GroupBy(q => q.Key)
            .ToDictionary(
                g => g.Key,
                g => new ConsensusLine(g.Sum(x => x.Probability * x.Weight) / g.Sum(x => x.Weight), g.Min(x => x.At), g.Count()));
}
