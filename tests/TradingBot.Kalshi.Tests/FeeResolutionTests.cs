using TradingBot.Core.Exchange;
using TradingBot.Core.Deciding;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Engine;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Tests.Support;

namespace TradingBot.Kalshi.Tests;

/// <summary>
/// The fees a market is priced with, from Kalshi's replies through the adapter and the scan: the event's override
/// over the series, scheduled changes (series and event) at their time, and a market's fee waiver until it expires.
/// </summary>
public class FeeResolutionTests
{
    private const string Series = "KXNFLGAME";
    private const string Event = "KXNFLGAME-26SEP13DALNYG";
    private const string Ticker = Event + "-DAL";
    private static readonly DateTimeOffset Start = new(2026, 9, 13, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ChangeAt = Start.AddHours(2);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordedVenue _venue = new();
    private readonly ScanStep _scan;
    private readonly MarketBook _book = new();

    public FeeResolutionTests()
    {
        _scan = new ScanStep(new KalshiExchange(TestClients.Create(_venue, _time), _time), _book, _time);
        _venue
            .Reply(HttpMethod.Get, "exchange/status", HttpStatusCode.OK, """{ "exchange_active": true, "trading_active": true }""")
            .Reply(HttpMethod.Get, "exchange/schedule", HttpStatusCode.OK, """{ "schedule": { "standard_hours": [], "maintenance_windows": [] } }""")
            .Reply(HttpMethod.Get, $"series/{Series}", HttpStatusCode.OK,
                $$"""{ "series": { "ticker": "{{Series}}", "title": "Pro Football Game", "category": "Sports", "fee_type": "quadratic", "fee_multiplier": 1 } }""");
    }

    private void Listing(string eventFees = "", string marketFees = "", string seriesChanges = "", string eventChanges = "")
    {
        _venue
            .Reply(HttpMethod.Get, "events", HttpStatusCode.OK,
                $$"""{ "events": [{ "event_ticker": "{{Event}}", "series_ticker": "{{Series}}", "title": "Dallas at New York G", "settlement_sources": []{{eventFees}} }], "cursor": "" }""")
            .Reply(HttpMethod.Get, "markets", HttpStatusCode.OK, $$"""
                {
                  "markets": [{
                    "ticker": "{{Ticker}}", "event_ticker": "{{Event}}", "status": "active",
                    "open_time": "2026-09-01T00:00:00Z", "close_time": "2026-09-14T00:00:00Z",
                    "yes_bid_dollars": "0.4000", "yes_bid_size_fp": "100.00", "no_bid_dollars": "0.5000", "yes_ask_size_fp": "100.00"{{marketFees}}
                  }],
                  "cursor": ""
                }
                """)
            .Reply(HttpMethod.Get, "series/fee_changes", HttpStatusCode.OK, $$"""{ "series_fee_change_arr": [{{seriesChanges}}] }""")
            .Reply(HttpMethod.Get, "events/fee_changes", HttpStatusCode.OK, $$"""{ "event_fee_changes": [{{eventChanges}}], "cursor": "" }""");
    }

    private async Task<MarketView> ScanAsync()
    {
        var report = await _scan.ScanAsync([Series], _ => true, default);
        Assert.True(report.Success, report.ToString());
        Assert.Empty(report.Value.Problems);
        Assert.True(_book.TryGet(MarketTicker.Parse(Ticker), out var view));
        return view;
    }

    private static Money TakerFeeAtHalf(FeeSchedule fees) =>
        fees.TryFeePerContract(Price.Parse("0.50"), Liquidity.Taker, out var fee) ? fee : throw new InvalidOperationException($"{fees} is not priced");

    /// <summary>Taking YES at the 0.50 ask with the model at 54.75%: 4.75¢ before the fee.</summary>
    private EntryEvaluation Evaluate(FeeSchedule fees)
    {
        var evaluator = new EntryEvaluator(new StrategyOptions { AllowMaking = false }, new RiskOptions());
        var view = _book.All.Single();
        var state = new MarketState(view.Ticker, view.Market.Event, view.Market.Status, view.Market.CloseTime, null, view.Quote, view.Market.Ticks,
            fees, Money.Zero, Money.Zero, Holding.None);
        return evaluator.Evaluate(state, new Forecast(0.5475m, _time.GetUtcNow()), new AccountState(_time.GetUtcNow(), TradingStatus.Active, ExchangeStatus.Open, AccountBalance.Unsharded(Money.FromDollars(1000m)), Money.Zero, 0));
    }

    [Fact]
    public async Task An_event_override_multiplier_of_2_prices_with_the_doubled_fee()
    {
        Listing(eventFees: """, "fee_multiplier_override": 2""");

        var view = await ScanAsync();

        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 2m), view.Fees);
        Assert.Equal(Money.Parse("0.035"), TakerFeeAtHalf(view.Fees));
        // The finding's example: 4.75¢ less the series fee (1.75¢) is a 3¢ edge; less the event's doubled fee (3.5¢), 1.25¢.
        Assert.Equal(Money.Parse("0.03"), Evaluate(FeeSchedule.Standard).BestEdge);
        var evaluation = Evaluate(view.Fees);
        Assert.Equal(Money.Parse("0.0125"), evaluation.BestEdge);
        Assert.Equal(DecisionCode.EdgeBelowMinimum, evaluation.Reason);
    }

    [Fact]
    public async Task An_event_override_of_fee_type_alone_keeps_the_series_multiplier()
    {
        Listing(eventFees: """, "fee_type_override": "quadratic_with_maker_fees" """);

        var view = await ScanAsync();

        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 1m), view.Fees);
    }

    [Fact]
    public async Task An_unknown_override_fee_type_makes_the_market_unpriceable_and_no_order()
    {
        Listing(eventFees: """, "fee_type_override": "tiered_by_volume", "fee_multiplier_override": 1""");

        var view = await ScanAsync();

        Assert.False(view.Fees.IsPriced);
        var evaluation = Evaluate(view.Fees);
        Assert.False(evaluation.HasIntent);
        Assert.Equal("FEE_SCHEDULE_UNKNOWN", evaluation.Reason.Code());
    }

    [Fact]
    public async Task A_scheduled_series_fee_change_applies_at_its_time_and_not_before()
    {
        Listing(seriesChanges: $$"""{ "id": "sfc-1", "series_ticker": "{{Series}}", "fee_type": "quadratic", "fee_multiplier": 2, "scheduled_ts": "2026-09-13T14:00:00Z" }""");

        var before = await ScanAsync();
        _time.SetUtcNow(ChangeAt.AddSeconds(-1));
        var justBefore = await ScanAsync();
        _time.SetUtcNow(ChangeAt);
        // The series is read once a day, so Kalshi's reply still shows the old schedule: the change must come from the schedule read earlier.
        var at = await ScanAsync();

        Assert.Equal(FeeSchedule.Standard, before.Fees);
        Assert.Equal(FeeSchedule.Standard, justBefore.Fees);
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 2m), at.Fees);
        // Between scans too: the view of the first scan knows the fees in force later.
        Assert.Equal(FeeSchedule.Standard, before.FeesAt(ChangeAt.AddTicks(-1)));
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 2m), before.FeesAt(ChangeAt));
        Assert.Single(_venue.Requests, r => r.Uri.AbsolutePath.EndsWith($"series/{Series}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scheduled_event_fee_change_applies_at_its_time_and_a_null_one_clears_the_override()
    {
        Listing(
            eventFees: """, "fee_multiplier_override": 2""",
            eventChanges: $$"""
                { "id": "efc-1", "event_ticker": "{{Event}}", "series_ticker": "{{Series}}", "fee_type_override": "quadratic", "fee_multiplier_override": 0.5, "scheduled_ts": "2026-09-13T14:00:00Z" },
                { "id": "efc-2", "event_ticker": "{{Event}}", "series_ticker": "{{Series}}", "fee_type_override": null, "fee_multiplier_override": null, "scheduled_ts": "2026-09-13T16:00:00Z" },
                { "id": "efc-3", "event_ticker": "KXNFLGAME-26SEP14KCBAL", "series_ticker": "{{Series}}", "fee_type_override": "quadratic", "fee_multiplier_override": 3, "scheduled_ts": "2026-09-13T13:00:00Z" }
                """);

        var view = await ScanAsync();

        // Events are read every scan and would show a change once made; between scans the schedule read earlier applies it.
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 2m), view.Fees);
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 2m), view.FeesAt(ChangeAt.AddTicks(-1)));
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 0.5m), view.FeesAt(ChangeAt));
        Assert.Equal(FeeSchedule.Standard, view.FeesAt(ChangeAt.AddHours(2)));
    }

    [Fact]
    public async Task Unreadable_fee_changes_leave_the_markets_listed_but_unpriced_until_a_read_succeeds()
    {
        // Replies are matched in the order they were recorded: the broken one first, once.
        _venue.Reply(HttpMethod.Get, "events/fee_changes", HttpStatusCode.OK, """{ "event_fee_changes": [{ "id": "x" }], "cursor": "" }""", once: true);
        Listing();

        var first = await _scan.ScanAsync([Series], _ => true, default);
        Assert.True(_book.TryGet(MarketTicker.Parse(Ticker), out var unpriced));
        var second = await _scan.ScanAsync([Series], _ => true, default);
        Assert.True(_book.TryGet(MarketTicker.Parse(Ticker), out var priced));

        Assert.Contains(first.Value!.Problems, p => p.Contains("fee changes unreadable", StringComparison.Ordinal));
        Assert.False(unpriced.Fees.IsPriced);
        Assert.Equal(DecisionCode.FeeScheduleUnknown, Evaluate(unpriced.FeesAt(Start)).Reason);
        Assert.Empty(second.Value!.Problems);
        Assert.Equal(FeeSchedule.Standard, priced.Fees);
    }

    [Fact]
    public async Task An_evaluation_between_scans_prices_with_the_fees_in_force_at_its_moment()
    {
        Listing(eventChanges: $$"""{ "id": "efc-1", "event_ticker": "{{Event}}", "series_ticker": "{{Series}}", "fee_type_override": "tiered_by_volume", "fee_multiplier_override": null, "scheduled_ts": "2026-09-13T14:00:00Z" }""");
        var view = await ScanAsync();
        var strategy = new StrategyOptions { AllowMaking = false };
        var decision = new MarketDecision(new EntryEvaluator(strategy, new RiskOptions()), strategy, new RiskOptions());
        var exposure = Exposure.From([], [], _ => null);
        AccountState AccountAt(DateTimeOffset at) => new(at, TradingStatus.Active, ExchangeStatus.Open, AccountBalance.Unsharded(Money.FromDollars(1000m)), Money.Zero, 0);
        MarketAction DecideAt(DateTimeOffset at) => Assert.Single(decision.Decide(exposure.StateOf(view, false, at), new Forecast(0.5475m, Start), [], AccountAt(at)));

        var before = DecideAt(ChangeAt.AddTicks(-1));
        var after = DecideAt(ChangeAt);

        Assert.NotEqual(DecisionCode.FeeScheduleUnknown, before.Code);
        Assert.Equal((MarketActionKind.Nothing, DecisionCode.FeeScheduleUnknown), (after.Kind, after.Code));
    }

    [Fact]
    public async Task A_fee_waiver_means_no_fee_until_it_expires()
    {
        Listing(marketFees: """, "fee_waiver_expiration_time": "2026-09-13T14:00:00Z" """);

        var waived = await ScanAsync();
        _time.SetUtcNow(ChangeAt);
        var expired = await ScanAsync();

        Assert.Equal(Money.Zero, TakerFeeAtHalf(waived.Fees));
        Assert.Equal(Money.Zero, TakerFeeAtHalf(waived.FeesAt(ChangeAt.AddTicks(-1))));
        Assert.Equal(Money.Parse("0.0175"), TakerFeeAtHalf(waived.FeesAt(ChangeAt)));
        Assert.Equal(Money.Parse("0.0175"), TakerFeeAtHalf(expired.Fees));
    }
}
