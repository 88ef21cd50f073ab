using System.Globalization;
using System.Net;
using System.Text;

namespace TradingBot.Dashboard;

/// <summary>
/// The page at <c>/</c>, rendered on the server from the same reads as the API: a status banner, positions, today's
/// P&amp;L and the equity chart (inline SVG), recent orders, fills, decisions and risk events, and the control
/// buttons. Nothing is fetched from elsewhere; a few lines of inline script send the controls with the token the
/// operator typed (kept for the browser tab only) and reload the page every <see cref="RefreshSeconds"/> seconds.
/// </summary>
internal static class Page
{
    public const int RefreshSeconds = 10;
    public const int ChartDays = 30;

    /// <returns>The page, and false when the database could not be read (the page then says so, with status 503).</returns>
    public static async Task<(string Html, bool StoreReadable)> RenderAsync(DashboardData data, CancellationToken ct)
    {
        var html = new StringBuilder(32 * 1024);
        Head(html);
        var problems = await data.ProblemsAsync(ct);
        try
        {
            var status = await data.StatusAsync(ct);
            var positions = await data.PositionsAsync(ct);
            var pnl = await data.PnlAsync(ChartDays, ct);
            var orders = await data.OrdersAsync(20, ct);
            var fills = await data.FillsAsync(20, ct);
            var decisions = await data.DecisionsAsync(30, ct);
            var events = await data.RiskEventsAsync(20, ct);
            Banner(html, status, problems);
            Controls(html, data.Settings);
            Pnl(html, pnl, positions);
            Positions(html, positions);
            Table(html, "orders", "Recent orders", ["created", "ticker", "side", "kind", "price (yes)", "count", "filled", "status", "reason / error"],
                orders.Select(o => new[] { o.CreatedAt, o.Ticker, o.Side, o.Kind, o.YesPrice, o.Count, o.Filled, o.Status, o.LastError ?? o.Reason }));
            Table(html, "fills", "Fills", ["at", "ticker", "side", "price (yes)", "count", "fee", "liquidity"],
                fills.Select(f => new[] { f.At, f.Ticker, f.Side, f.YesPrice, f.Count, f.Fee, f.Taker ? "taker" : "maker" }));
            Table(html, "decisions", "Decisions (why it trades or not)", ["at", "ticker", "outcome", "code", "side", "price", "count", "model", "edge", "detail"],
                decisions.Select(d => new[] { d.At, d.Ticker, d.Outcome, d.Code, d.Side ?? "", d.Price ?? "", d.Count, d.ModelProbability ?? "", d.Edge, d.Detail }));
            Table(html, "risk-events", "Risk events and commands", ["at", "type", "kind", "message", "by"],
                events.Select(e => new[] { e.At, e.Type, e.Kind, e.Message, e.IssuedBy ?? (e.Delivered == false ? "not delivered" : "") }));
            Foot(html, data);
            return (html.ToString(), true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            html.Append("<section class=\"banner bad\" id=\"banner\"><h1>Database unreachable</h1><p>")
                .Append(E(ex.Message)).Append("</p></section>");
            Foot(html, data);
            return (html.ToString(), false);
        }
    }

    private static void Head(StringBuilder html) => html.Append(CultureInfo.InvariantCulture, $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>TradingBot</title>
        <noscript><meta http-equiv="refresh" content="{{RefreshSeconds}}"></noscript>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;padding:.5rem;color:#222;background:#fff}
        h1{font-size:1.2rem;margin:.2rem 0}h2{font-size:1rem;margin:1rem 0 .3rem}
        .banner{padding:.5rem .8rem;border-radius:6px;background:#e8f5e9;border:1px solid #a5d6a7}
        .banner.warn{background:#fff8e1;border-color:#ffe082}.banner.bad{background:#ffebee;border-color:#ef9a9a}
        .banner ul{margin:.2rem 0;padding-left:1.2rem}
        .wrap{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem;min-width:100%}
        th,td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;white-space:nowrap}
        td.long{white-space:normal;min-width:12rem}.neg{color:#c62828}.pos{color:#2e7d32}
        svg{width:100%;max-width:640px;height:auto}
        form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}input{padding:.3rem;font-size:.9rem}
        button{padding:.4rem .8rem;font-size:.9rem}#control-result{font-size:.85rem}
        .muted{color:#777;font-size:.8rem}
        </style></head><body>

        """);

    private static void Banner(StringBuilder html, StatusDto? status, IReadOnlyList<string> problems)
    {
        var tone = problems.Count > 0 ? "bad" : status?.State == "Active" ? "" : "warn";
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"banner {tone}\" id=\"banner\">");
        if (status is null)
            html.Append("<h1>No worker has written its status to this database yet</h1>");
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<h1 id=\"state\">{E(status.Mode)}: {E(status.State)}{(status.Flattening ? " (flattening)" : "")}</h1>");
            html.Append(CultureInfo.InvariantCulture, $"<div>Worker {(status.WorkerRunning ? "running" : "<b>not running</b>")}: heartbeat {status.HeartbeatAgeSeconds.ToString("0", CultureInfo.InvariantCulture)} s ago, version {E(status.Version)}, started {E(status.StartedAt)}</div>");
            html.Append(CultureInfo.InvariantCulture, $"<div>Breaker: {(status.BreakerTripped ? "<b>tripped</b>" : "armed")}, realised today {Signed(status.RealisedToday)} against a daily loss limit of {E(status.DailyLossLimit)}</div>");
            html.Append(CultureInfo.InvariantCulture, $"<div>Safe mode: {(status.SafeModeReason is { } reason ? $"<b>on</b> since {E(status.SafeModeSince ?? "")}: {E(reason)}" : "off")}</div>");
            html.Append(CultureInfo.InvariantCulture, $"<div>Exchange {(status.ExchangeActive ? status.ExchangeTradingActive ? "trading" : "paused" : "in maintenance")}; last scan {E(status.LastScanAt ?? "never")}, {status.MarketsTracked} markets tracked; balance {E(status.Balance ?? "unknown")}; {status.OpenOrders} open orders</div>");
            if (status.Reasons.Count > 0)
                html.Append("<ul>").AppendJoin("", status.Reasons.Select(r => $"<li>{E(r)}</li>")).Append("</ul>");
            foreach (var command in status.PendingCommands)
                html.Append(CultureInfo.InvariantCulture, $"<div>Pending: #{command.Id} {E(command.Kind)} from {E(command.IssuedBy)} ({E(command.Reason)})</div>");
        }

        if (problems.Count > 0)
            html.Append("<div><b>Unhealthy:</b><ul>").AppendJoin("", problems.Select(p => $"<li>{E(p)}</li>")).Append("</ul></div>");
        html.Append("</section>\n");
    }

    private static void Controls(StringBuilder html, DashboardSettings settings)
    {
        html.Append("<h2>Control</h2>");
        if (!settings.HasToken)
        {
            html.Append("<p class=\"muted\" id=\"controls-disabled\">Control is disabled: no token is configured (Dashboard:ControlTokenPath or the systemd credential dashboard-token). Use <code>tradingbot halt</code> from a shell.</p>");
            return;
        }

        // The token stays in this tab's sessionStorage; it goes out only as a bearer header to this page's own API.
        html.Append("""
            <form id="controls" onsubmit="return false">
            <input id="token" type="password" placeholder="control token" autocomplete="off">
            <input id="reason" type="text" placeholder="reason" maxlength="500">
            <button type="button" data-action="halt">Halt</button>
            <button type="button" data-action="resume">Resume</button>
            <button type="button" data-action="flatten">Flatten</button>
            <span id="control-result"></span>
            </form>
            <script>
            (function(){var t=document.getElementById('token'),r=document.getElementById('reason'),out=document.getElementById('control-result');
            t.value=sessionStorage.getItem('tb-token')||'';
            document.querySelectorAll('#controls button').forEach(function(b){b.onclick=function(){
            var a=b.dataset.action;if(!t.value){out.textContent='enter the token first';return;}
            if(a!=='resume'&&!confirm(a+' the bot?'))return;sessionStorage.setItem('tb-token',t.value);
            fetch('api/control/'+a,{method:'POST',headers:{'Authorization':'Bearer '+t.value,'Content-Type':'application/json'},body:JSON.stringify({reason:r.value||null})})
            .then(function(x){return x.json().then(function(j){out.textContent=x.status===202?a+' sent as command #'+j.id+'; the worker carries it out within seconds':(j.title+': '+j.detail);});})
            .catch(function(e){out.textContent='failed: '+e;});};});})();
            </script>

            """);
    }

    private static void Pnl(StringBuilder html, PnlDto pnl, IReadOnlyList<PositionDto> positions)
    {
        var today = pnl.Days[^1];
        var unrealised = positions.Where(p => p.Unrealised is not null).Sum(p => decimal.Parse(p.Unrealised!, CultureInfo.InvariantCulture));
        var unmarked = positions.Count(p => p.Unrealised is null);
        html.Append(CultureInfo.InvariantCulture, $"<h2>P&amp;L</h2><div id=\"pnl-today\">Today ({E(today.Day)}, {E(pnl.TradingDayTimeZone)}): realised {Signed(today.Realised)}; unrealised {Signed(unrealised.ToString("0.0000", CultureInfo.InvariantCulture))}{(unmarked > 0 ? $" ({unmarked} position(s) without a bid to mark at)" : "")}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"muted\">Cumulative realised P&amp;L over the last {pnl.Days.Count} trading days: {Signed(pnl.Total)}</div>");
        html.Append("<div class=\"wrap\">").Append(EquityChart.Svg(pnl.Days)).Append("</div>\n");
    }

    private static void Positions(StringBuilder html, IReadOnlyList<PositionDto> positions) =>
        Table(html, "positions", "Positions", ["ticker", "side", "count", "cost", "fees", "mark (bid)", "unrealised"],
            positions.Select(p => new[] { p.Ticker, p.Side, p.Count, p.Cost, p.Fees, p.Mark ?? "no bid", p.Unrealised ?? "" }));

    private static void Table(StringBuilder html, string id, string title, string[] headers, IEnumerable<string[]> rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2><div class=\"wrap\"><table id=\"{id}\"><thead><tr>");
        foreach (var header in headers)
            html.Append("<th>").Append(E(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
                html.Append(i == row.Length - 1 && row[i].Length > 24 ? "<td class=\"long\">" : "<td>").Append(E(row[i])).Append("</td>");
            html.Append("</tr>");
        }

        if (!any)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{headers.Length}\" class=\"muted\">none</td></tr>");
        html.Append("</tbody></table></div>\n");
    }

    private static void Foot(StringBuilder html, DashboardData data) => html.Append(CultureInfo.InvariantCulture, $$"""
        <p class="muted">{{E(data.Settings.DatabaseDescription)}} · rendered {{E(Wire.Time(data.Now))}} · refreshes every {{RefreshSeconds}} s · JSON: <a href="api/status">status</a>, <a href="healthz">healthz</a></p>
        <script>setInterval(function(){var a=document.activeElement;if(!a||a.tagName!=='INPUT')location.reload();},{{RefreshSeconds * 1000}});</script>
        </body></html>

        """);

    private static string Signed(string dollars) =>
        $"<span class=\"{(dollars.StartsWith('-') ? "neg" : "pos")}\">{E(dollars)}</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
