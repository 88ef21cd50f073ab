using System.Text.Json;
using Microsoft.Extensions.Logging;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Wire;

namespace TradingBot.Kalshi.Adapter;

/// <summary>Exchange, series, market and order-book replies in Core's terms.</summary>
internal static class MarketMapping
{
    public static ExchangeStatus ToStatus(ExchangeStatusWire wire) => new(wire.ExchangeActive, wire.TradingActive);

    public static SeriesInfo ToSeries(SeriesWire wire) =>
        new(wire.Ticker, wire.Title ?? "", wire.Category ?? "", new FeeSchedule(ToFeeType(wire.FeeType), ToMultiplier(wire.FeeMultiplier)));

    public static SeriesFeeChange ToFeeChange(SeriesFeeChangeWire wire) =>
        new(wire.SeriesTicker, wire.ScheduledTs, new FeeSchedule(ToFeeType(wire.FeeType), ToMultiplier(wire.FeeMultiplier)));

    public static EventFeeChange ToFeeChange(EventFeeChangeWire wire) =>
        new(WireReader.Event(wire.EventTicker, $"event fee change {wire.Id} event_ticker"), wire.SeriesTicker, wire.ScheduledTs,
            ToOverride(wire.FeeTypeOverride, wire.FeeMultiplierOverride));

    /// <summary>An event's override; a fee type this build does not know is kept as <see cref="FeeType.Unknown"/>, so the event is not priced.</summary>
    public static FeeOverride ToOverride(string? feeType, double? multiplier) =>
        new(feeType is null ? null : ToFeeType(feeType), multiplier is { } m ? ToMultiplier(m) : null);

    /// <summary>
    /// fee_multiplier is a JSON number (double on the wire); through its shortest decimal text it becomes exact, or
    /// −1, which no schedule prices, when no decimal holds it (not finite, too large, or too small to be anything but 0).
    /// </summary>
    private static decimal ToMultiplier(double multiplier)
    {
        if (!double.IsFinite(multiplier) || Math.Abs(multiplier) > 1e15)
            return -1m;
        var exact = decimal.Parse(multiplier.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        return exact == 0m && multiplier != 0d ? -1m : exact;
    }

    public static FeeType ToFeeType(string? text) => text switch
    {
        "quadratic" => FeeType.Quadratic,
        "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
        "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
        "flat" => FeeType.Flat,
        _ => FeeType.Unknown,
    };

    public static MarketStatus ToMarketStatus(string? text) => text switch
    {
        "initialized" => MarketStatus.Initialized,
        "inactive" => MarketStatus.Inactive,
        "active" => MarketStatus.Active,
        "closed" => MarketStatus.Closed,
        "determined" => MarketStatus.Determined,
        "disputed" => MarketStatus.Disputed,
        "amended" => MarketStatus.Amended,
        "finalized" => MarketStatus.Finalized,
        _ => MarketStatus.Unknown,
    };

    /// <param name="observedAt">When the reply arrived: the top of book is as of then.</param>
    public static MarketInfo ToMarket(MarketWire wire, DateTimeOffset observedAt)
    {
        var what = $"market {wire.Ticker}";
        var ticker = WireReader.Ticker(wire.Ticker, what);
        // The NO bid's size is the YES ask's: they are the same resting orders seen from either side.
        var yesBid = Level(wire.YesBidDollars, wire.YesBidSizeFp, $"{what} yes_bid");
        var noBid = Level(wire.NoBidDollars, wire.YesAskSizeFp, $"{what} no_bid");
        return new MarketInfo(
            ticker,
            WireReader.Event(wire.EventTicker, $"{what} event_ticker"),
            ToMarketStatus(wire.Status),
            wire.OpenTime,
            wire.CloseTime,
            wire.YesSubTitle ?? "",
            new Quote(yesBid, noBid, observedAt),
            ToTicks(wire.PriceRanges, what),
            WireReader.Result(wire.Result),
            // Markets listed before sharding carry none and live on the default shard; none is ever moved (exchange_sharding.md).
            wire.ExchangeIndex is not { } index ? 0
                : index >= 0 ? index : throw new WireContractException($"{what}: exchange_index {index} is not a shard"),
            wire.FeeWaiverExpirationTime,
            ToStrike(wire, what));
    }

    /// <summary>
    /// What the market pays on, as Kalshi states it; none without a <c>strike_type</c>. Strikes decide money, so a
    /// strike that is not a number fails the read like a bad price; a custom strike keeps its string values only
    /// (Kalshi sends ids and ticker lists there; anything else is not a fact the bot can use).
    /// </summary>
    private static MarketStrike? ToStrike(MarketWire wire, string what)
    {
        var floor = WireReader.Strike(wire.FloorStrike, $"{what} floor_strike");
        var cap = WireReader.Strike(wire.CapStrike, $"{what} cap_strike");
        var custom = wire.CustomStrike switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.Object } values => values.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            { } other => throw new WireContractException($"{what} custom_strike: a {other.ValueKind} is not an object of values"),
        };
        return string.IsNullOrEmpty(wire.StrikeType) ? null : new MarketStrike(wire.StrikeType, floor, cap, custom);
    }

    public static TickStructure ToTicks(IReadOnlyList<PriceRangeWire>? ranges, string what)
    {
        if (ranges is null || ranges.Count == 0)
            return TickStructure.LinearCent;
        var bands = ranges.Select(r => new PriceBand(
            WireReader.Price(r.Start, $"{what} price_ranges.start"),
            WireReader.Price(r.End, $"{what} price_ranges.end"),
            Fixed.TryParse(r.Step, out var step) ? step : throw new WireContractException($"{what} price_ranges.step: '{r.Step}' is not a number")));
        return TickStructure.TryCreate(bands, out var ticks, out var error) ? ticks : throw new WireContractException($"{what} price_ranges: {error}");
    }

    /// <summary>
    /// The book's bids per side. A level that is not a price strictly between 0 and 1 with a positive size (a
    /// negative, zero or absurd one, as another client has seen) is dropped and named to <paramref name="log"/>: never
    /// traded against, and never the reason the rest of the book is lost.
    /// </summary>
    public static OrderBook ToOrderBook(string ticker, OrderBookWire wire, DateTimeOffset observedAt, ILogger log)
    {
        var what = $"order book {ticker}";
        var dropped = new List<string>();
        var book = new OrderBook(WireReader.Ticker(ticker, what), Levels(wire.YesDollars, "yes", dropped), Levels(wire.NoDollars, "no", dropped), observedAt);
        if (dropped.Count > 0)
            log.DroppedBookLevels(ticker, dropped.Count, string.Join("; ", dropped));
        return book;
    }

    /// <summary>Best (highest) bid first, whatever order the reply used.</summary>
    private static IReadOnlyList<BookLevel> Levels(IReadOnlyList<IReadOnlyList<string>> levels, string side, List<string> dropped)
    {
        var read = new List<BookLevel>(levels.Count);
        foreach (var level in levels)
        {
            if (level.Count == 2 && Price.TryParse(level[0], out var price) && price.IsTradable && Contracts.TryParse(level[1], out var size) && !size.IsZero)
                read.Add(new BookLevel(price, size));
            else
                dropped.Add($"{side} [{string.Join(", ", level.Select(value => $"\"{value}\""))}]");
        }

        return read.OrderByDescending(level => level.Price).ToList();
    }

    /// <summary>A top-of-book level; a zero or absent price is "no level", but a malformed price or size is an error.</summary>
    private static BookLevel Level(string? price, string? size, string what)
    {
        if (WireReader.OptionalPrice(price, what) is not { IsTradable: true } p)
            return BookLevel.None;
        return string.IsNullOrEmpty(size) ? BookLevel.None : new BookLevel(p, WireReader.Count(size, $"{what} size"));
    }
}
