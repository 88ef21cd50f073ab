using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingBot.Tests.Shared;
using YamlDotNet.Serialization;

namespace TradingBot.Simulator.Tests.Http.Support;

/// <summary>
/// The OpenAPI fragment of one page of ../shared/kalshi-api/api-reference, used to hold a live reply to its
/// documented schema: every required field present, no field the schema does not name, every value of the
/// documented type (dollar strings with 4 to 6 decimals, counts with 2, date-times in UTC).
/// </summary>
internal sealed partial class DocSchema
{
    private readonly Dictionary<object, object> _root;

    private DocSchema(string page, Dictionary<object, object> root)
    {
        Page = page;
        _root = root;
    }

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "kalshi-api", "api-reference"));

    public string Page { get; }

    public static DocSchema Load(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, page));
        var start = Array.FindIndex(lines, l => l.StartsWith("````yaml", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("````", StringComparison.Ordinal));
        var yaml = string.Join('\n', lines[(start + 1)..end]);
        var root = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(yaml)!;
        return new DocSchema(page, root);
    }

    /// <summary>The problems of <paramref name="body"/> against the documented reply; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, int status, JsonElement body)
    {
        var (path, operation) = Operation(method);
        var response = Resolve(Map(Map(operation["responses"])[status.ToString(CultureInfo.InvariantCulture)]));
        var schema = Map(Map(Map(response["content"])["application/json"])["schema"]);
        var problems = new List<string>();
        Validate(schema, body, $"{method.ToUpperInvariant()} {path} {status}", problems);
        return problems;
    }

    /// <summary>The property names the documented request body has.</summary>
    public IReadOnlySet<string> RequestProperties(string method, string? arrayItemsOf = null)
    {
        var (_, operation) = Operation(method);
        var schema = Resolve(Map(Map(Map(Map(operation["requestBody"])["content"])["application/json"])["schema"]));
        if (arrayItemsOf is not null)
            schema = Resolve(Map(Resolve(Map(Map(schema["properties"])[arrayItemsOf]))["items"]));
        return Map(schema["properties"]).Keys.Cast<string>().ToHashSet(StringComparer.Ordinal);
    }

    public void AssertConforms(string method, int status, JsonElement body)
    {
        var problems = Check(method, status, body);
        Assert.True(problems.Count == 0, $"{Page}:\n" + string.Join('\n', problems));
    }

    private (string Path, Dictionary<object, object> Operation) Operation(string method)
    {
        var (path, item) = Map(_root["paths"]).Single();
        return ((string)path, Map(Map(item)[method.ToLowerInvariant()]));
    }

    private void Validate(Dictionary<object, object> node, JsonElement value, string where, List<string> problems)
    {
        var nullable = node.TryGetValue("nullable", out var n) && n is "true";
        var refName = node.TryGetValue("$ref", out var r) ? ((string)r).Split('/')[^1] : null;
        var schema = Resolve(node);
        nullable |= schema.TryGetValue("nullable", out var n2) && n2 is "true";
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
                problems.Add($"{where}: null, but the schema is not nullable");
            return;
        }

        var type = schema.TryGetValue("type", out var t) ? (string)t : "object";
        switch (type)
        {
            case "object":
                ValidateObject(schema, value, where, problems);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{where}: expected an array, got {value.ValueKind}");
                    return;
                }

                var count = value.GetArrayLength();
                if ((schema.TryGetValue("minItems", out var min) && count < int.Parse((string)min, CultureInfo.InvariantCulture))
                    || (schema.TryGetValue("maxItems", out var max) && count > int.Parse((string)max, CultureInfo.InvariantCulture)))
                    problems.Add($"{where}: {count} items is outside minItems/maxItems");
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    Validate(Map(schema["items"]), item, $"{where}[{i++}]", problems);
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{where}: expected a string, got {value.ValueKind}");
                    return;
                }

                ValidateString(schema, refName, value.GetString()!, where, problems);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                    problems.Add($"{where}: expected an integer, got {value}");
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                    problems.Add($"{where}: expected a number, got {value.ValueKind}");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    problems.Add($"{where}: expected a boolean, got {value.ValueKind}");
                break;
            default:
                problems.Add($"{where}: the schema has type {type}, which this checker does not know");
                break;
        }
    }

    private void ValidateObject(Dictionary<object, object> schema, JsonElement value, string where, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: expected an object, got {value.ValueKind}");
            return;
        }

        var properties = schema.TryGetValue("properties", out var p) ? Map(p) : [];
        var required = schema.TryGetValue("required", out var req) ? ((List<object>)req).Cast<string>() : [];
        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _))
                problems.Add($"{where}: required field {name} is missing");
        }

        var open = schema.ContainsKey("additionalProperties");
        foreach (var field in value.EnumerateObject())
        {
            if (properties.TryGetValue(field.Name, out var property))
                Validate(Map(property), field.Value, $"{where}.{field.Name}", problems);
            else if (!open)
                problems.Add($"{where}: field {field.Name} is not in the documented schema");
        }
    }

    private static void ValidateString(Dictionary<object, object> schema, string? refName, string text, string where, List<string> problems)
    {
        if (schema.TryGetValue("enum", out var e) && !((List<object>)e).Cast<string>().Contains(text))
            problems.Add($"{where}: '{text}' is not one of the documented values");
        if (schema.TryGetValue("format", out var f) && (string)f == "date-time"
            && !(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.EndsWith('Z')))
            problems.Add($"{where}: '{text}' is not an ISO 8601 UTC date-time");
        if (refName == "FixedPointDollars" && !DollarPattern().IsMatch(text))
            problems.Add($"{where}: '{text}' is not a dollar string with 4 to 6 decimals");
        if (refName == "FixedPointCount" && !CountPattern().IsMatch(text))
            problems.Add($"{where}: '{text}' is not a count with 2 decimals");
    }

    /// <summary>Follows a $ref (and a one-element allOf) to the schema it names; sibling keys like nullable are read by the caller.</summary>
    private Dictionary<object, object> Resolve(Dictionary<object, object> node)
    {
        while (true)
        {
            if (node.TryGetValue("$ref", out var reference))
            {
                var parts = ((string)reference).TrimStart('#', '/').Split('/');
                node = parts.Aggregate(_root, (current, part) => Map(current[part]));
                continue;
            }

            if (node.TryGetValue("allOf", out var all) && all is List<object> { Count: 1 } single)
            {
                node = Map(single[0]);
                continue;
            }

            return node;
        }
    }

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    [GeneratedRegex(@"^-?\d+\.\d{4,6}$")]
    private static partial Regex DollarPattern();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex CountPattern();
}
