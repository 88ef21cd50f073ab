namespace TradingBot.Core.Sports;

/// <summary>A game as an outside feed lists it: teams already resolved through <see cref="TeamCatalog"/>, and its start.</summary>
public sealed record FeedGame(League League, Team Home, Team Away, DateTimeOffset Start);

public enum GameMatchOutcome
{
    Matched,
    None,
    Ambiguous,
}

public sealed record GameMatch<T>(GameMatchOutcome Outcome, T? Value, int Candidates);

/// <summary>
/// When a feed's game is a Kalshi event: the same league, the same two teams (in either order: neutral-site games
/// are listed either way round), and the same start. With Kalshi's start time known (the event's milestone) the
/// feed's start must be within <see cref="Tolerance"/> of it; without it, the feed's start must fall on the
/// ticker's date in <see cref="CalendarZone"/> and, when the ticker carries a start time, within the tolerance of
/// that. More than one feed game matching one Kalshi event (a doubleheader the ticker cannot tell apart) is
/// ambiguous and is reported, never resolved by picking one.
/// </summary>
public sealed class GameMatchRule
{
    public GameMatchRule(TimeSpan tolerance, TimeZoneInfo calendarZone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(calendarZone);
        Tolerance = tolerance;
        CalendarZone = calendarZone;
    }

    public TimeSpan Tolerance { get; }

    public TimeZoneInfo CalendarZone { get; }

    public bool Matches(SportsEvent kalshi, DateTimeOffset? kalshiStart, FeedGame feed)
    {
        if (kalshi.League != feed.League)
            return false;
        var sameTeams = (kalshi.Home == feed.Home && kalshi.Away == feed.Away) || (kalshi.Home == feed.Away && kalshi.Away == feed.Home);
        if (!sameTeams)
            return false;
        if (kalshiStart is { } start)
            return (feed.Start - start).Duration() <= Tolerance;
        var local = TimeZoneInfo.ConvertTime(feed.Start, CalendarZone);
        if (DateOnly.FromDateTime(local.DateTime) != kalshi.Date)
            return false;
        if (kalshi.StartTime is not { } tickerTime)
            return true;
        return (TimeOnly.FromDateTime(local.DateTime).ToTimeSpan() - tickerTime.ToTimeSpan()).Duration() <= Tolerance;
    }

    /// <summary>The one candidate that matches the Kalshi event, or why there is not exactly one.</summary>
    public GameMatch<T> FindOne<T>(SportsEvent kalshi, DateTimeOffset? kalshiStart, IEnumerable<T> candidates, Func<T, FeedGame> gameOf)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(gameOf);
        var found = default(T);
        var count = 0;
        foreach (var candidate in candidates)
        {
            if (!Matches(kalshi, kalshiStart, gameOf(candidate)))
                continue;
            found = candidate;
            count++;
        }

        return count switch
        {
            0 => new GameMatch<T>(GameMatchOutcome.None, default, 0),
            1 => new GameMatch<T>(GameMatchOutcome.Matched, found, 1),
            _ => new GameMatch<T>(GameMatchOutcome.Ambiguous, default, count),
        };
    }
}
