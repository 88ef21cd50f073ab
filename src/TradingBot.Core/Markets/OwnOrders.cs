using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Core.Markets;

/// <summary>
/// The book as others make it: the bot's own resting orders taken out. Priced against its own bid, the bot would
/// post a tick above itself scan after scan, a ladder of orders bidding against each other.
/// </summary>
public static class OwnOrders
{
    /// <summary>
    /// The top of <paramref name="book"/> (full depth) without the bot's resting orders. A YES buy rests on the YES
    /// bids at its YES price; a NO buy (a YES-leg ask) rests on the NO bids at one minus its YES price.
    /// </summary>
    public static Quote Exclude(OrderBook book, IEnumerable<RestingOrder> own)
    {
        var mine = own.ToList();
        return new Quote(TopOf(book.YesBids, mine, BookSide.Bid), TopOf(book.NoBids, mine, BookSide.Ask), book.ObservedAt);
    }

    /// <summary>
    /// With only the top of the book known (a listing's quote): a level that was all the bot's leaves that side with no
    /// known bid, never with the bot's own price.
    /// </summary>
    public static Quote Exclude(Quote top, IEnumerable<RestingOrder> own)
    {
        var mine = own.ToList();
        return new Quote(TopOf([top.YesBid], mine, BookSide.Bid), TopOf([top.NoBid], mine, BookSide.Ask), top.ObservedAt);
    }

    private static BookLevel TopOf(IReadOnlyList<BookLevel> levels, List<RestingOrder> mine, BookSide side)
    {
        foreach (var level in levels)
        {
            if (!level.Exists)
                continue;
            var own = Contracts.Zero;
            foreach (var order in mine)
            {
                if (order.Side == side && order.BidPrice == level.Price)
                    own += order.Remaining;
            }

            var others = level.Size - own;
            if (!others.IsZero)
                return new BookLevel(level.Price, others);
        }

        return BookLevel.None;
    }
}

/// <summary>One of the bot's orders resting on a book: its YES-leg side, and the price it bids on the side it buys.</summary>
public readonly record struct RestingOrder(BookSide Side, Price YesPrice, Contracts Remaining)
{
    /// <summary>Where it sits in Kalshi's bids-only book: a YES bid at its price, or a NO bid at one minus it.</summary>
    public Price BidPrice => Side == BookSide.Bid ? YesPrice : YesPrice.Complement;
}
