using TradingBot.Backtest.Replay;
using TradingBot.Core.Persistence;
using TradingBot.Tests.Stores;

namespace TradingBot.Backtest.Tests;

/// <summary>
/// The replay's in-memory store held to the contracts the SQL store keeps live, but for those a single-threaded replay
/// that never restarts cannot tell apart: each is skipped with its reason.
/// </summary>
public sealed class MemoryStoreContractTests : BotStoreContract
{
    protected override Task<IBotStore> CreateStoreAsync() => Task.FromResult<IBotStore>(new MemoryBotStore());

    /// <summary>A replay never restarts: its one store is all there is.</summary>
    protected override IBotStore Reopen(IBotStore store) => store;

    protected override IReadOnlyDictionary<string, string> NotKept { get; } = new Dictionary<string, string>
    {
        [nameof(Commands_are_numbered_in_order_of_issue_pending_until_completed_and_kept_with_who_sent_them)] =
            "a replay takes no operator commands: the memory store refuses them and has none pending",
        [nameof(The_workers_status_is_saved_whole_and_replaced_by_the_next)] =
            "a replay has no dashboard or CLI to read the worker's status, so the memory store drops it",
        [nameof(Decisions_notifications_and_reconciliations_come_back_newest_first)] =
            "the memory store drops these logs: nothing in a replay reads them back, and its report is built from the outbox and the ledger",
        [nameof(Markets_quotes_and_forecasts_are_kept)] =
            "the dataset holds the quotes and forecasts; nothing in a replay reads them back from the store",
        [nameof(Outbox_entries_since_a_time_come_oldest_first)] =
            "the memory store returns entries in commit order, and the replay's clock never goes back, so that is oldest first",
    };
}
