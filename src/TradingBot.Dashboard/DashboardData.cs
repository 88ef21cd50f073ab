using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Dashboard;

/// <summary>
/// Everything the API and the page show, read from storage only: the worker's status snapshot (its heartbeat, state,
/// marks), the ledger, the outbox, the decision log, notifications and commands. It never asks the exchange or the
/// worker anything, so a dashboard under load or gone costs trading nothing but database reads.
/// </summary>
internal sealed class DashboardData(IBotStore store, DashboardSettings settings, TimeProvider clock)
{
    public const int MaxLimit = 1000;
    public const int MaxDays = 366;

    /// <summary>How far back the orders list looks, besides every order still open.</summary>
    public static readonly TimeSpan OrdersWindow = TimeSpan.FromDays(7);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DashboardSettings Settings => settings;

    /// <summary>Every reason the bot is not healthy now; empty when it is.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        BotStatus? status;
        try
        {
            await store.CheckAsync(cancellationToken);
            status = await store.Control.LoadStatusAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [$"database unreachable: {ex.Message}"];
        }

        var now = Now;
        if (status is null)
            return ["worker heartbeat missing: no worker has ever written its status to this database"];
        var problems = new List<string>();
        var age = HeartbeatAge(status, now);
        if (age > settings.HeartbeatFreshFor)
            problems.Add($"worker heartbeat is {Seconds(age)} s old (last {Wire.Time(status.At)}; expected within {Seconds(settings.HeartbeatFreshFor)} s): the worker is not running");
        if (status.SafeModeReason is { } reason)
            problems.Add($"safe mode since {Wire.Time(status.SafeModeSince)}: {reason}");
        // Before its first scan a fresh worker is judged from its start.
        var scanned = status.LastScanAt ?? status.StartedAt;
        var scanAge = now > scanned ? now - scanned : TimeSpan.Zero;
        if (scanAge > settings.ScanExpectedWithin)
            problems.Add(status.LastScanAt is null
                ? $"no scan in the {Seconds(scanAge)} s since the worker started (expected within {Seconds(settings.ScanExpectedWithin)} s)"
                : $"last scan {Wire.Time(status.LastScanAt)} is {Seconds(scanAge)} s old (expected within {Seconds(settings.ScanExpectedWithin)} s)");
        return problems;
    }

    /// <summary>
    /// How old the heartbeat is. Never negative: a paper worker stamps it on its accelerated simulator clock, which a
    /// dashboard in another process does not share.
    /// </summary>
    public static TimeSpan HeartbeatAge(BotStatus status, DateTimeOffset now) => now > status.At ? now - status.At : TimeSpan.Zero;

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;

    public async Task<StatusDto?> StatusAsync(CancellationToken cancellationToken)
    {
        var status = await store.Control.LoadStatusAsync(cancellationToken);
        if (status is null)
            return null;
        var pending = await store.Control.PendingAsync(cancellationToken);
        var age = HeartbeatAge(status, Now);
        return new StatusDto(Wire.Time(status.At), Math.Round(age.TotalSeconds, 1), age <= settings.HeartbeatFreshFor, Wire.Time(status.StartedAt),
            status.Version, status.Mode, status.State, status.Reasons, status.BreakerTripped, Wire.Money(status.RealisedToday),
            Wire.Money(status.DailyLossLimit), status.SafeModeReason, Wire.Time(status.SafeModeSince), status.ExchangeActive,
            status.ExchangeTradingActive, Wire.Time(status.LastScanAt), status.MarketsTracked, Wire.Money(status.Balance), status.Positions,
            status.OpenOrders, status.Flattening, pending.Select(CommandDto.From).ToList());
    }

    /// <summary>The ledger's positions, each with the mark and unrealised P&amp;L the worker last wrote for it.</summary>
    public async Task<IReadOnlyList<PositionDto>> PositionsAsync(CancellationToken cancellationToken)
    {
        var positions = await store.Ledger.PositionsAsync(cancellationToken);
        var status = await store.Control.LoadStatusAsync(cancellationToken);
        var marks = (status?.Marks ?? []).ToDictionary(m => (m.Ticker, m.Side));
        return positions.OrderBy(p => p.Ticker.Value, StringComparer.Ordinal).Select(p =>
        {
            // A mark written for another holding (since sold and bought back) is not this one's.
            var mark = marks.TryGetValue((p.Ticker.Value, p.Side.ToString()), out var m) && m.Count == p.Count ? m : null;
            return new PositionDto(p.Ticker.Value, p.Side.ToString().ToLowerInvariant(), p.Count.ToString(), Wire.Money(p.Cost), Wire.Money(p.Fees),
                Wire.Money(mark?.Mark), Wire.Money(mark?.Unrealised), mark is null ? null : Wire.Time(status!.At));
        }).ToList();
    }

    /// <summary>The last <paramref name="limit"/> orders of the past week and every order still open, newest first.</summary>
    public async Task<IReadOnlyList<OrderDto>> OrdersAsync(int limit, CancellationToken cancellationToken)
    {
        var recent = await store.Outbox.SinceAsync(Now - OrdersWindow, cancellationToken);
        var open = await store.Outbox.OpenAsync(cancellationToken);
        return recent.Concat(open).DistinctBy(o => o.ClientOrderId).OrderByDescending(o => o.CreatedAt).Take(limit).Select(o =>
        {
            var side = o.Order.Side.ToOutcomeSide();
            return new OrderDto(o.ClientOrderId.Value, o.OrderId, o.Order.Ticker.Value, o.Event.Value, side.ToString().ToLowerInvariant(),
                o.Order.YesPrice.ToString(), o.Order.Count.ToString(), o.Filled.ToString(), o.Remaining.ToString(), o.Kind.ToString(), o.Reason.ToString(),
                o.Status.ToString(), o.IsOpen, o.LastError, Wire.Time(o.CreatedAt), Wire.Time(o.UpdatedAt));
        }).ToList();
    }

    public async Task<IReadOnlyList<FillDto>> FillsAsync(int limit, CancellationToken cancellationToken)
    {
        var fills = await store.Ledger.FillsAsync(cancellationToken);
        return fills.Reverse().Take(limit).Select(f => new FillDto(f.FillId, f.OrderId, f.Ticker.Value, f.ExposureSide.ToString().ToLowerInvariant(),
            f.YesPrice.ToString(), f.Count.ToString(), Wire.Money(f.Fee), f.IsTaker, Wire.Time(f.At))).ToList();
    }

    /// <summary>Realised P&amp;L of each of the last <paramref name="days"/> trading days (today included), oldest first.</summary>
    public async Task<PnlDto> PnlAsync(int days, CancellationToken cancellationToken)
    {
        var zone = settings.TradingDayZone;
        var today = PositionLedger.TradingDayOf(Now, zone);
        var first = today.AddDays(1 - days);
        var (from, _) = PositionLedger.TradingDayWindow(first, zone);
        var (_, to) = PositionLedger.TradingDayWindow(today, zone);
        var entries = await store.Ledger.EntriesAsync(from, to, cancellationToken);
        var byDay = entries.GroupBy(e => PositionLedger.TradingDayOf(e.At, zone))
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, e) => sum + e.Amount));
        var list = new List<PnlDayDto>(days);
        var cumulative = Money.Zero;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var realised = byDay.GetValueOrDefault(day, Money.Zero);
            cumulative += realised;
            list.Add(new PnlDayDto(Wire.Day(day), Wire.Money(realised), Wire.Money(cumulative)));
        }

        return new PnlDto(zone.Id, Wire.Money(cumulative), list);
    }

    public async Task<IReadOnlyList<DecisionDto>> DecisionsAsync(int limit, CancellationToken cancellationToken)
    {
        var decisions = await store.Decisions.RecentAsync(limit, cancellationToken);
        return decisions.Select(d => new DecisionDto(Wire.Time(d.At), d.Ticker.Value, d.Outcome, d.Code, d.Detail, d.Side?.ToString().ToLowerInvariant(),
            d.Price?.ToString(), d.Count.ToString(), d.ModelProbability?.Value.ToString("0.0000##", System.Globalization.CultureInfo.InvariantCulture),
            Wire.Money(d.Edge), Wire.Money(d.ExpectedValue))).ToList();
    }

    /// <summary>Alerts sent (breaker, safe mode, stop-loss, reconciliation…) and the operator's commands, newest first.</summary>
    public async Task<IReadOnlyList<RiskEventDto>> RiskEventsAsync(int limit, CancellationToken cancellationToken)
    {
        var notifications = await store.Notifications.RecentAsync(limit, cancellationToken);
        var commands = await store.Control.RecentAsync(limit, cancellationToken);
        var events = notifications.Select(n => (n.At, Dto: new RiskEventDto(Wire.Time(n.At), "notification", n.Kind, n.Message, n.Delivered, null, null)))
            .Concat(commands.Select(c => (At: c.IssuedAt, Dto: new RiskEventDto(Wire.Time(c.IssuedAt), "command", TradingBot.Core.Engine.OperatorCommands.Verb(c.Kind),
                c.IsPending ? $"{c.Reason} (pending)" : $"{c.Reason}: {c.Outcome}", null, c.Id, c.IssuedBy))));
        return events.OrderByDescending(e => e.At).Take(limit).Select(e => e.Dto).ToList();
    }

    public Task<long> IssueAsync(ControlCommandKind kind, string reason, string issuedBy, CancellationToken cancellationToken) =>
        store.Control.IssueAsync(kind, reason, issuedBy, Now, cancellationToken);
}
