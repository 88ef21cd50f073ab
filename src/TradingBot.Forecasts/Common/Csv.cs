using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Forecasts.Common;

/// <summary>
/// The CSV every file of this project uses: a header row naming the columns (any order, any case), comma
/// separated, fields optionally in double quotes with "" for a quote, blank lines and lines starting with # ignored.
/// A field may not span lines, so a line number always points at one row.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Bad lines are rows whose quoting is broken; they come back as rows with <see cref="CsvRow.Error"/> set.</summary>
    public static bool TryRead(TextReader reader, IReadOnlyCollection<string> required, [NotNullWhen(true)] out CsvTable? table, [NotNullWhen(false)] out string? error)
    {
        table = null;
        var rows = new List<CsvRow>();
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                continue;
            var fields = Split(line, out var splitError);
            if (columns is null)
            {
                if (fields is null)
                    return Fail($"line {lineNumber}: the header row cannot be read ({splitError})", out error);
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < fields.Count; i++)
                {
                    var name = fields[i].Trim();
                    if (name.Length > 0 && !columns.TryAdd(name, i))
                        return Fail($"line {lineNumber}: column '{name}' appears twice in the header", out error);
                }

                var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                    return Fail($"line {lineNumber}: the header lacks {string.Join(", ", missing)} (has {string.Join(", ", columns.Keys)})", out error);
                continue;
            }

            rows.Add(new CsvRow(lineNumber, fields ?? [], splitError, columns));
        }

        if (columns is null)
            return Fail("no header row: the file is empty", out error);
        table = new CsvTable(columns, rows);
        error = null;
        return true;
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>Splits one line; null with a reason when its quotes do not close or stray text follows a closing quote.</summary>
    internal static IReadOnlyList<string>? Split(string line, out string? error)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "a quoted field is not closed";
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = "text follows a closing quote";
                    return null;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                    field.Append(line[i++]);
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
                break;
            i++;
        }

        error = null;
        return fields;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}

/// <summary>One data line: its fields by column name, or the reason it could not be split.</summary>
public sealed class CsvRow(int line, IReadOnlyList<string> fields, string? error, IReadOnlyDictionary<string, int> columns)
{
    public int Line { get; } = line;

    public string? Error { get; } = error;

    /// <summary>The trimmed field, or "" when the column is absent or the row is short.</summary>
    public string this[string column] =>
        columns.TryGetValue(column, out var index) && index < fields.Count ? fields[index].Trim() : "";

    public int FieldCount => fields.Count;
}
