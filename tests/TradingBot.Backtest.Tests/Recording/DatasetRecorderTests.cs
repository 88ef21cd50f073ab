using TradingBot.Backtest.Data;
using TradingBot.Backtest.Recording;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Tests.Recording;

/// <summary>What a running bot records reads back as the dataset the backtest replays, one gzip file per day.</summary>
public sealed class DatasetRecorderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 9, 13, 15, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-recorder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Observation Seen(DateTimeOffset at, decimal bid, decimal noBid, decimal? model, DateTimeOffset? asOf = null, bool involved = false, int closesInHours = 8,
        string ticker = "KXNFLGAME-26SEP13DALNYG-DAL", int gameInHours = 2)
    {
        var market = new MarketInfo(MarketTicker.Parse(ticker), EventTicker.Parse("KXNFLGAME-26SEP13DALNYG"), MarketStatus.Active,
            Now.AddDays(-1), Now.AddHours(closesInHours), "Dallas", default, TickStructure.LinearCent, MarketResult.None);
        var quote = new Quote(new BookLevel(Price.FromDollars(bid), Contracts.Whole(25)), new BookLevel(Price.FromDollars(noBid), Contracts.Whole(10)), at);
        var view = new MarketView(market, "KXNFLGAME", "Dallas at New York", Now.AddHours(gameInHours), FeeSchedule.Standard, quote, MutuallyExclusive: true, Competition: "Pro Football");
        var pick = model is { } p ? new ForecastPick(new Forecast(p, asOf ?? at.AddMinutes(-1)), null, null, "file") : default;
        return new Observation(view, quote, pick, at, involved);
    }

    private List<DatasetRecord> Day(string day) => DatasetReader.InFileOrder(Path.Combine(_folder, day + ".jsonl.gz")).ToList();

    [Fact]
    public void A_pass_records_the_market_once_its_quote_and_forecast_when_they_change_and_the_settlement()
    {
        using (var recorder = new DatasetRecorder(_folder, 1024 * 1024))
        {
            recorder.Observe([Seen(Now, 0.38m, 0.60m, 0.48m, Now.AddMinutes(-5))]);
            recorder.Observe([Seen(Now.AddSeconds(15), 0.38m, 0.60m, 0.48m, Now.AddMinutes(-5))]);
            recorder.Observe([Seen(Now.AddSeconds(30), 0.39m, 0.60m, 0.50m, Now.AddSeconds(20))]);
            Assert.Empty(recorder.ClosedUnsettled(Now));
            Assert.Single(recorder.ClosedUnsettled(Now.AddHours(9)));
            recorder.Settled("KXNFLGAME-26SEP13DALNYG-DAL", SettlementResult.Yes, Now.AddHours(8.5));
            recorder.Settled("KXNFLGAME-26SEP13DALNYG-DAL", SettlementResult.No, Now.AddHours(8.5));
            Assert.Empty(recorder.ClosedUnsettled(Now.AddHours(9)));
        }

        var records = Day("2026-09-13");

        Assert.Equal([RecordKind.Market, RecordKind.Quote, RecordKind.Forecast, RecordKind.Pass, RecordKind.Pass, RecordKind.Quote, RecordKind.Forecast, RecordKind.Pass, RecordKind.Settlement],
            records.Select(r => r.Kind));
        var market = records[0].Market!;
        Assert.Equal(("KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", Now.AddHours(2), FeeType.Quadratic, "Pro Football"), (market.EventTicker, market.SeriesTicker, market.GameStart, market.FeeType, market.Competition));
        // NO bid 0.60 is a YES ask of 0.40 with its size.
        Assert.Equal((Price.Parse("0.38"), Contracts.Whole(25), Price.Parse("0.40"), Contracts.Whole(10)), (records[1].YesBid, records[1].YesBidSize, records[1].YesAsk, records[1].YesAskSize));
        // A forecast is known from when the bot first used it; the source's own stamp goes along as as_of.
        Assert.Equal((Now, Now.AddMinutes(-5), 0.48m, "file"), (records[2].At, records[2].AsOf, records[2].PYes.Value, records[2].Source));
        Assert.Equal((Now.AddSeconds(30), Now.AddSeconds(20)), (records[6].At, records[6].AsOf));
        // Each pass ends with its time: a replay of the recording decides then.
        Assert.Equal([Now, Now.AddSeconds(15), Now.AddSeconds(30)], records.Where(r => r.Kind == RecordKind.Pass).Select(r => r.At));
        Assert.Equal(SettlementResult.Yes, records[8].Result);
    }

    [Fact]
    public void A_new_day_starts_a_new_file_that_lists_its_markets_again_and_a_restart_appends()
    {
        using (var recorder = new DatasetRecorder(_folder, 1024 * 1024))
        {
            recorder.Observe([Seen(Now, 0.38m, 0.60m, 0.48m, closesInHours: 30)]);
            recorder.Observe([Seen(Now.AddHours(10), 0.38m, 0.60m, 0.48m, closesInHours: 30)]);
            // Seen after its close (a listing behind the clock): a replay could not trade it, so it is left out.
            recorder.Observe([Seen(Now.AddHours(10), 0.38m, 0.60m, 0.48m, ticker: "KXNFLGAME-26SEP13DALNYG-NYG")]);
            Assert.Equal(1, recorder.Skipped);
        }

        using (var restarted = new DatasetRecorder(_folder, 1024 * 1024))
            restarted.Observe([Seen(Now.AddHours(11), 0.41m, 0.57m, null, closesInHours: 30)]);

        Assert.Equal([RecordKind.Market, RecordKind.Quote, RecordKind.Forecast, RecordKind.Pass], Day("2026-09-13").Select(r => r.Kind));
        // The second day's file stands alone; the restart's pass is a second gzip member of the same file.
        Assert.Equal([RecordKind.Market, RecordKind.Quote, RecordKind.Forecast, RecordKind.Pass, RecordKind.Pass, RecordKind.Market, RecordKind.Quote, RecordKind.Pass],
            Day("2026-09-14").Select(r => r.Kind));
    }

    [Fact]
    public void An_unchanged_quote_is_written_again_while_the_bot_holds_or_works_an_order_there_and_at_the_pass_after()
    {
        using (var recorder = new DatasetRecorder(_folder, 1024 * 1024))
        {
            recorder.Observe([Seen(Now, 0.38m, 0.60m, null)]);
            recorder.Observe([Seen(Now.AddSeconds(15), 0.38m, 0.60m, null)]);
            // The bot bought: in a replay its fill uses up the recorded ask, so the replay must be told the quote again.
            recorder.Observe([Seen(Now.AddSeconds(30), 0.38m, 0.60m, null, involved: true)]);
            // It sold out since the last pass: that sale used up the bid, so this pass's quote is written once more.
            recorder.Observe([Seen(Now.AddSeconds(45), 0.38m, 0.60m, null)]);
            recorder.Observe([Seen(Now.AddSeconds(60), 0.38m, 0.60m, null)]);
        }

        Assert.Equal([Now, Now.AddSeconds(30), Now.AddSeconds(45)], Day("2026-09-13").Where(r => r.Kind == RecordKind.Quote).Select(r => r.At));
    }

    /// <summary>
    /// A week of recordings replays as one: the folder's days in order, each day's listing of a market taken as the
    /// same market, the settlement in a later day's file reaching the position bought on the first. Streamed, not sorted.
    /// </summary>
    [Fact]
    public async Task A_folder_of_recorded_days_replays_as_one_dataset()
    {
        using (var recorder = new DatasetRecorder(_folder, 1024 * 1024))
        {
            // The acceptance fixture's trade, recorded: YES ask 0.40 for 10 against a forecast of 0.48, two days out.
            recorder.Observe([Seen(Now, 0.38m, 0.60m, 0.48m, Now.AddMinutes(-1), closesInHours: 60, gameInHours: 49)]);
            recorder.Observe([Seen(Now.AddHours(10), 0.38m, 0.60m, 0.48m, Now.AddMinutes(-1), closesInHours: 60, gameInHours: 49)]);
            recorder.Settled("KXNFLGAME-26SEP13DALNYG-DAL", SettlementResult.Yes, Now.AddHours(61));
        }

        var notices = new List<string>();
        var report = await BacktestRunner.RunAsync(_folder, Fixture.DefaultOptions(), notice: notices.Add);

        Assert.Equal(3, Directory.GetFiles(_folder).Length);
        Assert.Empty(notices);
        var trade = Assert.Single(report.Trades);
        Assert.Equal((Contracts.Whole(10), "yes"), (trade.Count, trade.Result));
        Assert.Equal(Money.FromDollars(5.8320m), report.Pnl);
    }

    /// <summary>Subpenny ticks read twice are two objects with the same bands: the same market all the same.</summary>
    [Fact]
    public async Task A_subpenny_market_listed_again_is_the_same_market()
    {
        var subpenny = Fixture.Market.Replace("\"fee_multiplier\":\"1\"}", "\"fee_multiplier\":\"1\",\"price_ranges\":[{\"start\":\"0.0000\",\"end\":\"0.1000\",\"step\":\"0.0010\"},"
            + "{\"start\":\"0.1000\",\"end\":\"0.9000\",\"step\":\"0.0100\"},{\"start\":\"0.9000\",\"end\":\"1.0000\",\"step\":\"0.0010\"}]}", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "2026-09-11.jsonl"), string.Join("\n", subpenny, Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"),
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00")) + "\n");
        File.WriteAllText(Path.Combine(_folder, "2026-09-12.jsonl"), string.Join("\n", subpenny, Fixture.Quote("2026-09-12T16:00:00Z", "0.095", "25.00", "0.10", "10.00")) + "\n");
        var notices = new List<string>();

        var report = await BacktestRunner.RunAsync(_folder, Fixture.DefaultOptions(), notice: notices.Add);

        Assert.Equal(0, report.Counts.ListingsChanged);
        Assert.Empty(notices);
    }

    /// <summary>
    /// The game was postponed a day (Kalshi moved its start and its close): the next day's listing says so, and the
    /// replay follows from then. A quote after the first start but before the new one is still before the game, so
    /// the bot buys; replayed as first listed, the market would have been closed.
    /// </summary>
    [Fact]
    public async Task A_postponement_in_a_later_days_listing_is_followed_from_then()
    {
        var listedAt = Fixture.Market.Replace("{\"type\":\"market\",", "{\"type\":\"market\",\"ts\":\"2026-09-11T15:00:00Z\",", StringComparison.Ordinal);
        var postponed = Fixture.Market.Replace("{\"type\":\"market\",", "{\"type\":\"market\",\"ts\":\"2026-09-12T15:00:00Z\",", StringComparison.Ordinal)
            .Replace("\"game_start\":\"2026-09-13T16:00:00Z\",\"close_time\":\"2026-09-13T19:00:00Z\"", "\"game_start\":\"2026-09-14T16:00:00Z\",\"close_time\":\"2026-09-14T19:00:00Z\"", StringComparison.Ordinal);
        Assert.NotEqual(Fixture.Market, postponed.Replace(",\"ts\":\"2026-09-12T15:00:00Z\"", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_folder, "2026-09-11.jsonl"), listedAt + "\n");
        File.WriteAllText(Path.Combine(_folder, "2026-09-12.jsonl"), postponed + "\n");
        File.WriteAllText(Path.Combine(_folder, "2026-09-13.jsonl"), string.Join("\n", Fixture.Forecast("2026-09-13T17:59:00Z", "0.48"),
            Fixture.Quote("2026-09-13T18:00:00Z", "0.38", "25.00", "0.40", "10.00"), Fixture.Settlement("2026-09-14T19:30:00Z", "yes")) + "\n");
        var notices = new List<string>();

        var report = await BacktestRunner.RunAsync(_folder, Fixture.DefaultOptions(), notice: notices.Add);

        Assert.Equal((1L, 0L), (report.Counts.ListingsChanged, report.Counts.ListingsKept));
        Assert.Empty(notices);
        var trade = Assert.Single(report.Trades);
        Assert.Equal((Contracts.Whole(10), "yes"), (trade.Count, trade.Result));
    }

    /// <summary>A strike the replay cannot change: the market goes on as first listed, and the run says so with the record.</summary>
    [Fact]
    public async Task A_listing_changed_in_what_the_replay_cannot_follow_is_said()
    {
        var spread = "{\"type\":\"market\",\"ticker\":\"KXNFLSPREAD-26SEP13DALNYG-DAL3\",\"event_ticker\":\"KXNFLSPREAD-26SEP13DALNYG\",\"series_ticker\":\"KXNFLSPREAD\","
            + "\"title\":\"Dallas at New York: Spread\",\"game_start\":\"2026-09-13T16:00:00Z\",\"close_time\":\"2026-09-13T19:00:00Z\",\"fee_type\":\"quadratic\",\"fee_multiplier\":\"1\","
            + "\"strike_type\":\"greater\",\"floor_strike\":\"2.5\"}";
        File.WriteAllText(Path.Combine(_folder, "2026-09-12.jsonl"), spread.Replace("{\"type\":\"market\",", "{\"type\":\"market\",\"ts\":\"2026-09-12T15:00:00Z\",", StringComparison.Ordinal) + "\n");
        File.WriteAllText(Path.Combine(_folder, "2026-09-13.jsonl"), spread.Replace("{\"type\":\"market\",", "{\"type\":\"market\",\"ts\":\"2026-09-13T10:00:00Z\",", StringComparison.Ordinal)
            .Replace("\"2.5\"", "\"3.5\"", StringComparison.Ordinal) + "\n");
        var notices = new List<string>();

        var report = await BacktestRunner.RunAsync(_folder, Fixture.DefaultOptions(), notice: notices.Add);

        Assert.Equal((1L, 1L), (report.Counts.ListingsChanged, report.Counts.ListingsKept));
        Assert.Contains(Path.Combine(_folder, "2026-09-13.jsonl") + ":1: KXNFLSPREAD-26SEP13DALNYG-DAL3", Assert.Single(notices));
    }

    /// <summary>A source whose clock runs a little ahead stamps a forecast after the pass that used it: capped at the pass, the file stays readable.</summary>
    [Fact]
    public void A_forecast_stamped_after_the_pass_is_recorded_as_of_the_pass()
    {
        using (var recorder = new DatasetRecorder(_folder, 1024 * 1024))
            recorder.Observe([Seen(Now, 0.38m, 0.60m, 0.48m, Now.AddSeconds(1))]);

        var forecast = Day("2026-09-13").Single(r => r.Kind == RecordKind.Forecast);

        // Stamped at the pass, as_of the same (so not written): never after the time it was known.
        Assert.Equal((Now, (DateTimeOffset?)null), (forecast.At, forecast.AsOf));
    }

    [Fact]
    public void A_market_settling_on_a_later_day_is_listed_again_in_that_days_file()
    {
        using (var recorder = new DatasetRecorder(_folder, 1024 * 1024))
        {
            recorder.Observe([Seen(Now, 0.38m, 0.60m, 0.48m)]);
            recorder.Settled("KXNFLGAME-26SEP13DALNYG-DAL", SettlementResult.No, Now.AddHours(12));
        }

        Assert.Equal([RecordKind.Market, RecordKind.Settlement], Day("2026-09-14").Select(r => r.Kind));
    }

    [Fact]
    public void Past_its_bound_the_oldest_day_goes_and_a_day_that_outgrows_it_stops_recording_with_one_warning()
    {
        File.WriteAllBytes(Path.Combine(_folder, "2026-09-01.jsonl.gz"), new byte[600]);
        using var recorder = new DatasetRecorder(_folder, 500);

        var first = recorder.Observe([Seen(Now, 0.38m, 0.60m, 0.48m)]);
        var problems = Enumerable.Range(1, 50).Select(i => recorder.Observe([Seen(Now.AddSeconds(i), 0.30m + (i % 10 / 100m), 0.60m, 0.48m)])).ToList();

        Assert.False(File.Exists(Path.Combine(_folder, "2026-09-01.jsonl.gz")));
        Assert.Null(first);
        Assert.Single(problems, p => p is not null);
        Assert.True(new FileInfo(Path.Combine(_folder, "2026-09-13.jsonl.gz")).Length < 1000);
    }
}
