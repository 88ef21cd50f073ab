using System.Globalization;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>
/// Times in scenario files. A duration is <c>1d2h30m15s</c> (any of the parts, in that order) or a TimeSpan
/// (<c>02:30:00</c>, <c>1.02:30:00</c>). An instant is ISO 8601 with an offset (<c>2026-09-13T17:00:00Z</c>) or an
/// anchor with an optional signed duration: <c>now</c>, <c>now+2h</c>, and for markets <c>start-1d</c>, <c>end+3h</c>.
/// </summary>
public static class ScenarioTimes
{
    /// <summary>Kalshi dates game tickers and event subtitles, and writes a ticker's HHmm start, in New York time.</summary>
    internal static TimeZoneInfo Eastern { get; } = FindEastern();

    /// <summary>An instant as New York's wall clock shows it, formatted (<c>yyMMMdd</c> → 26SEP13).</summary>
    internal static string InEastern(DateTimeOffset instant, string format) =>
        TimeZoneInfo.ConvertTime(instant, Eastern).ToString(format, CultureInfo.InvariantCulture);

    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (text.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        return TryParseUnits(text, out duration);
    }

    /// <summary>Scenarios live within this distance of now; it also keeps every later sum of times far from overflow.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(3650);

    /// <summary>
    /// Resolves an instant against the anchors this field allows (a name absent from <paramref name="anchors"/> is
    /// an error); <paramref name="now"/> bounds the result to within <see cref="Horizon"/>.
    /// </summary>
    public static bool TryParseInstant(string? text, DateTimeOffset now, IReadOnlyDictionary<string, DateTimeOffset> anchors, out DateTimeOffset instant, out string error)
    {
        if (!TryResolve(text, anchors, out instant, out error))
            return false;
        if (instant >= now - Horizon && instant <= now + Horizon)
            return true;
        error = $"'{text}' is more than ten years from now";
        return false;
    }

    private static bool TryResolve(string? text, IReadOnlyDictionary<string, DateTimeOffset> anchors, out DateTimeOffset instant, out string error)
    {
        instant = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty";
            return false;
        }

        var anchorEnd = 0;
        while (anchorEnd < text.Length && char.IsAsciiLetterLower(text[anchorEnd]))
            anchorEnd++;
        if (anchorEnd == 0)
        {
            var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
                && (text.EndsWith('Z') || HasOffset(text));
            instant = instant.ToUniversalTime();
            if (!parsed)
                error = $"'{text}' is neither an ISO 8601 time with an offset nor {Names(anchors)}";
            return parsed;
        }

        var name = text[..anchorEnd];
        if (!anchors.TryGetValue(name, out var anchor))
        {
            error = $"'{name}' is not an anchor here; use {Names(anchors)} or an ISO 8601 time";
            return false;
        }

        if (anchorEnd == text.Length)
        {
            instant = anchor;
            return true;
        }

        var sign = text[anchorEnd];
        if (sign is not ('+' or '-') || !TryParseDuration(text[(anchorEnd + 1)..], out var offset) || offset > Horizon)
        {
            error = $"'{text}' should read {name}, {name}+<duration> or {name}-<duration> (durations like 2h30m or 02:30:00)";
            return false;
        }

        instant = sign == '+' ? anchor + offset : anchor - offset;
        return true;
    }

    private static bool TryParseUnits(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var units = "dhms";
        var lastUnit = -1;
        var number = 0L;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 6)
                    return false;
                number = (number * 10) + (c - '0');
                continue;
            }

            var unit = units.IndexOf(c, StringComparison.Ordinal);
            if (unit <= lastUnit || digits == 0)
                return false;
            duration += c switch
            {
                'd' => TimeSpan.FromDays(number),
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromSeconds(number),
            };
            (lastUnit, number, digits) = (unit, 0, 0);
        }

        return digits == 0 && lastUnit >= 0;
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        return time > 0 && text.AsSpan(time).IndexOfAny('+', '-') > 0;
    }

    private static string Names(IReadOnlyDictionary<string, DateTimeOffset> anchors) =>
        string.Join(", ", anchors.Keys.Select(k => $"'{k}'"));

    private static TimeZoneInfo FindEastern()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Without time zone data tickers and subtitles are dated in UTC: still valid, still deterministic.
            return TimeZoneInfo.Utc;
        }
    }
}
