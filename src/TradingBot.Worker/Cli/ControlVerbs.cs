using System.Globalization;
using System.Text;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Storage;
using TradingBot.Worker.Configuration;

namespace TradingBot.Worker.Cli;

/// <summary>
/// <c>halt</c>, <c>resume</c> and <c>status</c>, run from another shell while the service runs: they act on the
/// database, and the running bot picks the change up within seconds (<c>TradingBot:ControlsRefreshInterval</c>).
/// </summary>
internal static class ControlVerbs
{
    public const string LastScanMark = "last_scan";

    public static async Task<int> HaltAsync(CheckedSettings settings, BotDatabase database, bool reduceOnly, string reason, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await OpenAsync(database, cancellationToken);
        var state = reduceOnly ? TradingState.ReducingOnly : TradingState.Halted;
        await store.Risk.SaveOperatorStateAsync(state, reason, TimeProvider.System.GetUtcNow(), cancellationToken);
        await output.WriteLineAsync(reduceOnly
            ? $"Trading set to reducing-only (exits only) in {database.Description}: {reason}. The running bot applies it within seconds; `tradingbot resume` undoes it."
            : $"Trading halted in {database.Description}: {reason}. No orders will be sent; `tradingbot resume` undoes it.");
        return ExitCodes.Ok;
    }

    public static async Task<int> ResumeAsync(BotDatabase database, string reason, TextWriter output, CancellationToken cancellationToken)
    {
        var store = await OpenAsync(database, cancellationToken);
        var before = await store.Risk.LoadAsync(cancellationToken);
        await store.Risk.SaveSafeModeAsync(null, cancellationToken);
        await store.Risk.SaveOperatorStateAsync(TradingState.Active, reason, TimeProvider.System.GetUtcNow(), cancellationToken);
        var cleared = new List<string>();
        if (before.SafeMode is { } safe)
            cleared.Add($"safe mode ({safe.Reason})");
        if (before.OperatorState != TradingState.Active)
            cleared.Add($"operator {before.OperatorState.ToString().ToLowerInvariant()} ({before.OperatorReason})");
        await output.WriteLineAsync(cleared.Count == 0
            ? "Nothing to resume: trading was not halted and not in safe mode."
            : $"Resumed: cleared {string.Join(" and ", cleared)}. A tripped daily circuit breaker still holds until the trading day ends.");
        return ExitCodes.Ok;
    }

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
