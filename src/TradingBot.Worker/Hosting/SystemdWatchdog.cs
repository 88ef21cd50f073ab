using System.Collections;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TradingBot.Worker.Hosting;

/// <summary>
/// Sends systemd <c>WATCHDOG=1</c> (sd_notify over <c>$NOTIFY_SOCKET</c>) every half <c>WatchdogSec</c>, but only
/// while <see cref="LoopLiveness"/> says every trading loop is turning. A wedged loop stops the pings, and systemd
/// kills and restarts the bot (Restart=on-failure); start-up recovery then reconciles as after any crash. Without
/// <c>WatchdogSec=</c> (no <c>$WATCHDOG_USEC</c>, or outside systemd) it does nothing.
/// </summary>
internal sealed partial class SystemdWatchdog(
    LoopLiveness liveness,
    TimeProvider wallClock,
    IDictionary environment,
    ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private bool _wedged;
    private int _checks;

    /// <summary>The checks made so far, pinged or not (tests wait on it).</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>How often to ping: half of <c>$WATCHDOG_USEC</c>, as sd_watchdog_enabled(3) advises; null when systemd asked for no watchdog, or for another process.</summary>
    public static TimeSpan? Interval(IDictionary environment)
    {
        if (environment["NOTIFY_SOCKET"] is not string { Length: > 0 }
            || !long.TryParse(environment["WATCHDOG_USEC"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
            return null;
        if (environment["WATCHDOG_PID"] is string { Length: > 0 } pid && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            return null;
        return TimeSpan.FromMicroseconds(usec / 2.0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval(environment) is not { } interval)
            return;
        LogEnabled(logger, interval.TotalSeconds * 2);
        while (!stoppingToken.IsCancellationRequested)
        {
            Check();
            await Task.Delay(interval, wallClock, stoppingToken);
        }
    }

    /// <summary>One check: ping when every loop turns; otherwise say once which loop is wedged and stay silent.</summary>
    public bool Check()
    {
        var overdue = liveness.Overdue();
        var alive = overdue.Count == 0;
        if (alive)
        {
            try
            {
                Send((string)environment["NOTIFY_SOCKET"]!, "WATCHDOG=1");
            }
            catch (SocketException ex)
            {
                LogSendFailed(logger, ex.Message);
            }

            if (_wedged)
                LogRecovered(logger);
        }
        else if (!_wedged)
        {
            LogWedged(logger, string.Join(", ", overdue.Select(o => $"{o.Loop} overdue by {o.Overdue.TotalSeconds:0} s")));
        }

        _wedged = !alive;
        Interlocked.Increment(ref _checks);
        return alive;
    }

    /// <summary>sd_notify(3): one datagram to the socket systemd named; a leading '@' is the abstract namespace.</summary>
    private static void Send(string socketPath, string message)
    {
        var path = socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.SendTo(Encoding.ASCII.GetBytes(message), new UnixDomainSocketEndPoint(path));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog on: pinging while the trading loops turn (WatchdogSec {Seconds} s)")]
    private static partial void LogEnabled(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trading loop wedged ({Loops}): no more watchdog pings, systemd will restart the bot")]
    private static partial void LogWedged(ILogger logger, string loops);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading loops turn again: watchdog pings resumed")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the watchdog ping to systemd: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
