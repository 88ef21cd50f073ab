using TradingBot.Core.Sports;

namespace TradingBot.Forecasts.Common;

/// <summary>
/// A school's name as a feed or a sportsbook writes it, in the form it is compared in: <see cref="TeamCatalog.Normalize"/>d,
/// and how much of it a school's name must cover. A parenthesised qualifier belongs to the school ("Miami (OH)
/// RedHawks" is Miami (OH), not Miami), so a match must reach past it.
/// </summary>
public readonly record struct SchoolName(string Normalized, int Least)
{
    public static SchoolName Of(string? text)
    {
        var raw = text ?? "";
        var close = raw.LastIndexOf(')');
        return new SchoolName(TeamCatalog.Normalize(raw), close < 0 ? 0 : TeamCatalog.Normalize(raw[..(close + 1)]).Length);
    }
}

/// <summary>
/// Which school of a game a name stands for, and whether it is the school's own name with nothing after it; no
/// team when the name is neither school (it is about another game) or, with <see cref="Ambiguity"/> saying so, both.
/// </summary>
public readonly record struct SchoolMatch(Team? Team, bool Exact, string? Ambiguity);

/// <summary>
/// College teams have no catalog: a name from a feed or a sportsbook is matched against the two schools of the
/// Kalshi game being priced, each under Kalshi's name and its aliases ("Michigan St.", "Michigan State"). A school
/// matches when its name is the whole name or its first words ("Michigan State Spartans": the rest is the mascot).
/// When both schools match, the longer match wins ("Texas Tech Red Raiders" is Texas Tech, not Texas); an equal
/// match is ambiguous and refused. A name is only ever matched within one game: across games a longer school's
/// name starts with a shorter one's ("Michigan State Spartans" starts with Michigan), see <see cref="SchoolMatch.Exact"/>.
/// </summary>
public static class SchoolNames
{
    public static SchoolMatch Match(SchoolName name, Team away, Team home)
    {
        var byAway = Longest(name, away);
        var byHome = Longest(name, home);
        if (byAway == 0 && byHome == 0)
            return new SchoolMatch(null, false, null);
        if (byAway == byHome)
            return new SchoolMatch(null, false, $"'{name.Normalized}' could be {away.FullName} or {home.FullName}");
        return new SchoolMatch(byAway > byHome ? away : home, Math.Max(byAway, byHome) == name.Normalized.Length, null);
    }

    /// <summary>The length of the school's longest name that the given name starts with, word for word; 0 for none.</summary>
    private static int Longest(SchoolName name, Team school)
    {
        var longest = 0;
        foreach (var candidate in school.Aliases.Prepend(school.FullName))
        {
            var own = TeamCatalog.Normalize(candidate);
            var starts = name.Normalized.StartsWith(own, StringComparison.Ordinal)
                && (name.Normalized.Length == own.Length || name.Normalized[own.Length] == ' ');
            if (own.Length > 0 && own.Length >= name.Least && starts)
                longest = Math.Max(longest, own.Length);
        }

        return longest;
    }
}
