using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;
using TradingBot.Forecasts.Tests.Support;
using Xunit.Abstractions;

namespace TradingBot.Forecasts.Tests.Sportsbook;

/// <summary>
/// The real Odds API replies in Corpus/OddsApi (2023–2026, see its README and SOURCES.json): every reply is read,
/// every game of a league with a team catalog maps to its two teams (college games to the Kalshi listing written
/// for them here, when their markets ask), and each game's markets are priced the way
/// Kalshi lists them: each team's win from the moneylines, spreads and totals at the half-point lines the books
/// quote, each from at least MinBooks (2) books at exactly that line, and nothing from fewer. The expected prices
/// are worked out here from the raw JSON by a separate, plain reading (additive de-vig, which is what Shin gives on
/// two outcomes), so a change in the bot's reading shows up against it.
/// </summary>
public sealed class OddsApiCorpusTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "OddsApi");
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>
    /// The sports whose games map when the reply is read. College games (americanfootball_ncaaf, basketball_ncaab)
    /// have no team catalog: they are kept and matched when a Kalshi market of theirs asks (see the college tests
    /// below). Tennis is not traded: its events are reported as unmapped, the one known exception.
    /// </summary>
    private static readonly HashSet<string> CatalogSports = new(TeamCatalog.Leagues.Select(l => l.OddsApiSportKey()), StringComparer.Ordinal);

    private static readonly HashSet<string> CollegeSports = new(
        Enum.GetValues<League>().Where(l => !TeamCatalog.HasCatalog(l)).Select(l => l.OddsApiSportKey()), StringComparer.Ordinal);

    public static TheoryData<string> Replies() => new(ReplyFiles());

    private static IEnumerable<string> ReplyFiles() =>
        Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Where(f => f != "SOURCES.json").Order(StringComparer.Ordinal);

    [Fact]
    public void The_corpus_holds_every_reply_its_sources_list()
    {
        var sources = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "SOURCES.json")))!.AsObject();
        Assert.Equal(17, sources.Count);
        Assert.Equal(sources.Select(s => s.Key).Order(StringComparer.Ordinal), ReplyFiles());
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void Every_reply_is_read_whole(string file)
    {
        var payload = OddsApiReader.Read(File.ReadAllText(Path.Combine(Folder, file)), file);
        var listed = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "SOURCES.json")))![file]!["events"]!.GetValue<int>();

        Assert.Null(payload.Fatal);
        Assert.Empty(payload.Problems);
        Assert.Equal(listed, payload.Events.Count);
        Assert.All(payload.Events, e => Assert.True(e.Id is not null && e.SportKey is not null && e.HomeTeam is not null && e.AwayTeam is not null && e.CommenceTime is not null, e.Describe()));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Every_game_of_a_league_with_a_catalog_maps_to_its_teams_college_games_wait_for_their_listing_and_only_tennis_maps_to_nothing(string file)
    {
        var reply = Reply.Load(file);
        var source = await LoadedAsync(reply);

        var unmapped = source.UnmappedEvents.ToDictionary(e => e.Where.Split(' ')[1], e => e.Message, StringComparer.Ordinal);
        var notTraded = reply.Events.Where(e => !CatalogSports.Contains(e.Sport) && !CollegeSports.Contains(e.Sport)).ToList();
        Assert.Equal(notTraded.Select(e => e.Id).Order(StringComparer.Ordinal), unmapped.Keys.Order(StringComparer.Ordinal));
        Assert.All(notTraded, e => Assert.StartsWith("tennis_", e.Sport, StringComparison.Ordinal));
        Assert.All(notTraded, e => Assert.Equal($"sport '{e.Sport}' is not a league the bot trades", unmapped[e.Id]));
        foreach (var game in reply.Events.Where(e => CatalogSports.Contains(e.Sport)))
        {
            Assert.True(TeamCatalog.Find(game.League, game.Home).Found, $"{file}: home '{game.Home}'");
            Assert.True(TeamCatalog.Find(game.League, game.Away).Found, $"{file}: away '{game.Away}'");
        }

        // Before any market asks, every college event is one no listed game has matched yet.
        var college = reply.Events.Where(e => CollegeSports.Contains(e.Sport)).ToList();
        Assert.Equal(college.Select(e => e.Id).Order(StringComparer.Ordinal), source.UnmatchedCollegeEvents.Select(e => e.Where.Split(' ')[1]).Order(StringComparer.Ordinal));
        Assert.All(source.UnmatchedCollegeEvents, e => Assert.Matches("matches no listed NCAA(F|MB) game$", e.Message));

        output.WriteLine($"{file}: {reply.Events.Count} events, {reply.Events.Count - notTraded.Count - college.Count} mapped, {college.Count} college kept, not traded by sport: "
            + string.Join(", ", notTraded.GroupBy(e => e.Sport).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Each_games_markets_are_priced_as_kalshi_lists_them_from_at_least_MinBooks_books_at_the_exact_line(string file)
    {
        var reply = Reply.Load(file);
        var source = await LoadedAsync(reply);
        var tally = new Dictionary<SportsMarketKind, (int Listed, int Priced)>();
        foreach (var game in reply.Events.Where(e => CatalogSports.Contains(e.Sport)))
        {
            var expected = game.ExpectedLines();
            var home = TeamCatalog.Find(game.League, game.Home).Team!.Code;
            var away = TeamCatalog.Find(game.League, game.Away).Team!.Code;

            // Kalshi lists each team's win, whatever the books quote.
            foreach (var team in new[] { home, away })
                expected.TryAdd(new Line(SportsMarketKind.Winner, team, null), []);
            foreach (var (line, fair) in expected)
            {
                // Kalshi's lines are half points: the books' whole numbers answer no Kalshi market.
                if (line.Value is { } value && value % 1 != 0.5m)
                    continue;
                var request = game.Request(line, away, home);
                var forecast = source.Get(request);
                var where = $"{file} {request.Ticker.Value} ({line}, {fair.Count} book(s))";
                if (fair.Count >= 2)
                {
                    Assert.True(forecast is not null, where);
                    Assert.True(Math.Abs((double)forecast.Value.Yes.Value - fair.Average()) <= 1.5e-6, $"{where}: {forecast.Value.Yes.Value} against {fair.Average():0.######}");
                }
                else
                {
                    Assert.True(forecast is null, where);
                }

                var (listed, priced) = tally.GetValueOrDefault(line.Kind);
                tally[line.Kind] = (listed + 1, priced + (fair.Count >= 2 ? 1 : 0));
            }
        }

        output.WriteLine($"{file}: markets at Kalshi lines (priced with 2+ books / listed): "
            + string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value.Priced}/{t.Value.Listed}")));
        if (source.Health.Problem is { } problem)
            output.WriteLine(problem);
    }

    /// <summary>
    /// Real college games of the corpus, each with the Kalshi listing written for it here: codes chosen for the test,
    /// schools named as Kalshi writes them (the school without its mascot, "St." for State, "Miami (OH)"). Every
    /// winner, spread and total market at a half-point line is priced from at least MinBooks books at that line, as
    /// the plain reading of the reply gives (each book name mapped by this table, not by the bot's rule). The 2023
    /// file has one book per game, so it is read with MinBooks 1. <c>homeFirst</c> lists the game the other way
    /// round, as a neutral site may be.
    /// </summary>
    [Theory]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Ohio State Buckeyes", "OSU", "Ohio St.", "Michigan Wolverines", "MICH", "Michigan", 2, false)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Ohio State Buckeyes", "OSU", "Ohio St.", "Michigan Wolverines", "MICH", "Michigan", 2, true)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Texas Tech Red Raiders", "TTU", "Texas Tech", "West Virginia Mountaineers", "WVU", "West Virginia", 2, false)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Iowa State Cyclones", "ISU", "Iowa St.", "Oklahoma State Cowboys", "OKST", "Oklahoma St.", 2, false)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Ball State Cardinals", "BALL", "Ball St.", "Miami (OH) RedHawks", "MOH", "Miami (OH)", 2, false)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Florida State Seminoles", "FSU", "Florida St.", "Florida Gators", "FLA", "Florida", 2, false)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Virginia Tech Hokies", "VT", "Virginia Tech", "Virginia Cavaliers", "UVA", "Virginia", 2, false)]
    [InlineData("ncaaf-2025-11-29-kevbowl.json", "Maryland Terrapins", "MD", "Maryland", "Michigan State Spartans", "MSU", "Michigan St.", 2, false)]
    [InlineData("mixed-nba-ncaab-tennis-2026-03-06-jahsonwestby.json", "UIC Flames", "UIC", "UIC", "Murray St Racers", "MUR", "Murray St.", 2, false)]
    [InlineData("mixed-nba-ncaab-tennis-2026-03-06-jahsonwestby.json", "Miami (OH) RedHawks", "MOH", "Miami (OH)", "Ohio Bobcats", "OHIO", "Ohio", 2, false)]
    [InlineData("mixed-nba-ncaab-tennis-2026-03-06-jahsonwestby.json", "Drake Bulldogs", "DRKE", "Drake", "Belmont Bruins", "BEL", "Belmont", 2, false)]
    [InlineData("mansfield-2023-ncaaf.json", "Michigan State Spartans", "MSU", "Michigan St.", "Ohio State Buckeyes", "OSU", "Ohio St.", 1, false)]
    [InlineData("mansfield-2023-ncaaf.json", "Texas Longhorns", "TEX", "Texas", "TCU Horned Frogs", "TCU", "TCU", 1, false)]
    [InlineData("mansfield-2023-ncaaf.json", "Mississippi State Bulldogs", "MSST", "Mississippi St.", "Texas A&M Aggies", "TXAM", "Texas A&M", 1, false)]
    public async Task A_college_game_listed_by_Kalshi_is_priced_from_the_books_consensus(
        string file, string awayBook, string awayCode, string awayKalshi, string homeBook, string homeCode, string homeKalshi, int minBooks, bool homeFirst)
    {
        var reply = Reply.Load(file);
        var source = await LoadedAsync(reply, o => o.MinBooks = minBooks);
        var game = reply.Events.Single(e => e.Away == awayBook && e.Home == homeBook);
        var expected = game.ExpectedLines(new Dictionary<string, string> { [awayBook] = awayCode, [homeBook] = homeCode });
        var (first, second) = homeFirst ? ((homeCode, homeKalshi), (awayCode, awayKalshi)) : ((awayCode, awayKalshi), (homeCode, homeKalshi));
        var day = TimeZoneInfo.ConvertTime(game.Start, Eastern).ToString("MMM d", CultureInfo.InvariantCulture);

        foreach (var team in new[] { homeCode, awayCode })
            expected.TryAdd(new Line(SportsMarketKind.Winner, team, null), []);
        var priced = new Dictionary<SportsMarketKind, int>();
        foreach (var (line, fair) in expected.Where(l => l.Key.Value is not { } v || v % 1 == 0.5m))
        {
            var request = game.Request(line, first.Item1, second.Item1).Listed($"{first.Item2} vs {second.Item2}", $"{first.Item1} vs {second.Item1} ({day})");
            var forecast = source.Get(request);
            var where = $"{file} {request.Ticker.Value} ({line}, {fair.Count} book(s))";
            if (fair.Count >= minBooks)
            {
                Assert.True(forecast is not null, where);
                Assert.True(Math.Abs((double)forecast.Value.Yes.Value - fair.Average()) <= 1.5e-6, $"{where}: {forecast.Value.Yes.Value} against {fair.Average():0.######}");
                priced[line.Kind] = priced.GetValueOrDefault(line.Kind) + 1;
            }
            else
            {
                Assert.True(forecast is null, where);
            }
        }

        // Each team's win is priced, and the game's event no longer counts as unmatched (the others of the reply do).
        Assert.Equal(2, priced.GetValueOrDefault(SportsMarketKind.Winner));
        Assert.DoesNotContain(source.UnmatchedCollegeEvents, e => e.Where.Contains(game.Id, StringComparison.Ordinal));
        Assert.Equal(reply.Events.Count(e => CollegeSports.Contains(e.Sport)) - 1, source.UnmatchedCollegeEvents.Count);
        output.WriteLine($"{game.Away} at {game.Home}: priced " + string.Join(", ", priced.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
    }

    /// <summary>
    /// The issue's example, in nfl-2025-12-07-kevbowl.json (Titans at Browns, 7 December 2025, 18:00Z): Kalshi's
    /// <c>KXNFLSPREAD-25DEC07TENCLE-CLE4</c> is "Cleveland wins by over 3.5" (suffix 4 − 0.5). Ten books quote
    /// CLE −3.5 (American odds; q = 100/(100 + a) for +a, a/(a + 100) for −a; fair = q − (q + q' − 1)/2):
    /// BetUS −105/−115 0.488656, William Hill −110/−109 0.501139, FanDuel −115/−105 0.511344, MyBookie −115/−105
    /// 0.511344, BetOnline −108/−112 0.495464, LowVig −102/−108 0.492860, BetRivers −113/−113 0.5, BetMGM −110/−110
    /// 0.5, Fanatics −110/−110 0.5, Bovada −105/−115 0.488656: mean 0.498946, against the issue's 0.4989. Only
    /// DraftKings quotes −4.5 (+100/−120: 0.5 − (0.5 + 0.545455 − 1)/2 = 0.477273, the price the old rule gave).
    /// </summary>
    [Fact]
    public async Task Cleveland_over_3_5_against_Tennessee_is_the_consensus_of_ten_books()
    {
        var reply = Reply.Load("nfl-2025-12-07-kevbowl.json");
        var source = await LoadedAsync(reply);
        var kickoff = new DateTimeOffset(2025, 12, 7, 18, 0, 0, TimeSpan.Zero);

        var cle = source.Get(Requests.Line("KXNFLSPREAD-25DEC07TENCLE", "CLE", 3.5m, kickoff));
        Assert.Equal(0.498946m, cle?.Yes.Value);
        Assert.Equal(10, reply.Events.Single(e => e.Home == "Cleveland Browns" && e.Away == "Tennessee Titans").ExpectedLines()[new Line(SportsMarketKind.Spread, "CLE", 3.5m)].Count);

        Assert.Null(source.Get(Requests.Line("KXNFLSPREAD-25DEC07TENCLE", "CLE", 4.5m, kickoff)));
        Assert.Contains("1 book at CLE -4.5, need 2", source.Health.Problem, StringComparison.Ordinal);
        var oneBook = await LoadedAsync(reply, o => o.MinBooks = 1);
        Assert.Equal(0.477273m, oneBook.Get(Requests.Line("KXNFLSPREAD-25DEC07TENCLE", "CLE", 4.5m, kickoff))?.Yes.Value);
    }

    /// <summary>
    /// The README's example, same reply (Bengals at Bills): ten books quote BUF −6 and only FanDuel −5.5 (−120/−102:
    /// 0.520252), so Kalshi's "Buffalo wins by over 5.5" has one book of eleven and no forecast. With the normal
    /// model (σ 13.1) each book's quote implies Buffalo's mean margin, line + 13.1 × Φ⁻¹(p): DraftKings −6 at 0.504536
    /// → 6.148937, William Hill 0.503385 → 6.111167, FanDuel → 6.165298, BetRivers 0.505537 → 6.181827, LowVig
    /// 0.502380 → 6.078139, Bovada 0.488656 → 5.627439, five books at evens → 6; mean 6.028437, and
    /// 1 − Φ((5.5 − 6.028437) / 13.1) = 0.516088.
    /// </summary>
    [Fact]
    public async Task Buffalo_over_5_5_rests_on_one_book_of_eleven_and_the_normal_model_prices_it_from_all_of_them()
    {
        var reply = Reply.Load("nfl-2025-12-07-kevbowl.json");
        var kickoff = new DateTimeOffset(2025, 12, 7, 18, 0, 0, TimeSpan.Zero);
        var request = Requests.Line("KXNFLSPREAD-25DEC07CINBUF", "BUF", 5.5m, kickoff);

        var exact = await LoadedAsync(reply);
        Assert.Null(exact.Get(request));
        Assert.Contains($"{request.Ticker.Value}: 1 book at BUF -5.5, need 2", exact.Health.Problem, StringComparison.Ordinal);

        var modelled = await LoadedAsync(reply, o => o.LineModel = LineModel.Normal);
        Assert.Equal(0.516088m, modelled.Get(request)?.Yes.Value);
    }

    private async Task<SportsbookForecastSource> LoadedAsync(Reply reply, Action<SportsbookOptions>? configure = null)
    {
        // The replies are months or years old: the clock is set to the newest quote and every quote counts as fresh.
        var options = new SportsbookOptions
        {
            Enabled = true,
            Path = Path.Combine(Folder, reply.File),
            OddsFormat = reply.American ? OddsFormat.American : OddsFormat.Decimal,
            MaxBookAge = TimeSpan.FromDays(3650),
        };
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        var source = new SportsbookForecastSource(null, options, new FakeTimeProvider(reply.Newest));
        await source.RefreshAsync(CancellationToken.None);
        Assert.Equal(reply.Newest, source.Health.LastUpdated);
        output.WriteLine($"{reply.File}: {(reply.American ? "American" : "decimal")} odds, newest quote {reply.Newest:u}");
        return source;
    }

    /// <summary>A Kalshi market's line: a team's win, a team winning by over a line, or the total over a line.</summary>
    private readonly record struct Line(SportsMarketKind Kind, string? Team, decimal? Value);

    private sealed record Reply(string File, bool American, DateTimeOffset Newest, IReadOnlyList<Game> Events)
    {
        public static Reply Load(string file)
        {
            var events = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, file)))!.AsArray().Select(e => e!.AsObject()).ToList();
            var books = events.SelectMany(e => e["bookmakers"]?.AsArray() ?? []).ToList();
            var prices = books.SelectMany(b => b!["markets"]!.AsArray()).SelectMany(m => m!["outcomes"]!.AsArray()).Select(o => o!["price"]!.GetValue<decimal>());
            var times = books.SelectMany(b => b!["markets"]!.AsArray().Select(m => m!["last_update"]).Append(b["last_update"]))
                .Where(t => t is not null).Select(t => DateTimeOffset.Parse(t!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();

            // A file of American odds has favourites at negative prices; decimal odds are never negative.
            var american = prices.Any(p => p < 0);
            return new Reply(file, american, times.Count == 0 ? DateTimeOffset.UnixEpoch : times.Max(), events.Select(e => new Game(e, american)).ToList());
        }
    }

    private sealed class Game(JsonObject json, bool american)
    {
        public string Id { get; } = json["id"]!.GetValue<string>();

        public string Sport { get; } = json["sport_key"]!.GetValue<string>();

        public string Home { get; } = json["home_team"]!.GetValue<string>();

        public string Away { get; } = json["away_team"]!.GetValue<string>();

        public DateTimeOffset Start { get; } = DateTimeOffset.Parse(json["commence_time"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        public League League => Leagues.TryFromOddsApiSportKey(Sport, out var league) ? league : throw new InvalidOperationException(Sport);

        /// <summary>Kalshi's request for the line: series KX + league + kind, the Eastern date, away then home codes.</summary>
        public ForecastRequest Request(Line line, string away, string home)
        {
            var date = TimeZoneInfo.ConvertTime(Start, Eastern).ToString("yyMMMdd", CultureInfo.InvariantCulture).ToUpperInvariant();
            var kind = line.Kind switch { SportsMarketKind.Spread => "SPREAD", SportsMarketKind.Total => "TOTAL", _ => "GAME" };
            var eventTicker = $"KX{League.SeriesToken()}{kind}-{date}{away}{home}";
            return line.Value is { } value ? Requests.Line(eventTicker, line.Team, value, Start) : Requests.For($"{eventTicker}-{line.Team}", Start);
        }

        /// <summary>
        /// Each line any book quotes and each book's fair probability for it, read plainly: a moneyline with the two
        /// teams; a spread "A −x" with exactly one "B +x"; "Over x" with exactly one "Under x". A book counts once per
        /// line (spreads and alternate_spreads may repeat it); prices implying under 100% in all are refused.
        /// </summary>
        /// <param name="codes">Kalshi's code for each book name, for college games (no catalog); else the catalog's.</param>
        public Dictionary<Line, List<double>> ExpectedLines(IReadOnlyDictionary<string, string>? codes = null)
        {
            var lines = new Dictionary<Line, List<double>>();
            foreach (var book in (json["bookmakers"]?.AsArray() ?? []).DistinctBy(b => b!["key"]!.GetValue<string>()))
            {
                var seen = new HashSet<Line>();
                foreach (var market in book!["markets"]!.AsArray())
                {
                    var outcomes = market!["outcomes"]!.AsArray()
                        .Select(o => (Name: o!["name"]!.GetValue<string>(), Price: o["price"]!.GetValue<decimal>(), Point: o["point"]?.GetValue<decimal>()))
                        .ToList();
                    foreach (var (line, p) in Read(market["key"]!.GetValue<string>(), outcomes))
                    {
                        if (seen.Add(line))
                            (lines.TryGetValue(line, out var list) ? list : lines[line] = []).Add(p);
                    }
                }
            }

            return lines;

            IEnumerable<(Line, double)> Read(string key, List<(string Name, decimal Price, decimal? Point)> outcomes)
            {
                switch (key)
                {
                    case "h2h" when outcomes.Count == 2 && outcomes.Select(o => o.Name).Order(StringComparer.Ordinal).SequenceEqual(new[] { Home, Away }.Order(StringComparer.Ordinal)):
                        foreach (var pair in Fair(outcomes[0].Price, outcomes[1].Price))
                        {
                            yield return (new Line(SportsMarketKind.Winner, Code(outcomes[0].Name), null), pair);
                            yield return (new Line(SportsMarketKind.Winner, Code(outcomes[1].Name), null), 1 - pair);
                        }

                        break;
                    case "spreads" or "alternate_spreads":
                        foreach (var favourite in outcomes.Where(o => o.Point < 0 && (o.Name == Home || o.Name == Away)))
                        {
                            var other = favourite.Name == Home ? Away : Home;
                            var partners = outcomes.Where(o => o.Name == other && o.Point == -favourite.Point).ToList();
                            if (partners.Count == 1 && outcomes.Count(o => o.Name == favourite.Name && o.Point == favourite.Point) == 1)
                            {
                                foreach (var p in Fair(favourite.Price, partners[0].Price))
                                    yield return (new Line(SportsMarketKind.Spread, Code(favourite.Name), -favourite.Point), p);
                            }
                        }

                        break;
                    case "totals" or "alternate_totals":
                        foreach (var over in outcomes.Where(o => o.Name == "Over" && o.Point > 0))
                        {
                            var unders = outcomes.Where(o => o.Name == "Under" && o.Point == over.Point).ToList();
                            if (unders.Count == 1 && outcomes.Count(o => o.Name == "Over" && o.Point == over.Point) == 1)
                            {
                                foreach (var p in Fair(over.Price, unders[0].Price))
                                    yield return (new Line(SportsMarketKind.Total, null, over.Point), p);
                            }
                        }

                        break;
                }
            }

            string Code(string name) => codes is not null ? codes[name] : TeamCatalog.Find(League, name).Team!.Code;

            // Additive: each side gives up half the margin. Empty when a price pays nothing (decimal 1.0 on a game in
            // play, nfl-2025-01-04-heatch.json) or the pair implies under 100%: the bot refuses both.
            IEnumerable<double> Fair(decimal a, decimal b)
            {
                double Implied(decimal price) => american ? (price > 0 ? 100 / ((double)price + 100) : -(double)price / (-(double)price + 100)) : 1 / (double)price;
                var (qa, qb) = (Implied(a), Implied(b));
                var fair = qa - ((qa + qb - 1) / 2);
                if (qa is > 0 and < 1 && qb is > 0 and < 1 && qa + qb >= 1 && fair is > 0 and < 1)
                    yield return fair;
            }
        }
    }
}
