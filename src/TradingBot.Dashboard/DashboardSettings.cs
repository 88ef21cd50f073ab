namespace TradingBot.Dashboard;

/// <summary>
/// What the dashboard needs from the operator's settings, already checked by the host: where it listens, the control
/// token (null: no control), and the worker's rhythm, from which it judges whether the worker is alive.
/// </summary>
/// <param name="Urls">Listen addresses (Dashboard:Urls).</param>
/// <param name="ControlToken">The bearer token read from its file; null or empty when none is configured.</param>
/// <param name="HeartbeatFreshFor">A heartbeat older than this means no worker is running (3 × ControlsRefreshInterval + 5 s).</param>
/// <param name="ScanExpectedWithin">A last scan older than this is overdue (2 × Scanner:IdleInterval + 1 min).</param>
/// <param name="TradingDayZone">Risk:TradingDayTimeZone: the trading day of P&amp;L.</param>
/// <param name="DatabaseDescription">Where the store is, for the page (no secret).</param>
public sealed record DashboardSettings(
    IReadOnlyList<string> Urls,
    string? ControlToken,
    TimeSpan HeartbeatFreshFor,
    TimeSpan ScanExpectedWithin,
    TimeZoneInfo TradingDayZone,
    string DatabaseDescription)
{
    public bool HasToken => !string.IsNullOrEmpty(ControlToken);

    /// <summary>Listening beyond loopback: every route then needs the token, and the log warns at start.</summary>
    public bool BeyondLoopback => Urls.Any(url => !IsLoopback(url));

    /// <summary>127.0.0.0/8, ::1 and localhost are loopback; anything else (0.0.0.0, *, +, a name, a LAN address) is not.</summary>
    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards are not valid URI hosts: read the host by hand.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']', StringComparison.Ordinal))]
            : rest.Split(':', '/')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address);
    }
}
