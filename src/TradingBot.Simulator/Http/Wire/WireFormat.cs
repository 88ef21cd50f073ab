using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Http.Wire;

/// <summary>Kalshi's string forms: dollars with 4 decimals (6 when needed), counts with 2, times in UTC.</summary>
internal static class WireFormat
{
    public static string Dollars(Money amount) => amount.Dollars.ToString("0.0000##", CultureInfo.InvariantCulture);

    public static string Dollars(Price price) => price.ToString();

    /// <summary>A step of a price band ("0.0100").</summary>
    public static string Dollars(decimal step) => step.ToString("0.0000##", CultureInfo.InvariantCulture);

    public static string Count(Contracts count) => count.ToString();

    /// <summary>A signed count: positive YES, negative NO ("-10.00").</summary>
    public static string SignedCount(long hundredths) =>
        (hundredths < 0 ? "-" : "") + Contracts.FromHundredths(Math.Abs(hundredths)).ToString();

    /// <summary>Whole cents, rounded down: the integer fields Kalshi kept on balances and settlements.</summary>
    public static long Cents(Money amount) => (long)Math.Floor(amount.Micros / 10_000m);

    /// <summary>A UTC instant; System.Text.Json writes a UTC DateTime as ISO 8601 with a Z.</summary>
    public static DateTime Time(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTime? Time(DateTimeOffset? instant) => instant?.UtcDateTime;

    public static string Side(BookSide side) => side == BookSide.Bid ? "bid" : "ask";

    public static string Outcome(OutcomeSide side) => side == OutcomeSide.Yes ? "yes" : "no";

    public static string Outcome(BookSide side) => Outcome(side.ToOutcomeSide());

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Resting => "resting",
        OrderStatus.Canceled => "canceled",
        OrderStatus.Executed => "executed",
        _ => "pending",
    };

    public static string Status(MarketStatus status) => status.ToString().ToLowerInvariant();

    public static string Result(MarketResult result) => result switch
    {
        MarketResult.Yes => "yes",
        MarketResult.No => "no",
        MarketResult.Scalar => "scalar",
        _ => "",
    };


    public static string SelfTradePrevention(Engine.SelfTradePrevention prevention) =>
        prevention == Engine.SelfTradePrevention.Maker ? "maker" : "taker_at_cross";
}
