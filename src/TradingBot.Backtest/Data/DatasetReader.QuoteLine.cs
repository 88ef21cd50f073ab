using System.Runtime.InteropServices;
using System.Text;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Data;

public static partial class DatasetReader
{
    internal sealed partial class LineParser
    {
        private enum Field : byte
        {
            Type,
            Ts,
            Ticker,
            YesBid,
            YesAsk,
            YesBidSize,
            YesAskSize,
        }

        private static readonly long[] TicksPerFractionDigit = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

        /// <summary>Tickers already read and found valid, looked up by their text: a quote line neither allocates nor re-checks its ticker.</summary>
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<byte>> _tickers =
            new Dictionary<string, string>(AsciiKeys.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

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
            // Only printable ASCII and no escape anywhere: then every string is its bytes between two quotes.
            if (text.Length < 2 || text[0] != (byte)'{' || text[^1] != (byte)'}' || text.IndexOfAnyExceptInRange((byte)' ', (byte)'~') >= 0 || text.Contains((byte)'\\'))
                return false;
            var quote = false;
            string? ticker = null;
            DateTimeOffset? ts = null;
            long? yesBid = null, yesAsk = null, bidSize = null, askSize = null;
            var i = 1;
            while (true)
            {
                // A name is known by its text with the quotes and colon around it (the line holds no escape), so no field
                // other than these seven, and no value other than a string, gets past here.
                var rest = text[i..];
                Field field;
                if (rest.StartsWith("\"ts\":\""u8))
                    (field, i) = (Field.Ts, i + 6);
                else if (rest.StartsWith("\"type\":\""u8))
                    (field, i) = (Field.Type, i + 8);
                else if (rest.StartsWith("\"ticker\":\""u8))
                    (field, i) = (Field.Ticker, i + 10);
                else if (rest.StartsWith("\"yes_bid\":\""u8))
                    (field, i) = (Field.YesBid, i + 11);
                else if (rest.StartsWith("\"yes_ask\":\""u8))
                    (field, i) = (Field.YesAsk, i + 11);
                else if (rest.StartsWith("\"yes_bid_size\":\""u8))
                    (field, i) = (Field.YesBidSize, i + 16);
                else if (rest.StartsWith("\"yes_ask_size\":\""u8))
                    (field, i) = (Field.YesAskSize, i + 16);
                else
                    return false; // any other field, known or not, is the full parser's to read or skip

                // Each value is read to its closing quote (not the line's last byte: that is '}'), scanning as few bytes
                // as its form allows. The last of a repeated field wins, as in the full parser; each must be valid on its own.
                var start = i;
                switch (field)
                {
                    case Field.Type:
                        if (!text[i..].StartsWith("quote\""u8))
                            return false;
                        i += 6;
                        quote = true;
                        break;
                    case Field.Ts:
                        // yyyy-MM-ddTHH:mm:ss, maybe a fraction, then the Z the closing quote follows (TryUtcTime checks the rest).
                        var z = i + 19;
                        if (z < text.Length && text[z] == (byte)'.')
                        {
                            z++;
                            while (z < text.Length && char.IsAsciiDigit((char)text[z]))
                                z++;
                        }

                        if (z + 1 >= text.Length || text[z + 1] != (byte)'"' || !TryCachedTime(text[start..(z + 1)], out var at))
                            return false;
                        ts = at;
                        i = z + 2;
                        break;
                    case Field.Ticker:
                        var length = text[i..].IndexOf((byte)'"');
                        if (length < 0 || (ticker = KnownTicker(text.Slice(i, length))) is null)
                            return false;
                        i += length + 1;
                        break;
                    default:
                        while (i < text.Length && text[i] != (byte)'"')
                            i++;
                        if (i == text.Length || ReadScaled(text[start..i], field is Field.YesBid or Field.YesAsk ? Price.Decimals : Contracts.Decimals, out var scaled) != DecimalText.Valid)
                            return false;
                        i++;
                        _ = field switch
                        {
                            Field.YesBid => yesBid = scaled,
                            Field.YesAsk => yesAsk = scaled,
                            Field.YesBidSize => bidSize = scaled,
                            _ => askSize = scaled,
                        };
                        break;
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

        /// <summary>The interned ticker for these bytes, checked once per ticker; null when it is not a market ticker (the full parser's turn).</summary>
        private string? KnownTicker(ReadOnlySpan<byte> value)
        {
            if (_tickers.TryGetValue(value, out var known))
                return known;
            var ticker = Intern(Encoding.ASCII.GetString(value));
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

    /// <summary>Strings as keys that ASCII bytes can look up without becoming strings first.</summary>
    private sealed class AsciiKeys : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
    {
        public static readonly AsciiKeys Instance = new();

        /// <summary>Per process, so no file can be made to collide on purpose; lookups only, so nothing depends on it.</summary>
        private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        /// <summary>The hash of the string's ASCII bytes, so a string and its bytes hash alike (a string not ASCII hashes its chars: no bytes equal it).</summary>
        public int GetHashCode(string text)
        {
            if (text.Length > 256 || !Ascii.IsValid(text))
                return string.GetHashCode(text, StringComparison.Ordinal);
            Span<byte> bytes = stackalloc byte[text.Length];
            Ascii.FromUtf16(text, bytes, out _);
            return GetHashCode(bytes);
        }

        public bool Equals(ReadOnlySpan<byte> alternate, string other) => Ascii.Equals(alternate, other);

        /// <summary>Eight bytes at a time, the last eight overlapping the rest (a ticker is looked up for every quote line).</summary>
        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            const ulong Mix = 0x9E3779B97F4A7C15;
            var hash = Seed ^ (ulong)alternate.Length;
            if (alternate.Length < sizeof(ulong))
            {
                foreach (var b in alternate)
                    hash = (hash ^ b) * Mix;
            }
            else
            {
                for (var at = 0; at + sizeof(ulong) < alternate.Length; at += sizeof(ulong))
                    hash = (hash ^ MemoryMarshal.Read<ulong>(alternate[at..])) * Mix;
                hash = (hash ^ MemoryMarshal.Read<ulong>(alternate[^sizeof(ulong)..])) * Mix;
            }

            return (int)(hash ^ (hash >> 32));
        }

        public string Create(ReadOnlySpan<byte> alternate) => Encoding.ASCII.GetString(alternate);
    }
}
