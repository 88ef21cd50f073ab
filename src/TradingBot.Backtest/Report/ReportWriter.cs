using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingBot.Backtest.Report;

/// <summary>
/// Writes a report as <c>report.json</c>, <c>trades.csv</c>, <c>orders.csv</c>, <c>actions.csv</c> and <c>report.html</c>. Money is a decimal string with
/// at least four decimals, times ISO 8601 UTC, ratios decimal numbers rounded to six places; nothing depends on the
/// machine, the culture or the wall clock, so the same replay writes the same bytes.
/// </summary>
public static class ReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(BacktestReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "report.json"), Json(report));
        File.WriteAllText(Path.Combine(folder, "trades.csv"), Csv(report), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "orders.csv"), OrdersCsv(report), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "actions.csv"), ActionsCsv(report), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "report.html"), ReportHtml.Render(report), new UTF8Encoding(false));
    }

    public static string Dollars(Core.Values.Money money) => money.Dollars.ToString("0.0000##", Invariant);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant);

    /// <summary>To the tick, as the dataset writes times: an order or action lines up with the recorded pass it came from.</summary>
    private static string Precise(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", Invariant);

    public static byte[] Json(BacktestReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("starting_balance", Dollars(report.StartingBalance));
            WriteTime(json, "start", report.Start);
            WriteTime(json, "end", report.End);
            json.WriteNumber("trades", report.Trades.Count);
            json.WriteString("pnl", Dollars(report.Pnl));
            json.WriteString("fees", Dollars(report.Fees));
            json.WriteString("capital", Dollars(report.Capital));
            WriteRatio(json, "roi", report.Roi);
            json.WriteString("max_drawdown", Dollars(report.MaxDrawdown));
            WriteRatio(json, "max_drawdown_fraction", report.MaxDrawdownFraction);
            WriteRatio(json, "win_rate", report.WinRate);
            json.WriteNumber("markets_traded", report.MarketsTraded);
            json.WriteNumber("markets_closed", report.MarketsClosed);
            json.WriteNumber("markets_won", report.MarketsWon);
            WriteRatio(json, "brier_model", report.BrierModel);
            WriteRatio(json, "brier_market", report.BrierMarket);
            json.WriteNumber("brier_markets", report.Scored.Count);
            WriteRatio(json, "clv", report.Clv);
            json.WriteNumber("open_positions", report.OpenPositions);
            json.WriteNumber("markets", report.Markets);
            WriteBreakdowns(json, "by_series", report.BySeries);
            WriteBreakdowns(json, "by_month", report.ByMonth);
            WriteBreakdowns(json, "by_edge_bucket", report.ByEdge);
            json.WriteStartObject("alerts");
            foreach (var (kind, count) in report.Alerts)
                json.WriteNumber(kind, count);
            json.WriteEndObject();
            json.WriteStartObject("replay");
            json.WriteNumber("records", report.Counts.Records);
            json.WriteNumber("quotes_applied", report.Counts.QuotesApplied);
            json.WriteNumber("quotes_while_closed", report.Counts.QuotesWhileClosed);
            json.WriteNumber("records_after_settlement", report.Counts.AfterSettlement);
            json.WriteNumber("scans", report.Counts.Scans);
            json.WriteNumber("evaluations", report.Counts.Evaluations);
            json.WriteNumber("monitor_runs", report.Counts.MonitorRuns);
            json.WriteNumber("reconciliations", report.Counts.Reconciliations);
            json.WriteNumber("listings_changed", report.Counts.ListingsChanged);
            json.WriteNumber("listings_kept", report.Counts.ListingsKept);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Every order the bot sent, in the order it sent them: compare with a paper session's orders.</summary>
    public static string OrdersCsv(BacktestReport report)
    {
        var csv = new StringBuilder("client_order_id,at,ticker,kind,reason,action,side,price,count,time_in_force,filled,status\n");
        foreach (var o in report.Orders)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{o.ClientOrderId},{Precise(o.At)},{o.Ticker},{Lower(o.Kind)},{Lower(o.Reason)},{Lower(o.Action)},{Lower(o.Side)},")
                .Append(CultureInfo.InvariantCulture, $"{o.Price},{o.Count},{Lower(o.TimeInForce)},{o.Filled},{Lower(o.Status)}\n");
        }

        return csv.ToString();
    }

    /// <summary>Every action decided, in the order decided: compare with a paper session's decisions (outcomes queued, amend, cancel).</summary>
    public static string ActionsCsv(BacktestReport report)
    {
        var csv = new StringBuilder("at,from,ticker,decided,code,side,price,count,executed,executed_code\n");
        foreach (var a in report.Actions)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Precise(a.At)},{a.From},{a.Ticker},{a.Decided},{a.Code},{a.Side?.ToString().ToLowerInvariant()},{a.Price},{a.Count},{a.Executed},{a.ExecutedCode}\n");
        }

        return csv.ToString();
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string Csv(BacktestReport report)
    {
        var csv = new StringBuilder();
        csv.Append("client_order_id,at,ticker,series,event,side,count,avg_price,cost,fees,liquidity,model_p,edge,source,result,closing_mid,pnl\n");
        foreach (var t in report.Trades)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{t.ClientOrderId},{Time(t.At)},{t.Ticker},{t.Series},{t.Event},{t.Side.ToString().ToLowerInvariant()},{t.Count},{Dollars(t.AveragePrice)},")
                .Append(CultureInfo.InvariantCulture, $"{Dollars(t.Cost)},{Dollars(t.Fees)},{t.Liquidity},{t.Model.Value.ToString("0.000000", Invariant)},{Dollars(t.Edge)},{Quoted(t.Source)},{t.Result},")
                .Append(CultureInfo.InvariantCulture, $"{t.ClosingMid?.ToString() ?? ""},{Dollars(t.Pnl)}\n");
        }

        return csv.ToString();
    }

    private static string Quoted(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } t)
            json.WriteString(name, Time(t));
        else
            json.WriteNull(name);
    }

    private static void WriteRatio(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }

    private static void WriteBreakdowns(Utf8JsonWriter json, string name, IReadOnlyList<Breakdown> groups)
    {
        json.WriteStartArray(name);
        foreach (var g in groups)
        {
            json.WriteStartObject();
            json.WriteString("key", g.Key);
            json.WriteNumber("trades", g.Trades);
            json.WriteString("contracts", g.Contracts.ToString());
            json.WriteString("capital", Dollars(g.Capital));
            json.WriteString("fees", Dollars(g.Fees));
            json.WriteString("pnl", Dollars(g.Pnl));
            WriteRatio(json, "roi", g.Roi);
            json.WriteNumber("markets", g.Markets);
            json.WriteNumber("markets_won", g.MarketsWon);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
