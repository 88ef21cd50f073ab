using System.Data.Common;
using Dapper;
using TradingBot.Core.Persistence;

namespace TradingBot.Storage;

/// <summary>
/// Every store of <see cref="IBotStore"/> over one database, SQLite or PostgreSQL, with the same SQL for both
/// (plain types, <c>ON CONFLICT</c> upserts). Each operation opens a pooled connection and runs in its own
/// transaction, so an outage fails the operation, never the process, and the next one recovers by itself.
/// </summary>
public sealed partial class SqlBotStore : IBotStore
{
    private readonly BotDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Ledger writes read and rewrite positions: one at a time in this process (one bot per database).</summary>
    private readonly SemaphoreSlim _ledgerGate = new(1, 1);

    public SqlBotStore(BotDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        Outbox = new SqlOutbox(this);
        Ledger = new SqlTradeLedger(this);
        Risk = new SqlRiskState(this);
        Decisions = new SqlDecisionLog(this);
        Markets = new SqlMarketHistory(this);
        Notifications = new SqlNotificationLog(this);
        Reconciliation = new SqlReconciliationLog(this);
        Control = new SqlControlStore(this);
    }

    public BotDatabase Database => _database;

    public IOrderOutbox Outbox { get; }

    public ITradeLedger Ledger { get; }

    public IRiskStateStore Risk { get; }

    public IDecisionLog Decisions { get; }

    public IMarketHistory Markets { get; }

    public INotificationLog Notifications { get; }

    public IReconciliationLog Reconciliation { get; }

    public IControlStore Control { get; }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(connection).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new StorageException($"{_database.Description}: {ex.Message}", ex);
        }
    }

    private Task ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        WithConnectionAsync(c => c.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);

    private Task<IReadOnlyList<TRow>> QueryAsync<TRow>(string sql, object? parameters, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<TRow>>(async c => (await c.QueryAsync<TRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList(), cancellationToken);

    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        await WithConnectionAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken).ConfigureAwait(false);

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
