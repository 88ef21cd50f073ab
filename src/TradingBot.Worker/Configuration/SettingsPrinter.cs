using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using TradingBot.Core.Settings;

namespace TradingBot.Worker.Configuration;

/// <summary>Renders the effective settings as JSON, with every <see cref="SecretAttribute"/> value masked.</summary>
internal static partial class SettingsPrinter
{
    public const string Mask = "****";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(CheckedSettings settings)
    {
        var root = new JsonObject();
        foreach (var section in BotSettings.Sections)
        {
            var value = settings.Values[section.Type];
            var node = JsonSerializer.SerializeToNode(value, section.Type, Json)!.AsObject();
            foreach (var property in section.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<SecretAttribute>() is not null && property.GetValue(value) is string secret)
                    node[property.Name] = MaskSecret(secret);
            }

            // A nested section (Forecasts:File) prints inside its parent, as it is written in appsettings.json.
            var parent = root;
            var path = section.Name.Split(':');
            foreach (var part in path[..^1])
                parent = (JsonObject)(parent[part] ??= new JsonObject());
            parent[path[^1]] = node;
        }

        return root.ToJsonString(Json);
    }

    /// <summary>Connection strings keep their shape with the password hidden; other secrets are hidden whole.</summary>
    public static string MaskSecret(string value)
    {
        if (value.Length == 0)
            return "";
        if (value.Contains('=', StringComparison.Ordinal))
            return PasswordPart().Replace(value, m => m.Groups["key"].Value + "=" + Mask);
        return Mask;
    }

    [GeneratedRegex(@"(?<key>\b(password|pwd)\b)\s*=\s*[^;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPart();
}
