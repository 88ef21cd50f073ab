using System.Globalization;
using System.Text;
using TradingBot.Backtest.Data;
using TradingBot.Core.Values;
using LineParser = TradingBot.Backtest.Data.DatasetReader.LineParser;

namespace TradingBot.Backtest.Tests;

/// <summary>
/// The reader's fast path for quote lines must change nothing but speed: every line reads to the same record, or is
/// refused with the same message, as the full parser alone reads it; and the lines the recorder, the importer and the
/// benchmark write do take the fast path.
/// </summary>
public sealed class QuoteFastPathTests
{
    private const string Path = "data.jsonl";

    [Theory]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.38","yes_ask":"0.40","yes_bid_size":"25.00","yes_ask_size":"10.00"}""")]
    [InlineData("""{"yes_ask_size":"10","yes_bid_size":"25","yes_ask":"0.4","yes_bid":"0.38","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","ts":"2026-09-11T16:00:00.1234567Z","type":"quote"}""")]
    [InlineData("""{"type":"quote","ts":"2024-02-29T23:59:59.5Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_ask":"0.9999","yes_ask_size":"0.01"}""")]
    [InlineData("""{"type":"quote","ts":"0001-01-01T00:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"}""")]
    [InlineData("""{"type":"quote","ts":"9999-12-31T23:59:59.9999999Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.0001","yes_bid_size":"1000000000.00","yes_ask":"0.40","yes_ask_size":"0"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","yes_bid":"0.380000","yes_ask":"1.","yes_bid_size":"25.000","yes_ask_size":"0.00"}""")]
    public void A_compact_quote_takes_the_fast_path_and_reads_as_the_full_parser_reads_it(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);

        Assert.True(new LineParser(Path).TryQuote(bytes, 7, out var fast));
        Assert.Equal(Describe(() => new LineParser(Path).ParseFully(bytes, 7)), Describe(() => fast));
    }

    [Fact]
    public void The_lines_the_writer_the_importer_and_the_benchmark_write_take_the_fast_path()
    {
        var at = new DateTimeOffset(2026, 9, 11, 16, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        using var written = new MemoryStream();
        DatasetWriter.WriteQuote(written, at, Fixture.Ticker, Price.Parse("0.38"), Contracts.Whole(25), Price.Parse("0.40"), Contracts.Parse("10.5"));
        DatasetWriter.WriteQuote(written, at, Fixture.Ticker, Price.Zero, Contracts.Zero, Price.Parse("0.40"), Contracts.Whole(3));
        var lines = Encoding.UTF8.GetString(written.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Append(Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00"))
            // As data import-nflverse writes it, and as the benchmark's synthetic file does.
            .Append("""{"type":"quote","ts":"2010-09-10T00:00:00Z","ticker":"KXNFLGAME-10SEP09MINNO-MIN","yes_bid":"0.31","yes_ask":"0.34","yes_bid_size":"10000.00","yes_ask_size":"10000.00"}""")
            .Append("""{"type":"quote","ts":"2026-09-01T00:00:00Z","ticker":"KXNFLGAME-27OCT05T000T500-T000","yes_bid":"0.37","yes_ask":"0.39","yes_bid_size":"25.00","yes_ask_size":"10.00"}""");

        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(new LineParser(Path).TryQuote(bytes, 1, out var fast), line);
            Assert.Equal(Describe(() => new LineParser(Path).ParseFully(bytes, 1)), Describe(() => fast));
        }
    }

    [Theory]
    [InlineData("""{ "type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"} """)]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","note":"x"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-D\u0041L"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00+00:00","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00.12345678Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL"}""")]
    [InlineData("""{"type":"forecast","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","p_yes":"0.48"}""")]
    [InlineData("""{"type":"quote","ts":"2026-09-11T16:00:00Z","ticker":"KXNFLGAME-26SEP13DALNYG-DAL","source":"x"}""")]
    public void A_line_out_of_the_fast_paths_narrow_form_is_left_to_the_full_parser(string line)
    {
        Assert.False(new LineParser(Path).TryQuote(Encoding.UTF8.GetBytes(line), 1, out _));
    }

    [Fact]
    public void Many_tickers_alike_in_most_of_their_bytes_are_each_read_as_themselves()
    {
        var parser = new LineParser(Path);
        var tickers = Enumerable.Range(0, 3_000).Select(n => $"KXNFLGAME-{10 + (n % 16)}SEP{n / 16 % 28 + 1:00}DALNYG-{(n % 2 == 0 ? "DAL" : "NYG")}{n / 448}")
            .Concat(["A", "AB", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ"]).ToList();

        // Twice round: the first meets each ticker new, the second finds it known.
        foreach (var ticker in tickers.Concat(tickers))
        {
            var line = Encoding.UTF8.GetBytes(Fixture.Quote("2026-09-11T16:00:00Z", "0.38", "25.00", "0.40", "10.00").Replace(Fixture.Ticker, ticker, StringComparison.Ordinal));
            Assert.True(parser.TryQuote(line, 1, out var record));
            Assert.Equal(ticker, record.Ticker);
        }
    }

    /// <summary>The property itself, over many generated lines, good and bad: one parser with the fast path, one without, the same outcome for every line.</summary>
    [Fact]
    public void Generated_lines_read_alike_with_and_without_the_fast_path()
    {
        var random = new Random(15);
        var withFastPath = new LineParser(Path);
        var fullOnly = new LineParser(Path);
        var fast = 0;
        var refused = 0;
        for (var line = 1; line <= 40_000; line++)
        {
            var text = Encoding.UTF8.GetBytes(GeneratedLine(random));
            var expected = Describe(() => fullOnly.ParseFully(text, line));
            var actual = Describe(() => withFastPath.TryParse(text, line, out var record) ? record : throw new InvalidOperationException("blank"));
            Assert.True(expected == actual, $"line {Encoding.UTF8.GetString(text)}\n full parser: {expected}\n with fast path: {actual}");
            if (new LineParser(Path).TryQuote(text, line, out _))
                fast++;
            if (expected.StartsWith("refused", StringComparison.Ordinal))
            {
                refused++;
                Assert.StartsWith("refused DatasetException", expected, StringComparison.Ordinal); // a bad line is said to be bad, never a crash
            }
        }

        // Neither half is vacuous: many lines took the fast path, many were refused.
        Assert.InRange(fast, 8_000, 32_000);
        Assert.InRange(refused, 8_000, 32_000);
    }

    /// <summary>Times in many forms, through a whole quote line: the hand-written reading of the common form against System.Text.Json's.</summary>
    [Fact]
    public void Times_read_alike_with_and_without_the_fast_path()
    {
        var random = new Random(1015);
        for (var i = 0; i < 20_000; i++)
        {
            var text = Encoding.UTF8.GetBytes(QuoteWithTime(GeneratedTime(random)));
            var expected = Describe(() => new LineParser(Path).ParseFully(text, 1));
            var actual = Describe(() => new LineParser(Path).TryParse(text, 1, out var record) ? record : default);
            Assert.True(expected == actual, $"line {Encoding.UTF8.GetString(text)}\n full parser: {expected}\n with fast path: {actual}");
        }
    }

    private static string QuoteWithTime(string ts) =>
        $$"""{"type":"quote","ts":"{{ts}}","ticker":"{{Fixture.Ticker}}","yes_bid":"0.38","yes_ask":"0.40","yes_bid_size":"25.00","yes_ask_size":"10.00"}""";

    /// <summary>The outcome of reading a line, every field of the record (the time with its ticks and offset) or the refusal's type and message.</summary>
    private static string Describe(Func<DatasetRecord> read)
    {
        try
        {
            var r = read();
            return string.Create(CultureInfo.InvariantCulture,
                $"read {r.Kind} {r.At.Ticks} {r.At.Offset} {r.Ticker} {r.Line} {r.YesBid.Units} {r.YesBidSize.Hundredths} {r.YesAsk.Units} {r.YesAskSize.Hundredths} {r.PYes} {r.Source} {r.Result} {r.Market}");
        }
        catch (Exception ex)
        {
            return $"refused {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static readonly string[] Tickers =
    [
        Fixture.Ticker, "KXNFLGAME-26SEP13DALNYG-NYG", "KXNFLGAME-27OCT05T001T501-T001", "kxnflgame-26sep13dalnyg-dal", "KXNFL GAME", "",
        "KXNFLGAME-26SEP13DALNYG-D\\u0041L", "KXNFLGAME-26SEP13DALNYG-DAL\\\\", "KXNFLGAMÉ-26SEP13", "KX\\\"NFL", new string('K', 140), "KXNFLGAME-26SEP13DALNYG-DAL\t",
    ];

    private static readonly string[] Prices =
    [
        "0.38", "0.40", "0.3850", "0.38500", "0.385001", "0.4", "0.99", "0.9999", "0.0001", "0.01", "1", "1.0", "1.", "0", "0.0", ".5", "5.", "-0.1", "0x",
        "", "0.3a", "00.38", "0.40 ", " 0.40", "\\u0030.40", "99999999999999.0", "0.38000000000",
    ];

    private static readonly string[] Sizes =
    [
        "25.00", "10.00", "10", "0", "0.00", "0.01", "0.001", "0.010", "1000000000.00", "1000000000.01", "1000000000", "999999999.99", "-1", "1e3", "1,5", "",
        "10000000000000.00", "\\u0031",
    ];

    private static readonly string[] Extras =
    [
        "\"note\":\"x\"", "\"n\":1", "\"o\":{\"a\":[1,2]}", "\"p_yes\":\"0.5\"", "\"p_yes\":\"2\"", "\"source\":\"book\"", "\"source\":3", "\"result\":\"yes\"",
        "\"game_start\":\"2026-09-11T16:00:00Z\"", "\"game_start\":\"soon\"", "\"title\":\"t\"", "\"ts2\":\"x\"", "\"yes_bid_sizes\":\"1\"", "\"Type\":\"quote\"",
        "\"ty\\u0070e\":\"quote\"", "\"e\":null", "\"t\":true",
    ];

    private static string GeneratedLine(Random random)
    {
        // Mostly good lines (each part has a small chance of being odd), so both the fast path and the refusals get exercised.
        var fields = new List<string>();
        if (random.Next(40) != 0)
            fields.Add(Field("type", random.Next(10) != 0 ? "quote" : Pick(random, ["forecast", "market", "settlement", "Quote", "quote ", "qu\\u006fte", "trade"])));
        if (random.Next(40) != 0)
            fields.Add(Field("ts", random.Next(8) == 0 ? GeneratedTime(random) : Pick(random, ["2026-09-11T16:00:00Z", "2026-09-11T16:00:01Z", "2026-09-11T16:00:00.0000000Z"])));
        if (random.Next(40) != 0)
            fields.Add(Field("ticker", random.Next(8) == 0 ? Pick(random, Tickers) : Tickers[random.Next(3)]));
        var bid = random.Next(1, 98);
        foreach (var (side, price) in new[] { ("yes_bid", bid), ("yes_ask", bid + (random.Next(10) == 0 ? random.Next(-1, 1) : random.Next(1, 3))) })
        {
            if (random.Next(20) != 0)
                fields.Add(Field(side, random.Next(8) == 0 ? Pick(random, Prices) : $"0.{price:00}"));
            if (random.Next(20) != 0)
                fields.Add(Field(side + "_size", random.Next(8) == 0 ? Pick(random, Sizes) : $"{random.Next(0, 50)}.00"));
        }

        if (random.Next(8) == 0)
            fields.Add(Pick(random, Extras));
        if (random.Next(12) == 0)
            fields.Add(fields[random.Next(fields.Count)]); // a field twice
        if (random.Next(12) == 0)
            fields[random.Next(fields.Count)] = fields[random.Next(fields.Count)].Replace("\":\"", "\":", StringComparison.Ordinal); // a value not a string
        if (random.Next(2) == 0)
            Shuffle(random, fields);
        var line = "{" + string.Join(",", fields) + "}";
        return random.Next(8) == 0 ? Disturb(random, line) : line;
    }

    /// <summary>A small change anywhere: whitespace, a byte removed or doubled, something after the object.</summary>
    private static string Disturb(Random random, string line)
    {
        var at = random.Next(line.Length + 1);
        return random.Next(7) switch
        {
            0 => line.Insert(at, " "),
            1 => line.Insert(at, "\t"),
            2 => at < line.Length ? line.Remove(at, 1) : line + "x",
            3 => at < line.Length ? line.Insert(at, line[at].ToString()) : line + "}",
            4 => line + Pick(random, [" ", ",", "}", "{}", "\u00a0"]),
            5 => line.Insert(at, "\u00e9"),
            _ => line.Replace(",", ", ", StringComparison.Ordinal).Replace(":", ": ", StringComparison.Ordinal),
        };
    }

    private static string GeneratedTime(Random random)
    {
        var year = Pick(random, ["2026", "2024", "2023", "1900", "2000", "2100", "0001", "9999", "0000", "20261"]);
        var month = Pick(random, ["01", "02", "09", "12", "13", "00", "1"]);
        var day = Pick(random, ["01", "11", "28", "29", "30", "31", "32", "00"]);
        var hour = Pick(random, ["00", "16", "23", "24", "7"]);
        var minute = Pick(random, ["00", "59", "60"]);
        var second = Pick(random, ["00", "30", "59", "60"]);
        var fraction = random.Next(3) == 0 ? "" : "." + string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => (char)('0' + random.Next(10))));
        var zone = Pick(random, ["Z", "Z", "Z", "Z", "z", "", "+00:00", "-00:00", "+02:00", "-05:30", "+0000"]);
        var time = $"{year}-{month}-{day}{Pick(random, ["T", "T", "T", "t", " "])}{hour}:{minute}:{second}{fraction}{zone}";
        return random.Next(15) switch
        {
            0 => $"{year}-{month}-{day}",
            1 => $"{year}-{month}-{day}T{hour}:{minute}{zone}",
            _ => time,
        };
    }

    private static string Field(string name, string value) => $"\"{name}\":\"{value}\"";

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static void Shuffle(Random random, List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
