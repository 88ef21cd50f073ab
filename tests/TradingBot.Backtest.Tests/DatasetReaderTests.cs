using System.IO.Compression;
using TradingBot.Backtest.Data;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Tests;

public sealed class DatasetReaderTests : IDisposable
{
    private readonly Fixture _fixture = new();

    [Fact]
    public void A_quote_reads_its_prices_and_sizes_exactly()
    {
        var path = _fixture.Write("one.jsonl", Fixture.Market, Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10"));

        var quote = DatasetReader.Stream(path).Last();

        Assert.Equal(RecordKind.Quote, quote.Kind);
        Assert.Equal((Price.Parse("0.38"), Contracts.Whole(25), Price.Parse("0.40"), Contracts.Whole(10)), (quote.YesBid, quote.YesBidSize, quote.YesAsk, quote.YesAskSize));
        Assert.Equal(new DateTimeOffset(2026, 9, 11, 16, 0, 0, TimeSpan.Zero), quote.At);
        Assert.Equal(2, quote.Line);
    }

    [Theory]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.38501","yes_ask":"0.40","yes_bid_size":"1.00","yes_ask_size":"1.00"}""", "more than 4 decimals")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00+02:00","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.38","yes_ask":"0.40","yes_bid_size":"1.00","yes_ask_size":"1.00"}""", "must be in UTC")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.41","yes_ask":"0.40","yes_bid_size":"1.00","yes_ask_size":"1.00"}""", "is not below yes_ask")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":0.38,"yes_ask":"0.40","yes_bid_size":"1.00","yes_ask_size":"1.00"}""", "decimal string")]
    [InlineData("""{"type":"forecast","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"1.2"}""", "p_yes")]
    [InlineData("""{"type":"forecast","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"9999999999999"}""", "between 0 and 1")]
    [InlineData("""{"type":"settlement","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","result":"maybe"}""", "yes, no or void")]
    [InlineData("""{"type":"trade","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"}""", "unknown \"type\"")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z",""", "not a JSON object")]
    [InlineData("""{"type":"forecast","ts":"2026-09-11T16:00:00Z","as_of":"2026-09-11T16:00:01Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"0.5"}""", "cannot come after")]
    [InlineData("""{"type":"pass"}""", "a pass needs \"ts\"")]
    [InlineData("""{"type":"market","ticker":"KXNFLGAME-26SEP13DALNYG-NYG","event_ticker":"KXNFLGAME-26SEP13DALNYG","series_ticker":"KXNFLGAME","game_start":"2026-09-13T16:00:00Z","close_time":"2026-09-13T19:00:00Z","fee_type":"quadratic","fee_multiplier":"1","exchange_index":"3"}""", "exchange_index")]
    [InlineData("""{"type":"market","ticker":"KXNFLGAME-26SEP13DALNYG-NYG","event_ticker":"KXNFLGAME-26SEP13DALNYG","series_ticker":"KXNFLGAME","game_start":"2026-09-13T16:00:00Z","close_time":"2026-09-13T19:00:00Z","fee_type":"quadratic","fee_multiplier":"1","price_ranges":[{"start":"0.0000","end":"0.1000","step":"0.0030"}]}""", "price_ranges")]
    [InlineData("""{"type":"market","ticker":"KXNFLGAME-26SEP13DALNYG-NYG","event_ticker":"KXNFLGAME-26SEP13DALNYG","series_ticker":"KXNFLGAME","game_start":"2026-09-13T16:00:00Z","close_time":"2026-09-13T19:00:00Z","fee_type":"quadratic","fee_multiplier":"1","price_ranges":"0.01"}""", "price_ranges")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.38","yes_ask":"0.40","yes_bid_size":"1000000000.01","yes_ask_size":"1.00"}""", "\"yes_bid_size\" is more than a billion contracts")]
    public void A_bad_record_is_refused_with_its_file_and_line(string bad, string why)
    {
        var path = _fixture.Write("bad.jsonl", Fixture.Market, Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"), bad);

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Stream(path).ToList());

        Assert.StartsWith($"{path}:3: ", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void A_forecast_carries_its_sources_stamp_and_a_pass_needs_only_its_time()
    {
        var path = _fixture.Write("pass.jsonl", Fixture.Market,
            """{"type":"forecast","ts":"2026-09-11T16:00:00Z","as_of":"2026-09-11T15:58:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"0.5"}""",
            """{"type":"pass","ts":"2026-09-11T16:00:00Z"}""");

        var records = DatasetReader.Stream(path).ToList();

        Assert.Equal(new DateTimeOffset(2026, 9, 11, 15, 58, 0, TimeSpan.Zero), records[1].AsOf);
        Assert.Equal((RecordKind.Pass, new DateTimeOffset(2026, 9, 11, 16, 0, 0, TimeSpan.Zero)), (records[2].Kind, records[2].At));
    }

    /// <summary>Kalshi's subpenny ranges (ten ticks a cent at the tails) and the event's shard, written and read back whole.</summary>
    [Fact]
    public void A_markets_price_ranges_and_shard_read_back_as_written()
    {
        Assert.True(TickStructure.TryCreate([new PriceBand(Price.Zero, Price.Parse("0.10"), 0.001m), new PriceBand(Price.Parse("0.10"), Price.Parse("0.90"), 0.01m),
            new PriceBand(Price.Parse("0.90"), Price.One, 0.001m)], out var ticks, out _));
        var market = new MarketRecord(Fixture.Ticker, "KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", "Dallas at New York", new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 9, 13, 19, 0, 0, TimeSpan.Zero), Core.Fees.FeeType.Quadratic, 1m, Ticks: ticks, ExchangeIndex: 3);
        var path = Path.Combine(_fixture.Folder, "market.jsonl");
        using (var file = File.Create(path))
            DatasetWriter.WriteMarket(file, market);

        var read = DatasetReader.Stream(path).Single().Market!;

        Assert.Equal(3, read.ExchangeIndex);
        Assert.Equal(ticks.Bands, read.Ticks!.Bands);
        Assert.True(read.Ticks.IsValid(Price.Parse("0.0960")));
        Assert.False(read.Ticks.IsValid(Price.Parse("0.1050")));
    }

    [Fact]
    public async Task A_quote_off_its_markets_ticks_stops_the_replay_with_its_line()
    {
        var path = _fixture.Write("ticks.jsonl", Fixture.Market, Fixture.Quote("2026-09-11T16:00:00Z", "0.385", "25.00", "0.40", "10.00"));

        var error = await Assert.ThrowsAsync<DatasetException>(() => BacktestRunner.RunAsync(path, Fixture.DefaultOptions()));

        Assert.Contains($"{path}:2: quote 0.3850/0.4000 is off", error.Message);
    }

    [Fact]
    public async Task A_bad_record_anywhere_stops_the_backtest_and_writes_no_report()
    {
        var path = _fixture.Write("bad.jsonl", Fixture.Market, Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"),
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"), Fixture.Quote("2026-09-12T16:00:00Z", "0.38", "25.00", "0.40", "-1"));
        var output = Path.Combine(_fixture.Folder, "out");

        await Assert.ThrowsAsync<DatasetException>(() => BacktestRunner.RunToFolderAsync(path, output, Fixture.DefaultOptions()));

        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_gzip_file_reads_as_the_same_records()
    {
        var lines = new[] { Fixture.Market, Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"), Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00") };
        var plain = _fixture.Write("plain.jsonl", lines);
        var packed = Path.Combine(_fixture.Folder, "packed.jsonl.gz");
        using (var file = File.Create(packed))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.Write(File.ReadAllBytes(plain));

        Assert.Equal(DatasetReader.Stream(plain).ToList(), DatasetReader.Stream(packed).ToList());
    }

    [Fact]
    public void Records_out_of_order_stop_the_stream_and_sort_stably_by_time()
    {
        var path = _fixture.Write("shuffled.jsonl",
            Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"),
            Fixture.Forecast("2026-09-11T15:59:00Z", "0.48"),
            Fixture.Forecast("2026-09-11T16:00:00Z", "0.49"),
            Fixture.Market);

        var stopped = Assert.Throws<DatasetOrderException>(() => DatasetReader.Stream(path).ToList());
        var sorted = DatasetReader.Sorted(path).ToList();

        Assert.Equal(2, stopped.Line);
        Assert.Equal([4L, 2L, 1L, 3L], sorted.Select(r => r.Line)); // the market first, then by time; the two at 16:00 in file order
    }

    /// <summary>A market listed again may come late (a recorder's later day lists it with the time it was first seen); a new one may not.</summary>
    [Fact]
    public void Only_a_market_listed_again_may_come_late()
    {
        var listedAt = Fixture.Market.Replace("{\"type\":\"market\",", "{\"type\":\"market\",\"ts\":\"2026-09-11T15:00:00Z\",", StringComparison.Ordinal);
        var again = _fixture.Write("again.jsonl", listedAt, Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"), listedAt);
        var late = _fixture.Write("late.jsonl", Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"), listedAt);

        Assert.Equal(3, DatasetReader.Stream(again).Count());
        Assert.Equal(2, Assert.Throws<DatasetOrderException>(() => DatasetReader.Stream(late).ToList()).Line);
    }

    public void Dispose() => _fixture.Dispose();
}
