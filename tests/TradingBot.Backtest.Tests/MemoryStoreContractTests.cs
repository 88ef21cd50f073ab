using TradingBot.Backtest.Replay;
using TradingBot.Core.Persistence;
using TradingBot.Tests.Stores;

namespace TradingBot.Backtest.Tests;

/// <summary>
/// The replay's in-memory store held to the contracts the SQL stores keep: a replay that disagreed with the live store
/// about an outbox transition, a duplicate fill, a settlement or the day's P&amp;L would give answers that do not hold live.
/// </summary>
public sealed class MemoryStoreContractTests : BotStoreContract
{
    protected override Task<IBotStore> CreateStoreAsync() => Task.FromResult<IBotStore>(new MemoryBotStore());

    /// <summary>A replay never restarts: its one store is all there is.</summary>
    protected override IBotStore Reopen(IBotStore store) => store;
}
