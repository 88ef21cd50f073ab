using System.Globalization;
using System.Text;
using TradingBot.Core.Engine;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Storage;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Cli;

/// <summary>
/// <c>halt</c>, <c>resume</c>, <c>flatten</c> and <c>status</c>, run from another shell: the control verbs write a
/// command to the database, which the running bot carries out within seconds (<c>TradingBot:ControlsRefreshInterval</c>),
/// or a stopped one at its next start before it trades; the dashboard's API writes the same commands.
/// </summary>
internal static class ControlVerbs
{
    public const string LastScanMark = "last_scan";

    public static Task<int> HaltAsync(CheckedSettings settings, BotDatabase database, bool reduceOnly, string reason, bool wait, TextWriter output, CancellationToken cancellationToken) =>
        SendAsync(settings, database, reduceOnly ? ControlCommandKind.ReduceOnly : ControlCommandKind.Halt, reason, wait, output, cancellationToken);

    public static Task<int> ResumeAsync(CheckedSettings settings, BotDatabase database, string reason, bool wait, TextWriter output, CancellationToken cancellationToken) =>
        SendAsync(settings, database, ControlCommandKind.Resume, reason, wait, output, cancellationToken);

    public static Task<int> FlattenAsync(CheckedSettings settings, BotDatabase database, string reason, bool wait, TextWriter output, CancellationToken cancellationToken) =>
        SendAsync(settings, database, ControlCommandKind.Flatten, reason, wait, output, cancellationToken);

    /// <summary>Who a command from this shell is from, for the log, the notification and the dashboard.</summary>
    public static string IssuedBy => $"cli:{Environment.UserName}";

    /// <summary>
    /// Writes the command for the worker, the one writer of the trading state. With a worker running (a fresh
    /// heartbeat) it waits a few refresh intervals for the outcome; a stopped worker carries it out at its next start,
    /// before it trades.
    /// </summary>
    private static async Task<int> SendAsync(CheckedSettings settings, BotDatabase database, ControlCommandKind kind, string reason, bool wait, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await OpenAsync(database, cancellationToken);
        var clock = TimeProvider.System;
        var id = await store.Control.IssueAsync(kind, reason, IssuedBy, clock.GetUtcNow(), cancellationToken);
        var verb = OperatorCommands.Verb(kind);
        var refresh = settings.Get<TradingBotOptions>().ControlsRefreshInterval;
        var worker = await store.Control.LoadStatusAsync(cancellationToken);
        if (!wait)
        {
            await output.WriteLineAsync($"{Capitalise(verb)} sent as command #{id} to {database.Description} ({reason}). The running bot carries it out within seconds; `tradingbot status` shows when it has.");
            return ExitCodes.Ok;
        }

        if (worker is null || clock.GetUtcNow() - worker.At > HeartbeatFreshFor(refresh))
        {
            await output.WriteLineAsync($"{Capitalise(verb)} sent as command #{id} to {database.Description} ({reason}). No worker is running on it: it is carried out at the next start, before anything trades.");
            return ExitCodes.Ok;
        }

        var deadline = clock.GetUtcNow() + (refresh * 5) + TimeSpan.FromSeconds(5);
        while (clock.GetUtcNow() < deadline)
        {
            var done = (await store.Control.RecentAsync(20, cancellationToken)).FirstOrDefault(c => c.Id == id && !c.IsPending);
            if (done is not null)
            {
                await output.WriteLineAsync($"{Capitalise(verb)} #{id} carried out by the running bot: {done.Outcome}");
                return ExitCodes.Ok;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
        }

        await output.WriteLineAsync($"{Capitalise(verb)} sent as command #{id} ({reason}); the running bot has not carried it out yet. `tradingbot status` shows when it has.");
        return ExitCodes.Ok;
    }

    /// <summary>A heartbeat older than this means no worker is running (it writes one every refresh interval).</summary>
    public static TimeSpan HeartbeatFreshFor(TimeSpan refresh) => (refresh * 3) + TimeSpan.FromSeconds(5);

    private static string Capitalise(string verb) => char.ToUpperInvariant(verb[0]) + verb[1..];

    public static async Task<int> StatusAsync(CheckedSettings settings, BotDatabase database, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await OpenAsync(database, cancellationToken);
        var risk = settings.Get<RiskOptions>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(risk.TradingDayTimeZone);
        var now = TimeProvider.System.GetUtcNow();
        var today = PositionLedger.TradingDayOf(now, zone);
        var stored = await store.Risk.LoadAsync(cancellationToken);
        var breakerToday = stored.CircuitBreaker is { } trip && trip.TradingDay == today;
        var status = TradingStatus.From(stored.OperatorState, stored.SafeMode is not null, breakerToday);
        var (from, to) = PositionLedger.TradingDayWindow(today, zone);
        var realised = await store.Ledger.RealizedPnlAsync(from, to, cancellationToken);
        var positions = await store.Ledger.PositionsAsync(cancellationToken);
        var lastScan = await store.Reconciliation.WatermarkAsync(LastScanMark, cancellationToken);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Mode:           {settings.Get<TradingBotOptions>().Mode}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Database:       {database.Description}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Trading:        {status.State} ({TradingStatus.Describe(status.Reason)})");
        if (stored.OperatorState != TradingState.Active)
            text.AppendLine(CultureInfo.InvariantCulture, $"  operator:     {stored.OperatorState}: {stored.OperatorReason}");
        if (stored.SafeMode is { } safeMode)
            text.AppendLine(CultureInfo.InvariantCulture, $"  safe mode:    since {safeMode.Since:u}: {safeMode.Reason}");
        if (breakerToday)
            text.AppendLine(CultureInfo.InvariantCulture, $"  breaker:      tripped {stored.CircuitBreaker!.Value.TrippedAt:u} at {stored.CircuitBreaker.Value.RealisedAtTrip}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Realised today: {realised} ({today:yyyy-MM-dd} {risk.TradingDayTimeZone}; daily loss limit {risk.DailyLossLimit:0.00})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Positions:      {positions.Count}");
        foreach (var position in positions)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {position.Ticker}  {position.Count} {position.Side}  cost {position.Cost}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Last scan:      {(lastScan is { } at ? at.ToString("u", CultureInfo.InvariantCulture) : "never")}");
        var worker = await store.Control.LoadStatusAsync(cancellationToken);
        var fresh = HeartbeatFreshFor(settings.Get<TradingBotOptions>().ControlsRefreshInterval);
        var workerLine = worker is null ? "Worker:         never ran on this database"
            : now - worker.At <= fresh ? string.Create(CultureInfo.InvariantCulture, $"Worker:         running (heartbeat {(now - worker.At).TotalSeconds:0} s ago, version {worker.Version}, started {worker.StartedAt:u}){(worker.Flattening ? ", flattening" : "")}")
            : string.Create(CultureInfo.InvariantCulture, $"Worker:         not running (last heartbeat {worker.At:u})");
        text.AppendLine(workerLine);
        var commands = await store.Control.RecentAsync(5, cancellationToken);
        foreach (var command in (await store.Control.PendingAsync(cancellationToken)).Concat(commands.Where(c => !c.IsPending)))
        {
            text.AppendLine(command.IsPending
                ? string.Create(CultureInfo.InvariantCulture, $"  pending:      #{command.Id} {OperatorCommands.Verb(command.Kind)} from {command.IssuedBy} at {command.IssuedAt:u} ({command.Reason})")
                : string.Create(CultureInfo.InvariantCulture, $"  done:         #{command.Id} {OperatorCommands.Verb(command.Kind)} from {command.IssuedBy} at {command.IssuedAt:u}: {command.Outcome}"));
        }

        await output.WriteAsync(text.ToString());
        return ExitCodes.Ok;
    }

    /// <summary>The CLI may run before the bot ever has: the schema is brought up to date (refusing a newer one) first.</summary>
    private static async Task<SqlBotStore> OpenAsync(BotDatabase database, CancellationToken cancellationToken)
    {
        await Migrator.MigrateAsync(database, TimeProvider.System, cancellationToken);
        return new SqlBotStore(database, TimeProvider.System);
    }
}
