using System.Threading.Channels;
using TradingBot.Core.Engine;
using TradingBot.Core.Persistence;

namespace TradingBot.Worker.Notifications;

/// <summary>
/// Raises an alert: logged at once (warning or error priority, so journald and <c>journalctl -p warning</c> see it),
/// then queued for every configured channel. Raising never blocks and never fails: trading does not wait on a webhook.
/// </summary>
internal sealed partial class OperatorAlerts(ILogger<OperatorAlerts> logger, TimeProvider time) : IOperatorAlerts
{
    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<Notification> Pending => _queue.Reader;

    public void Raise(AlertKind kind, string message)
    {
        if (kind is AlertKind.CircuitBreakerTripped or AlertKind.SafeModeEntered or AlertKind.StorageUnavailable or AlertKind.ReconciliationMismatch or AlertKind.UnknownOrderOutcome)
            LogError(logger, kind, message);
        else if (kind == AlertKind.DailySummary)
            LogInformation(logger, kind, message); // routine: nothing to act on
        else
            LogWarning(logger, kind, message);
        _queue.Writer.TryWrite(new Notification(kind, message, time.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind}: {Message}")]
    private static partial void LogError(ILogger logger, AlertKind kind, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: {Message}")]
    private static partial void LogWarning(ILogger logger, AlertKind kind, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind}: {Message}")]
    private static partial void LogInformation(ILogger logger, AlertKind kind, string message);
}

/// <summary>
/// Sends queued notifications to each channel, retrying a failed channel with exponential back-off, and records
/// every message with whether it got through. A channel that keeps failing costs only its own retries.
/// </summary>
internal sealed partial class NotificationSender(
    OperatorAlerts alerts,
    IReadOnlyList<INotificationChannel> channels,
    IBotStore store,
    NotificationOptions options,
    TimeProvider time,
    ILogger<NotificationSender> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in alerts.Pending.ReadAllAsync(stoppingToken))
            {
                var results = await Task.WhenAll(channels.Select(channel => DeliverAsync(channel, notification, stoppingToken)));
                await RecordAsync(notification, channels.Count == 0 || results.All(ok => ok), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is queued is in the log already.
        }
    }

    private async Task<bool> DeliverAsync(INotificationChannel channel, Notification notification, CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            try
            {
                await channel.SendAsync(notification, cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, channel.Name, attempt, options.MaxAttempts, ex.Message);
                if (attempt < options.MaxAttempts)
                {
                    await Task.Delay(delay, time, cancellationToken);
                    delay *= 2;
                }
            }
        }

        return false;
    }

    private async Task RecordAsync(Notification notification, bool delivered, CancellationToken cancellationToken)
    {
        try
        {
            await store.Notifications.RecordAsync(new NotificationRecord(notification.At, notification.Kind.ToString(), notification.Message, delivered), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotRecorded(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification to {Channel} failed (attempt {Attempt} of {MaxAttempts}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string channel, int attempt, int maxAttempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification not recorded: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string reason);
}
