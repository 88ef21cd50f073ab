using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Storage.Tests.Support;

namespace TradingBot.Storage.Tests;

/// <summary>
/// ARCHITECTURE.md's order-integrity invariants, against the simulator's real engine and a real SQLite file: the
/// process is "killed" (its objects abandoned, new ones built on the same files) at every step of an order's life,
/// and after restart and reconciliation there is exactly one exchange order per intent, every fill once, and the
/// bot's positions equal the venue's.
/// </summary>
public sealed class OutboxProtocolTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));
    private readonly SqliteTestDatabase _database = new();
    private Venue _venue = null!;

    public async Task InitializeAsync()
    {
        _venue = new Venue(_time);
        await Migrator.MigrateAsync(_database.Database, _time, default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A freshly started bot process: new objects over the same database file and the same venue.</summary>
    private (SqlBotStore Store, OrderSubmitter Submitter, Reconciler Reconciler) Start()
    {
        var store = new SqlBotStore(_database.Database, _time);
        return (store, new OrderSubmitter(_venue.Wire, store.Outbox, _time), new Reconciler(_venue.Wire, store, _time));
    }

    private async Task<ReconciliationReport> RestartAndReconcileAsync()
    {
        _time.Advance(Reconciler.AbsenceProofAge);
        var (_, _, reconciler) = Start();
        var report = await reconciler.RunAsync(default);
        Assert.True(report.Success, report.ToString());
        return report.Value;
    }

    private async Task AssertPositionsMatchTheVenueAsync(SqlBotStore store)
    {
        var venue = (await _venue.Wire.GetPositionsAsync(default)).Value!;
        var ours = await store.Ledger.PositionsAsync(default);
        Assert.Equal(venue.Select(p => (p.Ticker, p.Side, p.Count)), ours.Select(p => (p.Ticker, p.Side, p.Count)));
        var venueFills = (await _venue.Wire.GetFillsAsync(null, default)).Value!;
        Assert.Equal(venueFills.Select(f => f.FillId).Order(), (await store.Ledger.FillsAsync(default)).Select(f => f.FillId).Order());
    }

    [Fact]
    public async Task A_clean_submission_is_accepted_and_recorded_on_the_same_row()
    {
        _venue.Offer(0.45m, 4);
        var (store, submitter, _) = Start();

        // Immediate-or-cancel: the 4 on offer fill, the other 6 are cancelled.
        var report = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 10), default);

        Assert.Equal(SubmitOutcomeKind.Accepted, report.Kind);
        var entry = (await store.Outbox.FindAsync(report.ClientOrderId, default))!;
        Assert.Equal((OutboxStatus.Canceled, Contracts.Whole(4), Contracts.Zero, report.Ack!.OrderId), (entry.Status, entry.Filled, entry.Remaining, entry.OrderId));
        Assert.Equal(report.ClientOrderId.Value, _venue.Exchange.Read(e => e.Accounts[Venue.Bot].OrderHistory.Single().ClientOrderId));
    }

    [Fact]
    public async Task Killed_after_the_intent_commit_the_order_is_proven_absent_and_never_sent()
    {
        var (store, _, _) = Start();
        var entry = OutboxEntry.FromIntent(Venue.BuyYes(0.45m, 10), ClientOrderId.Derive(Guid.NewGuid()), _time.GetUtcNow());
        await store.Outbox.RecordIntentAsync(entry, default);

        var report = await RestartAndReconcileAsync();

        Assert.Equal(1, report.InDoubtResolved);
        Assert.Equal(OutboxStatus.Rejected, (await Start().Store.Outbox.FindAsync(entry.ClientOrderId, default))!.Status);
        Assert.Equal(0, _venue.OrdersOf(Venue.Bot));
    }

    [Fact]
    public async Task A_young_in_doubt_order_stays_blocked_until_its_absence_can_be_trusted()
    {
        var (store, _, reconciler) = Start();
        var entry = OutboxEntry.FromIntent(Venue.BuyYes(0.45m, 10), ClientOrderId.Derive(Guid.NewGuid()), _time.GetUtcNow());
        await store.Outbox.RecordIntentAsync(entry, default);

        var report = (await reconciler.RunAsync(default)).Value!;

        Assert.Equal(1, report.StillInDoubt);
        Assert.True((await store.Outbox.FindAsync(entry.ClientOrderId, default))!.BlocksMarket);
    }

    [Fact]
    public async Task Lost_before_reaching_the_venue_it_is_unknown_then_proven_absent()
    {
        var (store, submitter, _) = Start();
        _venue.Wire.NextCreate = CreateFault.LostBeforeVenue;

        var report = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 10), default);

        Assert.Equal(SubmitOutcomeKind.Unknown, report.Kind);
        Assert.True((await store.Outbox.FindAsync(report.ClientOrderId, default))!.BlocksMarket);
        await RestartAndReconcileAsync();
        Assert.Equal(OutboxStatus.Rejected, (await store.Outbox.FindAsync(report.ClientOrderId, default))!.Status);
        Assert.Equal(0, _venue.OrdersOf(Venue.Bot));
    }

    [Fact]
    public async Task Lost_after_the_venue_placed_it_the_order_is_found_by_its_client_order_id_and_never_resent()
    {
        _venue.Offer(0.45m, 10);
        var (store, submitter, _) = Start();
        _venue.Wire.NextCreate = CreateFault.LostAfterVenue;

        var report = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 10), default);
        Assert.Equal(SubmitOutcomeKind.Unknown, report.Kind);

        var reconciled = await RestartAndReconcileAsync();

        Assert.Equal(1, reconciled.InDoubtResolved);
        Assert.Equal(1, reconciled.FillsAdded);
        var entry = (await store.Outbox.FindAsync(report.ClientOrderId, default))!;
        Assert.Equal((OutboxStatus.Filled, Contracts.Whole(10)), (entry.Status, entry.Filled));
        Assert.Equal(1, _venue.OrdersOf(Venue.Bot));
        Assert.Equal(1, _venue.Wire.CreatesReceived);
        await AssertPositionsMatchTheVenueAsync(store);
    }

    [Fact]
    public async Task Killed_after_the_reply_but_before_recording_it_the_pending_row_is_settled_from_the_venue()
    {
        _venue.Offer(0.45m, 10);
        var (store, _, _) = Start();
        // What SubmitAsync does up to the crash: the row committed, the order sent and answered, the process gone.
        var entry = OutboxEntry.FromIntent(Venue.BuyYes(0.45m, 6), ClientOrderId.Derive(Guid.NewGuid()), _time.GetUtcNow());
        await store.Outbox.RecordIntentAsync(entry, default);
        Assert.True((await _venue.Wire.CreateOrderAsync(entry.Order, default)).Success);

        await RestartAndReconcileAsync();

        Assert.Equal(OutboxStatus.Filled, (await store.Outbox.FindAsync(entry.ClientOrderId, default))!.Status);
        Assert.Equal(1, _venue.OrdersOf(Venue.Bot));
        await AssertPositionsMatchTheVenueAsync(store);
    }

    /// <summary>Another subaccount's order with the same client_order_id, as an unscoped GET /portfolio/orders lists it.</summary>
    private OrderInfo ForeignTwin(ClientOrderId clientOrderId, string orderId, TimeSpan age) =>
        new(orderId, clientOrderId, MarketTicker.Parse("KXNFLGAME-26SEP13DALNYG-NYG"), BookSide.Ask, Price.Parse("0.30"),
            Contracts.Whole(3), Contracts.Zero, Contracts.Zero, OrderStatus.Canceled, Money.Zero, _time.GetUtcNow() - age);

    [Fact]
    public async Task Two_venue_orders_sharing_a_client_order_id_do_not_stop_reconciliation_and_the_row_settles_from_its_own()
    {
        _venue.Offer(0.45m, 10);
        var (store, _, _) = Start();
        // Killed after the reply: the row is pending with no venue order id known.
        var entry = OutboxEntry.FromIntent(Venue.BuyYes(0.45m, 6), ClientOrderId.Derive(Guid.NewGuid()), _time.GetUtcNow());
        await store.Outbox.RecordIntentAsync(entry, default);
        Assert.True((await _venue.Wire.CreateOrderAsync(entry.Order, default)).Success);
        _venue.Wire.ForeignOrders.Add(ForeignTwin(entry.ClientOrderId, "foreign-1", TimeSpan.FromMinutes(2)));

        var report = await RestartAndReconcileAsync();

        var settled = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;
        Assert.Equal((OutboxStatus.Filled, Contracts.Whole(6)), (settled.Status, settled.Filled));
        Assert.NotEqual("foreign-1", settled.OrderId);
        Assert.Contains(report.Changes, c => c.Contains("foreign-1", StringComparison.Ordinal) && c.Contains("2 venue orders", StringComparison.Ordinal));
        await AssertPositionsMatchTheVenueAsync(store);
    }

    [Fact]
    public async Task Of_two_venue_orders_sharing_a_client_order_id_the_one_with_the_rows_known_order_id_wins_even_if_older()
    {
        var (store, submitter, _) = Start();
        var report = await submitter.SubmitAsync(Venue.BuyYes(0.40m, 10, Execution.Make), default);
        var ours = (await store.Outbox.FindAsync(report.ClientOrderId, default))!;
        Assert.Equal(OutboxStatus.Resting, ours.Status);
        // A newer twin, on the row's own market: only the known order id tells them apart.
        _venue.Wire.ForeignOrders.Add(ForeignTwin(report.ClientOrderId, "foreign-2", TimeSpan.Zero) with
        {
            Ticker = MarketTicker.Parse(Venue.Ticker), CreatedAt = _time.GetUtcNow().AddMinutes(5),
        });
        Assert.True(_venue.Exchange.Submit("mm", new Simulator.Engine.OrderSubmission(Venue.Ticker, BookSide.Ask, Price.Parse("0.40"), Contracts.Whole(4), TimeInForce.ImmediateOrCancel)).Success);

        await RestartAndReconcileAsync();

        var settled = (await store.Outbox.FindAsync(report.ClientOrderId, default))!;
        Assert.Equal((OutboxStatus.PartiallyFilled, ours.OrderId, Contracts.Whole(4)), (settled.Status, settled.OrderId, settled.Filled));
    }

    [Fact]
    public async Task While_fills_cannot_be_read_an_in_doubt_order_stays_open_so_its_exposure_is_never_forgotten()
    {
        _venue.Offer(0.45m, 10);
        var (store, submitter, _) = Start();
        _venue.Wire.NextCreate = CreateFault.LostAfterVenue;
        var report = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 10), default);
        _venue.Wire.FillsUnavailable = true;

        _time.Advance(Reconciler.AbsenceProofAge);
        var failed = await Start().Reconciler.RunAsync(default);

        // The order filled at the venue, but with its fills unread the row must not close: open, it still counts.
        Assert.False(failed.Success);
        Assert.Equal(OutboxStatus.Unknown, (await store.Outbox.FindAsync(report.ClientOrderId, default))!.Status);
        Assert.Empty(await store.Ledger.PositionsAsync(default));

        _venue.Wire.FillsUnavailable = false;
        await RestartAndReconcileAsync();
        Assert.Equal(OutboxStatus.Filled, (await store.Outbox.FindAsync(report.ClientOrderId, default))!.Status);
        await AssertPositionsMatchTheVenueAsync(store);
    }

    [Fact]
    public async Task Killed_after_a_fill_the_fill_is_recorded_once_however_often_reconciliation_runs()
    {
        var (store, submitter, _) = Start();
        var report = await submitter.SubmitAsync(Venue.BuyYes(0.40m, 10, Execution.Make), default);
        Assert.Equal(OutboxStatus.Resting, (await store.Outbox.FindAsync(report.ClientOrderId, default))!.Status);
        // The market trades against the resting bid while the bot is down.
        Assert.True(_venue.Exchange.Submit("mm", new Simulator.Engine.OrderSubmission(Venue.Ticker, BookSide.Ask, Price.Parse("0.40"), Contracts.Whole(7), TimeInForce.ImmediateOrCancel)).Success);

        var first = await RestartAndReconcileAsync();
        var second = await RestartAndReconcileAsync();

        Assert.Equal((1, 0), (first.FillsAdded, second.FillsAdded));
        var entry = (await store.Outbox.FindAsync(report.ClientOrderId, default))!;
        Assert.Equal((OutboxStatus.PartiallyFilled, Contracts.Whole(7), Contracts.Whole(3)), (entry.Status, entry.Filled, entry.Remaining));
        Assert.Single(await store.Ledger.FillsAsync(default));
        Assert.Empty(second.Mismatches);
        await AssertPositionsMatchTheVenueAsync(store);
    }

    [Fact]
    public async Task When_the_intent_cannot_be_stored_nothing_is_sent()
    {
        var broken = new SqlBotStore(BotDatabase.Sqlite("/nonexistent-folder/for/sure/tradingbot.db"), _time);
        var submitter = new OrderSubmitter(_venue.Wire, broken.Outbox, _time);

        var report = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 10), default);

        Assert.Equal(SubmitOutcomeKind.NotSent, report.Kind);
        Assert.Contains("no order was sent", report.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _venue.Wire.CreatesReceived);
    }

    [Fact]
    public async Task A_definite_refusal_is_recorded_as_rejected_and_blocks_nothing()
    {
        var (store, submitter, _) = Start();
        var report = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 100_000), default);
        Assert.Equal(SubmitOutcomeKind.Rejected, report.Kind);
        var entry = (await store.Outbox.FindAsync(report.ClientOrderId, default))!;
        Assert.Equal(OutboxStatus.Rejected, entry.Status);
        Assert.Contains("available_balance_too_low", entry.LastError, StringComparison.Ordinal);
        Assert.False(entry.BlocksMarket);
    }

    [Fact]
    public async Task Positions_the_bot_does_not_know_are_reported()
    {
        _venue.Offer(0.45m, 5);
        // Someone trades the account by hand, outside the bot.
        Assert.True(_venue.Exchange.Submit(Venue.Bot, new Simulator.Engine.OrderSubmission(Venue.Ticker, BookSide.Bid, Price.Parse("0.45"), Contracts.Whole(5), TimeInForce.ImmediateOrCancel)).Success);
        var (store, _, reconciler) = Start();
        await store.Ledger.RecordFillAsync(new FillInfo("phantom", "o-x", MarketTicker.Parse("KXNFLGAME-26SEP13DALNYG-NYG"), OutcomeSide.No, Price.Parse("0.5"), Contracts.Whole(2), Money.Zero, true, _time.GetUtcNow().AddDays(-1)), default);

        var report = (await reconciler.RunAsync(default)).Value!;

        Assert.Equal(1, report.FillsAdded);
        Assert.Single(report.Mismatches, m => m.Contains("KXNFLGAME-26SEP13DALNYG-NYG: the bot holds 2.00 No, the venue has no position", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Mismatches, m => m.StartsWith(Venue.Ticker, StringComparison.Ordinal));
    }

    /// <summary>A made bid resting at the venue, as the bot's outbox has it.</summary>
    private async Task<OutboxEntry> RestingBidAsync(SqlBotStore store, OrderSubmitter submitter)
    {
        var placed = await submitter.SubmitAsync(Venue.BuyYes(0.40m, 10, Execution.Make), default);
        Assert.Equal(SubmitOutcomeKind.Accepted, placed.Kind);
        var entry = (await store.Outbox.FindAsync(placed.ClientOrderId, default))!;
        Assert.Equal(OutboxStatus.Resting, entry.Status);
        return entry;
    }

    [Fact]
    public async Task A_cancel_whose_reply_is_lost_blocks_the_market_until_reconciled_and_is_never_sent_twice()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);

        _venue.Wire.NextCancel = CreateFault.LostAfterVenue;
        var cancel = await submitter.CancelAsync(entry, "test", default);
        var inDoubt = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;
        // A second cancel of a row in doubt is not sent: only reconciliation may settle it.
        var again = await submitter.CancelAsync(inDoubt, "test", default);
        var report = await RestartAndReconcileAsync();
        var settled = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;

        Assert.Equal(CancelOutcome.InDoubt, cancel.Outcome);
        Assert.Equal(OutboxStatus.Unknown, inDoubt.Status);
        Assert.True(inDoubt.BlocksMarket);
        Assert.Equal(CancelOutcome.NotSent, again.Outcome);
        Assert.Equal(1, report.InDoubtResolved);
        Assert.Equal((OutboxStatus.Canceled, false), (settled.Status, settled.IsOpen));
        Assert.Equal(1, _venue.OrdersOf(Venue.Bot));
    }

    [Fact]
    public async Task Killed_mid_cancel_the_row_is_settled_by_what_the_venue_says()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);
        // The cancel was committed (CancelPending) and the process died before the call.
        await store.Outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(OutboxStatus.CancelPending, entry.OrderId, entry.Filled, entry.Remaining, "test", _time.GetUtcNow()), default);
        Assert.Contains(await store.Outbox.OpenAsync(default), o => o.ClientOrderId == entry.ClientOrderId && o.BlocksMarket);

        var report = await RestartAndReconcileAsync();
        var settled = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;

        // The venue still rests it: the row follows the venue, the market is free again, and the decision may pull it afresh.
        Assert.Equal(1, report.InDoubtResolved);
        Assert.Equal(OutboxStatus.Resting, settled.Status);
        Assert.False(settled.BlocksMarket);
    }

    [Fact]
    public async Task A_cancel_that_finds_fills_since_the_last_reconciliation_leaves_the_row_in_doubt_until_they_are_read()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);
        // Someone sells 4 into the bid before the cancel: the outbox still says 10 resting.
        Assert.True(_venue.Exchange.Submit("mm", new Simulator.Engine.OrderSubmission(Venue.Ticker, BookSide.Ask, Price.Parse("0.40"), Contracts.Whole(4), TimeInForce.ImmediateOrCancel)).Success);

        var cancel = await submitter.CancelAsync(entry, "test", default);
        var row = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;
        await RestartAndReconcileAsync();
        var settled = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;

        Assert.Equal(CancelOutcome.InDoubt, cancel.Outcome);
        Assert.True(row.BlocksMarket);
        Assert.Equal((OutboxStatus.Canceled, Contracts.Whole(4)), (settled.Status, settled.Filled));
        Assert.Equal(Contracts.Whole(4), (await store.Ledger.PositionsAsync(default)).Single().Count);
    }

    [Fact]
    public async Task An_amend_re_prices_the_resting_order_in_place_and_the_row_follows_it()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);

        var amend = await submitter.AmendAsync(entry, Price.Parse("0.42"), Contracts.Whole(6), "test", default);
        var row = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;
        var report = await RestartAndReconcileAsync();

        Assert.Equal(AmendOutcome.Amended, amend.Outcome);
        Assert.Equal((OutboxStatus.Resting, Price.Parse("0.42"), Contracts.Whole(6), Contracts.Whole(6), entry.OrderId), (row.Status, row.Order.YesPrice, row.Remaining, row.Order.Count, row.OrderId));
        Assert.Equal(0, report.OrdersUpdated);
        var venue = _venue.Exchange.Read(e => e.Accounts[Venue.Bot].OrderHistory.Single());
        Assert.Equal((Price.Parse("0.42"), Contracts.Whole(6)), (venue.YesPrice, venue.Remaining));
    }

    [Fact]
    public async Task An_amend_whose_reply_is_lost_blocks_the_market_and_reconciliation_takes_the_venues_terms()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);

        _venue.Wire.NextAmend = CreateFault.LostAfterVenue;
        var amend = await submitter.AmendAsync(entry, Price.Parse("0.42"), Contracts.Whole(6), "test", default);
        var inDoubt = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;
        var again = await submitter.AmendAsync(inDoubt, Price.Parse("0.43"), Contracts.Whole(6), "test", default);
        await RestartAndReconcileAsync();
        var settled = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;

        Assert.Equal(AmendOutcome.InDoubt, amend.Outcome);
        Assert.True(inDoubt.BlocksMarket);
        Assert.Equal(AmendOutcome.NotSent, again.Outcome);
        Assert.Equal((OutboxStatus.Resting, Price.Parse("0.42"), Contracts.Whole(6)), (settled.Status, settled.Order.YesPrice, settled.Remaining));
        Assert.Equal(1, _venue.OrdersOf(Venue.Bot));
    }

    [Fact]
    public async Task Killed_mid_amend_before_the_call_the_row_returns_to_the_terms_the_venue_still_has()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);
        await store.Outbox.UpdateAsync(entry.ClientOrderId, new OutboxUpdate(OutboxStatus.AmendPending, entry.OrderId, entry.Filled, Contracts.Whole(6), "test",
            _time.GetUtcNow(), Price.Parse("0.42"), Contracts.Whole(6)), default);

        var report = await RestartAndReconcileAsync();
        var settled = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;

        Assert.Equal(1, report.InDoubtResolved);
        Assert.Equal((OutboxStatus.Resting, Price.Parse("0.40"), Contracts.Whole(10), Contracts.Whole(10)), (settled.Status, settled.Order.YesPrice, settled.Remaining, settled.Order.Count));
    }

    [Fact]
    public async Task A_refused_amend_leaves_the_row_as_it_was()
    {
        var (store, submitter, _) = Start();
        var entry = await RestingBidAsync(store, submitter);

        var amend = await submitter.AmendAsync(entry, Price.Parse("0.405"), Contracts.Whole(6), "test", default);
        var row = (await store.Outbox.FindAsync(entry.ClientOrderId, default))!;

        Assert.Equal(AmendOutcome.Refused, amend.Outcome);
        Assert.Equal((OutboxStatus.Resting, Price.Parse("0.40"), Contracts.Whole(10), Contracts.Whole(10)), (row.Status, row.Order.YesPrice, row.Remaining, row.Order.Count));
    }
}
