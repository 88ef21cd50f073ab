using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Data;

/// <summary>
/// Reads a dataset (a file, or a folder of them: <see cref="FilesOf"/>; JSON Lines, gzip-compressed or not: told apart
/// by its first two bytes) one record at a time. Every line is checked as it is read; a bad one stops the read with
/// its file and line number, so a replay that meets one writes no report. <see cref="Stream"/> yields records in file
/// order and stops with <see cref="DatasetOrderException"/> at the first record stamped before one already read (but
/// for a market listed again, which may come late); <see cref="Sorted"/>
/// reads the whole file into memory (at most <see cref="MaxSortedRecords"/> records) and yields it in time order,
/// stably (records with the same time keep their file order). A market without <c>ts</c> sorts before everything.
/// </summary>
public static partial class DatasetReader
{
    /// <summary>The most records an out-of-order file may hold: sorting it happens in memory (about 100 bytes a record).</summary>
    public const int MaxSortedRecords = 5_000_000;

    private const int BufferSize = 1 << 20;

    /// <summary>
    /// The files a dataset path stands for: a file, or a folder's <c>.jsonl</c> and <c>.jsonl.gz</c> files in name order
    /// (a recorder's days: <c>2026-12-06.jsonl.gz</c>, <c>2026-12-07.jsonl.gz</c>, …), read as one dataset.
    /// </summary>
    public static IReadOnlyList<string> FilesOf(string path)
    {
        if (!Directory.Exists(path))
            return [path];
        var files = Directory.GetFiles(path).Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".jsonl.gz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new DatasetException($"{path}: the folder holds no .jsonl or .jsonl.gz file");
    }

    public static IEnumerable<DatasetRecord> Stream(string path, ReadPosition? position = null) => Stream(FilesOf(path), position);

    /// <summary>The files' records in file order, stopping at the first one out of time order (see the class).</summary>
    public static IEnumerable<DatasetRecord> Stream(IReadOnlyList<string> files, ReadPosition? position = null)
    {
        var last = DateTimeOffset.MinValue;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in InFileOrder(files, position))
        {
            // A market listed again may come late (a recording lists a market again in the day's file where it
            // settles, stamped when it was first seen): the replay knows it already. Every other record keeps time.
            if (record.Kind == RecordKind.Market && !listed.Add(record.Ticker) && record.At < last)
            {
                yield return record;
                continue;
            }

            if (record.At < last)
                throw new DatasetOrderException(files[record.File], record.Line);
            last = record.At;
            yield return record;
        }
    }

    public static IEnumerable<DatasetRecord> Sorted(string path, ReadPosition? position = null) => Sorted(FilesOf(path), position);

    /// <summary>The files' records in time order, stably, sorted in memory (see the class).</summary>
    public static IEnumerable<DatasetRecord> Sorted(IReadOnlyList<string> files, ReadPosition? position = null)
    {
        var all = new List<DatasetRecord>();
        foreach (var record in InFileOrder(files, position))
        {
            if (all.Count == MaxSortedRecords)
            {
                var path = files.Count == 1 ? files[0] : Path.GetDirectoryName(files[0]);
                throw new DatasetException($"{path}: its records are not in time order and it holds more than {MaxSortedRecords:N0} of them, "
                    + "too many to sort in memory; sort the file by ts first (markets without ts first)");
            }

            all.Add(record);
        }

        // A file and a line name one record, so this order is total: the same data always replays the same way.
        all.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.File != b.File ? a.File.CompareTo(b.File) : a.Line.CompareTo(b.Line));
        return all;
    }

    /// <summary>Every record in file order (the files of <see cref="FilesOf"/> one after the other), checked one by one.</summary>
    public static IEnumerable<DatasetRecord> InFileOrder(string path, ReadPosition? position = null) => InFileOrder(FilesOf(path), position);

    private static IEnumerable<DatasetRecord> InFileOrder(IReadOnlyList<string> files, ReadPosition? position)
    {
        if (position is not null)
            position.Length = files.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);
        return files.Count == 1 ? InOneFile(files[0], position, 0) : InEveryFile(files, position);
    }

    private static IEnumerable<DatasetRecord> InEveryFile(IReadOnlyList<string> files, ReadPosition? position)
    {
        long before = 0;
        for (var i = 0; i < files.Count; i++)
        {
            foreach (var record in InOneFile(files[i], position, before))
                yield return record with { File = i };
            before += new FileInfo(files[i]).Length;
        }
    }

    /// <summary>One file's records; <paramref name="before"/> is how many bytes the files before it hold, for progress.</summary>
    private static IEnumerable<DatasetRecord> InOneFile(string path, ReadPosition? position, long before)
    {
        var (file, raw) = OpenData(path);
        using var _ = file;
        var parser = new LineParser(path);
        var buffer = new byte[BufferSize];
        var filled = 0;
        long line = 0;
        while (true)
        {
            var read = file.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            if (position is not null)
                position.Read = before + raw.Position;
            var start = 0;
            while (true)
            {
                var end = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (end < 0)
                    break;
                line++;
                if (parser.TryParse(buffer.AsSpan(start, end - start), line, out var record))
                    yield return record;
                start = end + 1;
            }

            if (read == 0)
            {
                if (start < filled)
                {
                    line++;
                    if (parser.TryParse(buffer.AsSpan(start, filled - start), line, out var last))
                        yield return last;
                }

                yield break;
            }

            if (start == 0 && filled == buffer.Length)
                throw new DatasetException($"{path}:{line + 1}: the line is longer than {BufferSize:N0} bytes");
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
        }
    }

    /// <summary>The data to read, and the file under it (whose position says how far a compressed read has got).</summary>
    private static (Stream Data, FileStream File) OpenData(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{path}: cannot be read: {ex.Message}");
        }

        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return (isGzip ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file, file);
    }

    /// <summary>
    /// One line into one record; tickers and sources are kept once each, not once per line. The common quote line is
    /// read by a fast path first (<see cref="TryQuote"/>); whatever it does not fully understand goes through the
    /// full parser, which alone decides what is refused and says why.
    /// </summary>
    internal sealed partial class LineParser
    {
        /// <summary>A billion contracts (<see cref="Contracts"/>' bound): a size above it is refused, not read.</summary>
        private const long MaxSizeHundredths = 100_000_000_000;

        private readonly string _path;
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly byte[] _lastTimeText = new byte[40];
        private int _lastTimeLength;
        private DateTimeOffset _lastTime;

        public LineParser(string path)
        {
            _path = path;
            _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public bool TryParse(ReadOnlySpan<byte> text, long line, out DatasetRecord record)
        {
            record = default;
            if (text.Length > 0 && text[^1] == (byte)'\r')
                text = text[..^1];
            if (text.Trim((byte)' ').IsEmpty)
                return false;
            if (!TryQuote(text, line, out record))
                record = ParseFully(text, line);
            return true;
        }

        /// <summary>The full parser alone (no fast path): the record, or a <see cref="DatasetException"/> saying what is wrong.</summary>
        internal DatasetRecord ParseFully(ReadOnlySpan<byte> text, long line)
        {
            try
            {
                return Parse(text, line);
            }
            catch (JsonException ex)
            {
                throw Bad(line, $"not a JSON object: {ex.Message}");
            }
        }

        private DatasetRecord Parse(ReadOnlySpan<byte> text, long line)
        {
            var reader = new Utf8JsonReader(text);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw Bad(line, "a record is one JSON object on its line");

            RecordKind? kind = null;
            string? ticker = null, eventTicker = null, series = null, title = null, feeType = null, source = null, result = null;
            string? yesSubTitle = null, strikeType = null, competition = null;
            DateTimeOffset? ts = null, gameStart = null, closeTime = null, asOf = null;
            long? yesBid = null, yesAsk = null, bidSize = null, askSize = null, pYes = null, feeMultiplier = null, floorStrike = null, capStrike = null;
            TickStructure? ticks = null;
            var shard = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("type"u8))
                    kind = KindOf(ref reader, line);
                else if (name.SequenceEqual("ts"u8))
                    ts = Time(ref reader, line, "ts");
                else if (name.SequenceEqual("ticker"u8))
                    ticker = Interned(ref reader, line, "ticker");
                else if (name.SequenceEqual("yes_bid"u8))
                    yesBid = Scaled(ref reader, line, "yes_bid", Price.Decimals);
                else if (name.SequenceEqual("yes_ask"u8))
                    yesAsk = Scaled(ref reader, line, "yes_ask", Price.Decimals);
                else if (name.SequenceEqual("yes_bid_size"u8))
                    bidSize = Scaled(ref reader, line, "yes_bid_size", Contracts.Decimals);
                else if (name.SequenceEqual("yes_ask_size"u8))
                    askSize = Scaled(ref reader, line, "yes_ask_size", Contracts.Decimals);
                else if (name.SequenceEqual("p_yes"u8))
                    pYes = Scaled(ref reader, line, "p_yes", 6);
                else if (name.SequenceEqual("as_of"u8))
                    asOf = Time(ref reader, line, "as_of");
                else if (name.SequenceEqual("source"u8))
                    source = Interned(ref reader, line, "source");
                else if (name.SequenceEqual("result"u8))
                    result = Text(ref reader, line, "result");
                else if (name.SequenceEqual("event_ticker"u8))
                    eventTicker = Text(ref reader, line, "event_ticker");
                else if (name.SequenceEqual("series_ticker"u8))
                    series = Text(ref reader, line, "series_ticker");
                else if (name.SequenceEqual("title"u8))
                    title = Text(ref reader, line, "title");
                else if (name.SequenceEqual("game_start"u8))
                    gameStart = Time(ref reader, line, "game_start");
                else if (name.SequenceEqual("close_time"u8))
                    closeTime = Time(ref reader, line, "close_time");
                else if (name.SequenceEqual("fee_type"u8))
                    feeType = Text(ref reader, line, "fee_type");
                else if (name.SequenceEqual("fee_multiplier"u8))
                    feeMultiplier = Scaled(ref reader, line, "fee_multiplier", 4);
                else if (name.SequenceEqual("yes_sub_title"u8))
                    yesSubTitle = Text(ref reader, line, "yes_sub_title");
                else if (name.SequenceEqual("strike_type"u8))
                    strikeType = Text(ref reader, line, "strike_type");
                else if (name.SequenceEqual("floor_strike"u8))
                    floorStrike = Scaled(ref reader, line, "floor_strike", 4);
                else if (name.SequenceEqual("cap_strike"u8))
                    capStrike = Scaled(ref reader, line, "cap_strike", 4);
                else if (name.SequenceEqual("competition"u8))
                    competition = Text(ref reader, line, "competition");
                else if (name.SequenceEqual("price_ranges"u8))
                    ticks = Ranges(ref reader, line);
                else if (name.SequenceEqual("exchange_index"u8))
                    shard = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var index) && index is >= 0 and < 64
                        ? index : throw Bad(line, "\"exchange_index\" must be a whole number from 0 to 63 (the event's exchange shard)");
                else
                    reader.Skip(); // more fields are allowed; they are not read
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                throw Bad(line, "a record is one JSON object on its line");
            if (kind is not { } k)
                throw Bad(line, "has no \"type\"");
            if (k == RecordKind.Pass)
                return ts is { } passed ? new DatasetRecord(k, passed, "", line) : throw Bad(line, "a pass needs \"ts\"");
            if (ticker is null)
                throw Bad(line, "has no \"ticker\"");
            if (!MarketTicker.TryParse(ticker, out _))
                throw Bad(line, $"\"{ticker}\" is not a market ticker");
            if (k != RecordKind.Market && ts is null)
                throw Bad(line, $"a {KindName(k)} needs \"ts\"");

            switch (k)
            {
                case RecordKind.Quote:
                {
                    var (bid, bidCount) = Level(yesBid, bidSize, line, "yes_bid");
                    var (ask, askCount) = Level(yesAsk, askSize, line, "yes_ask");
                    if (!bidCount.IsZero && !askCount.IsZero && bid >= ask)
                        throw Bad(line, $"yes_bid {bid} is not below yes_ask {ask}");
                    return new DatasetRecord(k, ts!.Value, ticker, line, bid, bidCount, ask, askCount);
                }

                case RecordKind.Forecast:
                {
                    // Below zero only when a huge number overflowed its millionths.
                    if (pYes is not { } micros || micros is < 0 or > Probability.MicrosPerUnit)
                        throw Bad(line, "a forecast needs \"p_yes\" between 0 and 1 (at most 6 decimals)");
                    if (asOf > ts)
                        throw Bad(line, "a forecast's \"as_of\" (when its source stamped it) cannot come after its \"ts\" (when it was known)");
                    return new DatasetRecord(k, ts!.Value, ticker, line, PYes: Probability.FromValue(Fixed.FromScaled(micros, 6)), Source: source ?? "dataset", AsOf: asOf);
                }

                case RecordKind.Settlement:
                {
                    var settled = result switch
                    {
                        "yes" => SettlementResult.Yes,
                        "no" => SettlementResult.No,
                        "void" => SettlementResult.Void,
                        _ => throw Bad(line, $"\"result\" must be yes, no or void (got {(result is null ? "nothing" : $"\"{result}\"")})"),
                    };
                    return new DatasetRecord(k, ts!.Value, ticker, line, Result: settled);
                }

                default:
                {
                    if (eventTicker is null || !EventTicker.TryParse(eventTicker, out _))
                        throw Bad(line, "a market needs \"event_ticker\", an event ticker");
                    if (string.IsNullOrWhiteSpace(series) || !MarketTicker.TryParse(series, out _))
                        throw Bad(line, "a market needs \"series_ticker\"");
                    if (gameStart is null || closeTime is null)
                        throw Bad(line, "a market needs \"game_start\" and \"close_time\"");
                    var fees = feeType switch
                    {
                        "quadratic" => FeeType.Quadratic,
                        "quadratic_with_maker_fees" => FeeType.QuadraticWithMakerFees,
                        "quadratic_with_combo_maker_fees" => FeeType.QuadraticWithComboMakerFees,
                        _ => throw Bad(line, $"\"fee_type\" must be quadratic, quadratic_with_maker_fees or quadratic_with_combo_maker_fees (got {(feeType is null ? "nothing" : $"\"{feeType}\"")})"),
                    };
                    if (feeMultiplier is null)
                        throw Bad(line, "a market needs \"fee_multiplier\"");
                    if (ts is { } listed && listed >= closeTime)
                        throw Bad(line, "\"ts\" (when the market is listed) must come before \"close_time\"");
                    MarketStrike? strike = strikeType is null ? null
                        : new MarketStrike(strikeType, floorStrike is { } f ? Fixed.FromScaled(f, 4) : null, capStrike is { } c ? Fixed.FromScaled(c, 4) : null);
                    var market = new MarketRecord(ticker, eventTicker, series, title ?? "", gameStart.Value, closeTime.Value, fees,
                        Fixed.FromScaled(feeMultiplier.Value, 4), yesSubTitle ?? "", ts, strike, competition, ticks, shard);
                    return new DatasetRecord(k, ts ?? DateTimeOffset.MinValue, ticker, line, Market: market);
                }
            }
        }

        /// <summary>Kalshi's <c>price_ranges</c>: <c>[{"start":"0.0000","end":"0.1000","step":"0.0010"}, …]</c>, checked as the client checks them.</summary>
        private TickStructure Ranges(ref Utf8JsonReader reader, long line)
        {
            const string Shape = "\"price_ranges\" must be a list of {\"start\", \"end\", \"step\"} decimal strings, as Kalshi sends it";
            if (reader.TokenType != JsonTokenType.StartArray)
                throw Bad(line, Shape);
            var bands = new List<PriceBand>();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                long? start = null, end = null, step = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueSpan;
                    reader.Read();
                    if (field.SequenceEqual("start"u8))
                        start = Scaled(ref reader, line, "price_ranges.start", Price.Decimals);
                    else if (field.SequenceEqual("end"u8))
                        end = Scaled(ref reader, line, "price_ranges.end", Price.Decimals);
                    else if (field.SequenceEqual("step"u8))
                        step = Scaled(ref reader, line, "price_ranges.step", Price.Decimals);
                    else
                        reader.Skip();
                }

                if (start is not { } s || end is not { } e || step is not { } t || s > Price.UnitsPerDollar || e > Price.UnitsPerDollar)
                    throw Bad(line, Shape);
                bands.Add(new PriceBand(Price.FromUnits((int)s), Price.FromUnits((int)e), Fixed.FromScaled(t, Price.Decimals)));
            }

            if (reader.TokenType != JsonTokenType.EndArray)
                throw Bad(line, Shape);
            return TickStructure.TryCreate(bands, out var ticks, out var error) ? ticks : throw Bad(line, $"\"price_ranges\": {error}");
        }

        private (Price Price, Contracts Size) Level(long? price, long? size, long line, string field)
        {
            if (price is null && size is null)
                return (Price.Zero, Contracts.Zero);
            if (price is null || size is null)
                throw Bad(line, $"\"{field}\" and \"{field}_size\" go together");
            if (size == 0)
                return (Price.Zero, Contracts.Zero);
            if (price is <= 0 or >= Price.UnitsPerDollar)
                throw Bad(line, $"\"{field}\" must be strictly between 0 and 1");
            if (size > MaxSizeHundredths)
                throw Bad(line, $"\"{field}_size\" is more than a billion contracts");
            return (Price.FromUnits((int)price.Value), Contracts.FromHundredths(size.Value));
        }

        /// <summary>The record's type, read without making a string of it (one per line adds up over millions of quotes).</summary>
        private RecordKind KindOf(ref Utf8JsonReader reader, long line)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw Bad(line, "\"type\" must be a string");
            var type = reader.ValueSpan;
            if (type.SequenceEqual("quote"u8))
                return RecordKind.Quote;
            if (type.SequenceEqual("forecast"u8))
                return RecordKind.Forecast;
            if (type.SequenceEqual("market"u8))
                return RecordKind.Market;
            if (type.SequenceEqual("settlement"u8))
                return RecordKind.Settlement;
            if (type.SequenceEqual("pass"u8))
                return RecordKind.Pass;
            throw Bad(line, $"unknown \"type\" \"{reader.GetString()}\" (market, quote, forecast, settlement or pass)");
        }

        private static string KindName(RecordKind kind) => kind.ToString().ToLowerInvariant();

        private string Text(ref Utf8JsonReader reader, long line, string field) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Bad(line, $"\"{field}\" must be a string");

        private string Interned(ref Utf8JsonReader reader, long line, string field)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw Bad(line, $"\"{field}\" must be a string");
            if (reader.ValueIsEscaped || reader.ValueSpan.Length > 128)
                return Intern(reader.GetString()!);
            Span<char> chars = stackalloc char[128];
            var count = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            if (_lookup.TryGetValue(chars[..count], out var known))
                return known;
            return Intern(new string(chars[..count]));
        }

        private string Intern(string text)
        {
            if (_strings.TryGetValue(text, out var known))
                return known;
            _strings[text] = text;
            return text;
        }

        /// <summary>An ISO 8601 time in UTC ("2026-09-13T17:00:00Z"); another offset is refused rather than guessed at.</summary>
        private DateTimeOffset Time(ref Utf8JsonReader reader, long line, string field)
        {
            // Records come in bursts stamped alike (every market quoted in the same second): the last time read is reused.
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(_lastTimeText.AsSpan(0, _lastTimeLength)))
                return _lastTime;
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var at))
                throw Bad(line, $"\"{field}\" must be an ISO 8601 time in UTC such as \"2026-09-13T17:00:00Z\"");
            if (at.Offset != TimeSpan.Zero)
                throw Bad(line, $"\"{field}\" must be in UTC (Z), not at offset {at.Offset}");
            if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= _lastTimeText.Length)
            {
                reader.ValueSpan.CopyTo(_lastTimeText);
                _lastTimeLength = reader.ValueSpan.Length;
                _lastTime = at;
            }

            return at;
        }

        /// <summary>A decimal string ("0.40", "25.00", "1") as a whole number of 10^-<paramref name="decimals"/>; more decimals only if zeros.</summary>
        private long Scaled(ref Utf8JsonReader reader, long line, string field, int decimals)
        {
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                throw Bad(line, $"\"{field}\" must be a decimal string such as \"0.40\"");
            var span = reader.ValueSpan;
            return ReadScaled(span, decimals, out var scaled) switch
            {
                DecimalText.Valid => scaled,
                DecimalText.TooManyDecimals => throw Bad(line, $"\"{field}\" has more than {decimals} decimals (got \"{Encoding.UTF8.GetString(span)}\")"),
                _ => throw Bad(line, $"\"{field}\" must be a non-negative decimal string such as \"0.40\" (got \"{Encoding.UTF8.GetString(span)}\")"),
            };
        }

        private enum DecimalText : byte
        {
            Valid,
            NotDecimal,
            TooManyDecimals,
        }

        /// <summary>The one reading of a decimal string, shared by both paths so they cannot disagree on a number.</summary>
        private static DecimalText ReadScaled(ReadOnlySpan<byte> span, int decimals, out long scaled)
        {
            scaled = 0;
            long whole = 0;
            var i = 0;
            for (; i < span.Length && span[i] != (byte)'.'; i++)
            {
                var d = span[i] - (byte)'0';
                if (d is < 0 or > 9 || whole > 1_000_000_000_000)
                    return DecimalText.NotDecimal;
                whole = (whole * 10) + d;
            }

            if (i == 0)
                return DecimalText.NotDecimal;
            var value = whole;
            var places = 0;
            for (i++; i < span.Length; i++)
            {
                var d = span[i] - (byte)'0';
                if (d is < 0 or > 9)
                    return DecimalText.NotDecimal;
                if (places == decimals)
                {
                    if (d != 0)
                        return DecimalText.TooManyDecimals;
                    continue;
                }

                value = (value * 10) + d;
                places++;
            }

            for (; places < decimals; places++)
                value *= 10;
            scaled = value;
            return DecimalText.Valid;
        }

        private DatasetException Bad(long line, string message) => new($"{_path}:{line}: {message}");
    }
}

/// <summary>How much of the file a read has got through, in bytes of the file as stored.</summary>
public sealed class ReadPosition
{
    public long Read { get; set; }

    public long Length { get; set; }

    public double Fraction => Length == 0 ? 1 : (double)Read / Length;
}

/// <summary>A record stamped before one already read: the file must be sorted before it can be streamed.</summary>
public sealed class DatasetOrderException(string path, long line)
    : Exception($"{path}:{line}: the record is stamped before one already read (the file is not in time order)")
{
    public long Line { get; } = line;
}
