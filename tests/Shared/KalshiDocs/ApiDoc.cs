using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Tests.Shared;
using YamlDotNet.Serialization;

namespace TradingBot.Tests.Shared.KalshiDocs;

/// <summary>
/// One endpoint page of Kalshi's docs, read through the OpenAPI fragment it embeds (copied into
/// tests/Shared/KalshiDocs/api-reference, see its README): the method and path, the parameters, and the request and
/// reply schemas with their $refs resolved. Tests build replies from these schemas and their examples, so the contract comes from Kalshi's own
/// text, not from what the client happens to expect.
/// </summary>
internal sealed class ApiDoc
{
    private readonly Dictionary<object, object> _root;
    private readonly Dictionary<object, object> _operation;

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private ApiDoc(string page, Dictionary<object, object> root)
    {
        Page = page;
        _root = root;
        // Each page documents one operation; its fragment names it as the one method under the one path.
        var operations = Map(root["paths"])
            .SelectMany(path => Map(path.Value).Keys.Cast<string>().Where(Methods.Contains).Select(method => ((string)path.Key, method)))
            .ToList();
        if (operations.Count != 1)
            throw new InvalidOperationException($"{page}: expected one operation in the fragment, found {operations.Count}");
        (Path, Method) = operations[0];
        _operation = Map(Map(Map(root["paths"])[Path])[Method]);
    }

    /// <summary>The in-repository copy of the fragments: tests read nothing beside the repository.</summary>
    public static string Folder => System.IO.Path.Combine(RepositoryLayout.Root, "tests", "Shared", "KalshiDocs", "api-reference");

    public string Page { get; }

    /// <summary>Lower case, as in the fragment: "get", "post", "delete".</summary>
    public string Method { get; }

    /// <summary>The path template relative to the API root, e.g. "/markets/{ticker}/orderbook".</summary>
    public string Path { get; }

    /// <summary>The fragment of a doc page named as Kalshi names it, e.g. "orders/create-order-v2.md".</summary>
    public static ApiDoc Load(string page)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(Folder, System.IO.Path.ChangeExtension(page, ".yaml")));
        return new ApiDoc(page, Map(new DeserializerBuilder().Build().Deserialize<object>(text)!));
    }

    public IReadOnlyList<string> QueryParameters =>
        Parameters().Where(p => (string)p["in"] == "query").Select(p => (string)p["name"]).ToList();

    /// <summary>The one 2xx status the page documents: "200" for most, "201" for the creates.</summary>
    public string SuccessStatus => Map(_operation["responses"]).Keys.Cast<string>().Single(status => status.StartsWith('2'));

    public Dictionary<object, object> ReplySchema(string? status = null)
    {
        var responses = Map(_operation["responses"]);
        var response = Resolve(Map(responses[status ?? SuccessStatus]));
        return Resolve(Map(Map(Map(response["content"])["application/json"])["schema"]));
    }

    /// <summary>False for writes whose page documents no body (a cancel is a DELETE with everything in path and query).</summary>
    public bool HasRequestBody => _operation.ContainsKey("requestBody");

    public Dictionary<object, object> RequestSchema() =>
        Resolve(Map(Map(Map(Resolve(Map(_operation["requestBody"]))["content"])["application/json"])["schema"]));

    /// <summary>A reply built from the schema: each property's or schema's example where Kalshi gives one, a typical value otherwise.</summary>
    public JsonNode SampleReply(string? status = null) => Sample(ReplySchema(status), depth: 0)!;

    public JsonNode SampleRequest() => Sample(RequestSchema(), depth: 0)!;

    /// <summary>Every property name of an object schema, with <c>allOf</c> merged.</summary>
    public IReadOnlyDictionary<string, Dictionary<object, object>> Properties(Dictionary<object, object> schema)
    {
        var result = new Dictionary<string, Dictionary<object, object>>();
        schema = Resolve(schema);
        if (schema.TryGetValue("allOf", out var allOf))
        {
            foreach (var part in (List<object>)allOf)
            {
                foreach (var (name, value) in Properties(Map(part)))
                    result[name] = value;
            }
        }

        if (schema.TryGetValue("properties", out var properties))
        {
            foreach (var (name, value) in Map(properties))
                result[(string)name] = Map(value);
        }

        return result;
    }

    public IReadOnlyList<string> Required(Dictionary<object, object> schema) =>
        Resolve(schema).TryGetValue("required", out var required) ? ((List<object>)required).Cast<string>().ToList() : [];

    /// <summary>Follows $ref (and a single-entry allOf wrapping one) to the schema it names.</summary>
    public Dictionary<object, object> Resolve(Dictionary<object, object> node)
    {
        while (true)
        {
            if (node.TryGetValue("$ref", out var reference))
            {
                var parts = ((string)reference).TrimStart('#', '/').Split('/');
                object current = _root;
                foreach (var part in parts)
                    current = Map(current)[part];
                var resolved = Map(current);
                // Keep local siblings of the $ref (nullable, description) over the target's.
                node = node.Count == 1 ? resolved : Merge(resolved, node);
                continue;
            }

            if (node.TryGetValue("allOf", out var allOf) && allOf is List<object> { Count: 1 } single && !node.ContainsKey("properties"))
            {
                node = Merge(Map(single[0]), node.Where(kv => (string)kv.Key != "allOf").ToDictionary(kv => kv.Key, kv => kv.Value));
                continue;
            }

            return node;
        }
    }

    /// <summary>
    /// The components schema a node names by its $ref, directly or through a single-entry allOf, e.g. "FixedPointDollars";
    /// null for an inline schema. Read before <see cref="Resolve"/>, which drops the name.
    /// </summary>
    public static string? SchemaName(Dictionary<object, object> node)
    {
        if (node.TryGetValue("$ref", out var reference))
            return ((string)reference).Split('/')[^1];
        return node.TryGetValue("allOf", out var allOf) && allOf is List<object> { Count: 1 } single && !node.ContainsKey("properties")
            ? SchemaName(Map(single[0]))
            : null;
    }

    private JsonNode? Sample(Dictionary<object, object> schema, int depth)
    {
        var name = SchemaName(schema);
        schema = Resolve(schema);
        if (schema.TryGetValue("example", out var example))
            return ToJson(example, schema);
        if (name == "FixedPointDollars")
            return JsonValue.Create("0.5600");
        if (name == "FixedPointCount")
            return JsonValue.Create("10.00");

        var type = schema.TryGetValue("type", out var t) ? (string)t : (schema.ContainsKey("properties") || schema.ContainsKey("allOf") ? "object" : "string");
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (depth > 8)
                    return obj;
                foreach (var (property, propertySchema) in Properties(schema))
                    obj[property] = Sample(propertySchema, depth + 1);
                return obj;
            case "array":
                var items = Map(schema["items"]);
                return new JsonArray(Sample(items, depth + 1));
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(1.0);
            case "boolean":
                return JsonValue.Create(true);
            default:
                if (schema.TryGetValue("enum", out var values))
                    return JsonValue.Create(((List<object>)values).Select(v => v?.ToString() ?? "").First(v => v.Length > 0));
                if (schema.TryGetValue("format", out var format) && (string)format == "date-time")
                    return JsonValue.Create("2026-09-13T17:00:00Z");
                return JsonValue.Create("KXSAMPLE-26SEP13-A");
        }
    }

    /// <summary>
    /// YAML hands every scalar over as text, so an example is typed by its schema; an object example's fields by
    /// their property schemas (else <c>ts_ms: 1715793600123</c> would come out as a string).
    /// </summary>
    private JsonNode? ToJson(object? value, Dictionary<object, object> schema)
    {
        schema = Resolve(schema);
        var type = schema.TryGetValue("type", out var t) ? (string)t : "string";
        return value switch
        {
            null => null,
            List<object> list => new JsonArray(list.Select(item => ToJson(item, schema.TryGetValue("items", out var i) ? Map(i) : [])).ToArray()),
            Dictionary<object, object> map => new JsonObject(map.Select(kv => KeyValuePair.Create((string)kv.Key,
                ToJson(kv.Value, Properties(schema).TryGetValue((string)kv.Key, out var property) ? property : [])))),
            string text when type == "integer" => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            string text when type == "number" => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            string text when type == "boolean" => JsonValue.Create(bool.Parse(text)),
            string text => JsonValue.Create(text),
            _ => JsonValue.Create(value.ToString()),
        };
    }

    private IEnumerable<Dictionary<object, object>> Parameters() =>
        _operation.TryGetValue("parameters", out var parameters) ? ((List<object>)parameters).Select(p => Resolve(Map(p))) : [];

    private static Dictionary<object, object> Merge(Dictionary<object, object> target, Dictionary<object, object> local)
    {
        var merged = new Dictionary<object, object>(target);
        foreach (var (key, value) in local)
        {
            if ((string)key != "$ref")
                merged[key] = value;
        }

        return merged;
    }

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;
}
