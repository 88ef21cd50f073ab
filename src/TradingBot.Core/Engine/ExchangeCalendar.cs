using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;

namespace TradingBot.Core.Engine;

public enum ScanPace
{
    Idle,
    Slow,
    Fast,
    Paused,
}

/// <summary>When the scanner should look again, and why (logged, and shown on the dashboard).</summary>
public readonly record struct ScanPlan(ScanPace Pace, TimeSpan Delay, string Reason);

/// <summary>
/// The scanner's cadence from the game calendar: idle when nothing is open, slow far from any game start, fast in
/// the window before a start (and during play when in-play trading is on), paused during announced maintenance and
/// whenever the exchange says trading is not active.
/// </summary>
public static class ExchangeCalendar
{
    public static ScanPlan Next(DateTimeOffset now, ExchangeStatus exchange, IReadOnlyList<MaintenanceWindow> maintenance, IEnumerable<MarketView> markets, ScannerOptions options, bool allowInPlay)
    {
        if (maintenance.FirstOrDefault(w => w.Start <= now && now < w.End) is { } window)
            return new ScanPlan(ScanPace.Paused, Min(window.End - now, options.PausedInterval), $"maintenance until {window.End:u}");
        if (!exchange.ExchangeActive || !exchange.TradingActive)
            return new ScanPlan(ScanPace.Paused, options.PausedInterval, exchange.ExchangeActive ? "trading paused" : "exchange inactive");

        var open = markets.Where(m => m.Market.Status == MarketStatus.Active && m.Market.CloseTime > now).ToList();
        if (open.Count == 0)
            return new ScanPlan(ScanPace.Idle, options.IdleInterval, "no open market");

        var starts = open.Select(m => m.GameStart).OfType<DateTimeOffset>().ToList();
        if (starts.Any(start => start > now && start - now <= options.FastWindow))
            return new ScanPlan(ScanPace.Fast, options.FastInterval, "a game starts within the fast window");
        if (allowInPlay && starts.Any(start => start <= now))
            return new ScanPlan(ScanPace.Fast, options.FastInterval, "a game is in play");

        var next = starts.Where(start => start > now).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var untilWindow = next == DateTimeOffset.MaxValue ? options.SlowInterval : next - options.FastWindow - now;
        return new ScanPlan(ScanPace.Slow, Min(options.SlowInterval, untilWindow > TimeSpan.Zero ? untilWindow : options.FastInterval), "games are far off");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;
}
