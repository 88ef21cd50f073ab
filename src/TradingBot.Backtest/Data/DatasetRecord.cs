using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Data;

public enum RecordKind : byte
{
    Market,
    Quote,
    Forecast,
    Settlement,

    /// <summary>A recording bot's decision pass ended here: a replay of a recording decides at these times.</summary>
    Pass,
}

/// <summary>How a market settled in the data: YES, NO, or void (every holding refunded at its cost).</summary>
public enum SettlementResult : byte
{
    Yes,
    No,
    Void,
}

/// <summary>
/// A market as the dataset lists it: its identity, its game, when it closes, its fees and (optional) what Kalshi's
/// listing would say besides: the yes subtitle, a spread's or total's strike, the competition, when it was listed, the
/// prices it accepts (<see cref="Ticks"/>; null is Kalshi's default, every cent), the exchange shard its game trades on.
/// </summary>
public sealed record MarketRecord(
    string Ticker,
    string EventTicker,
    string SeriesTicker,
    string Title,
    DateTimeOffset GameStart,
    DateTimeOffset CloseTime,
    FeeType FeeType,
    decimal FeeMultiplier,
    string YesSubTitle = "",
    DateTimeOffset? ListedAt = null,
    MarketStrike? Strike = null,
    string? Competition = null,
    TickStructure? Ticks = null,
    int ExchangeIndex = 0)
{
    /// <summary>The same market, whenever it was listed: a recording lists a market again in each day's file.</summary>
    public bool SameMarketAs(MarketRecord other) => this with { ListedAt = null, Ticks = null } == other with { ListedAt = null, Ticks = null }
        && (Ticks?.Bands ?? TickStructure.LinearCent.Bands).SequenceEqual(other.Ticks?.Bands ?? TickStructure.LinearCent.Bands);
}

/// <summary>
/// One line of the dataset, whatever its type: one flat value so millions of quotes stream without an allocation
/// each. <see cref="At"/> is the record's time (a market without <c>ts</c> is listed before everything else);
/// <see cref="Line"/> the line it came from, in the dataset's <see cref="File"/> (its place in
/// <see cref="DatasetReader.FilesOf"/>), for messages and for a stable order. A forecast's <see cref="AsOf"/> is
/// when its source stamped it, at or before <see cref="At"/> (when it could be known); null means the same time.
/// </summary>
public readonly record struct DatasetRecord(
    RecordKind Kind,
    DateTimeOffset At,
    string Ticker,
    long Line,
    Price YesBid = default,
    Contracts YesBidSize = default,
    Price YesAsk = default,
    Contracts YesAskSize = default,
    Probability PYes = default,
    string? Source = null,
    SettlementResult Result = SettlementResult.Yes,
    MarketRecord? Market = null,
    DateTimeOffset? AsOf = null,
    int File = 0);

/// <summary>A dataset that cannot be replayed as it is: which file, which line, and why.</summary>
public sealed class DatasetException(string message) : Exception(message);
