using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Core.Tests;

/// <summary>The fees in force for a market at an instant, from its series, its event's override, their scheduled changes and its waiver.</summary>
public class FeeTimelineTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 9, 13, 12, 0, 0, TimeSpan.Zero);
    private static readonly EventTicker Event = EventTicker.Parse("KXNFLGAME-26SEP13DALNYG");
    private static readonly FeeSchedule Makers = new(FeeType.QuadraticWithMakerFees, 0.5m);

    private static FeeTimeline Timeline(FeeOverride eventOverride = default) => new(Makers, ReadAt, eventOverride, ReadAt);

    private static SeriesFeeChange SeriesChange(int hours, FeeSchedule fees) => new("KXNFLGAME", ReadAt.AddHours(hours), fees);

    private static EventFeeChange EventChange(int hours, FeeOverride fees) => new(Event, "KXNFLGAME", ReadAt.AddHours(hours), fees);

    [Fact]
    public void Without_override_change_or_waiver_the_series_schedule_is_in_force()
    {
        Assert.Equal(Makers, Timeline().At(ReadAt.AddDays(30)));
    }

    [Theory]
    [InlineData(null, "2", FeeType.QuadraticWithMakerFees, "2")]
    [InlineData(FeeType.Quadratic, null, FeeType.Quadratic, "0.5")]
    [InlineData(FeeType.QuadraticWithComboMakerFees, "1.5", FeeType.QuadraticWithComboMakerFees, "1.5")]
    public void Each_part_of_an_event_override_replaces_the_series_own(FeeType? type, string? multiplier, FeeType expectedType, string expectedMultiplier)
    {
        var fees = Timeline(new FeeOverride(type, multiplier is null ? null : decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture))).At(ReadAt);

        Assert.Equal(new FeeSchedule(expectedType, decimal.Parse(expectedMultiplier, System.Globalization.CultureInfo.InvariantCulture)), fees);
    }

    [Fact]
    public void An_unknown_override_fee_type_makes_the_market_unpriceable_whatever_the_series()
    {
        Assert.False(Timeline(new FeeOverride(FeeType.Unknown, 1m)).At(ReadAt).IsPriced);
    }

    [Fact]
    public void A_scheduled_series_change_applies_at_its_time_and_not_before_and_the_latest_one_wins()
    {
        var timeline = Timeline() with { SeriesChanges = [SeriesChange(4, new FeeSchedule(FeeType.Quadratic, 3m)), SeriesChange(2, FeeSchedule.Standard)] };

        Assert.Equal(Makers, timeline.At(ReadAt.AddHours(2).AddTicks(-1)));
        Assert.Equal(FeeSchedule.Standard, timeline.At(ReadAt.AddHours(2)));
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 3m), timeline.At(ReadAt.AddHours(5)));
    }

    [Fact]
    public void A_change_scheduled_at_or_before_the_read_is_already_in_what_was_read()
    {
        var timeline = Timeline() with
        {
            SeriesChanges = [SeriesChange(0, FeeSchedule.Standard), SeriesChange(-1, FeeSchedule.Standard)],
            EventChanges = [EventChange(0, new FeeOverride(null, 9m))],
        };

        Assert.Equal(Makers, timeline.At(ReadAt.AddHours(1)));
    }

    [Fact]
    public void An_event_override_beats_a_series_change_and_an_event_change_can_clear_it()
    {
        var timeline = Timeline(new FeeOverride(null, 2m)) with
        {
            SeriesChanges = [SeriesChange(1, new FeeSchedule(FeeType.Quadratic, 1m))],
            EventChanges = [EventChange(2, FeeOverride.None)],
        };

        Assert.Equal(new FeeSchedule(FeeType.QuadraticWithMakerFees, 2m), timeline.At(ReadAt));
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 2m), timeline.At(ReadAt.AddHours(1)));
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 1m), timeline.At(ReadAt.AddHours(2)));
    }

    [Fact]
    public void A_waiver_means_no_fee_until_it_expires_but_does_not_price_an_unknown_schedule()
    {
        var waived = Timeline() with { WaiverUntil = ReadAt.AddHours(1) };
        var unknown = Timeline(new FeeOverride(FeeType.Unknown, null)) with { WaiverUntil = ReadAt.AddHours(1) };

        Assert.True(waived.At(ReadAt).TryTradeFee(Contracts.Whole(100), Price.Parse("0.50"), Liquidity.Taker, out var fee));
        Assert.Equal(Money.Zero, fee);
        Assert.True(waived.At(ReadAt.AddHours(1)).TryTradeFee(Contracts.Whole(100), Price.Parse("0.50"), Liquidity.Taker, out var after));
        Assert.Equal(Money.Parse("0.875"), after);
        Assert.False(unknown.At(ReadAt).IsPriced);
    }

    [Fact]
    public void Unreadable_fees_are_never_priced()
    {
        Assert.False(FeeTimeline.Unpriceable.At(ReadAt).IsPriced);
    }
}
