using TradingBot.Core.Engine;
using TradingBot.Core.Risk;
using TradingBot.Core.Tests.Support;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

/// <summary>The live trading state against its store: a trip holds even when the store cannot take it yet.</summary>
public sealed class TradingControlsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly ManualTime _time = new(Now);
    private readonly MemoryRiskStore _store = new();
    private readonly KeptAlerts _alerts = new();
    private readonly TradingControls _controls;

    public TradingControlsTests() => _controls = new TradingControls(_store, RiskLimits(), NewYork, _alerts, _time);

    [Fact]
    public async Task A_breaker_trip_whose_save_fails_stays_tripped_and_is_saved_again_until_it_sticks()
    {
        _store.FailSaves = true;
        await _controls.ObserveRealisedAsync(new DateOnly(2026, 9, 13), M(-150m), default);
        await _controls.RefreshAsync(default);
        _time.Advance(TimeSpan.FromSeconds(15));
        await _controls.ObserveRealisedAsync(new DateOnly(2026, 9, 13), M(-150m), default);

        Assert.Equal(TradingStateReason.CircuitBreaker, _controls.Status.Reason);
        Assert.Null(_store.Stored.CircuitBreaker);
        Assert.Equal(3, _store.FailedSaves); // the trip, then once on the refresh and once on the next observation
        Assert.Single(_alerts.Raised, a => a.Kind == AlertKind.CircuitBreakerTripped);
        Assert.Contains("not saved", Assert.Single(_alerts.Raised, a => a.Kind == AlertKind.StorageUnavailable).Message, StringComparison.Ordinal);

        _store.FailSaves = false;
        await _controls.RefreshAsync(default);
        await _controls.RefreshAsync(default);

        Assert.Equal(new CircuitBreakerState(new DateOnly(2026, 9, 13), Now, M(-150m)), _store.Stored.CircuitBreaker);
        Assert.Equal(TradingStateReason.CircuitBreaker, _controls.Status.Reason);
        Assert.Equal(3, _store.FailedSaves);
    }

    [Fact]
    public async Task Safe_mode_whose_save_fails_stays_on_and_is_saved_again_until_it_sticks()
    {
        _store.FailSaves = true;
        for (var i = 0; i < RiskLimits().MaxConsecutiveApiErrors; i++)
            await _controls.RecordApiFailureAsync(ApiPath.Write, "create order: Server (HTTP 500)", default);
        await _controls.RefreshAsync(default);

        Assert.Equal(TradingStateReason.SafeMode, _controls.Status.Reason);
        Assert.Null(_store.Stored.SafeMode);
        Assert.Single(_alerts.Raised, a => a.Kind == AlertKind.SafeModeEntered);
        Assert.Single(_alerts.Raised, a => a.Kind == AlertKind.StorageUnavailable);

        _store.FailSaves = false;
        await _controls.RefreshAsync(default);

        Assert.Contains("5 consecutive API failures on order writes", _store.Stored.SafeMode!.Value.Reason, StringComparison.Ordinal);
        Assert.Equal(TradingStateReason.SafeMode, _controls.Status.Reason);
    }

    [Fact]
    public async Task The_operators_resume_from_another_shell_still_ends_a_saved_safe_mode()
    {
        for (var i = 0; i < RiskLimits().MaxConsecutiveApiErrors; i++)
            await _controls.RecordApiFailureAsync(ApiPath.Read, "markets: Server (HTTP 503)", default);
        await _store.SaveSafeModeAsync(null, default); // what `tradingbot resume` writes
        await _controls.RefreshAsync(default);

        Assert.Equal(TradingStateReason.None, _controls.Status.Reason);
    }
}
