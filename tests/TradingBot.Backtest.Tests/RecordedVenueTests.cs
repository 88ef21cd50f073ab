using TradingBot.Backtest.Data;
using TradingBot.Backtest.Replay;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Tests;

/// <summary>The recorded market as a venue: what it keeps in memory does not grow with the number of quotes replayed.</summary>
public sealed class RecordedVenueTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 11, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replaced_and_settled_quotes_are_forgotten_so_memory_stays_flat_however_many_quotes_come()
    {
        var clock = new VirtualClock(Start);
        var venue = new RecordedVenue(clock, Money.FromDollars(1000m));
        var market = new MarketRecord(Fixture.Ticker, "KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", "Dallas at New York", Start.AddDays(2), Start.AddDays(2).AddHours(3),
            FeeType.Quadratic, 1m);
        venue.List(market, Start);
        venue.Tick(Start);

        for (var i = 0; i < 1000; i++)
        {
            clock.AdvanceTo(Start.AddSeconds(i));
            var bid = 30 + (i % 20);
            venue.Quote(new DatasetRecord(RecordKind.Quote, clock.GetUtcNow(), Fixture.Ticker, i, Price.FromUnits(bid * 100), Contracts.Whole(25), Price.FromUnits((bid + 2) * 100), Contracts.Whole(10)));
            venue.Flush();
        }

        // The bot takes the whole ask once: that order is done, and forgotten when the next quote replaces it.
        var taken = await venue.Venue.CreateOrderAsync(new OrderRequest(ClientOrderId.Parse("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1"), MarketTicker.Parse(Fixture.Ticker), BookSide.Bid, Price.Parse("0.99"),
            Contracts.Whole(10), TimeInForce.ImmediateOrCancel, false, false), default);
        Assert.True(taken.Success);
        venue.Quote(new DatasetRecord(RecordKind.Quote, clock.GetUtcNow(), Fixture.Ticker, 1001, Price.Parse("0.40"), Contracts.Whole(25), Price.Parse("0.42"), Contracts.Whole(10)));
        venue.Flush();
        var live = venue.RecordedOrdersHeld;
        venue.Settle(Fixture.Ticker, SettlementResult.Yes);

        Assert.Equal(2, live);
        Assert.Equal(0, venue.RecordedOrdersHeld);
    }
}
