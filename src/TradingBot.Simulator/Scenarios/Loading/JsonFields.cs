using System.Globalization;
using System.Text.Json;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>One problem in a scenario file, at its JSON path (<c>$.events[2].markets[0].path.volatility</c>).</summary>
public sealed record ScenarioProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Reads one JSON object field by field, recording a problem with its path for every missing, mistyped or
/// out-of-range value instead of stopping at the first, and (at <see cref="Finish"/>) every field nobody read,
/// so a misspelt optional field is reported instead of silently taking its default. JSON null counts as absent.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _element;
    private readonly List<ScenarioProblem> _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonFields(JsonElement element, string path, List<ScenarioProblem> problems)
    {
        _element = element;
        _problems = problems;
        Path = path;
    }

    public string Path { get; }

    public static JsonFields? Open(JsonElement element, string path, List<ScenarioProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
            return new JsonFields(element, path, problems);
        problems.Add(new ScenarioProblem(path, $"should be an object, not {Describe(element)}"));
        return null;
    }

    public string At(string name) => $"{Path}.{name}";

    public void Problem(string name, string message) => _problems.Add(new ScenarioProblem(At(name), message));

    public bool Has(string name) => Value(name) is not null;

    public string? String(string name, bool required = false)
    {
        if (Value(name, required) is not { } value)
            return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            return text;
        Problem(name, value.ValueKind == JsonValueKind.String ? "is empty" : $"should be a string, not {Describe(value)}");
        return null;
    }

    public string? Choice(string name, bool required, params string[] allowed)
    {
        var text = String(name, required);
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
            return text;
        Problem(name, $"'{text}' is not one of {string.Join(", ", allowed)}");
        return null;
    }

    /// <summary>A number, written as a JSON number or a decimal string ("0.0100", as Kalshi writes prices).</summary>
    public decimal? Decimal(string name, bool required, decimal min, decimal max)
    {
        if (Value(name, required) is not { } value)
            return null;
        var number = 0m;
        var ok = value.ValueKind == JsonValueKind.Number
            ? value.TryGetDecimal(out number)
            : value.ValueKind == JsonValueKind.String
                && decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
        if (!ok)
        {
            Problem(name, value.ValueKind == JsonValueKind.Number ? "is too large" : $"should be a number, not {Describe(value)}");
            return null;
        }

        if (number >= min && number <= max)
            return number;
        Problem(name, $"{number.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    public double? Double(string name, bool required, double min, double max) =>
        Decimal(name, required, (decimal)min, (decimal)max) is { } value ? (double)value : null;

    public int? Int(string name, bool required, int min, int max)
    {
        var value = Decimal(name, required, min, max);
        if (value is null || value == decimal.Truncate(value.Value))
            return (int?)value;
        Problem(name, "should be a whole number");
        return null;
    }

    public TimeSpan? Duration(string name, bool required, TimeSpan min, TimeSpan max)
    {
        if (String(name, required) is not { } text)
            return null;
        if (!ScenarioTimes.TryParseDuration(text, out var duration))
            Problem(name, $"'{text}' is not a duration (like 3h15m, 45m or 03:15:00)");
        else if (duration < min || duration > max)
            Problem(name, $"{text} is outside {min} to {max}");
        else
            return duration;
        return null;
    }

    /// <summary>An instant; the anchors must include <c>now</c>.</summary>
    public DateTimeOffset? Instant(string name, bool required, IReadOnlyDictionary<string, DateTimeOffset> anchors)
    {
        if (String(name, required) is not { } text)
            return null;
        if (ScenarioTimes.TryParseInstant(text, anchors["now"], anchors, out var instant, out var error))
            return instant;
        Problem(name, error);
        return null;
    }

    public JsonFields? Object(string name, bool required = false) =>
        Value(name, required) is { } value ? Open(value, At(name), _problems) : null;

    /// <summary>An array of objects; each element that is not an object is a problem of its own.</summary>
    public IReadOnlyList<(JsonFields Fields, int Index)> Objects(string name, bool required)
    {
        if (Value(name, required) is not { } value)
            return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"should be an array, not {Describe(value)}");
            return [];
        }

        if (required && value.GetArrayLength() == 0)
            Problem(name, "is empty");
        var items = new List<(JsonFields, int)>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Open(item, $"{At(name)}[{index}]", _problems) is { } fields)
                items.Add((fields, index));
            index++;
        }

        return items;
    }

    /// <summary>Reports fields no reader asked for and fields given twice.</summary>
    public void Finish()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                Problem(property.Name, "appears more than once");
            else if (!_known.Contains(property.Name))
                Problem(property.Name, "is not a known field");
        }
    }

    private JsonElement? Value(string name, bool required = false)
    {
        _known.Add(name);
        if (_element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            return value;
        if (required)
            Problem(name, "is required");
        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
