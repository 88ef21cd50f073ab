using System.Reflection;
using Dapper;

namespace TradingBot.Storage;

/// <summary>A schema change, numbered; applied in order, once, each in its own transaction.</summary>
public sealed record Migration(long Version, string Name, string Sql);

/// <summary>What a migration run did.</summary>
public sealed record MigrationReport(long VersionBefore, long VersionAfter, IReadOnlyList<string> Applied);

/// <summary>
/// Versioned migrations from the SQL files embedded in this assembly (Migrations/NNNN_name.sql), applied at start-up
/// and by <c>tradingbot migrate</c>. Idempotent: applied versions are recorded in <c>schema_migrations</c>. A database
/// whose schema is newer than this build is refused: an older bot must not write to a schema it does not know.
/// </summary>
public static class Migrator
{
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public static long LatestVersion => Embedded[^1].Version;

    public static async Task<MigrationReport> MigrateAsync(BotDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var (before, done) = await ApplyAsync(database, time, cancellationToken).ConfigureAwait(false);
        var after = done.Count > 0 ? Embedded[^1].Version : before;
        // Positions are derived from the fills: a database upgraded across a migration that changed what a position
        // holds (0002: the fees paid on it) has them rebuilt, or they would read the new columns' defaults.
        if (before > 0 && before < PositionsChangedAt && after >= PositionsChangedAt)
        {
            await new SqlBotStore(database, time).Ledger.RebuildAsync(cancellationToken).ConfigureAwait(false);
            done.Add("positions rebuilt from the fills");
        }

        return new MigrationReport(before, after, done);
    }

    /// <summary>The last migration that changed what the positions table derives from the fills.</summary>
    private const long PositionsChangedAt = 2;

    private static async Task<(long Before, List<string> Done)> ApplyAsync(BotDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = (await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        var before = applied.Count == 0 ? 0 : applied.Max();
        if (before > LatestVersion)
        {
            throw new StorageException(
                $"{database.Description} has schema version {before}, newer than this build knows ({LatestVersion}); refusing to run. Install the newer tradingbot, or restore a backup.");
        }

        var done = new List<string>();
        foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            done.Add($"{migration.Version:D4} {migration.Name}");
        }

        return (before, done);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "TradingBot.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                // MSBuild prefixes a name that starts with a digit with '_'.
                var file = name[prefix.Length..^4].TrimStart('_');
                var underscore = file.IndexOf('_', StringComparison.Ordinal);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new Migration(long.Parse(file[..underscore], System.Globalization.CultureInfo.InvariantCulture), file[(underscore + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}
