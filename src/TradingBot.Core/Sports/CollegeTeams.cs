using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TradingBot.Core.Sports;

/// <summary>
/// College games have hundreds of schools and no catalog here: a game's two teams are read from its own listing
/// instead. Kalshi's event sub-title gives the school codes in ticker order ("MSU vs ND (Sep 19)" for
/// <c>KXNCAAFGAME-26SEP19MSUND</c>) and the title the names in the same order ("Michigan St. vs Notre Dame"), so
/// the first is the away team, as in every ticker. A listing that does not split that way is not guessed at.
/// </summary>
public static partial class CollegeTeams
{
    public static bool TryFromListing(League league, string? title, string? subTitle, [NotNullWhen(true)] out (Team Away, Team Home)? teams, [NotNullWhen(false)] out string? error)
    {
        teams = null;
        var codes = SplitPair(TrailingDate().Replace(subTitle ?? "", ""));
        // A spread's or total's event is titled like its game with the market family after a colon ("…: Spread").
        var gameTitle = title ?? "";
        var colon = gameTitle.IndexOf(':', StringComparison.Ordinal);
        var names = SplitPair(colon > 0 ? gameTitle[..colon] : gameTitle);
        if (codes is not { } c || !IsCode(c.First) || !IsCode(c.Second))
        {
            error = $"the event's sub-title '{subTitle}' does not name two school codes ('MSU vs ND (Sep 19)')";
            return false;
        }

        if (names is not { } n)
        {
            error = $"the event's title '{title}' does not name two schools ('Michigan St. vs Notre Dame')";
            return false;
        }

        teams = (School(league, c.First, n.First), School(league, c.Second, n.Second));
        error = null;
        return true;
    }

    /// <summary>A school under its Kalshi code and name; "St." is also "State", as sportsbooks and feeds write it.</summary>
    private static Team School(League league, string code, string name)
    {
        var state = StateAbbreviation().Replace(name, "State");
        return new Team(league, code, name, [], state == name ? [] : [state]);
    }

    private static (string First, string Second)? SplitPair(string text)
    {
        foreach (var separator in new[] { " vs ", " vs. ", " at ", " @ " })
        {
            var at = text.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && text.IndexOf(separator, at + separator.Length, StringComparison.OrdinalIgnoreCase) < 0)
            {
                var first = text[..at].Trim();
                var second = text[(at + separator.Length)..].Trim();
                return first.Length > 0 && second.Length > 0 ? (first, second) : null;
            }
        }

        return null;
    }

    private static bool IsCode(string text) => text.Length is >= 2 and <= 6 && text.All(char.IsAsciiLetterUpper);

    [GeneratedRegex(@"\s*\([A-Z][a-z]{2,8}\.? \d{1,2}\)\s*$")]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"\bSt\.(?=\s|$)")]
    private static partial Regex StateAbbreviation();
}
