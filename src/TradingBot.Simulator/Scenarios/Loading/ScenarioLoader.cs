using System.Text.Json;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>A loader's answer: the scenario, or every problem found (never both, never a half-built scenario).</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool Success => Scenario is not null && Problems.Count == 0;

    public static ScenarioLoadResult Failed(string path, string message) => new(null, [new ScenarioProblem(path, message)]);

    public override string ToString() => Success ? $"loaded {Scenario!.Name}" : string.Join(Environment.NewLine, Problems);
}

/// <summary>
/// Reads scenario files (format: Scenarios/README.md). Validation is complete: every problem in the file is
/// reported with its JSON path, and bad input never escapes as an exception. Relative times are resolved
/// against <c>now</c>, the clock's time when the scenario is loaded.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Large enough for a season of games, small enough that a mistaken path cannot exhaust memory.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    public static ScenarioLoadResult Parse(string json, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return ScenarioLoadResult.Failed("$", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }

        using (document)
        {
            var problems = new List<ScenarioProblem>();
            var scenario = new ScenarioReader(problems, now.ToUniversalTime()).Read(document.RootElement);
            return problems.Count == 0 && scenario is not null ? new ScenarioLoadResult(scenario, []) : new ScenarioLoadResult(null, problems);
        }
    }

    public static ScenarioLoadResult LoadFile(string path, DateTimeOffset now)
    {
        string json;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return ScenarioLoadResult.Failed("$", $"no scenario file at {path}");
            if (info.Length > MaxFileBytes)
                return ScenarioLoadResult.Failed("$", $"{path} is {info.Length} bytes; a scenario file is at most {MaxFileBytes}");
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ScenarioLoadResult.Failed("$", $"cannot read {path}: {e.Message}");
        }

        return Parse(json, now);
    }
}
