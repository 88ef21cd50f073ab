using System.Globalization;
using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Kalshi.Adapter;

/// <summary>A reply broke the contract in a way JSON alone could not catch (a price of "1.5", a negative count).</summary>
internal sealed class WireContractException(string message) : Exception(message);

/// <summary>
/// Reads Kalshi's strings into Core's value types at the edge, failing loudly: one bad value makes the whole reply
/// unreadable rather than letting a bogus price reach a decision. Thrown only inside the adapter and turned into
/// an <see cref="ExchangeErrorKind.Unreadable"/> result there.
/// </summary>
internal static class WireReader
{
    /// <summary>
    /// A strike (<c>floor_strike</c>, <c>cap_strike</c>): the JSON number's own text as an exact decimal (1.5 is 1.5,
    /// never a double's 1.4999…), or the same number as a string ("13.1", seen in April 2026); absent or null is none.
    /// </summary>
    public static decimal? Strike(JsonElement? value, string what) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var exact) => exact,
        { ValueKind: JsonValueKind.String } text when decimal.TryParse(text.GetString(), StrikeNumber, CultureInfo.InvariantCulture, out var exact) => exact,
        { } other => throw new WireContractException($"{what}: {Shorten(other.GetRawText())} is not a number"),
    };

    private const NumberStyles StrikeNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static Price Price(string? text, string what) =>
        Core.Values.Price.TryParse(text, out var price) ? price : throw Bad(what, text, "a price between 0 and 1");

    /// <summary>An absent or zero price means "no level" on Kalshi's top-of-book fields.</summary>
    public static Price? OptionalPrice(string? text, string what) =>
        string.IsNullOrEmpty(text) ? null : Price(text, what) is { Units: > 0 } price ? price : null;

    public static Contracts Count(string? text, string what) =>
        Contracts.TryParse(text, out var count) ? count : throw Bad(what, text, "a contract count");

    public static Money Money(string? text, string what) =>
        Core.Values.Money.TryParse(text, out var money) ? money : throw Bad(what, text, "a dollar amount");

    public static MarketTicker Ticker(string? text, string what) =>
        MarketTicker.TryParse(text, out var ticker) ? ticker : throw new WireContractException($"{what}: '{text}' is not a market ticker");

    public static EventTicker Event(string? text, string what) =>
        EventTicker.TryParse(text, out var ticker) ? ticker : throw new WireContractException($"{what}: '{text}' is not an event ticker");

    public static OutcomeSide Outcome(string? text, string what) => text switch
    {
        "yes" => OutcomeSide.Yes,
        "no" => OutcomeSide.No,
        _ => throw new WireContractException($"{what}: '{text}' is not yes or no"),
    };

    public static BookSide Book(string? text, string what) => text switch
    {
        "bid" => BookSide.Bid,
        "ask" => BookSide.Ask,
        _ => throw new WireContractException($"{what}: '{text}' is not bid or ask"),
    };

    public static MarketResult Result(string? text) => text switch
    {
        "yes" => MarketResult.Yes,
        "no" => MarketResult.No,
        "scalar" => MarketResult.Scalar,
        _ => MarketResult.None,
    };

    /// <summary>Names the value, or says the reply left it out (as replies from before the fixed-point format do).</summary>
    private static WireContractException Bad(string what, string? text, string expected) =>
        new(text is null ? $"{what}: missing (expected {expected})" : $"{what}: '{text}' is not {expected}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Maps a successful reply with <paramref name="map"/>; a contract breach becomes an Unreadable error naming the value.</summary>
    public static ExchangeResult<TOut> Map<TIn, TOut>(ExchangeResult<TIn> reply, Func<TIn, TOut> map)
    {
        if (!reply.Success)
            return reply.Error;
        try
        {
            return ExchangeResult<TOut>.Ok(map(reply.Value));
        }
        catch (WireContractException ex)
        {
            return new ExchangeError(ExchangeErrorKind.Unreadable, ex.Message);
        }
    }
}
