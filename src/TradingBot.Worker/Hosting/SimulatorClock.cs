using System.Globalization;
using System.Text.Json;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Worker.Hosting;

/// <summary>
/// A bot in Paper mode pointed at a simulator it did not start (Kalshi:BaseUrl) must trade on that simulator's
/// clock: the simulator runs its games, market windows and DEMO feed stamps on a clock that may run 60 times faster
/// than the wall, and on the wall clock the bot would see every forecast "from the future" within a minute and every
/// game far later than it is. The simulator tells its time, speed and whether it is frozen at GET /sim/clock
/// (loopback, unsigned); the bot reads it once at start and runs a copy of that clock.
/// </summary>
internal static class SimulatorClock
{
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The clock of the simulator behind <paramref name="apiBaseUrl"/>, or the reason it cannot be read.</summary>
    public static async Task<(SimClock? Clock, string? Problem)> FollowAsync(Uri apiBaseUrl, CancellationToken cancellationToken)
    {
        var url = new Uri(apiBaseUrl, "/sim/clock");
        try
        {
            using var http = new HttpClient { Timeout = ReadTimeout };
            using var reply = await http.GetAsync(url, cancellationToken);
            if (!reply.IsSuccessStatusCode)
                return (null, $"GET {url} answered {(int)reply.StatusCode}");
            var text = await reply.Content.ReadAsStringAsync(cancellationToken);
            return Parse(text, url);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"GET {url} failed: {ex.Message}");
        }
    }

    internal static (SimClock? Clock, string? Problem) Parse(string json, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("market_time", out var time) || time.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
                || !root.TryGetProperty("speed", out var speedElement) || !speedElement.TryGetDouble(out var speed)
                || !double.IsFinite(speed) || speed <= 0 || speed > SimClock.MaxSpeed)
                return (null, $"GET {url} did not give a market_time and a speed (0 < speed <= {SimClock.MaxSpeed})");
            var frozen = root.TryGetProperty("frozen", out var frozenElement) && frozenElement.ValueKind == JsonValueKind.True;
            if (frozen)
                return (SimClock.Frozen(now), null);
            return (new SimClock(TimeProvider.System, now, speed), null);
        }
        catch (JsonException ex)
        {
            return (null, $"GET {url} is not JSON: {ex.Message}");
        }
    }
}
