using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TradingBot.Simulator.Http;

/// <summary>One page of a list and the cursor to the next; the cursor is empty on the last page.</summary>
internal readonly record struct Page<T>(IReadOnlyList<T> Items, string Cursor);

/// <summary>
/// Cursor pagination. Cursors are opaque to clients but name a position, not an offset, so a page never repeats or
/// skips items when new ones arrive between requests: lists keyed by ticker resume after the last key served;
/// append-only histories (orders, fills, trades, settlements), served newest first, resume below the last position.
/// </summary>
internal static class Paging
{
    private const string KeyPrefix = "k:";
    private const string IndexPrefix = "i:";

    public static Page<T> ByKey<T>(IEnumerable<T> source, Func<T, string> key, string? cursor, int limit)
    {
        var after = cursor is null ? null : Decode(cursor, KeyPrefix);
        var items = source
            .Where(item => after is null || string.CompareOrdinal(key(item), after) > 0)
            .OrderBy(key, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        return items.Count > limit
            ? new Page<T>(items[..limit], Encode(KeyPrefix + key(items[limit - 1])))
            : new Page<T>(items, "");
    }

    public static Page<T> NewestFirst<T>(IReadOnlyList<T> source, Func<T, bool> include, string? cursor, int limit)
    {
        var start = source.Count - 1;
        if (cursor is not null)
        {
            if (!int.TryParse(Decode(cursor, IndexPrefix), NumberStyles.None, CultureInfo.InvariantCulture, out var below) || below > source.Count)
                throw ApiProblem.Invalid("cursor is not one this server issued");
            start = below - 1;
        }

        var items = new List<T>(Math.Min(limit, 64));
        for (var i = start; i >= 0; i--)
        {
            if (!include(source[i]))
                continue;
            if (items.Count == limit)
                return new Page<T>(items, Encode(IndexPrefix + (i + 1).ToString(CultureInfo.InvariantCulture)));
            items.Add(source[i]);
        }

        return new Page<T>(items, "");
    }

    private static string Encode(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    private static string Decode(string cursor, string prefix)
    {
        string position;
        try
        {
            position = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw ApiProblem.Invalid("cursor is not one this server issued");
        }

        return position.StartsWith(prefix, StringComparison.Ordinal)
            ? position[prefix.Length..]
            : throw ApiProblem.Invalid("cursor is not one this server issued");
    }
}
