using System.Collections.Concurrent;

namespace TradingBot.Forecasts.Common;

/// <summary>A problem tied to where it was found (a line, an item, a market), as operators read them in health and reports.</summary>
public sealed record InputProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

internal static class ProblemText
{
    /// <summary>One health line for many problems: the count, then the first few, so the dashboard stays readable.</summary>
    public static string Summarize(string what, IReadOnlyCollection<InputProblem> problems, int show = 3)
    {
        var listed = string.Join("; ", problems.Take(show));
        var more = problems.Count > show ? $"; and {problems.Count - show} more" : "";
        return $"{problems.Count} {what}: {listed}{more}";
    }

    public static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return present.Count == 0 ? null : string.Join(" | ", present);
    }
}

/// <summary>
/// Problems met while answering <c>Get</c> (a market that cannot be mapped, two rows that disagree). Get runs for
/// every market of every scan, so each distinct problem is kept once, and only so many, to bound memory.
/// </summary>
internal sealed class LookupProblems(int capacity = 200)
{
    private readonly ConcurrentDictionary<string, InputProblem> _problems = new(StringComparer.Ordinal);

    public void Add(string where, string message)
    {
        if (_problems.Count < capacity)
            _problems.TryAdd(where, new InputProblem(where, message));
    }

    public IReadOnlyCollection<InputProblem> Snapshot() => _problems.Values.OrderBy(p => p.Where, StringComparer.Ordinal).ToList();

    public void Clear() => _problems.Clear();
}
