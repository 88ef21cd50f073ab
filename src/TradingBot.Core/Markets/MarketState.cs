using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Core.Markets;

/// <summary>A market's lifecycle status as Kalshi reports it; <see cref="Unknown"/> for any value this build does not know.</summary>
public enum MarketStatus
{
    Unknown,
    Initialized,
    Inactive,
    Active,
    Closed,
    Determined,
    Disputed,
    Amended,
    Finalized,
}

/// <summary>The exchange as a whole: <c>exchange_active</c> is false during maintenance, <c>trading_active</c> during pauses.</summary>
public readonly record struct ExchangeStatus(bool ExchangeActive, bool TradingActive)
{
    public static readonly ExchangeStatus Open = new(true, true);
}

/// <summary>What the bot holds in one market: contracts of one side and what they cost, fees included.</summary>
public readonly record struct Holding(OutcomeSide Side, Contracts Count, Money EntryCost)
{
    public static readonly Holding None = default;

    public bool IsEmpty => Count.IsZero;
}

/// <summary>A model's probability that a market resolves YES, and when the model said so.</summary>
public readonly record struct Forecast
{
    public Forecast(decimal yesProbability, DateTimeOffset asOf)
        : this(Probability.FromValue(yesProbability), asOf)
    {
    }

    public Forecast(Probability yes, DateTimeOffset asOf)
    {
        Yes = yes;
        AsOf = asOf;
    }

    public Probability Yes { get; }

    public DateTimeOffset AsOf { get; }

    public Probability ProbabilityOf(OutcomeSide side) => side == OutcomeSide.Yes ? Yes : Yes.Complement;
}

/// <summary>
/// Everything about one market that a decision needs, as of one moment: identity, lifecycle, the game's start,
/// the book, the price grid, the fee schedule, and the bot's own capital in it and in its event (filled cost plus
/// resting and in-flight orders, fees included), whether an order in it is in doubt (sent, outcome not yet known),
/// whether an entry of the bot's works (rests) there, whether a stop-loss latched it, and whether its event is
/// mutually exclusive (one game, one position across its markets), and the exchange shard it trades on (whose
/// cash its orders spend).
/// </summary>
public readonly record struct MarketState(
    MarketTicker Ticker,
    EventTicker Event,
    MarketStatus Status,
    DateTimeOffset CloseTime,
    DateTimeOffset? GameStart,
    Quote Quote,
    TickStructure Ticks,
    FeeSchedule Fees,
    Money MarketExposure,
    Money EventExposure,
    Holding Holding,
    bool OrderInDoubt = false,
    bool EntryWorking = false,
    bool StopLossLatched = false,
    bool MutuallyExclusive = false,
    int ExchangeIndex = 0)
{
    /// <summary>Capital of the bot's in the event's other markets.</summary>
    public Money ElsewhereInEvent => EventExposure - MarketExposure;
}
