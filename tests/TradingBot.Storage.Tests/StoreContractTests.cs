using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;
using TradingBot.Storage.Tests.Support;

namespace TradingBot.Storage.Tests;

/// <summary>
/// The store contracts (<see cref="BotStoreContract"/>) and what only the SQL store has: migrations and writers on
/// several connections at once. One suite, run against SQLite and against PostgreSQL: the two providers must behave the same.
/// </summary>
public abstract class StoreContractTests : BotStoreContract
{
    private ITestDatabase? _database;

    protected FakeTimeProvider Time { get; } = new(Now);

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    private async Task<(ITestDatabase Db, SqlBotStore Store)> OpenSqlAsync()
    {
        _database = await CreateDatabaseAsync();
        await Migrator.MigrateAsync(_database.Database, Time, default);
        return (_database, new SqlBotStore(_database.Database, Time));
    }

    protected override async Task<IBotStore> CreateStoreAsync() => (await OpenSqlAsync()).Store;

    protected override IBotStore Reopen(IBotStore store) => new SqlBotStore(_database!.Database, Time);

    protected override void AssertStoreError(Exception error) => Assert.IsType<StorageException>(error);

    public override async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_database_upgraded_from_before_position_fees_has_its_positions_rebuilt_with_the_fees_paid()
    {
        var (db, store) = await OpenSqlAsync();
        await store.Ledger.RecordFillAsync(Fill("f1", OutcomeSide.Yes, 0.40m, 10m, 0.17m, Now), default);
        // The schema as a bot from before migration 0002 left it: no fee column, no later tables.
        await using (var connection = await db.Database.OpenAsync(default))
        {
            foreach (var sql in new[]
            {
                "ALTER TABLE positions DROP COLUMN fee_micros", "DROP TABLE control_commands", "DROP TABLE bot_status",
                "DELETE FROM schema_migrations WHERE version >= 2",
            })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        var report = await Migrator.MigrateAsync(db.Database, Time, default);

        Assert.Equal(1, report.VersionBefore);
        Assert.Contains("positions rebuilt from the fills", report.Applied);
        var position = Assert.Single(await store.Ledger.PositionsAsync(default));
        Assert.Equal(Money.Parse("0.17"), position.Fees);
        Assert.Empty((await Migrator.MigrateAsync(db.Database, Time, default)).Applied);
    }

    [SkippableFact]
    public async Task Two_writers_issuing_at_once_get_distinct_numbers()
    {
        var (db, store) = await OpenSqlAsync();
        var other = new SqlBotStore(db.Database, Time);

        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? store : other).Control.IssueAsync(ControlCommandKind.Halt, $"#{i}", "test", Now, default)));

        Assert.Equal(10, ids.Distinct().Count());
        Assert.Equal(10, (await store.Control.PendingAsync(default)).Count);
    }

    [SkippableFact]
    public async Task Migrating_twice_applies_nothing_the_second_time_and_a_newer_schema_is_refused()
    {
        var (db, _) = await OpenSqlAsync();
        var again = await Migrator.MigrateAsync(db.Database, Time, default);
        Assert.Empty(again.Applied);
        Assert.Equal(Migrator.LatestVersion, again.VersionBefore);

        await using (var connection = await db.Database.OpenAsync(default))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (9999, 'from_the_future', 0)";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StorageException>(() => Migrator.MigrateAsync(db.Database, Time, default));
        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteStoreTests : StoreContractTests
{
    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());
}

public sealed class PostgresStoreTests : StoreContractTests
{
    protected override async Task<ITestDatabase> CreateDatabaseAsync()
    {
        Skip.If(PostgresTestDatabase.ConnectionString is null, PostgresTestDatabase.SkipReason);
        return await PostgresTestDatabase.CreateAsync();
    }
}
