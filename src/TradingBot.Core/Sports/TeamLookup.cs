using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Core.Sports;

public enum TeamLookupOutcome
{
    Found,
    Unknown,
    Ambiguous,
}

/// <summary>A name or code resolved to one team, or the reason it was not: unknown names and shared aliases are never guessed.</summary>
public sealed record TeamLookup(TeamLookupOutcome Outcome, Team? Team, IReadOnlyList<Team> Candidates, string Query, League League)
{
    [MemberNotNullWhen(true, nameof(Team))]
    public bool Found => Outcome == TeamLookupOutcome.Found;

    /// <summary>Why the lookup failed, worded for an operator's health line; null when found.</summary>
    public string? Problem => Outcome switch
    {
        TeamLookupOutcome.Unknown => $"'{Query}' is not a known {League.SeriesToken()} team",
        TeamLookupOutcome.Ambiguous => $"'{Query}' could be any of {string.Join(", ", Candidates.Select(t => t.FullName))} ({League.SeriesToken()})",
        _ => null,
    };
}
