using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>A series as the simulator lists it; without tags, a baseball or tennis series is known by its ticker.</summary>
public sealed record SimSeries(string Ticker, string Title, string Category, FeeType FeeType, decimal FeeMultiplier, IReadOnlyList<string>? Tags = null)
{
    public FeeSchedule Fees { get; } = new(FeeType, FeeMultiplier);

    /// <summary>Kalshi's series tags, which decide the shard of sports events (exchange_sharding.md).</summary>
    public IReadOnlyList<string> SeriesTags { get; } = Tags ?? ExchangeShards.TagsOf(Ticker);
}

/// <summary>
/// An event (one game) with the start time its milestone reports. <paramref name="ExchangeIndex"/> left null, the
/// exchange puts it on the shard Kalshi would when it is listed (<see cref="ExchangeShards.For"/>).
/// <paramref name="Competition"/> and <paramref name="CompetitionScope"/> are Kalshi's <c>product_metadata</c>
/// ("Pro Football Preseason", "Spread"); null lists the event without it.
/// </summary>
public sealed record SimEvent(string Ticker, string SeriesTicker, string Title, string SubTitle, DateTimeOffset GameStart, string League, int? ExchangeIndex = null,
    string? Competition = null, string? CompetitionScope = null)
{
    /// <summary>The shard (matching engine) the event's markets trade on, whose cash their orders use.</summary>
    public int Shard => ExchangeIndex ?? ExchangeShards.Default;

    /// <summary>A game-winner series (KX…GAME): one market per team, at most one resolves YES. Spreads and totals are ladders.</summary>
    public bool IsMutuallyExclusive => SeriesTicker.EndsWith("GAME", StringComparison.Ordinal);
}

/// <summary>
/// Kalshi's exchange shards (exchange_sharding.md): from 24 August 2026 at 12:00 ET new crypto events are created on
/// shard 2 and new tennis and baseball events on shard 3; everything else, and every event listed before, stays on the
/// default shard 0 (no live market is migrated). Combos (shard 1) are not simulated.
/// </summary>
public static class ExchangeShards
{
    public const int Default = 0;
    public const int Crypto = 2;
    public const int TennisAndBaseball = 3;

    /// <summary>24 August 2026, 12:00 Eastern Daylight Time.</summary>
    public static readonly DateTimeOffset Cutover = new(2026, 8, 24, 12, 0, 0, TimeSpan.FromHours(-4));

    /// <summary>Every shard the simulator knows, the default first.</summary>
    public static readonly IReadOnlyList<int> All = [Default, 1, Crypto, TennisAndBaseball];

    public static int For(SimSeries series, DateTimeOffset createdAt) =>
        createdAt < Cutover ? Default
        : series.Category == "Crypto" ? Crypto
        : series.Category == "Sports" && series.SeriesTags.Any(t => t is "Baseball" or "Tennis") ? TennisAndBaseball
        : Default;

    /// <summary>Tags of a series listed without them: MLB series are Baseball, ATP/WTA/Challenger ones Tennis.</summary>
    public static IReadOnlyList<string> TagsOf(string seriesTicker) =>
        seriesTicker.StartsWith("KXMLB", StringComparison.Ordinal) ? ["Baseball"]
        : seriesTicker.StartsWith("KXATP", StringComparison.Ordinal) || seriesTicker.StartsWith("KXWTA", StringComparison.Ordinal) ? ["Tennis"]
        : [];
}

/// <summary>
/// What a new market needs: identity, its event, its times, its price grid and what it pays on as Kalshi lists it
/// (<c>strike_type</c>, <c>floor_strike</c>, <c>custom_strike</c>; null lists none).
/// </summary>
public sealed record MarketSpec(
    string Ticker,
    string EventTicker,
    string Title,
    string YesSubTitle,
    string NoSubTitle,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    TickStructure? Ticks = null,
    MarketStrike? Strike = null);

/// <summary>A market's state. Mutated only by <see cref="SimExchange"/> under its lock.</summary>
public sealed class SimMarket
{
    internal SimMarket(MarketSpec spec, SimSeries series, int exchangeIndex)
    {
        Spec = spec;
        Series = series;
        ExchangeIndex = exchangeIndex;
        Ticks = spec.Ticks ?? TickStructure.LinearCent;
        Book = new SimBook();
    }

    public MarketSpec Spec { get; }

    public string Ticker => Spec.Ticker;

    public SimSeries Series { get; }

    /// <summary>Its event's shard: all child markets of an event live on the same exchange instance.</summary>
    public int ExchangeIndex { get; }

    public TickStructure Ticks { get; }

    public MarketStatus Status { get; internal set; } = MarketStatus.Initialized;

    public DateTimeOffset CloseTime { get; internal set; }

    public MarketResult Result { get; internal set; }

    public DateTimeOffset? SettledAt { get; internal set; }

    public Price? LastPrice { get; internal set; }

    public Contracts Volume { get; internal set; }

    internal SimBook Book { get; }
}

/// <summary>How an order meets the book (Kalshi's V2 create request in domain terms).</summary>
public sealed record OrderSubmission(
    string Ticker,
    BookSide Side,
    Price YesPrice,
    Contracts Count,
    TimeInForce TimeInForce,
    string? ClientOrderId = null,
    bool PostOnly = false,
    bool ReduceOnly = false,
    SelfTradePrevention SelfTradePrevention = SelfTradePrevention.TakerAtCross,
    bool CancelOnPause = false,
    DateTimeOffset? Expiration = null,
    string? OrderGroupId = null);

public enum SelfTradePrevention
{
    /// <summary>The incoming order's remainder is cancelled when it would trade with its owner's resting order.</summary>
    TakerAtCross,

    /// <summary>The owner's resting order is cancelled and the incoming order goes on matching.</summary>
    Maker,
}

/// <summary>An order inside the simulator.</summary>
public sealed class SimOrder
{
    internal SimOrder(string id, string memberId, OrderSubmission submission, long sequence, DateTimeOffset created, int balanceDecimals)
    {
        Id = id;
        MemberId = memberId;
        Submission = submission;
        Sequence = sequence;
        Created = created;
        LastUpdate = created;
        YesPrice = submission.YesPrice;
        Initial = submission.Count;
        Remaining = submission.Count;
        ClientOrderId = submission.ClientOrderId ?? "";
        FeeAccumulator = new OrderFeeAccumulator(balanceDecimals);
    }

    public string Id { get; }

    public string MemberId { get; }

    public string ClientOrderId { get; internal set; }

    public OrderSubmission Submission { get; }

    public string Ticker => Submission.Ticker;

    /// <summary>The shard of its market, whose cash holds its collateral.</summary>
    public int ExchangeIndex { get; internal init; }

    /// <summary>Its owner's subaccount number.</summary>
    public int Subaccount { get; internal init; }

    public BookSide Side => Submission.Side;

    public Price YesPrice { get; internal set; }

    /// <summary>The order's total size: filled plus what still rests (amend changes it).</summary>
    public Contracts Initial { get; internal set; }

    public Contracts Filled { get; internal set; }

    public Contracts Remaining { get; internal set; }

    public OrderStatus Status { get; internal set; } = OrderStatus.Resting;

    public DateTimeOffset Created { get; }

    public DateTimeOffset LastUpdate { get; internal set; }

    public Money TakerFees { get; internal set; }

    public Money MakerFees { get; internal set; }

    public Money TakerFillCost { get; internal set; }

    public Money MakerFillCost { get; internal set; }

    /// <summary>Time priority within a price level; an amend that raises size or changes price takes a new one.</summary>
    internal long Sequence { get; set; }

    /// <summary>Collateral still held for what rests.</summary>
    internal Money Reserved { get; set; }

    internal OrderFeeAccumulator FeeAccumulator { get; }

    /// <summary>Price paid per contract of the exposure this order buys: the YES price for a bid, its complement for an ask.</summary>
    public Price SidePrice => Side.ToOutcomeSide().PriceOf(YesPrice);
}

/// <summary>One execution, from one member's side.</summary>
public sealed record SimFill(
    string FillId,
    string TradeId,
    string OrderId,
    string MemberId,
    string Ticker,
    BookSide Side,
    Price YesPrice,
    Contracts Count,
    bool IsTaker,
    Money Fee,
    DateTimeOffset Created,
    int ExchangeIndex = 0,
    int Subaccount = 0);

/// <summary>A public trade: what everyone sees.</summary>
public sealed record SimTrade(string TradeId, string Ticker, Contracts Count, Price YesPrice, BookSide TakerSide, DateTimeOffset Created);

/// <summary>A settled holding: $1 per winning contract.</summary>
public sealed record SimSettlement(
    string Ticker,
    string EventTicker,
    MarketResult Result,
    Contracts YesCount,
    Contracts NoCount,
    Money YesCost,
    Money NoCost,
    Money Revenue,
    DateTimeOffset SettledAt,
    int ExchangeIndex = 0);

/// <summary>A member's holding in one market: signed contracts (positive YES, negative NO) and what they cost.</summary>
public sealed class SimPosition(string ticker)
{
    public string Ticker { get; } = ticker;

    /// <summary>Hundredths of a contract; positive is YES, negative NO.</summary>
    public long SignedHundredths { get; internal set; }

    /// <summary>Cost basis of what is held now.</summary>
    public Money Cost { get; internal set; }

    public Money RealizedPnl { get; internal set; }

    public Money FeesPaid { get; internal set; }

    public Money TotalTraded { get; internal set; }

    public DateTimeOffset LastUpdated { get; internal set; }

    public OutcomeSide? Side => SignedHundredths > 0 ? OutcomeSide.Yes : SignedHundredths < 0 ? OutcomeSide.No : null;

    public Contracts Held => Contracts.FromHundredths(Math.Abs(SignedHundredths));

    public Contracts HeldOf(OutcomeSide side) => Side == side ? Held : Contracts.Zero;
}

/// <summary>
/// One subaccount of a member of the simulated exchange: cash and the collateral held by resting orders, both per
/// exchange shard (Kalshi checks collateral inside each shard's matching engine), positions, and its history. The
/// primary subaccount (0) is known by the member's id; numbered ones by <see cref="IdOf"/>. Market makers have no
/// cash limit.
/// </summary>
public sealed class SimAccount(string memberId, Money cash, int balanceDecimals, bool unlimited)
{
    private readonly SortedDictionary<int, Money> _cash = new() { [ExchangeShards.Default] = cash };
    private readonly Dictionary<int, Money> _reserved = [];

    /// <summary>The engine's id of the account: the member's own id for subaccount 0.</summary>
    public string MemberId { get; } = memberId;

    /// <summary>The member (API key holder) the subaccount belongs to.</summary>
    public string Owner { get; init; } = memberId;

    /// <summary>0 for the primary subaccount, 1 to 63 for numbered ones.</summary>
    public int Subaccount { get; init; }

    /// <summary>Cash on every shard together.</summary>
    public Money Cash => _cash.Values.Aggregate(Money.Zero, (sum, m) => sum + m);

    public Money Reserved => _reserved.Values.Aggregate(Money.Zero, (sum, m) => sum + m);

    /// <summary>What the member can commit now, on every shard together.</summary>
    public Money Available => Cash - Reserved;

    /// <summary>Shards that hold cash or collateral, in order; shard 0 always.</summary>
    public IEnumerable<int> Shards => _cash.Keys.Union(_reserved.Keys).Order();

    public Money CashOn(int exchangeIndex) => _cash.GetValueOrDefault(exchangeIndex);

    public Money ReservedOn(int exchangeIndex) => _reserved.GetValueOrDefault(exchangeIndex);

    /// <summary>What an order on that shard can commit: only that shard's cash counts.</summary>
    public Money AvailableOn(int exchangeIndex) => CashOn(exchangeIndex) - ReservedOn(exchangeIndex);

    /// <summary>The engine's account id of a member's subaccount.</summary>
    public static string IdOf(string memberId, int subaccount) => subaccount == 0 ? memberId : $"{memberId}#{subaccount}";

    internal void Credit(int exchangeIndex, Money amount) => _cash[exchangeIndex] = CashOn(exchangeIndex) + amount;

    internal void Reserve(int exchangeIndex, Money amount) => _reserved[exchangeIndex] = ReservedOn(exchangeIndex) + amount;

    /// <summary>2 ($0.01) for an ordinary member, 4 for a direct member (fee_rounding.md).</summary>
    public int BalanceDecimals { get; } = balanceDecimals;

    public bool Unlimited { get; } = unlimited;

    /// <summary>Read views for tests and the HTTP front; the engine alone changes them, under its lock.</summary>
    public IReadOnlyList<SimOrder> OrderHistory => Orders;

    public IReadOnlyList<SimFill> FillHistory => Fills;

    public IReadOnlyList<SimSettlement> SettlementHistory => Settlements;

    public IReadOnlyDictionary<string, SimPosition> PositionsByTicker => Positions;

    internal Dictionary<string, SimPosition> Positions { get; } = new(StringComparer.Ordinal);

    internal List<SimOrder> Orders { get; } = [];

    /// <summary>Every client_order_id this member has used: Kalshi refuses a reuse with 409, forever.</summary>
    internal HashSet<string> ClientOrderIds { get; } = new(StringComparer.Ordinal);

    internal List<SimFill> Fills { get; } = [];

    internal List<SimSettlement> Settlements { get; } = [];

    internal SimPosition PositionIn(string ticker)
    {
        if (!Positions.TryGetValue(ticker, out var position))
            Positions[ticker] = position = new SimPosition(ticker);
        return position;
    }
}

/// <summary>Why the engine refused a request: Kalshi-like code and message, and the HTTP status it maps to.</summary>
public sealed record SimRejection(int HttpStatus, string Code, string Message);

/// <summary>An engine answer: the value or the rejection.</summary>
public readonly record struct SimResult<T>(T? Value, SimRejection? Rejection)
{
    public bool Success => Rejection is null;

    public static implicit operator SimResult<T>(SimRejection rejection) => new(default, rejection);

    public static SimResult<T> Ok(T value) => new(value, null);
}
