using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TradingBot.Tests.Shared.KalshiDocs;

/// <summary>
/// Checks a JSON value against a schema of a doc page's OpenAPI fragment: types, required properties, nullability,
/// enums, array lengths, and (stricter than OpenAPI's default) no property the schema does not name, so a misspelt
/// field is caught rather than ignored; only an object schema that names none is free-form. Replies are held to the formats the docs describe in prose: date-times in
/// UTC, dollar strings with 4 to 6 decimals, counts with 2.
/// </summary>
internal static partial class SchemaValidator
{
    public static IReadOnlyList<string> Problems(ApiDoc doc, Dictionary<object, object> schema, JsonNode? value)
    {
        var problems = new List<string>();
        Check(doc, schema, value, "$", problems);
        return problems;
    }

    /// <summary>The problems of a live reply with <paramref name="status"/> against the page's documented reply; empty when it conforms.</summary>
    public static IReadOnlyList<string> ReplyProblems(ApiDoc doc, int status, JsonElement reply) =>
        Problems(doc, doc.ReplySchema(status.ToString(CultureInfo.InvariantCulture)), JsonNode.Parse(reply.GetRawText()));

    /// <summary>Fails unless the page documents <paramref name="method"/> and <paramref name="reply"/> is its documented reply for <paramref name="status"/>.</summary>
    public static void AssertReply(this ApiDoc doc, string method, int status, JsonElement reply)
    {
        Assert.Equal(method.ToLowerInvariant(), doc.Method);
        var problems = ReplyProblems(doc, status, reply);
        Assert.True(problems.Count == 0, $"{doc.Page} ({method.ToUpperInvariant()} {doc.Path} {status}):\n" + string.Join('\n', problems));
    }

    private static void Check(ApiDoc doc, Dictionary<object, object> schema, JsonNode? value, string path, List<string> problems)
    {
        var name = ApiDoc.SchemaName(schema);
        schema = doc.Resolve(schema);
        if (value is null)
        {
            if (!IsTrue(schema, "nullable"))
                problems.Add($"{path}: null, but the schema does not allow null");
            return;
        }

        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetValue(key, out var options))
            {
                var matches = ((List<object>)options).Count(option => Problems(doc, (Dictionary<object, object>)option, value).Count == 0);
                if (matches == 0)
                    problems.Add($"{path}: matches none of its {key} schemas");
                return;
            }
        }

        var type = schema.TryGetValue("type", out var t) ? (string)t
            : schema.ContainsKey("properties") || schema.ContainsKey("allOf") ? "object" : null;
        switch (type)
        {
            case "object":
                CheckObject(doc, schema, value, path, problems);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    problems.Add($"{path}: expected an array, got {Kind(value)}");
                    return;
                }

                if ((schema.TryGetValue("minItems", out var min) && array.Count < int.Parse((string)min, CultureInfo.InvariantCulture))
                    || (schema.TryGetValue("maxItems", out var max) && array.Count > int.Parse((string)max, CultureInfo.InvariantCulture)))
                    problems.Add($"{path}: {array.Count} items is outside minItems/maxItems");
                var items = (Dictionary<object, object>)schema["items"];
                for (var i = 0; i < array.Count; i++)
                    Check(doc, items, array[i], $"{path}[{i}]", problems);
                break;
            case "string":
                if (Kind(value) != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string, got {Kind(value)}");
                    return;
                }

                var text = value.GetValue<string>();
                if (schema.TryGetValue("enum", out var values) && !((List<object>)values).Select(v => v?.ToString() ?? "").Contains(text))
                    problems.Add($"{path}: '{text}' is not one of the documented values");
                if (schema.TryGetValue("format", out var format) && (string)format == "date-time"
                    && !(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.EndsWith('Z')))
                    problems.Add($"{path}: '{text}' is not a date-time in UTC (ISO 8601 ending in Z)");
                if (name == "FixedPointDollars" && !DollarPattern().IsMatch(text))
                    problems.Add($"{path}: '{text}' is not a dollar string with 4 to 6 decimals");
                if (name == "FixedPointCount" && !CountPattern().IsMatch(text))
                    problems.Add($"{path}: '{text}' is not a count with 2 decimals");
                break;
            case "integer":
                if (Kind(value) != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    problems.Add($"{path}: expected an integer, got {value.ToJsonString()}");
                break;
            case "number":
                if (Kind(value) != JsonValueKind.Number)
                    problems.Add($"{path}: expected a number, got {Kind(value)}");
                break;
            case "boolean":
                if (Kind(value) is not (JsonValueKind.True or JsonValueKind.False))
                    problems.Add($"{path}: expected a boolean, got {Kind(value)}");
                break;
            case null:
                // No type, properties or allOf: the schema allows any value.
                break;
            default:
                problems.Add($"{path}: the schema has type {type}, which this checker does not know");
                break;
        }
    }

    private static void CheckObject(ApiDoc doc, Dictionary<object, object> schema, JsonNode value, string path, List<string> problems)
    {
        if (value is not JsonObject obj)
        {
            problems.Add($"{path}: expected an object, got {Kind(value)}");
            return;
        }

        var properties = doc.Properties(schema);
        var required = RequiredOf(doc, schema);
        foreach (var name in required.Where(name => !obj.ContainsKey(name)))
            problems.Add($"{path}: required property '{name}' is missing");
        // Open: additionalProperties, or a bare "type: object" naming no property at all, which the docs use for
        // free-form maps (a market's custom_strike, an event's product_metadata).
        var open = properties.Count == 0 && (schema.ContainsKey("additionalProperties") || !schema.ContainsKey("properties") && !schema.ContainsKey("allOf"));
        foreach (var (name, child) in obj)
        {
            if (properties.TryGetValue(name, out var propertySchema))
                Check(doc, propertySchema, child, $"{path}.{name}", problems);
            else if (!open)
                problems.Add($"{path}: property '{name}' is not in the documented schema");
        }
    }

    private static HashSet<string> RequiredOf(ApiDoc doc, Dictionary<object, object> schema)
    {
        var required = new HashSet<string>(doc.Required(schema));
        if (doc.Resolve(schema).TryGetValue("allOf", out var parts))
        {
            foreach (var part in (List<object>)parts)
                required.UnionWith(RequiredOf(doc, (Dictionary<object, object>)part));
        }

        return required;
    }

    private static JsonValueKind Kind(JsonNode value) => value.GetValueKind();

    private static bool IsTrue(Dictionary<object, object> schema, string key) =>
        schema.TryGetValue(key, out var flag) && string.Equals(flag?.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^-?\d+\.\d{4,6}$")]
    private static partial Regex DollarPattern();

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex CountPattern();
}
