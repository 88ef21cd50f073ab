using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Elo;

/// <summary>
/// The ratings of every league, replayed from results or restored from the ratings file. The file is JSON:
/// <c>{ "version": 1, "updated_at": "…Z", "leagues": { "Nfl": { "season": 2026, "last_game": "2026-09-13",
/// "games": 272, "ratings": { "DAL": 1523.4, … } } } }</c>, written to a temporary file and renamed into place.
/// </summary>
public sealed class EloBook
{
    private const int Version = 1;
    private readonly Dictionary<League, EloRatings> _leagues = [];

    public EloBook(EloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var league in TeamCatalog.Leagues)
            _leagues[league] = new EloRatings(league, options.For(league)!);
    }

    /// <summary>When these ratings were computed (a replay) or saved (a restore).</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    public EloRatings? For(League league) => _leagues.GetValueOrDefault(league);

    /// <summary>Plays results in date order (each league's season changes trigger its regression).</summary>
    public void Replay(IEnumerable<GameResult> games, DateTimeOffset at)
    {
        foreach (var game in games.OrderBy(g => g.Season).ThenBy(g => g.Date))
            _leagues[game.League].Record(game);
        UpdatedAt = at;
    }

    public async Task SaveAsync(string path, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var leagues = new JsonObject();
        foreach (var (league, ratings) in _leagues)
        {
            var table = new JsonObject();
            foreach (var (code, rating) in ratings.ByCode.OrderBy(r => r.Key, StringComparer.Ordinal))
                table[code] = Math.Round(rating, 3);
            leagues[league.ToString()] = new JsonObject
            {
                ["season"] = ratings.Season,
                ["last_game"] = ratings.LastGame?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["games"] = ratings.Games,
                ["ratings"] = table,
            };
        }

        var document = new JsonObject
        {
            ["version"] = Version,
            ["updated_at"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["leagues"] = leagues,
        };
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        UpdatedAt = at;
    }

    /// <summary>
    /// Reads a ratings file into a new book, or the reason it cannot be used. Entries naming no team of their league
    /// are reported and left out; anything structurally wrong fails the whole file, so ratings are never half-restored.
    /// </summary>
    public static (EloBook? Book, IReadOnlyList<InputProblem> Problems, string? Fatal) Restore(string json, EloOptions options)
    {
        var book = new EloBook(options);
        var problems = new List<InputProblem>();
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("the file is empty");
            if ((int?)root["version"] != Version)
                throw new FormatException($"version {root["version"]?.ToJsonString() ?? "missing"} is not {Version}");
            book.UpdatedAt = DateTimeOffset.Parse((string?)root["updated_at"] ?? throw new FormatException("updated_at is missing"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            foreach (var (name, node) in root["leagues"]?.AsObject() ?? throw new FormatException("leagues is missing"))
            {
                if (!Leagues.TryParse(name, out var league) || book.For(league) is not { } ratings)
                {
                    problems.Add(new InputProblem($"leagues.{name}", "is not a league with Elo ratings"));
                    continue;
                }

                var table = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (code, value) in node?["ratings"]?.AsObject() ?? throw new FormatException($"leagues.{name}.ratings is missing"))
                {
                    var team = TeamCatalog.Find(league, code);
                    if (!team.Found)
                    {
                        problems.Add(new InputProblem($"leagues.{name}.ratings.{code}", team.Problem!));
                        continue;
                    }

                    var rating = (double?)value ?? throw new FormatException($"leagues.{name}.ratings.{code} is not a number");
                    if (!double.IsFinite(rating))
                        throw new FormatException($"leagues.{name}.ratings.{code} is not finite");
                    table[team.Team.Code] = rating;
                }

                var lastGame = (string?)node["last_game"] is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                ratings.Restore(table, (int?)node["season"], lastGame, (int?)node["games"] ?? 0);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return (null, [], $"the ratings file cannot be used: {e.Message}");
        }

        return (book, problems, null);
    }
}
