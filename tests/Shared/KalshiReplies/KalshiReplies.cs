namespace TradingBot.Tests.Shared.KalshiReplies;

/// <summary>
/// The real Kalshi replies of tests/Shared/KalshiReplies (see its README), copied beside the test assembly by
/// <c>UsesKalshiReplies</c>: a bare clone holds them, nothing is read from beside the repository.
/// </summary>
internal static class KalshiReplies
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "KalshiReplies");

    /// <summary>Every recorded JSON reply, by file name, in a stable order.</summary>
    public static IReadOnlyList<string> JsonFiles =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(name => name != "SOURCES.json").Order(StringComparer.Ordinal).ToList();

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    /// <summary>The January 2026 replies, from before Kalshi's fixed-point clean-up: the current API no longer sends them.</summary>
    public static bool IsLegacy(string fileName) => fileName.Contains("_legacy", StringComparison.Ordinal);

    /// <summary>Replies quoted in another project's code comments (April 2026), with some numbers stringified.</summary>
    public static bool IsQuoted(string fileName) => fileName.Contains("_ccxt_comment", StringComparison.Ordinal);
}
