using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests;

public class PositionLedgerTests
{
    private static FillInfo Fill(string id, OutcomeSide side, decimal yesPrice, decimal count, decimal fee = 0m, int minute = 0) =>
        new(id, "o", Ticker, side, P(yesPrice), C(count), M(fee), true, Now.AddMinutes(minute));

    [Fact]
    public void Buying_the_other_side_closes_first_at_the_complement_and_books_the_difference()
    {
        var ledger = new PositionLedger();
        ledger.Apply(Fill("a", OutcomeSide.Yes, 0.40m, 10));
        var entries = ledger.Apply(Fill("b", OutcomeSide.No, 0.55m, 4, fee: 0.07m));

        // Selling 4 YES at 0.55 (a NO buy at 0.45): 4 × 0.55 − 4 × 0.40 = 0.60, and the fee on its own line.
        Assert.Equal([(LedgerEntryKind.Trade, M(0.60m)), (LedgerEntryKind.Fee, M(-0.07m))], entries.Select(e => (e.Kind, e.Amount)));
        Assert.Equal((OutcomeSide.Yes, C(6), M(2.40m)), Position(ledger));
    }

    [Fact]
    public void Closing_through_zero_opens_the_other_side_at_its_own_price()
    {
        var ledger = new PositionLedger();
        ledger.Apply(Fill("a", OutcomeSide.Yes, 0.40m, 10));
        ledger.Apply(Fill("b", OutcomeSide.No, 0.30m, 15));
        Assert.Equal((OutcomeSide.No, C(5), M(3.50m)), Position(ledger));
    }

    [Fact]
    public void A_settlement_pays_against_the_cost_basis_and_closes_the_position()
    {
        var ledger = new PositionLedger();
        ledger.Apply(Fill("a", OutcomeSide.No, 0.70m, 10));
        var entry = Assert.Single(ledger.Apply(new SettlementInfo(Ticker, Event, MarketResult.No, C(0), C(10), M(0), M(3), M(10), M(0), Now.AddHours(3))));
        Assert.Equal(M(7m), entry.Amount);
        Assert.Empty(ledger.Positions);
    }

    [Fact]
    public void A_settlements_fee_cost_is_the_trade_fees_already_booked_with_the_fills_and_is_not_counted_again()
    {
        var ledger = new PositionLedger();
        var fees = ledger.Apply(Fill("a", OutcomeSide.Yes, 0.50m, 10, fee: 0.18m)).Concat(ledger.Apply(Fill("b", OutcomeSide.Yes, 0.50m, 10, fee: 0.18m)));

        var settled = ledger.Apply(new SettlementInfo(Ticker, Event, MarketResult.No, C(20), C(0), M(10), M(0), M(0), M(0.36m), Now.AddHours(3)));

        var entry = Assert.Single(settled);
        Assert.Equal(LedgerEntryKind.Settlement, entry.Kind);
        Assert.Equal(M(-10m), entry.Amount);
        // Realised: the $10 stake lost plus $0.36 of fees, once.
        Assert.Equal(M(-10.36m), fees.Concat(settled).Aggregate(Money.Zero, (sum, e) => sum + e.Amount));
    }

    [Fact]
    public void Replay_orders_by_time_so_late_arrivals_land_where_they_belong()
    {
        var late = Fill("late", OutcomeSide.Yes, 0.40m, 10, minute: 1);
        var early = Fill("early", OutcomeSide.No, 0.60m, 10, minute: 2);
        var (ledger, entries) = PositionLedger.Replay([early, late], []);
        Assert.Empty(ledger.Positions);
        Assert.Equal(M(2.00m), entries.Aggregate(Money.Zero, (sum, e) => sum + e.Amount));
    }

    [Theory]
    [InlineData("2026-11-01", 25)]
    [InlineData("2026-03-08", 23)]
    [InlineData("2026-09-13", 24)]
    public void A_trading_day_in_New_York_spans_its_local_calendar_day(string day, int hours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var (from, to) = PositionLedger.TradingDayWindow(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), zone);
        Assert.Equal(TimeSpan.FromHours(hours), to - from);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), PositionLedger.TradingDayOf(from, zone));
        Assert.NotEqual(PositionLedger.TradingDayOf(from, zone), PositionLedger.TradingDayOf(to, zone));
    }

    private static (OutcomeSide, Contracts, Money) Position(PositionLedger ledger)
    {
        var position = Assert.Single(ledger.Positions);
        return (position.Side, position.Count, position.Cost);
    }
}
