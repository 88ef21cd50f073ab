using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TradingBot.Simulator.Http;

/// <summary>Reads query parameters the way Kalshi validates them: a malformed value is a 400 naming it, never a 500.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    /// <summary>The value, or null when absent or empty ("leave empty for the first page").</summary>
    public string? Text(string name)
    {
        var values = query[name];
        if (values.Count > 1)
            throw ApiProblem.Invalid($"{name} may be given once");
        var value = values.Count == 1 ? values[0] : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Every value of a parameter given repeatedly or comma-separated (<c>tickers=A,B</c> or <c>tickers=A&amp;tickers=B</c>).</summary>
    public IReadOnlyList<string> List(string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    public long? Long(string name, long min = long.MinValue, long max = long.MaxValue)
    {
        var text = Text(name);
        if (text is null)
            return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw ApiProblem.Invalid($"{name} must be an integer");
        if (value < min || value > max)
            throw ApiProblem.Invalid($"{name} must be between {min} and {max}");
        return value;
    }

    public bool? Bool(string name) => Text(name) switch
    {
        null => null,
        var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw ApiProblem.Invalid($"{name} must be true or false"),
    };

    /// <summary>Page size: Kalshi's bounds per endpoint; 0 means the default where the docs allow it.</summary>
    public int Limit(int defaultLimit, int max, bool zeroMeansDefault = false, bool required = false)
    {
        var value = Long("limit", zeroMeansDefault ? 0 : 1, max);
        if (value is null && required)
            throw ApiProblem.Missing("limit");
        return value is null or 0 ? defaultLimit : (int)value;
    }

    /// <summary>A Unix timestamp in seconds.</summary>
    public DateTimeOffset? UnixSeconds(string name)
    {
        var value = Long(name, 0, 253_402_300_799);
        return value is null ? null : DateTimeOffset.FromUnixTimeSeconds(value.Value);
    }

    public DateTimeOffset? DateTime(string name)
    {
        var text = Text(name);
        if (text is null)
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw ApiProblem.Invalid($"{name} must be an RFC 3339 date-time");
    }

    /// <summary>Order groups exist for the primary subaccount (0) only here; true when the caller asked for another one.</summary>
    public bool OtherSubaccount() => Subaccount() is > 0;

    /// <summary>The subaccount named (0 to 63), or null when none is.</summary>
    public int? Subaccount() => (int?)Long("subaccount", 0, 63);

    /// <summary>The shard a portfolio read is narrowed to; null (omitted, or -1) covers every shard.</summary>
    public int? ExchangeIndex() => Long("exchange_index", -1, int.MaxValue) is >= 0 and var index ? (int)index : null;
}
