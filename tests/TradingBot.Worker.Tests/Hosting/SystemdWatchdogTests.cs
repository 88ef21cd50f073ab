using System.Collections;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Worker.Hosting;
using TradingBot.Worker.Trading;

namespace TradingBot.Worker.Tests.Hosting;

/// <summary>
/// The watchdog against a stand-in for systemd: a Unix datagram socket the test binds and names in NOTIFY_SOCKET.
/// The clock is fake; the test waits on the watchdog's checks, never on time.
/// </summary>
public sealed class SystemdWatchdogTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tradingbot-notify-");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));

    public SystemdWatchdogTests()
    {
        _systemd.Bind(new UnixDomainSocketEndPoint(SocketPath));
    }

    private string SocketPath => Path.Combine(_folder.FullName, "notify");

    [Fact]
    public async Task It_pings_while_the_loops_turn_even_on_an_idle_schedule_and_stops_when_one_is_wedged()
    {
        var liveness = new LoopLiveness(_time);
        using var watchdog = new SystemdWatchdog(liveness, _time, Environment(watchdogSec: 60), NullLogger<SystemdWatchdog>.Instance);
        await watchdog.StartAsync(default);
        await CheckedAsync(watchdog, 1);
        Assert.Equal(["WATCHDOG=1"], Received());

        // Nothing is open: the scanner waits ten minutes between scans and the evaluator has nothing to do. Alive.
        liveness.Beat(nameof(MarketScanner), TimeSpan.FromMinutes(10));
        liveness.Waiting(nameof(Evaluator));
        for (var check = 2; check <= 21; check++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await CheckedAsync(watchdog, check);
            Assert.Equal(["WATCHDOG=1"], Received());
        }

        // The scanner keeps turning, but the evaluator took a batch and never finished it.
        liveness.Beat(nameof(Evaluator), TimeSpan.Zero);
        var pings = 0;
        for (var check = 22; check <= 40; check++)
        {
            liveness.Beat(nameof(MarketScanner), TimeSpan.FromSeconds(15));
            _time.Advance(TimeSpan.FromSeconds(30));
            await CheckedAsync(watchdog, check);
            pings += Received().Count;
        }

        // Pings for the work allowance (3 minutes: 6 checks, the last exactly at its due time), then none.
        Assert.Equal(6, pings);
        Assert.Contains((nameof(Evaluator), TimeSpan.FromSeconds(390)), liveness.Overdue());

        // It finishes: pings resume.
        liveness.Waiting(nameof(Evaluator));
        _time.Advance(TimeSpan.FromSeconds(30));
        await CheckedAsync(watchdog, 41);
        Assert.Equal(["WATCHDOG=1"], Received());
        await watchdog.StopAsync(default);
    }

    [Theory]
    [InlineData(null, "60000000", null)]
    [InlineData("/run/systemd/notify", null, null)]
    [InlineData("/run/systemd/notify", "0", null)]
    [InlineData("/run/systemd/notify", "60000000", "1")]
    public void Without_a_watchdog_for_this_process_it_stays_off(string? socket, string? usec, string? pid)
    {
        Assert.Null(SystemdWatchdog.Interval(new Hashtable { ["NOTIFY_SOCKET"] = socket, ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid }));
        Assert.Equal(TimeSpan.FromSeconds(30), SystemdWatchdog.Interval(new Hashtable { ["NOTIFY_SOCKET"] = "/run/systemd/notify", ["WATCHDOG_USEC"] = "60000000" }));
    }

    public void Dispose()
    {
        _systemd.Dispose();
        _folder.Delete(recursive: true);
    }

    private Hashtable Environment(int watchdogSec) => new()
    {
        ["NOTIFY_SOCKET"] = SocketPath,
        ["WATCHDOG_USEC"] = (watchdogSec * 1_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Waits (on the condition, with a deadline) until the watchdog has made its <paramref name="count"/>th check.</summary>
    private static async Task CheckedAsync(SystemdWatchdog watchdog, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (watchdog.Checks < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < Deadline, $"the watchdog made {watchdog.Checks} checks, not {count}");
            await Task.Yield();
        }
    }

    /// <summary>What reached the socket so far: a datagram to a Unix socket is queued before the sender's call returns.</summary>
    private List<string> Received()
    {
        var messages = new List<string>();
        var buffer = new byte[256];
        while (_systemd.Available > 0)
            messages.Add(Encoding.ASCII.GetString(buffer, 0, _systemd.Receive(buffer)));
        return messages;
    }
}
