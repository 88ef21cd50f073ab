using System.Globalization;
using System.Text;

namespace TradingBot.Core.Sports;

/// <summary>
/// Every NFL, NBA, MLB and NHL team, and lookups by Kalshi code, feed name or alias within one league.
/// Names compare after <see cref="Normalize"/>, so "Montréal Canadiens", "MONTREAL CANADIENS" and
/// "St. Louis" / "St Louis" meet. A lookup that fits two teams is ambiguous and says so.
/// </summary>
public static partial class TeamCatalog
{
    private static readonly IReadOnlyDictionary<League, LeagueTeams> ByLeague = new Dictionary<League, LeagueTeams>
    {
        [League.Nfl] = new(Nfl()),
        [League.Nba] = new(Nba()),
        [League.Mlb] = new(Mlb()),
        [League.Nhl] = new(Nhl()),
    };

    /// <summary>The leagues with a catalog; the others (NCAA) parse from tickers but cannot be mapped to teams.</summary>
    public static IReadOnlyList<League> Leagues { get; } = [League.Nfl, League.Nba, League.Mlb, League.Nhl];

    public static bool HasCatalog(League league) => ByLeague.ContainsKey(league);

    public static IReadOnlyList<Team> Teams(League league) =>
        ByLeague.TryGetValue(league, out var teams) ? teams.All : [];

    /// <summary>Resolves a Kalshi code, an alternate code, a full name or an alias.</summary>
    public static TeamLookup Find(League league, string? nameOrCode)
    {
        var query = nameOrCode ?? "";
        if (!ByLeague.TryGetValue(league, out var teams))
            return new TeamLookup(TeamLookupOutcome.Unknown, null, [], query, league);
        var candidates = teams.Named(Normalize(query));
        return candidates.Count switch
        {
            0 => new TeamLookup(TeamLookupOutcome.Unknown, null, [], query, league),
            1 => new TeamLookup(TeamLookupOutcome.Found, candidates[0], candidates, query, league),
            _ => new TeamLookup(TeamLookupOutcome.Ambiguous, null, candidates, query, league),
        };
    }

    /// <summary>The team whose ticker code (Kalshi's, or an alternate) is exactly <paramref name="code"/>; upper case only, as in tickers.</summary>
    public static Team? ByTickerCode(League league, string code) =>
        ByLeague.TryGetValue(league, out var teams) && teams.Codes.TryGetValue(code, out var team) ? team : null;

    /// <summary>Lower case, accents and punctuation dropped, single spaces: the form names are compared in.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '\'' and not '’')
            {
                // "A's" keeps one word; any other mark separates words, so "St. Louis", "St.Louis" and "St Louis" meet.
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private sealed class LeagueTeams
    {
        private readonly Dictionary<string, List<Team>> _byName = new(StringComparer.Ordinal);

        public LeagueTeams(IReadOnlyList<Team> teams)
        {
            All = teams;
            var codes = new Dictionary<string, Team>(StringComparer.Ordinal);
            foreach (var team in teams)
            {
                foreach (var code in team.AlternateCodes.Prepend(team.Code))
                {
                    if (!codes.TryAdd(code, team))
                        throw new InvalidOperationException($"ticker code {code} is used by two {team.League} teams");
                }

                foreach (var name in team.AlternateCodes.Prepend(team.Code).Append(team.FullName).Concat(team.Aliases))
                {
                    var key = Normalize(name);
                    if (!_byName.TryGetValue(key, out var list))
                        _byName[key] = list = [];
                    if (!list.Contains(team))
                        list.Add(team);
                }
            }

            Codes = codes;
        }

        public IReadOnlyList<Team> All { get; }

        public IReadOnlyDictionary<string, Team> Codes { get; }

        public IReadOnlyList<Team> Named(string normalized) =>
            _byName.TryGetValue(normalized, out var list) ? list : [];
    }

    /// <summary>Builds a league's list: the city and the nickname become aliases on their own.</summary>
    private sealed class Builder(League league)
    {
        private readonly List<Team> _teams = [];

        public Builder Add(string code, string city, string nickname, string[]? alternateCodes = null, string[]? aliases = null, string? fullName = null)
        {
            var full = fullName ?? $"{city} {nickname}";
            // Kalshi tells two teams of one city apart by the nickname's initial ("New York G", "Los Angeles R"), and
            // some subtitles write the code and the nickname ("HOU Texans wins by over 2.5 points").
            var kalshiShort = city.Length > 0 ? $"{city} {nickname[0]}" : "";
            string[] names = [city, nickname, kalshiShort, $"{code} {nickname}", .. aliases ?? []];
            _teams.Add(new Team(league, code, full, alternateCodes ?? [], names.Where(n => n.Length > 0).Distinct().ToList()));
            return this;
        }

        public IReadOnlyList<Team> Build() => _teams;
    }
}
