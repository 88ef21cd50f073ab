using Npgsql;

namespace TradingBot.Storage.Tests.Support;

/// <summary>A fresh, migrated database for one test, removed afterwards.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    BotDatabase Database { get; }
}

internal sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-store-").FullName;

    public SqliteTestDatabase() => Database = BotDatabase.Sqlite(Path.Combine(_folder, BotDatabase.SqliteFileName));

    public BotDatabase Database { get; }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A throwaway database on the PostgreSQL server named by <c>TRADINGBOT_TEST_POSTGRES</c> (which <c>.ci/run</c>
/// starts). Without that variable the PostgreSQL tests are skipped, with this reason.
/// </summary>
internal sealed class PostgresTestDatabase : ITestDatabase
{
    public const string Variable = "TRADINGBOT_TEST_POSTGRES";
    public const string SkipReason = $"{Variable} is not set: PostgreSQL tests need a server (bash .ci/run starts one)";

    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name, BotDatabase database)
    {
        _admin = admin;
        _name = name;
        Database = database;
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public BotDatabase Database { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = "tb_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresTestDatabase(admin, name, BotDatabase.Postgres(builder.ToString()));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
