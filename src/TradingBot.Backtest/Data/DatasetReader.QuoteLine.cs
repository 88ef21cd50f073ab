using System.Buffers;
using System.Text;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Data;

public static partial class DatasetReader
{
    internal sealed partial class LineParser
    {
        /// <summary>The bytes that end a plain string: its closing quote, or what the fast path leaves to the full parser (escapes, control characters, anything not ASCII).</summary>
        private static readonly SearchValues<byte> StringStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

        private static readonly long[] TicksPerFractionDigit = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

        /// <summary>Tickers already read and found valid, looked up by their text: a quote line neither allocates nor re-checks its ticker.</summary>
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _tickers =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>
        /// The fast path for the line almost every dataset is made of: a quote written compactly,
        /// <c>{"type":"quote","ts":"…","ticker":"…","yes_bid":"0.38",…}</c>, read straight off its bytes (fields in any
        /// order; plain ASCII strings; a time of the form <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c>). It accepts a line only
        /// when the full parser would accept it and read the same record; for anything else (whitespace, escapes, another
        /// type, a field other than the quote's, a value out of range, a time in another form) it returns false and the
        /// full parser reads the line: so every refusal, and its message, is the full parser's.
        /// </summary>
        internal bool TryQuote(ReadOnlySpan<byte> text, long line, out DatasetRecord record)
        {
            record = default;
            if (text.Length < 2 || text[0] != (byte)'{' || text[^1] != (byte)'}')
                return false;
            var quote = false;
            string? ticker = null;
            DateTimeOffset? ts = null;
            long? yesBid = null, yesAsk = null, bidSize = null, askSize = null;
            var i = 1;
            while (true)
            {
                if (!TryPlainString(text, ref i, out var name) || text[i++] != (byte)':' || !TryPlainString(text, ref i, out var value))
                    return false;
                // The last of a repeated field wins, as in the full parser; each one must be valid on its own.
                switch (name.Length)
                {
                    case 4 when name.SequenceEqual("type"u8):
                        if (!value.SequenceEqual("quote"u8))
                            return false;
                        quote = true;
                        break;
                    case 2 when name.SequenceEqual("ts"u8):
                        if (!TryCachedTime(value, out var at))
                            return false;
                        ts = at;
                        break;
                    case 6 when name.SequenceEqual("ticker"u8):
                        if ((ticker = KnownTicker(value)) is null)
                            return false;
                        break;
                    case 7 when name.SequenceEqual("yes_bid"u8):
                        if (ReadScaled(value, Price.Decimals, out var bid) != DecimalText.Valid)
                            return false;
                        yesBid = bid;
                        break;
                    case 7 when name.SequenceEqual("yes_ask"u8):
                        if (ReadScaled(value, Price.Decimals, out var ask) != DecimalText.Valid)
                            return false;
                        yesAsk = ask;
                        break;
                    case 12 when name.SequenceEqual("yes_bid_size"u8):
                        if (ReadScaled(value, Contracts.Decimals, out var bidCount) != DecimalText.Valid)
                            return false;
                        bidSize = bidCount;
                        break;
                    case 12 when name.SequenceEqual("yes_ask_size"u8):
                        if (ReadScaled(value, Contracts.Decimals, out var askCount) != DecimalText.Valid)
                            return false;
                        askSize = askCount;
                        break;
                    default:
                        return false; // any other field, known or not, is the full parser's to read or skip
                }

                if (text[i] == (byte)'}')
                    break;
                if (text[i++] != (byte)',')
                    return false;
            }

            if (i != text.Length - 1 || !quote || ticker is null || ts is null
                || !TryLevel(yesBid, bidSize, out var yesBidPrice, out var yesBidSize) || !TryLevel(yesAsk, askSize, out var yesAskPrice, out var yesAskSize)
                || (!yesBidSize.IsZero && !yesAskSize.IsZero && yesBidPrice >= yesAskPrice))
                return false;
            record = new DatasetRecord(RecordKind.Quote, ts.Value, ticker, line, yesBidPrice, yesBidSize, yesAskPrice, yesAskSize);
            return true;
        }

        /// <summary>
        /// A string at <paramref name="i"/> with nothing in it that needs decoding; <paramref name="i"/> moves past its
        /// closing quote, which is never the line's last byte (the caller checked that is <c>}</c>), so the caller may read one more.
        /// </summary>
        private static bool TryPlainString(ReadOnlySpan<byte> text, ref int i, out ReadOnlySpan<byte> value)
        {
            value = default;
            if (i >= text.Length || text[i] != (byte)'"')
                return false;
            var rest = text[(i + 1)..];
            var end = rest.IndexOfAny(StringStops);
            if (end < 0 || rest[end] != (byte)'"')
                return false;
            value = rest[..end];
            i += end + 2;
            return i < text.Length;
        }

        /// <summary>The interned ticker for these bytes once a line has shown it valid; null (the full parser's turn) otherwise.</summary>
        private string? KnownTicker(ReadOnlySpan<byte> value)
        {
            if (value.Length > 128)
                return null;
            Span<char> chars = stackalloc char[value.Length];
            Ascii.ToUtf16(value, chars, out _); // the bytes are ASCII: TryPlainString stops at anything else
            if (_tickers.TryGetValue(chars, out var known))
                return known;
            var ticker = Intern(new string(chars));
            if (!MarketTicker.TryParse(ticker, out _))
                return null;
            _tickers.Dictionary[ticker] = ticker;
            return ticker;
        }

        /// <summary>As <see cref="Level"/>, but false where it would refuse the line.</summary>
        private static bool TryLevel(long? price, long? size, out Price levelPrice, out Contracts levelSize)
        {
            levelPrice = Price.Zero;
            levelSize = Contracts.Zero;
            if (price is null && size is null)
                return true;
            if (price is null || size is null || size > MaxSizeHundredths)
                return false;
            if (size == 0)
                return true;
            if (price is <= 0 or >= Price.UnitsPerDollar)
                return false;
            levelPrice = Price.FromUnits((int)price.Value);
            levelSize = Contracts.FromHundredths(size.Value);
            return true;
        }

        /// <summary>A time as <see cref="Time"/> reads it, from the same one-entry cache, when it has the form the fast path knows.</summary>
        private bool TryCachedTime(ReadOnlySpan<byte> value, out DateTimeOffset at)
        {
            if (value.SequenceEqual(_lastTimeText.AsSpan(0, _lastTimeLength)))
            {
                at = _lastTime;
                return true;
            }

            if (!TryUtcTime(value, out at))
                return false;
            value.CopyTo(_lastTimeText);
            _lastTimeLength = value.Length;
            _lastTime = at;
            return true;
        }

        /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c>, or with 1 to 7 fractional digits before the Z, as a UTC time; false for any other text or an impossible date.</summary>
        internal static bool TryUtcTime(ReadOnlySpan<byte> s, out DateTimeOffset at)
        {
            at = default;
            if (s.Length is not (20 or (>= 22 and <= 28)) || s[4] != (byte)'-' || s[7] != (byte)'-' || s[10] != (byte)'T'
                || s[13] != (byte)':' || s[16] != (byte)':' || s[^1] != (byte)'Z')
                return false;
            if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
                || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
                return false;
            long fraction = 0;
            if (s.Length > 20)
            {
                var digits = s[20..^1];
                if (s[19] != (byte)'.' || !TryDigits(digits, out var f))
                    return false;
                fraction = f * TicksPerFractionDigit[digits.Length];
            }

            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                return false;
            at = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second).Ticks + fraction, TimeSpan.Zero);
            return true;
        }

        private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
        {
            value = 0;
            foreach (var b in s)
            {
                var d = b - (byte)'0';
                if (d is < 0 or > 9)
                    return false;
                value = (value * 10) + d;
            }

            return true;
        }
    }
}
