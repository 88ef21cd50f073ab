using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace TradingBot.Kalshi.Http;

/// <summary>
/// What the transport sees, as BCL instruments the worker exports: every attempt sent to Kalshi by endpoint, method
/// and status, and the rate limiter's waits (reads) and refusals (writes). The endpoint is the path as a template
/// (<c>markets/{ticker}/orderbook</c>), never a ticker or an order id, so the number of series stays bounded.
/// </summary>
public static class KalshiMetrics
{
    public const string MeterName = "TradingBot.Kalshi";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("tradingbot_api_requests_total",
        description: "Requests sent to the exchange's API, each attempt counted (retries too), by endpoint template, method and HTTP status (or timeout, transport_error, canceled, circuit_open)");

    private static readonly Counter<long> Waits = Meter.CreateCounter<long>("tradingbot_rate_limiter_waits_total",
        description: "Requests that waited for the client's rate-limit bucket");

    private static readonly Counter<double> WaitSeconds = Meter.CreateCounter<double>("tradingbot_rate_limiter_wait_seconds_total", unit: "s",
        description: "Time requests spent waiting for the client's rate-limit bucket");

    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("tradingbot_rate_limiter_refusals_total",
        description: "Order writes not sent because the client's write bucket was short (writes never wait)");

    /// <summary>The fixed words of the API's paths; any other segment is an identifier and becomes a placeholder.</summary>
    private static readonly FrozenSet<string> PathWords = FrozenSet.Create(StringComparer.Ordinal,
        "account", "amend", "balance", "batched", "create", "decrease", "events", "exchange", "fee_changes", "fills", "limit", "limits",
        "markets", "milestones", "order_groups", "orderbook", "orderbooks", "orders", "portfolio", "positions", "reset", "schedule",
        "series", "settlements", "status", "trades", "trigger");

    /// <summary>What an identifier after each collection is called in Kalshi's docs.</summary>
    private static readonly FrozenDictionary<string, string> Placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["markets"] = "{ticker}",
        ["events"] = "{event_ticker}",
        ["series"] = "{series_ticker}",
        ["milestones"] = "{milestone_id}",
        ["orders"] = "{order_id}",
        ["order_groups"] = "{order_group_id}",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The path (relative to the API's base, query ignored) as a template: <c>markets/KXNFLGAME-…/orderbook</c> becomes
    /// <c>markets/{ticker}/orderbook</c>. Only the words above survive, so an unforeseen path can add a series but
    /// never one per ticker.
    /// </summary>
    public static string Endpoint(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (PathWords.Contains(segments[i]))
                continue;
            segments[i] = i > 0 && Placeholders.TryGetValue(segments[i - 1], out var name) ? name : "{id}";
        }

        return string.Join('/', segments);
    }

    internal static void Request(string endpoint, HttpMethod method, string status) =>
        Requests.Add(1, new("endpoint", endpoint), new("method", method.Method), new("status", status));

    internal static void Request(string endpoint, HttpMethod method, int status) =>
        Request(endpoint, method, status.ToString(CultureInfo.InvariantCulture));

    internal static void Waited(string bucket, TimeSpan waited)
    {
        if (waited <= TimeSpan.Zero)
            return;
        var tag = new KeyValuePair<string, object?>("bucket", bucket);
        Waits.Add(1, tag);
        WaitSeconds.Add(waited.TotalSeconds, tag);
    }

    internal static void Refused(string bucket) => Refusals.Add(1, new KeyValuePair<string, object?>("bucket", bucket));
}
