using TradingBot.Core.Risk;
using TradingBot.Storage;

namespace TradingBot.Worker.Hosting;

/// <summary>Becomes ready once the database is reachable and migrated; nothing that writes orders starts before.</summary>
internal sealed class StoreReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public void MarkReady() => _ready.TrySetResult();
}

/// <summary>
/// Applies migrations at start-up. While the database cannot be reached it keeps trying, with back-off, and says so
/// (no order can be sent meanwhile: fail closed). A schema newer than this build stops the bot: it must not write
/// to a schema it does not know.
/// </summary>
internal sealed partial class StoreMigration(
    BotDatabase database,
    StoreReadiness readiness,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<StoreMigration> logger) : BackgroundService
{
    private readonly ApiErrorGuard _backoff = new(int.MaxValue, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await Migrator.MigrateAsync(database, time, stoppingToken);
                if (report.Applied.Count > 0)
                    LogMigrated(logger, database.Description, string.Join(", ", report.Applied), report.VersionAfter);
                LogReady(logger, database.Description, report.VersionAfter);
                readiness.MarkReady();
                return;
            }
            catch (StorageException ex) when (ex.Message.Contains("newer than this build", StringComparison.Ordinal))
            {
                LogTooNew(logger, ex.Message);
                Environment.ExitCode = Cli.ExitCodes.Failure;
                lifetime.StopApplication();
                return;
            }
            catch (StorageException ex)
            {
                var step = _backoff.RecordFailure(ApiPath.Read, ex.Message, time.GetUtcNow());
                LogUnreachable(logger, ex.Message, step.Backoff.TotalSeconds);
                await Task.Delay(step.Backoff, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database}: applied {Migrations}; schema version {Version}")]
    private static partial void LogMigrated(ILogger logger, string database, string migrations, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} ready at schema version {Version}")]
    private static partial void LogReady(ILogger logger, string database, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unreachable, so no order can be sent: {Reason}; retrying in {Seconds} s")]
    private static partial void LogUnreachable(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: {Reason}")]
    private static partial void LogTooNew(ILogger logger, string reason);
}
