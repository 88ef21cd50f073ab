using System.Globalization;
using System.Text.Json;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Data;

/// <summary>
/// Writes dataset records as JSON Lines in exactly the form <see cref="DatasetReader"/> reads (README, "Dataset
/// format"): times ISO 8601 UTC, prices, sizes and probabilities as decimal strings like Kalshi's.
/// </summary>
public static class DatasetWriter
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = false };

    public static void WriteMarket(Stream output, MarketRecord market)
    {
        Line(output, json =>
        {
            json.WriteString("type", "market");
            if (market.ListedAt is { } listed)
                json.WriteString("ts", Time(listed));
            json.WriteString("ticker", market.Ticker);
            json.WriteString("event_ticker", market.EventTicker);
            json.WriteString("series_ticker", market.SeriesTicker);
            json.WriteString("title", market.Title);
            json.WriteString("game_start", Time(market.GameStart));
            json.WriteString("close_time", Time(market.CloseTime));
            json.WriteString("fee_type", FeeTypeText(market.FeeType));
            json.WriteString("fee_multiplier", market.FeeMultiplier.ToString(CultureInfo.InvariantCulture));
            if (market.YesSubTitle.Length > 0)
                json.WriteString("yes_sub_title", market.YesSubTitle);
            if (market.Strike is { } strike)
            {
                json.WriteString("strike_type", strike.Type);
                if (strike.Floor is { } floor)
                    json.WriteString("floor_strike", floor.ToString(CultureInfo.InvariantCulture));
                if (strike.Cap is { } cap)
                    json.WriteString("cap_strike", cap.ToString(CultureInfo.InvariantCulture));
            }

            if (market.Competition is { } competition)
                json.WriteString("competition", competition);
            if (market.ExchangeIndex != 0)
                json.WriteNumber("exchange_index", market.ExchangeIndex);
            // Every cent is the default: written only when the market ticks otherwise.
            if (market.Ticks is { } ticks && !ticks.Bands.SequenceEqual(TickStructure.LinearCent.Bands))
            {
                json.WriteStartArray("price_ranges");
                foreach (var band in ticks.Bands)
                {
                    json.WriteStartObject();
                    json.WriteString("start", band.Start.ToString());
                    json.WriteString("end", band.End.ToString());
                    json.WriteString("step", band.Step.ToString("0.0000", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
        });
    }

    public static void WriteQuote(Stream output, DateTimeOffset at, string ticker, Price yesBid, Contracts yesBidSize, Price yesAsk, Contracts yesAskSize) =>
        Line(output, json =>
        {
            json.WriteString("type", "quote");
            json.WriteString("ts", Time(at));
            json.WriteString("ticker", ticker);
            // A side with nothing on it is left out, as the reader takes it.
            if (!yesBidSize.IsZero)
            {
                json.WriteString("yes_bid", yesBid.ToString());
                json.WriteString("yes_bid_size", yesBidSize.ToString());
            }

            if (!yesAskSize.IsZero)
            {
                json.WriteString("yes_ask", yesAsk.ToString());
                json.WriteString("yes_ask_size", yesAskSize.ToString());
            }
        });

    /// <summary>A forecast known from <paramref name="at"/>; <paramref name="asOf"/>, when given, is the earlier time its source stamped on it.</summary>
    public static void WriteForecast(Stream output, DateTimeOffset at, string ticker, Probability yes, string source, DateTimeOffset? asOf = null) =>
        Line(output, json =>
        {
            json.WriteString("type", "forecast");
            json.WriteString("ts", Time(at));
            json.WriteString("ticker", ticker);
            json.WriteString("p_yes", yes.Value.ToString(CultureInfo.InvariantCulture));
            json.WriteString("source", source);
            if (asOf is { } stamped && stamped != at)
                json.WriteString("as_of", Time(stamped));
        });

    /// <summary>A recording bot's decision pass: a replay of the recording decides at this time.</summary>
    public static void WritePass(Stream output, DateTimeOffset at) =>
        Line(output, json =>
        {
            json.WriteString("type", "pass");
            json.WriteString("ts", Time(at));
        });

    public static void WriteSettlement(Stream output, DateTimeOffset at, string ticker, SettlementResult result) =>
        Line(output, json =>
        {
            json.WriteString("type", "settlement");
            json.WriteString("ts", Time(at));
            json.WriteString("ticker", ticker);
            json.WriteString("result", result switch { SettlementResult.Yes => "yes", SettlementResult.No => "no", _ => "void" });
        });

    public static string FeeTypeText(FeeType type) => type switch
    {
        FeeType.Quadratic => "quadratic",
        FeeType.QuadraticWithMakerFees => "quadratic_with_maker_fees",
        FeeType.QuadraticWithComboMakerFees => "quadratic_with_combo_maker_fees",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "the dataset format has no such fee type"),
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void Line(Stream output, Action<Utf8JsonWriter> write)
    {
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
