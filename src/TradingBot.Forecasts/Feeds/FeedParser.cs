using System.Text;
using System.Text.Json;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Feeds;

public enum FeedFormat
{
    /// <summary>By the file's extension: .json is JSON, anything else CSV.</summary>
    Auto,
    Csv,
    Json,
}

/// <summary>
/// What one read of a feed gave: the good rows and the bad rows' problems, or a fatal reason the whole feed is
/// unusable. A fatal read must not replace earlier good data: a feed is applied whole or not at all.
/// </summary>
public sealed record FeedLoad(IReadOnlyList<FeedRow> Rows, IReadOnlyList<InputProblem> Problems, string? Fatal)
{
    public bool Usable => Fatal is null;
}

/// <summary>Reads the operator's forecast feed (CSV or JSON; the format is in the Forecasts README).</summary>
public static class FeedParser
{
    public static FeedLoad Parse(string text, FeedFormat format, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return Fatal("the feed is empty (a file caught mid-write reads this way)");
        var load = format == FeedFormat.Json ? ParseJson(text, now) : ParseCsv(text, now);
        if (load.Usable && load.Rows.Count == 0 && load.Problems.Count > 0)
            return load with { Fatal = $"no row is usable ({ProblemText.Summarize("bad rows", load.Problems)})" };
        return load;
    }

    public static FeedFormat FormatOf(string path, FeedFormat configured) =>
        configured != FeedFormat.Auto ? configured
        : Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? FeedFormat.Json
        : FeedFormat.Csv;

    private static FeedLoad ParseCsv(string text, DateTimeOffset now)
    {
        using var reader = new StringReader(text);
        string[] required = [FeedRowReader.ProbabilityField, FeedRowReader.AsOf];
        if (!CsvTable.TryRead(reader, required, out var table, out var error))
            return Fatal(error);
        var byTeam = new[] { FeedRowReader.League, FeedRowReader.Date, FeedRowReader.Team }.All(table.HasColumn);
        if (!table.HasColumn(FeedRowReader.Ticker) && !byTeam)
            return Fatal("the header needs a ticker column, or league, date and team columns");

        var rows = new List<FeedRow>();
        var problems = new List<InputProblem>();
        foreach (var row in table.Rows)
        {
            var where = $"line {row.Line}";
            if (row.Error is not null)
            {
                problems.Add(new InputProblem(where, row.Error));
                continue;
            }

            try
            {
                rows.Add(FeedRowReader.Read(where, name => row[name], now));
            }
            catch (FeedRowException e)
            {
                problems.Add(new InputProblem(where, e.Message));
            }
        }

        return new FeedLoad(rows, problems, null);
    }

    /// <summary>
    /// Walks the JSON with a reader rather than a document so each row's line number is known: either a bare array
    /// of rows or an object whose <c>forecasts</c> property is that array.
    /// </summary>
    private static FeedLoad ParseJson(string text, DateTimeOffset now)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var rows = new List<FeedRow>();
        var problems = new List<InputProblem>();
        try
        {
            if (!reader.Read())
                return Fatal("the feed is empty");
            if (reader.TokenType == JsonTokenType.StartObject && !MoveToForecasts(ref reader))
                return Fatal("the JSON object has no 'forecasts' array");
            if (reader.TokenType != JsonTokenType.StartArray)
                return Fatal("the JSON is neither an array of rows nor an object with a 'forecasts' array");

            var item = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                item++;
                var where = $"line {lines.LineOf(reader.TokenStartIndex)} (item {item})";
                using var element = JsonDocument.ParseValue(ref reader);
                ReadJsonRow(element.RootElement, where, now, rows, problems);
            }

            // Read to the end so text after the array (a second document, a truncated object) fails the whole feed.
            while (reader.Read())
                reader.Skip();
        }
        catch (JsonException e)
        {
            return Fatal($"the JSON cannot be read: {e.Message}");
        }

        return new FeedLoad(rows, problems, null);
    }

    private static void ReadJsonRow(JsonElement element, string where, DateTimeOffset now, List<FeedRow> rows, List<InputProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputProblem(where, $"a row is a JSON object, not {element.ValueKind}"));
            return;
        }

        try
        {
            rows.Add(FeedRowReader.Read(where, name => FieldText(element, name), now));
        }
        catch (FeedRowException e)
        {
            problems.Add(new InputProblem(where, e.Message));
        }
    }

    private static bool MoveToForecasts(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isForecasts = reader.ValueTextEquals("forecasts"u8);
            reader.Read();
            if (isForecasts)
                return true;
            reader.Skip();
        }

        return false;
    }

    private static string FieldText(JsonElement row, string name)
    {
        foreach (var property in row.EnumerateObject())
        {
            if (!property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                continue;
            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!.Trim(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.Null => "",
                _ => throw new FeedRowException($"'{name}' is a JSON {property.Value.ValueKind}, not a string or number"),
            };
        }

        return "";
    }

    private static FeedLoad Fatal(string reason) => new([], [], reason);

    /// <summary>Maps byte offsets to 1-based line numbers.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _starts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                    _starts.Add(i + 1);
            }
        }

        public int LineOf(long offset)
        {
            var index = _starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
