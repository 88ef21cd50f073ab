using System.Text.RegularExpressions;
using TradingBot.Tests.Shared;

namespace TradingBot.Core.Tests;

/// <summary>
/// A fresh clone with nothing beside it must pass the README's test command, so tests read only what the repository
/// holds: facts from elsewhere (Kalshi's OpenAPI fragments, worked examples) are copied in as test data.
/// </summary>
public partial class BareCloneTests
{
    [Fact]
    public void No_test_source_refers_to_the_shared_folder_beside_the_repository()
    {
        var tests = Path.Combine(RepositoryLayout.Root, "tests");
        var offenders = Directory.EnumerateFiles(tests, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith("proj", StringComparison.Ordinal)
                || path.EndsWith(".props", StringComparison.Ordinal) || path.EndsWith(".targets", StringComparison.Ordinal))
            .Where(path => !InBuildOutput(Path.GetRelativePath(tests, path)))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(hit => SharedFolder().IsMatch(hit.line))
            .Select(hit => $"{Path.GetRelativePath(RepositoryLayout.Root, hit.path)}:{hit.number}: {hit.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "tests refer to the folder beside the repository:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_check_catches_both_a_relative_path_and_a_path_built_from_parts()
    {
        Assert.Matches(SharedFolder(), "var folder = Path.Combine(Root, \"..\"" + ", \"shared\", \"kalshi-api\");");
        Assert.Matches(SharedFolder(), "/// <summary>Pins .." + "/shared/kalshi-api/fees.md.</summary>");
        Assert.Matches(SharedFolder(), "<!-- reads ..\\" + "shared\\data -->");
        Assert.DoesNotMatch(SharedFolder(), "Path.Combine(RepositoryLayout.Root, \"tests\", \"Shared\", \"KalshiDocs\")");
    }

    private static bool InBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    /// <summary>"..", then "shared": as one path, or as two arguments of Path.Combine; and the folder's absolute home.</summary>
    [GeneratedRegex("""\.\.[/\\]+shared\b|"\.\."\s*,\s*"shared"|[/\\]work[/\\]shared\b""")]
    private static partial Regex SharedFolder();
}
