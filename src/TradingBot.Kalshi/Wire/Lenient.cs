using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Kalshi.Wire;

/// <summary>
/// Converters for the fields the bot does not decide on (titles, rules, volumes, bookkeeping times): a value of
/// another type than the docs give (<c>"settlement_timer_seconds": "1800"</c> in April 2026) is read as absent and
/// noted, so one odd field cannot fail a page of markets. Fields that decide money (prices, counts, fees, statuses,
/// results, strikes, tickers, the times the bot trades by) never use these: they stay strict.
/// </summary>
internal abstract class LenientConverter<T> : JsonConverter<T>
{
    /// <summary>What the docs say the field holds, for the note: "an integer", "a string".</summary>
    protected abstract string Expected { get; }

    protected abstract bool TryRead(ref Utf8JsonReader reader, out T value);

    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (TryRead(ref reader, out var value))
            return value;
        LenientNotes.Add(reader.TokenStartIndex, Found(ref reader), Expected);
        reader.Skip();
        return default!;
    }

    private static string Found(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => Shorten(JsonSerializer.Serialize(reader.GetString())),
        _ => Shorten(Encoding.UTF8.GetString(reader.ValueSpan)),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

internal sealed class LenientString : LenientConverter<string?>
{
    protected override string Expected => "a string";

    protected override bool TryRead(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType == JsonTokenType.String;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

internal sealed class LenientInteger : LenientConverter<long?>
{
    protected override string Expected => "an integer";

    protected override bool TryRead(ref Utf8JsonReader reader, out long? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number) ? number : null;
        return value is not null;
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
            writer.WriteNumberValue(number);
        else
            writer.WriteNullValue();
    }
}

internal sealed class LenientBool : LenientConverter<bool?>
{
    protected override string Expected => "true or false";

    protected override bool TryRead(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
        return value is not null;
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag)
            writer.WriteBooleanValue(flag);
        else
            writer.WriteNullValue();
    }
}

internal sealed class LenientTime : LenientConverter<DateTimeOffset?>
{
    protected override string Expected => "a date-time";

    protected override bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time) ? time : null;
        return value is not null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
            writer.WriteStringValue(time);
        else
            writer.WriteNullValue();
    }
}

/// <summary>
/// The notes the lenient converters make while one reply is read. A converter has no way to reach its caller, so
/// the transport opens a collection on its thread around the (synchronous) read; a converter outside one notes
/// nothing. Each note keeps the value's offset in the body, from which <see cref="Describe"/> names the field.
/// </summary>
internal sealed class LenientNotes : IDisposable
{
    [ThreadStatic]
    private static LenientNotes? t_current;

    private readonly LenientNotes? _outer;
    private readonly List<(long Offset, string Found, string Expected)> _notes = [];

    private LenientNotes(LenientNotes? outer) => _outer = outer;

    public int Count => _notes.Count;

    public static LenientNotes Collect() => t_current = new LenientNotes(t_current);

    public static void Add(long offset, string found, string expected) => t_current?._notes.Add((offset, found, expected));

    /// <summary>One line per field and problem, with how often it was seen: "settlement_timer_seconds: \"1800\" where an integer is documented (×3)".</summary>
    public IReadOnlyList<string> Describe(ReadOnlySpan<byte> body)
    {
        var notes = new List<(string Field, string Found, string Expected)>();
        foreach (var (offset, found, expected) in _notes)
            notes.Add((PropertyBefore(body, offset), found, expected));
        return notes.GroupBy(note => (note.Field, note.Expected))
            .Select(group => $"{group.Key.Field}: {group.First().Found} where {group.Key.Expected} is documented" + (group.Count() > 1 ? $" (×{group.Count()})" : ""))
            .ToList();
    }

    public void Dispose() => t_current = _outer;

    /// <summary>The name in <c>"name": value</c> just before <paramref name="offset"/>; Kalshi's field names hold no escaped quotes.</summary>
    private static string PropertyBefore(ReadOnlySpan<byte> body, long offset)
    {
        var i = (int)Math.Min(offset, body.Length) - 1;
        i = SkipWhiteBackwards(body, i);
        if (i < 0 || body[i] != (byte)':')
            return "(a field)";
        i = SkipWhiteBackwards(body, i - 1);
        if (i < 0 || body[i] != (byte)'"')
            return "(a field)";
        var start = body[..i].LastIndexOf((byte)'"');
        return start < 0 ? "(a field)" : Encoding.UTF8.GetString(body[(start + 1)..i]);
    }

    private static int SkipWhiteBackwards(ReadOnlySpan<byte> body, int i)
    {
        while (i >= 0 && body[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            i--;
        return i;
    }
}
