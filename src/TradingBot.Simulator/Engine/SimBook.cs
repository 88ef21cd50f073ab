using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>
/// One market's resting orders on the YES leg: bids (long YES) best price first, asks (long NO, a YES ask at p is
/// a NO bid at 1 − p) best price first, each level in time order. Price-time priority.
/// </summary>
internal sealed class SimBook
{
    private static readonly Comparer<int> Descending = Comparer<int>.Create((a, b) => b.CompareTo(a));

    public SortedDictionary<int, LinkedList<SimOrder>> Bids { get; } = new(Descending);

    public SortedDictionary<int, LinkedList<SimOrder>> Asks { get; } = new();

    public SortedDictionary<int, LinkedList<SimOrder>> SideOf(BookSide side) => side == BookSide.Bid ? Bids : Asks;

    public SortedDictionary<int, LinkedList<SimOrder>> Opposite(BookSide side) => side == BookSide.Bid ? Asks : Bids;

    public void Add(SimOrder order)
    {
        var levels = SideOf(order.Side);
        if (!levels.TryGetValue(order.YesPrice.Units, out var queue))
            levels[order.YesPrice.Units] = queue = new LinkedList<SimOrder>();
        queue.AddLast(order);
    }

    public void Remove(SimOrder order)
    {
        var levels = SideOf(order.Side);
        if (levels.TryGetValue(order.YesPrice.Units, out var queue))
        {
            queue.Remove(order);
            if (queue.Count == 0)
                levels.Remove(order.YesPrice.Units);
        }
    }

    /// <summary>Whether an order at <paramref name="yesPrice"/> on <paramref name="side"/> would trade with the best opposite level.</summary>
    public static bool Crosses(BookSide side, int yesPrice, int oppositeLevel) =>
        side == BookSide.Bid ? oppositeLevel <= yesPrice : oppositeLevel >= yesPrice;

    /// <summary>Each side's levels as (YES price, total size), best first.</summary>
    public IEnumerable<(Price Price, Contracts Size)> Levels(BookSide side) =>
        SideOf(side).Select(level => (Price.FromUnits(level.Key), Contracts.FromHundredths(level.Value.Sum(o => o.Remaining.Hundredths))));

    public IEnumerable<SimOrder> All => Bids.Values.Concat(Asks.Values).SelectMany(queue => queue);
}
