using TradingBot.Core.Persistence;

namespace TradingBot.Dashboard.Tests.Support;

/// <summary>A store whose database cannot be reached: every read and write throws, as SqlBotStore's do then.</summary>
internal sealed class UnreachableStore : IBotStore
{
    public IOrderOutbox Outbox => throw Down();

    public ITradeLedger Ledger => throw Down();

    public IRiskStateStore Risk => throw Down();

    public IDecisionLog Decisions => throw Down();

    public IMarketHistory Markets => throw Down();

    public INotificationLog Notifications => throw Down();

    public IReconciliationLog Reconciliation => throw Down();

    public IControlStore Control => throw Down();

    public Task CheckAsync(CancellationToken cancellationToken) => Task.FromException(Down());

    private static TradingBot.Storage.StorageException Down() => new("connection refused");
}
