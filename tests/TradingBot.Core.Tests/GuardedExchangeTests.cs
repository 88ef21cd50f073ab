using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;
using TradingBot.Core.Tests.Support;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

/// <summary>The API error guard as the venue calls feed it: order writes and reads counted apart.</summary>
public sealed class GuardedExchangeTests
{
    private static readonly ExchangeError Http500 = new(ExchangeErrorKind.Server, "internal error", HttpStatus: 500);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly ManualTime _time = new(Now);
    private readonly MemoryRiskStore _store = new();
    private readonly KeptAlerts _alerts = new();
    private readonly ScriptedExchange _venue = new();
    private readonly TradingControls _controls;
    private readonly GuardedExchange _guarded;

    public GuardedExchangeTests()
    {
        _controls = new TradingControls(_store, RiskLimits(), NewYork, _alerts, _time);
        _guarded = new GuardedExchange(_venue, _controls);
    }

    [Fact]
    public async Task Creates_failing_with_5xx_reach_safe_mode_even_while_reads_succeed()
    {
        _venue.WriteError = Http500;
        for (var i = 0; i < RiskLimits().MaxConsecutiveApiErrors; i++)
        {
            Assert.False((await CreateAsync()).Success);
            Assert.True((await _guarded.GetBalanceAsync(default)).Success);
            _time.Advance(TimeSpan.FromMinutes(10)); // past any back-off
        }

        Assert.Equal(TradingStateReason.SafeMode, _controls.Status.Reason);
        Assert.Contains("5 consecutive API failures on order writes", _store.Stored.SafeMode!.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", _store.Stored.SafeMode!.Value.Reason, StringComparison.Ordinal);
        Assert.Single(_alerts.Raised, a => a.Kind == AlertKind.SafeModeEntered);
    }

    [Theory]
    [InlineData(ExchangeErrorKind.Unreadable)]
    [InlineData(ExchangeErrorKind.Timeout)]
    [InlineData(ExchangeErrorKind.Transport)]
    public async Task Failed_cancels_count_against_the_guard_including_an_unreadable_2xx(ExchangeErrorKind kind)
    {
        _venue.WriteError = new ExchangeError(kind, "injected");
        for (var i = 0; i < RiskLimits().MaxConsecutiveApiErrors; i++)
        {
            Assert.False((await _guarded.CancelOrderAsync("o1", Ticker, default)).Success);
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(TradingStateReason.SafeMode, _controls.Status.Reason);
    }

    [Fact]
    public async Task A_successful_write_does_not_forgive_failed_reads()
    {
        _venue.ReadError = Http500;
        for (var i = 0; i < RiskLimits().MaxConsecutiveApiErrors - 1; i++)
            Assert.False((await _guarded.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Success);
        Assert.True((await CreateAsync()).Success);
        Assert.False((await _guarded.GetMarketsAsync(new MarketQuery("KXNFLGAME"), default)).Success);

        Assert.Equal(TradingStateReason.SafeMode, _controls.Status.Reason);
        Assert.Contains("5 consecutive API failures on reads", _store.Stored.SafeMode!.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_write_resets_the_write_count_and_a_definite_refusal_is_an_answer()
    {
        for (var round = 0; round < 2; round++)
        {
            _venue.WriteError = Http500;
            for (var i = 0; i < RiskLimits().MaxConsecutiveApiErrors - 1; i++)
            {
                await CreateAsync();
                _time.Advance(TimeSpan.FromMinutes(10));
            }

            _venue.WriteError = round == 0 ? null : new ExchangeError(ExchangeErrorKind.Validation, "invalid price", HttpStatus: 400);
            await CreateAsync();
        }

        Assert.Equal(TradingStateReason.None, _controls.Status.Reason);
        Assert.Null(_store.Stored.SafeMode);
    }

    [Fact]
    public async Task After_a_failed_write_the_next_waits_out_the_back_off_without_reaching_the_venue()
    {
        _venue.WriteError = Http500;
        await CreateAsync();
        _venue.WriteError = null;

        var refused = await CreateAsync();
        // A read is not held back by the write path's back-off.
        Assert.True((await _guarded.GetBalanceAsync(default)).Success);
        _time.Advance(RiskLimits().ApiErrorBackoffInitial);
        var sent = await CreateAsync();

        Assert.False(refused.Success);
        Assert.Equal(ExchangeErrorKind.RateLimited, refused.Error.Kind);
        Assert.Null(refused.Error.HttpStatus); // nothing was sent: known not placed
        Assert.False(refused.Error.SubmitOutcomeUnknown);
        Assert.True(sent.Success);
        Assert.Equal(2, _venue.WritesReceived);
    }

    [Fact]
    public async Task While_writes_back_off_a_reduce_only_exit_and_a_cancel_are_still_sent()
    {
        _venue.WriteError = Http500;
        await CreateAsync();
        _venue.WriteError = null;

        var entry = await CreateAsync();
        var exit = await CreateAsync(reduceOnly: true);
        var cancel = await _guarded.CancelOrderAsync("ord-1", Ticker, default);

        Assert.False(entry.Success);
        Assert.Equal(ExchangeErrorKind.RateLimited, entry.Error.Kind);
        Assert.True(exit.Success);
        Assert.True(cancel.Success);
        Assert.Equal(3, _venue.WritesReceived); // the failed create, the exit and the cancel; not the entry

    }

    private Task<ExchangeResult<OrderAck>> CreateAsync(bool reduceOnly = false) =>
        _guarded.CreateOrderAsync(new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), Ticker, BookSide.Bid, P(0.45m), C(1m), Exchange.TimeInForce.ImmediateOrCancel, false, reduceOnly), default);
}
