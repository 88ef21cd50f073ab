using System.Globalization;
using System.Net;
using System.Text;

namespace TradingBot.Backtest.Report;

/// <summary>
/// The report as one self-contained HTML page (no script, no network): the figures, the breakdowns, and hand-written
/// SVG charts of realised equity, its drawdown, and the calibration of the model and of the market.
/// </summary>
internal static class ReportHtml
{
    private const int Width = 760;
    private const int Height = 220;
    private const int Pad = 40;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BacktestReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>TradingBot backtest</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
            .Append("th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd;margin:.5em 0}</style></head><body>\n")
            .Append("<h1>Backtest report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Replayed {Time(report.Start)} to {Time(report.End)}: {report.Counts.Records:N0} records, {report.Markets} markets. Realised figures; {report.OpenPositions} positions still open at the end are not in them.</p>\n");
        html.Append("<table><tr><th>figure</th><th>value</th></tr>\n");
        Row(html, "trades (filled entry orders)", report.Trades.Count.ToString(Invariant));
        Row(html, "pnl", Dollars(report.Pnl));
        Row(html, "fees", Dollars(report.Fees));
        Row(html, "capital (entry cost with fees)", Dollars(report.Capital));
        Row(html, "roi", Ratio(report.Roi));
        Row(html, "max drawdown", $"{Dollars(report.MaxDrawdown)} ({Ratio(report.MaxDrawdownFraction)})");
        Row(html, "win rate", $"{Ratio(report.WinRate)} ({report.MarketsWon} of {report.MarketsClosed} markets)");
        Row(html, "Brier, model", $"{Ratio(report.BrierModel)} over {report.Scored.Count} markets");
        Row(html, "Brier, market (mid of last quote before start)", Ratio(report.BrierMarket));
        Row(html, "closing-line value per contract", Ratio(report.Clv));
        html.Append("</table>\n");

        html.Append("<h2>Realised equity</h2>\n").Append(Line(report.Equity.Select(p => (p.At, p.Equity.Dollars)).ToList(), "#2a6"));
        html.Append("<h2>Drawdown</h2>\n").Append(Line(report.Equity.Select(p => (p.At, -p.Drawdown.Dollars)).ToList(), "#c33"));
        html.Append("<h2>Calibration</h2>\n<p>Markets in ten probability bins: the mean forecast against the share that settled YES. Green: the model; blue: the market.</p>\n")
            .Append(Calibration(report));

        Table(html, "By series", report.BySeries);
        Table(html, "By month", report.ByMonth);
        Table(html, "By edge at entry", report.ByEdge);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(name)}</td><td>{WebUtility.HtmlEncode(value)}</td></tr>\n");

    private static void Table(StringBuilder html, string title, IReadOnlyList<Breakdown> groups)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{title}</h2>\n<table><tr><th>group</th><th>trades</th><th>contracts</th><th>capital</th><th>fees</th><th>pnl</th><th>roi</th><th>markets won</th></tr>\n");
        foreach (var g in groups)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(g.Key)}</td><td>{g.Trades}</td><td>{g.Contracts}</td><td>{Dollars(g.Capital)}</td><td>{Dollars(g.Fees)}</td><td>{Dollars(g.Pnl)}</td><td>{Ratio(g.Roi)}</td><td>{g.MarketsWon} of {g.Markets}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>A step line over time; a flat line at zero when there is nothing to draw.</summary>
    private static string Line(IReadOnlyList<(DateTimeOffset At, decimal Value)> points, string colour)
    {
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        if (points.Count == 0)
            return svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{Height / 2}\">no realised P&amp;L</text></svg>\n").ToString();
        var t0 = points[0].At.ToUnixTimeSeconds();
        var t1 = Math.Max(points[^1].At.ToUnixTimeSeconds(), t0 + 1);
        var low = Math.Min(points.Min(p => p.Value), 0m);
        var high = Math.Max(points.Max(p => p.Value), low + 0.01m);
        if (points.All(p => p.Value > 0))
            low = points.Min(p => p.Value);
        double X(DateTimeOffset at) => Pad + ((double)(at.ToUnixTimeSeconds() - t0) / (t1 - t0) * (Width - (2 * Pad)));
        double Y(decimal v) => Height - Pad - ((double)((v - low) / (high - low)) * (Height - (2 * Pad)));
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
                path.Append(Invariant, $" L{X(points[i].At):0.0},{Y(points[i - 1].Value):0.0}");
            path.Append(Invariant, $"{(i == 0 ? "M" : " L")}{X(points[i].At):0.0},{Y(points[i].Value):0.0}");
        }

        svg.Append(Invariant, $"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
        svg.Append(Invariant, $"<text x=\"4\" y=\"{Pad - 8}\" font-size=\"11\">{high:0.00}</text><text x=\"4\" y=\"{Height - Pad + 14}\" font-size=\"11\">{low:0.00}</text>");
        svg.Append(Invariant, $"<text x=\"{Pad}\" y=\"{Height - 6}\" font-size=\"11\">{Time(points[0].At)}</text><text x=\"{Width - Pad - 130}\" y=\"{Height - 6}\" font-size=\"11\">{Time(points[^1].At)}</text>");
        return svg.Append("</svg>\n").ToString();
    }

    private static string Calibration(BacktestReport report)
    {
        const int size = 300;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\">");
        double P(decimal v) => 20 + ((double)v * (size - 40));
        svg.Append(Invariant, $"<line x1=\"{P(0):0.0}\" y1=\"{size - P(0):0.0}\" x2=\"{P(1):0.0}\" y2=\"{size - P(1):0.0}\" stroke=\"#999\" stroke-dasharray=\"4\"/>");
        foreach (var (of, colour) in new (Func<ScoredMarket, decimal>, string)[] { (s => s.Model.Value, "#2a6"), (s => s.Market.Value, "#36c") })
        {
            foreach (var bin in report.Scored.GroupBy(s => Math.Min(9, (int)(of(s) * 10))).OrderBy(g => g.Key))
            {
                var mean = bin.Average(of);
                var observed = (decimal)bin.Count(s => s.Outcome == 1) / bin.Count();
                var radius = 2 + Math.Min(8, Math.Sqrt(bin.Count()));
                svg.Append(Invariant, $"<circle cx=\"{P(mean):0.0}\" cy=\"{size - P(observed):0.0}\" r=\"{radius:0.0}\" fill=\"{colour}\" fill-opacity=\"0.6\"><title>{bin.Count()} markets</title></circle>");
            }
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Dollars(Core.Values.Money money) => ReportWriter.Dollars(money);

    private static string Ratio(decimal? value) => value?.ToString("0.000000", Invariant) ?? "n/a";

    private static string Time(DateTimeOffset? at) => at is { } t ? ReportWriter.Time(t) : "n/a";
}
