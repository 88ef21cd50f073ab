using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;

namespace TradingBot.Tests.Shared.KalshiDocs;

/// <summary>Holds a wire record to a documented schema: every documented field must have a property that reads it.</summary>
internal static class WireContract
{
    /// <summary>Each documented field (by its JSON path) that <paramref name="type"/> has no property for.</summary>
    public static IReadOnlyList<string> UnmappedFields(ApiDoc doc, Dictionary<object, object> schema, Type type)
    {
        var missing = new List<string>();
        Walk(doc, schema, type, type.Name, missing, depth: 0);
        return missing;
    }

    private static void Walk(ApiDoc doc, Dictionary<object, object> schema, Type type, string path, List<string> missing, int depth)
    {
        schema = doc.Resolve(schema);
        var schemaType = schema.TryGetValue("type", out var t) ? (string)t : (schema.ContainsKey("properties") || schema.ContainsKey("allOf") ? "object" : "");
        if (depth > 8)
            return;
        if (schemaType == "array" && ElementType(type) is { } element)
        {
            Walk(doc, (Dictionary<object, object>)schema["items"], element, path + "[]", missing, depth + 1);
            return;
        }

        if (schemaType != "object" || type == typeof(string) || type.IsPrimitive || type == typeof(System.Text.Json.JsonElement))
            return;

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, Property: p))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.Property);
        if (properties.Count == 0 && schema.ContainsKey("additionalProperties"))
            return;

        foreach (var (name, propertySchema) in doc.Properties(schema))
        {
            if (!properties.TryGetValue(name, out var property))
            {
                missing.Add($"{path}.{name}");
                continue;
            }

            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Walk(doc, propertySchema, propertyType, $"{path}.{name}", missing, depth + 1);
        }
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            return type.GetGenericArguments()[0];
        return null;
    }
}
