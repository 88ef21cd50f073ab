using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>Order groups: a contracts cap shared by a set of orders.</summary>
public sealed partial class SimExchange
{
    public SimOrderGroup CreateOrderGroup(string memberId, Contracts limit)
    {
        lock (_lock)
        {
            Account(memberId);
            var group = new SimOrderGroup(NextId("grp"), memberId, limit);
            _groups[group.Id] = group;
            return group;
        }
    }

    public SimResult<SimOrderGroup> UpdateOrderGroup(string memberId, string groupId, GroupAction action, Contracts? newLimit = null)
    {
        lock (_lock)
        {
            if (!_groups.TryGetValue(groupId, out var group) || group.MemberId != memberId)
                return Reject(404, "order_group_not_found", $"no order group {groupId}");
            var now = clock.GetUtcNow();
            switch (action)
            {
                case GroupAction.Trigger:
                    Trigger(group, now);
                    break;
                case GroupAction.Reset:
                    group.IsTriggered = false;
                    group.FilledSinceReset = Contracts.Zero;
                    break;
                case GroupAction.Delete:
                    Trigger(group, now);
                    _groups.Remove(groupId);
                    break;
                case GroupAction.UpdateLimit when newLimit is { } limit:
                    group.Limit = limit;
                    if (group.FilledSinceReset >= limit)
                        Trigger(group, now);
                    break;
                default:
                    return Reject(400, "invalid_parameters", "a limit update needs a limit");
            }

            return SimResult<SimOrderGroup>.Ok(group);
        }
    }

    private void CountTowardGroup(SimOrder order, Contracts quantity, DateTimeOffset now)
    {
        if (order.Submission.OrderGroupId is not { } id || !_groups.TryGetValue(id, out var group))
            return;
        group.FilledSinceReset += quantity;
        if (group.FilledSinceReset >= group.Limit)
            Trigger(group, now);
    }

    private void Trigger(SimOrderGroup group, DateTimeOffset now)
    {
        group.IsTriggered = true;
        foreach (var order in group.Orders.Where(o => o.Status == OrderStatus.Resting).ToList())
            CancelResting(order, now);
    }
}

public enum GroupAction
{
    Trigger,
    Reset,
    Delete,
    UpdateLimit,
}
