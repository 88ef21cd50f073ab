using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Elo;
using TradingBot.Forecasts.Options;
using TradingBot.Forecasts.Sportsbook;

namespace TradingBot.Backtest.Import;

/// <summary>How the nflverse games file becomes a dataset: which seasons are written, and the quotes' spread and tick.</summary>
public sealed record NflverseOptions
{
    /// <summary>Added to and taken from the de-vigged probability (then rounded out to the tick) to make the YES ask and bid.</summary>
    public decimal HalfSpread { get; init; } = 0.01m;

    public decimal Tick { get; init; } = 0.01m;

    /// <summary>Seasons written (inclusive); null writes every season. Elo learns from every completed game either way.</summary>
    public int? FirstSeason { get; init; }

    public int? LastSeason { get; init; }

    /// <summary>The Elo parameters: the bot's own defaults for the NFL unless given.</summary>
    public EloLeagueOptions Elo { get; init; } = new EloOptions().Nfl;

    /// <summary>Why these options cannot be used, or null.</summary>
    public string? Problem()
    {
        if (Tick is < 0.0001m or > 0.1m || decimal.Round(Tick, 4) != Tick)
            return $"--tick must be between 0.0001 and 0.1 with at most 4 decimals (got {Tick.ToString(CultureInfo.InvariantCulture)})";
        if (HalfSpread is <= 0 or > 0.25m || decimal.Round(HalfSpread, 4) != HalfSpread)
            return $"--half-spread must be above 0, at most 0.25, with at most 4 decimals (got {HalfSpread.ToString(CultureInfo.InvariantCulture)})";
        if (FirstSeason > LastSeason)
            return $"--seasons must run forward (got {FirstSeason}-{LastSeason})";
        return null;
    }

    /// <summary>Reads <c>2010-2025</c> or <c>2017</c>; false with nothing set for anything else.</summary>
    public static bool TryParseSeasons(string text, out int first, out int last)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        first = last = 0;
        return parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out last)
            && first is >= 1920 and <= 2100 && last is >= 1920 and <= 2100;
    }
}

/// <summary>What an import wrote and what it left out, and why.</summary>
public sealed record NflverseSummary(int Games, int Markets, long Records, int WithoutMoneylines, int LinesRefused, int NotPlayed, int OutsideSeasons);

/// <summary>The games file cannot be imported: which line and why. Nothing usable is written.</summary>
public sealed class NflverseException(string message) : Exception(message);

/// <summary>
/// Converts the nflverse games file (one row per game with its final score and closing moneylines) into the
/// backtest dataset: per completed game with both moneylines, one "team wins" market per team, listed a day before
/// kickoff; a walk-forward Elo forecast 35 minutes before kickoff; a quote 30 minutes before kickoff made from the
/// de-vigged closing moneyline (sportsbook prices, not Kalshi's); the settlement four hours after kickoff.
/// </summary>
public static class Nflverse
{
    /// <summary>Contracts on each side of every quote: far above what the bot's limits let it buy, so the bot's own sizing decides.</summary>
    public const decimal QuoteSize = 10_000m;

    /// <summary>When a game has no kickoff time (all of 1999): 13:00 US Eastern, the usual Sunday slot.</summary>
    public static readonly TimeOnly DefaultKickoff = new(13, 0);

    /// <summary>Listed a day before: the scan sees the market well before anything can trade on it.</summary>
    public static readonly TimeSpan ListedBefore = TimeSpan.FromHours(24);

    /// <summary>Five minutes before the quote, so the forecast is still within the default Risk:MaxForecastAge (15 minutes) when the quote arrives.</summary>
    public static readonly TimeSpan ForecastBefore = TimeSpan.FromMinutes(35);

    public static readonly TimeSpan QuoteBefore = TimeSpan.FromMinutes(30);

    /// <summary>
    /// When a game's result is known, its market closes and settles: no NFL game of these seasons ran that long (about
    /// 3¼ hours, overtime included). Elo learns a result only from this moment on.
    /// </summary>
    public static readonly TimeSpan ResultAfter = TimeSpan.FromHours(4);

    public const string Series = "KXNFLGAME";
    public const string Competition = "Pro Football";
    public const string Source = "elo";

    private static readonly string[] Columns =
        ["game_id", "season", "game_type", "gameday", "gametime", "away_team", "away_score", "home_team", "home_score", "location", "away_moneyline", "home_moneyline"];

    /// <summary>
    /// nflverse writes a relocated franchise under the code of its city at the time; Kalshi (and the catalog) know only
    /// today's code. A franchise keeps its Elo rating across a move, so each old code maps to its franchise.
    /// </summary>
    private static readonly Dictionary<string, string> Relocated = new(StringComparer.Ordinal)
    {
        ["OAK"] = "LV", // Oakland Raiders, until 2019
        ["SD"] = "LAC", // San Diego Chargers, until 2016
        ["STL"] = "LA", // St. Louis Rams, until 2015
    };

    /// <summary>Reads <paramref name="gamesPath"/> and writes the dataset to <paramref name="outPath"/> (gzip-compressed when it ends in .gz), replacing it only when the import succeeds.</summary>
    public static async Task<NflverseSummary> ImportFileAsync(string gamesPath, string outPath, NflverseOptions options, CancellationToken cancellationToken)
    {
        using var games = new StreamReader(gamesPath, Encoding.UTF8);
        var temporary = outPath + ".tmp";
        NflverseSummary summary;
        await using (var file = File.Create(temporary))
        {
            await using var stream = outPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Optimal) : (Stream)file;
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            try
            {
                summary = Import(games, writer, options, cancellationToken);
            }
            catch
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                File.Delete(temporary);
                throw;
            }
        }

        File.Move(temporary, outPath, overwrite: true);
        return summary;
    }

    /// <summary>Converts the games file; throws <see cref="NflverseException"/> naming the line of the first row that cannot be read.</summary>
    public static NflverseSummary Import(TextReader games, TextWriter output, NflverseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
            throw new NflverseException(problem);
        if (!CsvTable.TryRead(games, Columns, out var table, out var error))
            throw new NflverseException(error);

        var all = table.Rows.Select(Parse).ToList();
        var tickers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var game in all)
        {
            if (!tickers.TryAdd(game.EventTicker, game.Line))
                throw new NflverseException($"line {game.Line}: {game.Id} has the ticker {game.EventTicker} of the game on line {tickers[game.EventTicker]}");
        }

        // Kickoff order, file order among equal kickoffs: the order results become known and forecasts are made.
        var ordered = all.OrderBy(g => g.Kickoff).ThenBy(g => g.Line).ToList();
        var played = ordered.Where(g => g.Played).ToList();
        var ratings = new EloRatings(League.Nfl, options.Elo);
        var learned = 0;
        var records = new List<(DateTimeOffset At, long Order, string Json)>();
        int written = 0, withoutLines = 0, refused = 0, notPlayed = 0, outside = 0;
        foreach (var game in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!game.Played)
            {
                notPlayed++;
                continue;
            }

            // Walk forward: only results known strictly before this forecast is stamped move the ratings it uses.
            var forecastAt = game.Kickoff - ForecastBefore;
            while (learned < played.Count && played[learned].Kickoff + ResultAfter < forecastAt)
                ratings.Record(played[learned++].Result);
            ratings.StartSeason(game.Season);
            var homeElo = ratings.HomeWinProbability(game.Home, game.Away, game.Neutral);

            if (game.Season < options.FirstSeason || game.Season > options.LastSeason)
            {
                outside++;
                continue;
            }

            if (game.AwayMoneyline is not { } awayLine || game.HomeMoneyline is not { } homeLine)
            {
                withoutLines++;
                continue;
            }

            if (Market(awayLine, homeLine) is not { } market)
            {
                refused++;
                continue;
            }

            written++;
            var order = (long)written << 8;
            foreach (var (team, elo, fair, won) in new[]
                     {
                         (game.Away, 1 - homeElo, market.Away, game.AwayScore > game.HomeScore),
                         (game.Home, homeElo, market.Home, game.HomeScore > game.AwayScore),
                     })
            {
                var ticker = $"{game.EventTicker}-{TickerCode(team)}";
                records.Add((game.Kickoff - ListedBefore, order++, MarketJson(game, ticker, team)));
                records.Add((forecastAt, order++, Json(w =>
                {
                    Head(w, "forecast", forecastAt, ticker);
                    w.WriteString("p_yes", Show(Math.Clamp(Math.Round((decimal)elo, 6), 0.000001m, 0.999999m)));
                    w.WriteString("source", Source);
                })));
                var (bid, ask) = Quote(fair, options);
                var quoteAt = game.Kickoff - QuoteBefore;
                records.Add((quoteAt, order++, Json(w =>
                {
                    Head(w, "quote", quoteAt, ticker);
                    w.WriteString("yes_bid", Show(bid));
                    w.WriteString("yes_ask", Show(ask));
                    w.WriteString("yes_bid_size", QuoteSize.ToString("0.00", CultureInfo.InvariantCulture));
                    w.WriteString("yes_ask_size", QuoteSize.ToString("0.00", CultureInfo.InvariantCulture));
                })));
                var settledAt = game.Kickoff + ResultAfter;
                records.Add((settledAt, order++, Json(w =>
                {
                    Head(w, "settlement", settledAt, ticker);
                    // A tie pays neither team's "wins" market.
                    w.WriteString("result", won ? "yes" : "no");
                })));
            }
        }

        // Time order (stable), so the replay streams the file instead of sorting it.
        foreach (var record in records.OrderBy(r => r.At).ThenBy(r => r.Order))
            output.WriteLine(record.Json);
        output.Flush();
        return new NflverseSummary(written, written * 2, records.Count, withoutLines, refused, notPlayed, outside);
    }

    /// <summary>The YES bid and ask around a fair probability: the half-spread either side, rounded outward to the tick, kept inside (0, 1).</summary>
    public static (decimal Bid, decimal Ask) Quote(decimal fair, NflverseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tick = options.Tick;
        var bid = Math.Max(tick, Math.Floor((fair - options.HalfSpread) / tick) * tick);
        var ask = Math.Min(1 - tick, Math.Ceiling((fair + options.HalfSpread) / tick) * tick);
        if (bid >= ask)
            bid = ask - tick;
        return (bid, ask);
    }

    /// <summary>Each team's fair win probability from the two closing moneylines (American odds), proportionally de-vigged; null when the prices are unusable.</summary>
    public static (decimal Away, decimal Home)? Market(decimal awayMoneyline, decimal homeMoneyline)
    {
        if (!OddsMath.TryImpliedProbability(awayMoneyline, OddsFormat.American, out var away)
            || !OddsMath.TryImpliedProbability(homeMoneyline, OddsFormat.American, out var home)
            || Devig.Fair([away, home], DevigMethod.Multiplicative, out _) is not { } fair)
            return null;
        var awayFair = Math.Round((decimal)fair[0], 6);
        return (awayFair, 1 - awayFair);
    }

    /// <summary>
    /// Kalshi's ticker code for a team: the catalog's, except the Rams, whom Kalshi's NFL tickers write LAR
    /// (KXNFLGAME-26AUG15LARKC-LAR in a recorded reply) while the catalog keeps LA first and LAR as an alternate.
    /// </summary>
    public static string TickerCode(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return team.League == League.Nfl && team.Code == "LA" ? "LAR" : team.Code;
    }

    /// <summary>The catalog's team for an nflverse code, relocated franchises under today's code; null when unknown.</summary>
    public static Team? TeamOf(string code) =>
        TeamCatalog.ByTickerCode(League.Nfl, Relocated.GetValueOrDefault(code, code));

    private static Game Parse(CsvRow row)
    {
        if (row.Error is not null)
            throw Bad(row, row.Error);
        var id = row["game_id"];
        if (!int.TryParse(row["season"], NumberStyles.None, CultureInfo.InvariantCulture, out var season))
            throw Bad(row, $"season '{row["season"]}' is not a year");
        if (!DateOnly.TryParseExact(row["gameday"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw Bad(row, $"gameday '{row["gameday"]}' is not a yyyy-MM-dd date");
        var time = DefaultKickoff;
        if (row["gametime"].Length > 0 && !TimeOnly.TryParseExact(row["gametime"], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            throw Bad(row, $"gametime '{row["gametime"]}' is not HH:mm");
        var away = TeamOf(row["away_team"]) ?? throw Bad(row, $"away_team '{row["away_team"]}' is no NFL team this importer knows");
        var home = TeamOf(row["home_team"]) ?? throw Bad(row, $"home_team '{row["home_team"]}' is no NFL team this importer knows");
        if (away == home)
            throw Bad(row, $"{away.Code} cannot play itself");
        var awayScore = Score(row, "away_score");
        var homeScore = Score(row, "home_score");
        if (awayScore.HasValue != homeScore.HasValue)
            throw Bad(row, "has one score but not the other");
        var neutral = row["location"] switch
        {
            "Home" => false,
            "Neutral" => true,
            var other => throw Bad(row, $"location '{other}' is neither Home nor Neutral"),
        };
        var eventTicker = string.Create(CultureInfo.InvariantCulture,
            $"{Series}-{day.ToString("yyMMMdd", CultureInfo.InvariantCulture).ToUpperInvariant()}{TickerCode(away)}{TickerCode(home)}");
        // Fail closed on a ticker Core would read as another game (a run of codes that splits two ways).
        if (!SportsTickers.TryParseEvent(eventTicker, out var parsed, out var tickerProblem) || parsed.Away != away || parsed.Home != home)
            throw Bad(row, $"the ticker {eventTicker} does not read back as {away.Code} at {home.Code}: {tickerProblem ?? "other teams"}");
        return new Game(row.Line, id, season, row["game_type"], day, SportsTickers.EasternInstant(day, time).ToUniversalTime(), away, home,
            awayScore, homeScore, neutral, Moneyline(row, "away_moneyline"), Moneyline(row, "home_moneyline"), eventTicker);
    }

    private static int? Score(CsvRow row, string column)
    {
        var text = row[column];
        if (text.Length == 0)
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score) ? score : throw Bad(row, $"{column} '{text}' is not a score");
    }

    private static decimal? Moneyline(CsvRow row, string column)
    {
        var text = row[column];
        if (text.Length == 0)
            return null;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var odds) || Math.Abs(odds) < 100)
            throw Bad(row, $"{column} '{text}' is not American odds (a whole number, +100 or more or -100 or less)");
        return odds;
    }

    private static NflverseException Bad(CsvRow row, string why) => new($"line {row.Line}: {why}");

    private static string MarketJson(Game game, string ticker, Team team) => Json(w =>
    {
        Head(w, "market", game.Kickoff - ListedBefore, ticker);
        w.WriteString("event_ticker", game.EventTicker);
        w.WriteString("series_ticker", Series);
        w.WriteString("title", $"{game.Away.FullName} at {game.Home.FullName}");
        w.WriteString("yes_sub_title", team.FullName);
        w.WriteString("game_start", Time(game.Kickoff));
        w.WriteString("close_time", Time(game.Kickoff + ResultAfter));
        w.WriteString("fee_type", "quadratic");
        w.WriteString("fee_multiplier", "1");
        w.WriteString("competition", Competition);
        w.WriteString("game_id", game.Id);
        w.WriteString("game_type", game.Type);
    });

    private static void Head(Utf8JsonWriter w, string type, DateTimeOffset at, string ticker)
    {
        w.WriteString("type", type);
        w.WriteString("ts", Time(at));
        w.WriteString("ticker", ticker);
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Show(decimal value) => value.ToString("0.00####", CultureInfo.InvariantCulture);

    private sealed record Game(
        int Line, string Id, int Season, string Type, DateOnly Day, DateTimeOffset Kickoff, Team Away, Team Home,
        int? AwayScore, int? HomeScore, bool Neutral, decimal? AwayMoneyline, decimal? HomeMoneyline, string EventTicker)
    {
        public bool Played => AwayScore.HasValue;

        public GameResult Result => new(League.Nfl, Season, Day, Home, Away, HomeScore!.Value, AwayScore!.Value, Neutral);
    }
}
