using System.Globalization;
using System.Net;
using System.Text;

namespace TradingBot.Dashboard;

/// <summary>
/// The equity chart as inline SVG, drawn here in a few lines rather than by a plotting library: cumulative realised
/// P&amp;L by trading day, a zero line, and the first, last, lowest and highest values labelled. No script, no fonts
/// or images fetched.
/// </summary>
internal static class EquityChart
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 28;

    public static string Svg(IReadOnlyList<PnlDayDto> days)
    {
        var values = days.Select(d => decimal.Parse(d.Cumulative, CultureInfo.InvariantCulture)).ToList();
        var low = Math.Min(0m, values.DefaultIfEmpty(0m).Min());
        var high = Math.Max(0m, values.DefaultIfEmpty(0m).Max());
        if (high == low)
            high = low + 1m;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (values.Count <= 1 ? plotWidth : (double)i * plotWidth / (values.Count - 1));
        double Y(decimal v) => Top + (double)((high - v) / (high - low)) * plotHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"pnl-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Cumulative realised P&amp;L by trading day\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(0m))}\" y2=\"{F(Y(0m))}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(high) + 4)}\" text-anchor=\"end\" font-size=\"11\">{Dollars(high)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(low) + 4)}\" text-anchor=\"end\" font-size=\"11\">{Dollars(low)}</text>");
        if (low < 0m && high > 0m)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(0m) + 4)}\" text-anchor=\"end\" font-size=\"11\">$0</text>");
        if (values.Count > 0)
        {
            var points = string.Join(' ', values.Select((v, i) => $"{F(X(i))},{F(Y(v))}"));
            var colour = values[^1] < 0m ? "#c62828" : "#2e7d32";
            svg.Append(CultureInfo.InvariantCulture, $"<polyline id=\"pnl-line\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>");
            for (var i = 0; i < values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(values[i]))}\" r=\"2.5\" fill=\"{colour}\"><title>{WebUtility.HtmlEncode(days[i].Day)}: {Dollars(values[i])} (day {WebUtility.HtmlEncode(days[i].Realised)})</title></circle>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">{WebUtility.HtmlEncode(days[0].Day)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"11\">{WebUtility.HtmlEncode(days[^1].Day)}: {Dollars(values[^1])}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Dollars(decimal value) => (value < 0 ? "-$" : "$") + Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture);
}
