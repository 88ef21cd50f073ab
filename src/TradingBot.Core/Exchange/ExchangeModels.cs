using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Exchange;

/// <summary>How a determined market came out.</summary>
public enum MarketResult
{
    None,
    Yes,
    No,
    Scalar,
}

/// <summary>Kalshi's order statuses; <see cref="Unknown"/> for anything new.</summary>
public enum OrderStatus
{
    Unknown,
    Pending,
    Resting,
    Canceled,
    Executed,
}

public enum TimeInForce
{
    GoodTillCanceled,
    ImmediateOrCancel,
    FillOrKill,
}

/// <summary>A series (one competition's market family, e.g. KXNFLGAME) and how its trades are charged.</summary>
public sealed record SeriesInfo(string Ticker, string Title, string Category, FeeSchedule Fees);

/// <summary>
/// A market as listed: identity, lifecycle, times, its top of book, its price grid, and the exchange shard (matching
/// engine) it trades on, whose collateral its orders use; and, when Kalshi waives its trade fees for a while, when
/// that waiver ends (<c>fee_waiver_expiration_time</c>).
/// </summary>
public sealed record MarketInfo(
    MarketTicker Ticker,
    EventTicker Event,
    MarketStatus Status,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    string YesSubTitle,
    Quote TopOfBook,
    TickStructure Ticks,
    MarketResult Result,
    int ExchangeIndex = 0,
    DateTimeOffset? FeeWaiverUntil = null,
    MarketStrike? Strike = null);

/// <summary>
/// What a market pays on, as Kalshi states it (<c>strike_type</c>, <c>floor_strike</c>, <c>cap_strike</c>,
/// <c>custom_strike</c>): a spread or total with type <c>greater</c> and floor 1.5 pays when the margin or the
/// combined score is over 1.5. This, not the ticker, is the line a spread or total is priced at.
/// </summary>
public sealed record MarketStrike(string Type, decimal? Floor, decimal? Cap, IReadOnlyDictionary<string, string>? Custom = null)
{
    /// <summary>The types Kalshi documents; any other is read but makes a line market unpriceable.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
        { "greater", "greater_or_equal", "less", "less_or_equal", "between", "functional", "custom", "structured" };

    /// <summary>Equal when they state the same strike, <see cref="Custom"/> compared by its entries: each read of a listing makes a new dictionary.</summary>
    public bool Equals(MarketStrike? other) =>
        other is not null && Type == other.Type && Floor == other.Floor && Cap == other.Cap
        && (ReferenceEquals(Custom, other.Custom) || (Custom is not null && other.Custom is not null && Custom.Count == other.Custom.Count
            && Custom.All(entry => other.Custom.TryGetValue(entry.Key, out var value) && value == entry.Value)));

    public override int GetHashCode() => HashCode.Combine(Type, Floor, Cap, Custom?.Count ?? -1);
}

/// <summary>
/// An event (one game) with its markets, when the game starts (from its milestone), and its override of the series'
/// fees. Mutually exclusive: at most one of its markets resolves YES (a game's winner markets; a spread or total
/// ladder is not). <see cref="SubTitle"/> is Kalshi's short form ("MSU vs ND (Sep 19)"); <see cref="Competition"/>
/// is <c>product_metadata.competition</c> ("Pro Football", "Pro Football Preseason", "NCAA Football"), null when the
/// event does not say.
/// </summary>
public sealed record EventInfo(EventTicker Ticker, string SeriesTicker, string Title, DateTimeOffset? GameStart, IReadOnlyList<MarketInfo> Markets,
    bool MutuallyExclusive = false, FeeOverride FeeOverride = default, string SubTitle = "", string? Competition = null);

/// <summary>A market's book: bids per side, best first (Kalshi lists bids only; asks are the other side's bids).</summary>
public sealed record OrderBook(MarketTicker Ticker, IReadOnlyList<BookLevel> YesBids, IReadOnlyList<BookLevel> NoBids, DateTimeOffset ObservedAt)
{
    public Quote Top => new(YesBids.Count > 0 ? YesBids[0] : BookLevel.None, NoBids.Count > 0 ? NoBids[0] : BookLevel.None, ObservedAt);
}

/// <summary>
/// The account's cash: the total, and each exchange shard's share of it. Kalshi checks collateral inside each shard's
/// matching engine (exchange_sharding.md), so an order can spend only what its market's shard holds.
/// </summary>
public sealed record AccountBalance(Money Total, IReadOnlyDictionary<int, Money> ByShard)
{
    /// <summary>All of it on shard 0: a venue with one matching engine.</summary>
    public static AccountBalance Unsharded(Money total) => new(total, new Dictionary<int, Money> { [0] = total });

    /// <summary>What an order on shard <paramref name="exchangeIndex"/> can spend. A shard the venue gave no figure for has nothing: fail closed.</summary>
    public Money AvailableOn(int exchangeIndex) => ByShard.TryGetValue(exchangeIndex, out var money) ? money : Money.Zero;

    /// <summary>The balance with <paramref name="amount"/> more on one shard (cash a cancelled or replaced order would release).</summary>
    public AccountBalance Plus(int exchangeIndex, Money amount) =>
        new(Total + amount, new Dictionary<int, Money>(ByShard) { [exchangeIndex] = AvailableOn(exchangeIndex) + amount });
}

/// <summary>The venue's view of a position in one market: contracts of one side, and what it says they cost.</summary>
public sealed record PositionInfo(MarketTicker Ticker, OutcomeSide Side, Contracts Count, Money Exposure, Money RealizedPnl, Money FeesPaid);

/// <summary>One execution of one of the bot's orders. Fill ids are unique; fills are matched to orders by order id.</summary>
public sealed record FillInfo(
    string FillId,
    string OrderId,
    MarketTicker Ticker,
    OutcomeSide ExposureSide,
    Price YesPrice,
    Contracts Count,
    Money Fee,
    bool IsTaker,
    DateTimeOffset At);

/// <summary>A market's settlement of the bot's holdings: $1 per winning contract.</summary>
public sealed record SettlementInfo(
    MarketTicker Ticker,
    EventTicker Event,
    MarketResult Result,
    Contracts YesCount,
    Contracts NoCount,
    Money YesCost,
    Money NoCost,
    Money Revenue,
    Money Fee,
    DateTimeOffset SettledAt);

/// <summary>An order as the venue knows it.</summary>
public sealed record OrderInfo(
    string OrderId,
    ClientOrderId? ClientOrderId,
    MarketTicker Ticker,
    BookSide Side,
    Price YesPrice,
    Contracts Initial,
    Contracts Filled,
    Contracts Remaining,
    OrderStatus Status,
    Money Fees,
    DateTimeOffset? CreatedAt);

/// <summary>
/// An order write in V2 terms: the YES-leg price and book side, the bot's own id, and how it meets the book.
/// Built from an approved <see cref="Trading.TradeIntent"/>, so conversion to the wire happens in one place.
/// </summary>
public sealed record OrderRequest(
    ClientOrderId ClientOrderId,
    MarketTicker Ticker,
    BookSide Side,
    Price YesPrice,
    Contracts Count,
    TimeInForce TimeInForce,
    bool PostOnly,
    bool ReduceOnly,
    DateTimeOffset? Expiration = null)
{
    public static OrderRequest From(in Trading.TradeIntent intent, ClientOrderId clientOrderId) => new(
        clientOrderId,
        intent.Ticker,
        intent.Direction.BookSide,
        intent.YesPrice,
        intent.Count,
        intent.Execution == Trading.Execution.Take ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCanceled,
        PostOnly: intent.Execution == Trading.Execution.Make,
        ReduceOnly: intent.ReduceOnly,
        Expiration: intent.Execution == Trading.Execution.Make ? intent.GoodUntil : null);
}

/// <summary>The venue accepted an order: its id, and how much filled on placement.</summary>
public sealed record OrderAck(string OrderId, ClientOrderId ClientOrderId, Contracts Filled, Contracts Remaining);

/// <summary>The venue cancelled what rested of an order: how many contracts that took off the book.</summary>
public sealed record CancelAck(string OrderId, Contracts ReducedBy);

/// <summary>
/// A resting order re-priced or re-sized in place (Kalshi's V2 amend): its new YES-leg price and its new total count
/// (what already filled plus what should rest). The order keeps its <c>client_order_id</c>.
/// </summary>
public sealed record AmendRequest(string OrderId, ClientOrderId ClientOrderId, MarketTicker Ticker, BookSide Side, Price YesPrice, Contracts TotalCount);

/// <summary>
/// The venue took an amend. Its reply can describe another order (Kalshi's changelog, May 2026), so nothing but the
/// fact is taken from it: the order is read back to learn where it stands.
/// </summary>
public sealed record AmendAck(string OrderId);

/// <summary>A period the exchange announced it will be down.</summary>
public sealed record MaintenanceWindow(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Which markets to list.</summary>
public sealed record MarketQuery(string? SeriesTicker = null, EventTicker? Event = null, string? Status = "open");
