using System.Threading.Channels;
using TradingBot.Core.Engine;
using TradingBot.Core.Deciding;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;

namespace TradingBot.Worker.Trading;

/// <summary>A placement or cancel on its way to the executor, with the forecast time the gate needs to judge staleness again.</summary>
internal sealed record QueuedAction(MarketAction Action, DateTimeOffset? ForecastAsOf)
{
    public static QueuedAction Exit(TradeIntent exit) => new(MarketAction.Place(exit, DecisionCode.Approved, "stop-loss", default), null);
}

/// <summary>The hand-offs between the services: scan batches to the evaluator, placements and cancels to the single executor.</summary>
internal sealed class TradingQueues
{
    /// <summary>Only the latest scan matters: an older batch waiting behind it is stale.</summary>
    public Channel<IReadOnlyCollection<MarketView>> Scans { get; } =
        Channel.CreateBounded<IReadOnlyCollection<MarketView>>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>One reader: the executor. Bounded so a runaway producer cannot queue unbounded orders.</summary>
    public Channel<QueuedAction> Actions { get; } =
        Channel.CreateBounded<QueuedAction>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
}

/// <summary>Open once start-up reconciliation has run: nothing scans for trades or sends an order before.</summary>
internal sealed class TradingReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public void MarkReady() => _ready.TrySetResult();
}
