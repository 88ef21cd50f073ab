using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TradingBot.Storage;

/// <summary>The store could not be configured or reached; the message says which and why, never the password.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Where the bot's database is and how to open a connection to it: a SQLite file under the data folder (WAL mode,
/// the default) or PostgreSQL. Connections are opened per operation from the provider's pool, so when the database
/// comes back after an outage the next operation simply works.
/// </summary>
public sealed class BotDatabase
{
    public const string SqliteFileName = "tradingbot.db";
    public const string PasswordCredential = "postgres-password";

    private readonly string _connectionString;

    private BotDatabase(StorageProvider provider, string connectionString, string description)
    {
        Provider = provider;
        _connectionString = connectionString;
        Description = description;
    }

    public StorageProvider Provider { get; }

    /// <summary>Where the data is, for logs: a file path, or host/port/database without credentials.</summary>
    public string Description { get; }

    public static BotDatabase Sqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30 };
        return new BotDatabase(StorageProvider.Sqlite, builder.ToString(), $"SQLite at {path}");
    }

    /// <summary>A database that lives in memory for as long as one connection to <paramref name="name"/> stays open: for backtests and tests.</summary>
    public static BotDatabase SqliteInMemory(string name)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = name, Mode = SqliteOpenMode.Memory, Cache = SqliteCacheMode.Shared };
        return new BotDatabase(StorageProvider.Sqlite, builder.ToString(), $"SQLite in memory ({name})");
    }

    /// <param name="password">Overrides any password in the connection string (read from a file or a systemd credential).</param>
    public static BotDatabase Postgres(string connectionString, string? password = null)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageException($"Storage:ConnectionString is not a PostgreSQL connection string: {ex.Message}");
        }

        if (!string.IsNullOrEmpty(password))
            builder.Password = password;
        return new BotDatabase(StorageProvider.Postgres, builder.ToString(), $"PostgreSQL {builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>The database the operator configured: SQLite in the data folder unless told otherwise.</summary>
    public static BotDatabase FromOptions(StorageOptions options, string dataDirectory, string? credentialsDirectory)
    {
        if (options.Provider == StorageProvider.Postgres)
            return Postgres(options.ConnectionString, ReadPassword(options.PasswordFile, credentialsDirectory));
        if (options.ConnectionString.Length > 0)
            return Sqlite(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
        Directory.CreateDirectory(dataDirectory);
        return Sqlite(Path.Combine(Path.GetFullPath(dataDirectory), SqliteFileName));
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider == StorageProvider.Postgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection is SqliteConnection sqlite)
                await PrepareSqliteAsync(sqlite, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StorageException($"cannot open {Description}: {ex.Message}", ex);
        }
    }

    /// <summary>WAL lets the dashboard read while the bot writes; a busy timeout rides out the other writer's commit.</summary>
    private static async Task PrepareSqliteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection.DataSource.Length > 0 && !connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase)
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;"
            : "PRAGMA busy_timeout=10000;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The password from its file, else from the systemd credential <see cref="PasswordCredential"/>, else none.</summary>
    private static string? ReadPassword(string passwordFile, string? credentialsDirectory)
    {
        var path = passwordFile.Length > 0 ? passwordFile
            : !string.IsNullOrEmpty(credentialsDirectory) && File.Exists(Path.Combine(credentialsDirectory, PasswordCredential)) ? Path.Combine(credentialsDirectory, PasswordCredential)
            : null;
        if (path is null)
            return null;
        try
        {
            return File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"cannot read the database password file {path}: {ex.Message}", ex);
        }
    }
}
