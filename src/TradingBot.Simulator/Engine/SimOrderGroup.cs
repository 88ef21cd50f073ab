using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>
/// Kalshi's order group: a cap on contracts filled across its orders. When fills reach the limit (or a member
/// triggers it), every resting order in the group is cancelled and new ones are refused until it is reset.
/// </summary>
public sealed class SimOrderGroup(string id, string memberId, Contracts limit)
{
    public string Id { get; } = id;

    public string MemberId { get; } = memberId;

    public Contracts Limit { get; internal set; } = limit;

    public Contracts FilledSinceReset { get; internal set; }

    public bool IsTriggered { get; internal set; }

    internal List<SimOrder> Orders { get; } = [];
}
