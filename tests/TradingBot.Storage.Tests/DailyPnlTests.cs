using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Persistence;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Storage.Tests.Support;

namespace TradingBot.Storage.Tests;

/// <summary>The bot's own ledger against the exchange's, over a scripted trading day.</summary>
public sealed class DailyPnlTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 14, 0, 0, TimeSpan.Zero));
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Migrator.MigrateAsync(_database.Database, _time, default);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Realised_PnL_matches_the_exchanges_ledger_and_the_cash_to_the_centicent()
    {
        var venue = new Venue(_time);
        const string other = "KXNFLGAME-26SEP13DALNYG-NYG";
        venue.Exchange.AddMarket(new MarketSpec(other, Venue.EventTicker, "New York to win", "New York", "Dallas", _time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddHours(6)));
        var store = new SqlBotStore(_database.Database, _time);
        var submitter = new OrderSubmitter(venue.Wire, store.Outbox, _time);
        var reconciler = new Reconciler(venue.Wire, store, _time);
        var cashBefore = venue.Exchange.Read(e => e.Accounts[Venue.Bot].Cash);

        // A partial fill (IOC takes 7 of 10), a resting make filled in two pieces, an exit at a loss, a flip through zero.
        venue.Offer(0.41m, 7);
        await Submit(submitter, Venue.BuyYes(0.41m, 10));
        _time.Advance(TimeSpan.FromMinutes(5));
        await Submit(submitter, Venue.BuyYes(0.38m, 9, Execution.Make));
        Assert.True(venue.Exchange.Submit("mm", new OrderSubmission(Venue.Ticker, BookSide.Ask, Price.Parse("0.38"), Contracts.Whole(4), TimeInForce.ImmediateOrCancel)).Success);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(venue.Exchange.Submit("mm", new OrderSubmission(Venue.Ticker, BookSide.Ask, Price.Parse("0.37"), Contracts.Whole(5), TimeInForce.ImmediateOrCancel)).Success);
        _time.Advance(TimeSpan.FromMinutes(30));
        venue.Bid(0.33m, 6);
        await Submit(submitter, Venue.SellYes(0.33m, 6));
        var otherTrade = new TradeIntent(IntentKind.Entry, IntentReason.Edge, Core.Values.MarketTicker.Parse(other), Core.Values.EventTicker.Parse(Venue.EventTicker),
            new OrderDirection(OrderAction.Buy, OutcomeSide.No), Price.Parse("0.55"), Contracts.Whole(8), Execution.Take, Money.Zero, Probability.FromValue(0.6m), Money.Zero, Price.Parse("0.55"));
        Assert.True(venue.Exchange.Submit("mm", new OrderSubmission(other, BookSide.Bid, Price.Parse("0.45"), Contracts.Whole(20), TimeInForce.GoodTillCanceled)).Success);
        await Submit(submitter, otherTrade);
        Assert.True(venue.Exchange.Submit("mm", new OrderSubmission(other, BookSide.Ask, Price.Parse("0.47"), Contracts.Whole(20), TimeInForce.GoodTillCanceled)).Success);
        await Submit(submitter, new TradeIntent(IntentKind.Entry, IntentReason.Edge, Core.Values.MarketTicker.Parse(other), Core.Values.EventTicker.Parse(Venue.EventTicker),
            new OrderDirection(OrderAction.Buy, OutcomeSide.Yes), Price.Parse("0.47"), Contracts.Whole(11), Execution.Take, Money.Zero, Probability.FromValue(0.6m), Money.Zero, Price.Parse("0.47")));

        // Evening: both markets settle.
        _time.Advance(TimeSpan.FromHours(5));
        venue.Exchange.Determine(Venue.Ticker, MarketResult.Yes);
        venue.Exchange.Settle(Venue.Ticker);
        venue.Exchange.Determine(other, MarketResult.No);
        venue.Exchange.Settle(other);
        _time.Advance(TimeSpan.FromMinutes(2));
        var report = await reconciler.RunAsync(default);
        Assert.True(report.Success, report.ToString());
        Assert.Empty(report.Value.Mismatches);

        var day = PositionLedger.TradingDayWindow(new DateOnly(2026, 9, 13), NewYork);
        var ours = await store.Ledger.RealizedPnlAsync(day.From, day.To, default);
        var theirs = venue.Exchange.Read(e => e.Accounts[Venue.Bot].PositionsByTicker.Values.Aggregate(Money.Zero, (sum, p) => sum + p.RealizedPnl - p.FeesPaid));
        var cashChange = venue.Exchange.Read(e => e.Accounts[Venue.Bot].Cash) - cashBefore;

        Assert.True(ours != Money.Zero);
        Assert.Equal(theirs, ours);
        Assert.Equal(cashChange, ours);
        Assert.Empty(await store.Ledger.PositionsAsync(default));
        Assert.Contains(await store.Ledger.FillsAsync(default), f => f.Count == Contracts.Whole(4));
    }

    private static async Task Submit(OrderSubmitter submitter, TradeIntent intent)
    {
        var report = await submitter.SubmitAsync(intent, default);
        Assert.True(report.Kind == SubmitOutcomeKind.Accepted, report.Reason);
    }
}
