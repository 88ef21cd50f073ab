using TradingBot.Core.Values;

namespace TradingBot.Core.Markets;

/// <summary>One price level of a book: a price and the contracts resting there. A zero size means "no level".</summary>
public readonly record struct BookLevel(Price Price, Contracts Size)
{
    public static readonly BookLevel None = default;

    public bool Exists => !Size.IsZero;
}

/// <summary>
/// The top of a market's book when it was observed. Kalshi's book lists bids only, per side: the best YES ask is
/// 1 − the best NO bid, and the best NO ask is 1 − the best YES bid, each with that bid's size.
/// </summary>
public readonly record struct Quote(BookLevel YesBid, BookLevel NoBid, DateTimeOffset ObservedAt)
{
    public BookLevel YesAsk => NoBid.Exists ? new BookLevel(NoBid.Price.Complement, NoBid.Size) : BookLevel.None;

    public BookLevel NoAsk => YesBid.Exists ? new BookLevel(YesBid.Price.Complement, YesBid.Size) : BookLevel.None;

    /// <summary>Where a holder of <paramref name="side"/> could sell right now: that side's best bid.</summary>
    public BookLevel BidFor(OutcomeSide side) => side == OutcomeSide.Yes ? YesBid : NoBid;

    /// <summary>What buying <paramref name="side"/> right now costs: that side's best ask.</summary>
    public BookLevel AskFor(OutcomeSide side) => side == OutcomeSide.Yes ? YesAsk : NoAsk;

    public TimeSpan AgeAt(DateTimeOffset now) => now - ObservedAt;
}
