using System.Text;

namespace TradingBot.Kalshi.Http;

/// <summary>A query string built from name/value pairs; unset values are left out, everything is escaped.</summary>
public sealed class Query
{
    private readonly List<KeyValuePair<string, string>> _parts = [];

    public static Query Empty => new();

    public Query Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            _parts.Add(new(name, value));
        return this;
    }

    public Query Add(string name, long? value) =>
        value is null ? this : Add(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One <c>name=value</c> per item (OpenAPI form style, exploded).</summary>
    public Query AddEach(string name, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
            Add(name, value);
        return this;
    }

    public Query Add(string name, bool? value) => value is null ? this : Add(name, value.Value ? "true" : "false");

    public override string ToString()
    {
        if (_parts.Count == 0)
            return "";
        var text = new StringBuilder("?");
        foreach (var (name, value) in _parts)
        {
            if (text.Length > 1)
                text.Append('&');
            text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
