using System.Xml.Linq;

namespace TradingBot.Tests.Shared;

/// <summary>Reads the repository's own files, so tests can hold the layout to ARCHITECTURE.md.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The projects a src/ project references, by name (e.g. "TradingBot.Core").</summary>
    public static IReadOnlyList<string> ProjectReferencesOf(string project) =>
        Items(project, "ProjectReference").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList();

    /// <summary>The NuGet packages a src/ project references directly.</summary>
    public static IReadOnlyList<string> PackageReferencesOf(string project) =>
        Items(project, "PackageReference").Order().ToList();

    private static IEnumerable<string> Items(string project, string itemName)
    {
        var path = Path.Combine(Root, "src", project, project + ".csproj");
        return XDocument.Load(path).Descendants(itemName)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => include.Replace('\\', '/'));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingBot.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"TradingBot.sln not found above {AppContext.BaseDirectory}");
    }
}
