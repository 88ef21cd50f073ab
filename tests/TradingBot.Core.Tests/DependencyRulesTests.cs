using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using TradingBot.Core.Risk;
using TradingBot.Tests.Shared;

namespace TradingBot.Core.Tests;

/// <summary>ARCHITECTURE.md: Core uses nothing of ours and does no I/O.</summary>
public class DependencyRulesTests
{
    [Fact]
    public void Core_references_no_project_and_no_package()
    {
        Assert.Empty(RepositoryLayout.ProjectReferencesOf("TradingBot.Core"));
        Assert.Empty(RepositoryLayout.PackageReferencesOf("TradingBot.Core"));
    }

    [Fact]
    public void Core_assembly_uses_only_the_base_library_and_no_networking()
    {
        var referenced = typeof(RiskOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(referenced, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("System.Net", StringComparison.Ordinal),
            $"TradingBot.Core references {name}"));
    }

    /// <summary>Reads Core's own metadata: every type and member it refers to, so no I/O or clock read can slip in.</summary>
    [Fact]
    public void No_type_in_Core_refers_to_IO_networking_databases_logging_statics_or_the_clock()
    {
        using var stream = File.OpenRead(typeof(RiskOptions).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var typeNames = metadata.TypeReferences.Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}").ToList();
        string[] bannedNamespaces = ["System.IO", "System.Net", "System.Data", "Microsoft.Data", "Npgsql", "Dapper", "Serilog", "Microsoft.Extensions"];
        string[] bannedTypes = ["System.Console", "System.Diagnostics.Process", "System.Threading.Thread"];
        Assert.DoesNotContain(typeNames, n => bannedNamespaces.Any(ns => n.StartsWith(ns + ".", StringComparison.Ordinal)) || bannedTypes.Contains(n));
        Assert.Contains("System.TimeZoneInfo", typeNames);

        // Environment itself is referenced by compiler-generated iterators (CurrentManagedThreadId); reading it is not allowed.
        var forbiddenCalls = metadata.MemberReferences.Select(h => metadata.GetMemberReference(h))
            .Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => (Type: metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)m.Parent).Name), Member: metadata.GetString(m.Name)))
            .Where(m => (m.Type is "DateTime" or "DateTimeOffset" && m.Member is "get_Now" or "get_UtcNow" or "get_Today")
                || (m.Type == "Environment" && m.Member is "GetEnvironmentVariable" or "GetEnvironmentVariables" or "Exit"))
            .ToList();
        Assert.Empty(forbiddenCalls);
    }
}
