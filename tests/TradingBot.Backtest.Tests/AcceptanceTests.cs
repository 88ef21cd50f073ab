using TradingBot.Backtest.Report;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Tests;

/// <summary>Issue 15's acceptance: the hand-computed trade, no look-ahead, and the same bytes from the same data.</summary>
public sealed class AcceptanceTests : IDisposable
{
    private readonly Fixture _fixture = new();

    /// <summary>
    /// One quadratic market whose game starts two days after its only quote (YES ask $0.40 × 10); the forecast, a minute
    /// before the quote, is 0.48; the result is YES. The bot takes all 10: pnl = 10 × (1 − 0.40) − ceil_to_0.0001(0.07 ×
    /// 10 × 0.40 × 0.60) = 6.0000 − 0.1680 = 5.8320 exactly.
    /// </summary>
    [Fact]
    public async Task The_hand_computed_fixture_buys_the_ten_offered_as_a_taker_and_makes_5_8320()
    {
        var data = _fixture.Write("fixture.jsonl",
            Fixture.Market,
            Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"),
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"),
            Fixture.Settlement("2026-09-13T19:30:00Z", "yes"));

        var report = await BacktestRunner.RunAsync(data, Fixture.DefaultOptions());

        var trade = Assert.Single(report.Trades);
        Assert.Equal(Contracts.Whole(10), trade.Count);
        Assert.Equal("taker", trade.Liquidity);
        Assert.Equal(OutcomeSide.Yes, trade.Side);
        Assert.Equal(Money.FromDollars(4.00m), trade.Cost);
        Assert.Equal(Money.FromDollars(0.1680m), trade.Fees);
        Assert.Equal(Money.FromDollars(5.8320m), report.Pnl);
        Assert.Equal(Money.FromDollars(4.1680m), report.Capital);
        Assert.Equal(0, report.OpenPositions);
        // The taker order as decided and as sent, first in orders.csv and actions.csv (then the bot rests a bid for
        // the rest of its target, which nothing fills, and pulls it once the forecast is stale).
        var orders = ReportWriter.OrdersCsv(report).TrimEnd().Split('\n');
        Assert.Equal("client_order_id,at,ticker,kind,reason,action,side,price,count,time_in_force,filled,status", orders[0]);
        Assert.EndsWith(",2026-09-11T16:04:00.0000000Z,KXNFLGAME-26SEP13DALNYG-DAL,entry,edge,buy,yes,0.4000,10.00,immediateorcancel,10.00,filled", orders[1]);
        var actions = ReportWriter.ActionsCsv(report).TrimEnd().Split('\n');
        Assert.Equal("2026-09-11T16:04:00.0000000Z,scan,KXNFLGAME-26SEP13DALNYG-DAL,queued,APPROVED,yes,0.4000,10.00,submitted,ACCEPTED", actions[1]);
        Assert.Contains(",cancel,STALE_FORECAST,yes,0.3900,83.00,submitted,CANCEL_CANCELED", actions[^1]);
    }

    [Fact]
    public async Task A_forecast_first_published_after_its_market_settled_yields_no_trade()
    {
        var data = _fixture.Write("late-forecast.jsonl",
            Fixture.Market,
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"),
            Fixture.Settlement("2026-09-13T19:30:00Z", "yes"),
            Fixture.Forecast("2026-09-13T19:31:00Z", "0.99"));

        var report = await BacktestRunner.RunAsync(data, Fixture.DefaultOptions());

        Assert.Empty(report.Trades);
        Assert.Equal(Money.Zero, report.Pnl);
    }

    /// <summary>Worth buying at 0.40 with 0.48, but the forecast is only published after the ask went to 0.47: too late.</summary>
    [Fact]
    public async Task A_forecast_published_after_the_price_moved_away_yields_no_trade()
    {
        var data = _fixture.Write("moved.jsonl",
            Fixture.Market,
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"),
            Fixture.Quote("2026-09-11T17:00:00Z", "0.45", "25.00", "0.47", "10.00"),
            Fixture.Forecast("2026-09-11T17:01:00Z", "0.48"),
            Fixture.Settlement("2026-09-13T19:30:00Z", "yes"));

        var report = await BacktestRunner.RunAsync(data, Fixture.DefaultOptions());

        Assert.Empty(report.Trades);
    }

    [Fact]
    public async Task The_same_data_gives_byte_identical_reports()
    {
        var data = _fixture.Write("busy.jsonl", BusyDay());
        var first = Path.Combine(_fixture.Folder, "first");
        var second = Path.Combine(_fixture.Folder, "second");

        var report = await BacktestRunner.RunToFolderAsync(data, first, Fixture.DefaultOptions());
        await BacktestRunner.RunToFolderAsync(data, second, Fixture.DefaultOptions());

        Assert.NotEmpty(report.Trades); // something to compare: orders, fills and settlements
        Assert.NotEmpty(report.Actions);
        foreach (var file in new[] { "report.json", "trades.csv", "orders.csv", "actions.csv", "report.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
    }

    /// <summary>A quote moving every minute for two hours before the game, forecasts every ten minutes, settled NO.</summary>
    private static string[] BusyDay()
    {
        var lines = new List<string> { Fixture.Market };
        var start = new DateTimeOffset(2026, 9, 13, 13, 0, 0, TimeSpan.Zero);
        for (var minute = 0; minute < 170; minute++)
        {
            var at = start.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var ask = 40 + ((minute * 7) % 9) - 4;
            lines.Add(Fixture.Quote(at, $"0.{ask - 2:00}", "30.00", $"0.{ask:00}", "12.00"));
            if (minute % 10 == 0)
                lines.Add(Fixture.Forecast(at, minute % 20 == 0 ? "0.47" : "0.45"));
        }

        lines.Add(Fixture.Settlement("2026-09-13T19:30:00Z", "no"));
        return [.. lines];
    }

    public void Dispose() => _fixture.Dispose();
}
