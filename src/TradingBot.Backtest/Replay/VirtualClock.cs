namespace TradingBot.Backtest.Replay;

/// <summary>The replay's clock: it stands still until the replay moves it on, and never goes back.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > _now)
            _now = at;
    }
}
