using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Tests.Stores;

/// <summary>
/// What every <see cref="IBotStore"/> must keep, as Core's store interfaces promise it: run against SQLite and
/// PostgreSQL (tests/TradingBot.Storage.Tests) and against the backtest's in-memory store
/// (tests/TradingBot.Backtest.Tests), so a replay books orders, fills and P&amp;L as the live bot does.
/// </summary>
public abstract class BotStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 9, 13, 18, 0, 0, TimeSpan.Zero);
    protected static readonly MarketTicker Ticker = MarketTicker.Parse("KXNFLGAME-26SEP13DALNYG-DAL");
    protected static readonly EventTicker Event = EventTicker.Parse("KXNFLGAME-26SEP13DALNYG");

    /// <summary>A fresh, empty store for one test; a subclass disposes what it made in <see cref="DisposeAsync"/>.</summary>
    protected abstract Task<IBotStore> CreateStoreAsync();

    /// <summary>The store as a restarted process would open it over the same data.</summary>
    protected abstract IBotStore Reopen(IBotStore store);

    /// <summary>Checks a refused write threw the store's own error, where it has one.</summary>
    protected virtual void AssertStoreError(Exception error)
    {
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private Task<IBotStore> OpenAsync() => CreateStoreAsync();

    protected static OutboxEntry Entry(string id = "8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1", DateTimeOffset? at = null)
    {
        var intent = new TradeIntent(IntentKind.Entry, IntentReason.Edge, Ticker, Event, new OrderDirection(OrderAction.Buy, OutcomeSide.No),
            Price.Parse("0.30"), Contracts.Whole(10), Execution.Take, Money.Parse("0.147"), Probability.FromValue(0.4m), Money.Parse("0.8"), Price.Parse("0.30"));
        return OutboxEntry.FromIntent(intent, ClientOrderId.Parse(id), at ?? Now);
    }

    protected static FillInfo Fill(string id, OutcomeSide side, decimal yesPrice, decimal count, decimal fee, DateTimeOffset at, string ticker = "KXNFLGAME-26SEP13DALNYG-DAL") =>
        new(id, "o-1", MarketTicker.Parse(ticker), side, Price.FromDollars(yesPrice), Contracts.Of(count), Money.FromDollars(fee), true, at);

    [SkippableFact]
    public async Task Commands_are_numbered_in_order_of_issue_pending_until_completed_and_kept_with_who_sent_them()
    {
        var store = await OpenAsync();

        var halt = await store.Control.IssueAsync(ControlCommandKind.Halt, "news", "cli:ops", Now, default);
        var flatten = await store.Control.IssueAsync(ControlCommandKind.Flatten, "done for the day", "api:127.0.0.1", Now.AddSeconds(1), default);
        await store.Control.CompleteAsync(halt, "halted", Now.AddSeconds(2), default);
        await store.Control.CompleteAsync(halt, "a second completion is ignored", Now.AddSeconds(3), default);

        Assert.Equal((1L, 2L), (halt, flatten));
        var pending = Assert.Single(await store.Control.PendingAsync(default));
        Assert.Equal((flatten, ControlCommandKind.Flatten, "done for the day", "api:127.0.0.1", Now.AddSeconds(1)), (pending.Id, pending.Kind, pending.Reason, pending.IssuedBy, pending.IssuedAt));
        var recent = await store.Control.RecentAsync(10, default);
        Assert.Equal([flatten, halt], recent.Select(c => c.Id));
        Assert.Equal(("halted", Now.AddSeconds(2)), (recent[1].Outcome, recent[1].DoneAt!.Value));
    }

    [SkippableFact]
    public async Task The_workers_status_is_saved_whole_and_replaced_by_the_next()
    {
        var store = await OpenAsync();
        Assert.Null(await store.Control.LoadStatusAsync(default));
        var status = new BotStatus(Now, Now.AddHours(-1), "1.2.3", "Live", "Halted", ["operator Halted: news (by cli:ops)", "safe mode since …: 5xx"], true,
            Money.Parse("-120.5"), Money.Parse("100"), "5 consecutive 5xx", Now.AddMinutes(-5), true, false, Now.AddSeconds(-10), 72, Money.Parse("987.654321"), 3, 2, true,
            [new PositionMark("KXNFLGAME-26SEP13DALNYG-DAL", "Yes", Contracts.Of(12.5m), Money.Parse("6.25"), Money.Parse("0.11"), Money.Parse("7.00"), Money.Parse("0.64")),
             new PositionMark("KXNFLGAME-26SEP13DALNYG-NYG", "No", Contracts.Whole(3), Money.Parse("1.2"), Money.Zero, null, null)]);

        await store.Control.SaveStatusAsync(status with { State = "Active" }, default);
        await store.Control.SaveStatusAsync(status, default);
        var loaded = await store.Control.LoadStatusAsync(default);

        Assert.NotNull(loaded);
        Assert.Equal(status.Reasons, loaded.Reasons);
        Assert.Equal(status.Marks, loaded.Marks);
        Assert.Equal(status with { Reasons = loaded.Reasons, Marks = loaded.Marks }, loaded);
    }

    [SkippableFact]
    public async Task The_outbox_keeps_an_intent_before_the_call_and_its_outcome_after()
    {
        var store = await OpenAsync();
        var entry = Entry();
        await store.Outbox.RecordIntentAsync(entry, default);

        var pending = await store.Outbox.FindAsync(entry.ClientOrderId, default);
        Assert.Equal(entry, pending);
        Assert.True(pending!.BlocksMarket);
        Assert.Equal([entry.ClientOrderId], (await store.Outbox.OpenAsync(default)).Select(e => e.ClientOrderId));

        await store.Outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(OutboxStatus.PartiallyFilled, "o-1", Contracts.Whole(4), Contracts.Whole(6), null, Now.AddSeconds(1)), default);
        var accepted = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;
        Assert.Equal((OutboxStatus.PartiallyFilled, "o-1", Contracts.Whole(4), Contracts.Whole(6)), (accepted.Status, accepted.OrderId, accepted.Filled, accepted.Remaining));
        Assert.False(accepted.BlocksMarket);

        await store.Outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(OutboxStatus.Filled, null, Contracts.Whole(10), Contracts.Zero, null, Now.AddSeconds(2)), default);
        Assert.Empty(await store.Outbox.OpenAsync(default));
        Assert.Equal("o-1", (await store.Outbox.FindAsync(entry.ClientOrderId, default))!.OrderId);
    }

    [SkippableFact]
    public async Task A_client_order_id_names_one_order_once()
    {
        var store = await OpenAsync();
        await store.Outbox.RecordIntentAsync(Entry(), default);
        AssertStoreError(await Assert.ThrowsAnyAsync<Exception>(() => store.Outbox.RecordIntentAsync(Entry(), default)));
        AssertStoreError(await Assert.ThrowsAnyAsync<Exception>(() =>
            store.Outbox.UpdateAsync(ClientOrderId.Parse("nope"), new OutboxUpdate(OutboxStatus.Rejected, null, default, default, null, Now), default)));
    }

    [SkippableFact]
    public async Task Outbox_entries_since_a_time_come_oldest_first()
    {
        var store = await OpenAsync();
        await store.Outbox.RecordIntentAsync(Entry("b", Now.AddMinutes(1)), default);
        await store.Outbox.RecordIntentAsync(Entry("a", Now), default);
        await store.Outbox.RecordIntentAsync(Entry("c", Now.AddMinutes(-5)), default);
        Assert.Equal(["a", "b"], (await store.Outbox.SinceAsync(Now, default)).Select(e => e.ClientOrderId.Value));
    }

    [SkippableFact]
    public async Task A_fill_is_recorded_once_however_often_it_is_offered()
    {
        var store = await OpenAsync();
        var fill = Fill("f-1", OutcomeSide.Yes, 0.40m, 10, 0.17m, Now);
        Assert.True(await store.Ledger.RecordFillAsync(fill, default));
        Assert.False(await store.Ledger.RecordFillAsync(fill, default));
        Assert.Equal([fill], await store.Ledger.FillsAsync(default));
        var position = Assert.Single(await store.Ledger.PositionsAsync(default));
        Assert.Equal((OutcomeSide.Yes, Contracts.Whole(10), Money.Parse("4.00")), (position.Side, position.Count, position.Cost));
        Assert.Equal(Money.Parse("-0.17"), await store.Ledger.RealizedPnlAsync(Now.AddHours(-1), Now.AddHours(1), default));
    }

    [SkippableFact]
    public async Task Positions_and_realised_PnL_follow_buys_sells_flips_and_settlement()
    {
        var store = await OpenAsync();
        // 10 YES at 0.40 (cost 4.00), 5 more at 0.50 (cost 6.50 for 15).
        await store.Ledger.RecordFillAsync(Fill("f-1", OutcomeSide.Yes, 0.40m, 10, 0.17m, Now), default);
        await store.Ledger.RecordFillAsync(Fill("f-2", OutcomeSide.Yes, 0.50m, 5, 0.09m, Now.AddMinutes(1)), default);
        // Selling 6 YES at 0.60 is a NO buy at 0.40: closes 6 of 15, releasing 6/15 of 6.50 = 2.60 against 3.60 received.
        await store.Ledger.RecordFillAsync(Fill("f-3", OutcomeSide.No, 0.60m, 6, 0.11m, Now.AddMinutes(2)), default);
        // A NO buy of 12 at YES 0.70 closes the remaining 9 YES (cost 3.90, receives 6.30) and opens 3 NO at 0.30.
        await store.Ledger.RecordFillAsync(Fill("f-4", OutcomeSide.No, 0.70m, 12, 0.18m, Now.AddMinutes(3)), default);

        var position = Assert.Single(await store.Ledger.PositionsAsync(default));
        Assert.Equal((OutcomeSide.No, Contracts.Whole(3), Money.Parse("0.90")), (position.Side, position.Count, position.Cost));
        var trading = 1.00m + 2.40m;
        var fees = 0.17m + 0.09m + 0.11m + 0.18m;
        Assert.Equal(Money.FromDollars(trading - fees), await store.Ledger.RealizedPnlAsync(Now.AddHours(-1), Now.AddHours(1), default));

        var settlement = new SettlementInfo(Ticker, Event, MarketResult.No, Contracts.Zero, Contracts.Whole(3), Money.Zero, Money.Parse("0.90"), Money.Parse("3.00"), Money.Zero, Now.AddHours(4));
        Assert.True(await store.Ledger.RecordSettlementAsync(settlement, default));
        Assert.False(await store.Ledger.RecordSettlementAsync(settlement, default));
        Assert.Empty(await store.Ledger.PositionsAsync(default));
        Assert.Equal(Money.Parse("2.10"), await store.Ledger.RealizedPnlAsync(Now.AddHours(3), Now.AddHours(5), default));
        Assert.Equal(4, (await store.Ledger.EntriesAsync(Now, Now.AddMinutes(10), default)).Count(e => e.Kind == LedgerEntryKind.Fee));
    }

    [SkippableFact]
    public async Task Rebuilding_after_a_late_fill_replays_in_time_order()
    {
        var store = await OpenAsync();
        await store.Ledger.RecordFillAsync(Fill("f-2", OutcomeSide.No, 0.60m, 10, 0m, Now.AddMinutes(2)), default);
        // The buy that came first in time arrives last (found by reconciliation).
        await store.Ledger.RecordFillAsync(Fill("f-1", OutcomeSide.Yes, 0.40m, 10, 0m, Now.AddMinutes(1)), default);
        await store.Ledger.RebuildAsync(default);

        Assert.Empty(await store.Ledger.PositionsAsync(default));
        Assert.Equal(Money.Parse("2.00"), await store.Ledger.RealizedPnlAsync(Now, Now.AddHours(1), default));
    }

    [SkippableFact]
    public async Task Risk_state_survives_a_reopen_and_can_be_cleared()
    {
        var store = await OpenAsync();
        var initial = await store.Risk.LoadAsync(default);
        Assert.Equal(new StoredRiskState(null, null, TradingState.Active, ""), initial);

        var breaker = new CircuitBreakerState(new DateOnly(2026, 9, 13), Now, Money.Parse("-120.5"));
        await store.Risk.SaveCircuitBreakerAsync(breaker, default);
        await store.Risk.SaveSafeModeAsync(new SafeModeState("5 consecutive API failures", Now), default);
        await store.Risk.SaveOperatorStateAsync(TradingState.Halted, "halted from the dashboard", Now, default);

        var reopened = await Reopen(store).Risk.LoadAsync(default);
        Assert.Equal(breaker, reopened.CircuitBreaker);
        Assert.Equal(new SafeModeState("5 consecutive API failures", Now), reopened.SafeMode);
        Assert.Equal((TradingState.Halted, "halted from the dashboard"), (reopened.OperatorState, reopened.OperatorReason));

        await store.Risk.SaveSafeModeAsync(null, default);
        Assert.Null((await store.Risk.LoadAsync(default)).SafeMode);
    }

    [SkippableFact]
    public async Task Decisions_notifications_and_reconciliations_come_back_newest_first()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.Decisions.RecordAsync(new DecisionRecord(Now.AddSeconds(i), Ticker, "denied", "POSITION_LIMIT", $"limit=50.00, n={i}", OutcomeSide.Yes,
                Price.Parse("0.47"), Contracts.Whole(10), Probability.FromValue(0.55m), Money.Parse("0.062563"), Money.Parse("0.5")), default);
            await store.Notifications.RecordAsync(new NotificationRecord(Now.AddSeconds(i), "breaker", $"n={i}", i % 2 == 0), default);
            await store.Reconciliation.RecordAsync(new ReconciliationRecord(Now.AddSeconds(i), $"n={i}", i, 0), default);
        }

        var decisions = await store.Decisions.RecentAsync(2, default);
        Assert.Equal(["limit=50.00, n=2", "limit=50.00, n=1"], decisions.Select(d => d.Detail));
        Assert.Equal(Money.Parse("0.062563"), decisions[0].Edge);
        Assert.Equal(0.55m, decisions[0].ModelProbability!.Value.Value);
        Assert.Equal(["n=2", "n=1", "n=0"], (await store.Notifications.RecentAsync(5, default)).Select(n => n.Message));
        Assert.Equal(["n=2"], (await store.Reconciliation.RecentAsync(1, default)).Select(r => r.Summary));
    }

    [SkippableFact]
    public async Task Watermarks_only_move_forward()
    {
        var store = await OpenAsync();
        Assert.Null(await store.Reconciliation.WatermarkAsync("fills", default));
        await store.Reconciliation.SetWatermarkAsync("fills", Now, default);
        await store.Reconciliation.SetWatermarkAsync("fills", Now.AddHours(-1), default);
        Assert.Equal(Now, await store.Reconciliation.WatermarkAsync("fills", default));
    }

    [SkippableFact]
    public async Task Markets_quotes_and_forecasts_are_kept()
    {
        var store = await OpenAsync();
        var market = new MarketInfo(Ticker, Event, MarketStatus.Active, Now, Now.AddHours(5), "Dallas", default, TickStructure.LinearCent, MarketResult.None);
        var info = new EventInfo(Event, "KXNFLGAME", "Dallas at New York", Now.AddHours(2), [market]);
        await store.Markets.UpsertEventsAsync([info], default);
        await store.Markets.UpsertEventsAsync([info with { GameStart = Now.AddHours(3) }], default);
        var quote = new Quote(new BookLevel(Price.Parse("0.45"), Contracts.Whole(100)), BookLevel.None, Now);
        await store.Markets.RecordQuoteAsync(Ticker, quote, default);
        await store.Markets.RecordQuoteAsync(Ticker, quote, default);
        await store.Markets.RecordForecastAsync(Ticker, "elo", new Forecast(0.55m, Now), default);

        Assert.Equal([(Ticker, quote)], await store.Markets.QuotesAsync(Now.AddMinutes(-1), Now.AddMinutes(1), default));
    }
}
