namespace TradingBot.Core.Values;

/// <summary>A Kalshi market ticker, e.g. <c>KXNFLGAME-26SEP13DALNYG-DAL</c>.</summary>
public readonly record struct MarketTicker
{
    private MarketTicker(string value) => Value = value;

    public string Value => field ?? "";

    public static MarketTicker Parse(string text) =>
        TryParse(text, out var ticker) ? ticker : throw new FormatException($"'{text}' is not a Kalshi market ticker");

    public static bool TryParse(string? text, out MarketTicker ticker)
    {
        ticker = default;
        if (!TickerText.IsValid(text))
            return false;
        ticker = new MarketTicker(text!);
        return true;
    }

    public override string ToString() => Value;
}

/// <summary>A Kalshi event ticker (one game), e.g. <c>KXNFLGAME-26SEP13DALNYG</c>: the unit of per-event exposure.</summary>
public readonly record struct EventTicker
{
    private EventTicker(string value) => Value = value;

    public string Value => field ?? "";

    public static EventTicker Parse(string text) =>
        TryParse(text, out var ticker) ? ticker : throw new FormatException($"'{text}' is not a Kalshi event ticker");

    public static bool TryParse(string? text, out EventTicker ticker)
    {
        ticker = default;
        if (!TickerText.IsValid(text))
            return false;
        ticker = new EventTicker(text!);
        return true;
    }

    public override string ToString() => Value;
}

/// <summary>
/// The bot's own id for an order, sent as Kalshi's <c>client_order_id</c>. It is derived from the outbox row and
/// stored before the order is sent, so a retry after a crash can only ever name the same order (Kalshi answers a
/// reused id with 409).
/// </summary>
public readonly record struct ClientOrderId
{
    public const int MaxLength = 64;

    private ClientOrderId(string value) => Value = value;

    public string Value => field ?? "";

    /// <summary>The id for the order an outbox entry stands for: its id, in the UUID form Kalshi's examples use.</summary>
    public static ClientOrderId Derive(Guid outboxEntryId) =>
        outboxEntryId == Guid.Empty
            ? throw new ArgumentException("an outbox entry id is never empty", nameof(outboxEntryId))
            : new ClientOrderId(outboxEntryId.ToString("D"));

    public static ClientOrderId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a client order id (1-{MaxLength} of A-Z a-z 0-9 - _)");

    public static bool TryParse(string? text, out ClientOrderId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                return false;
        }

        id = new ClientOrderId(text);
        return true;
    }

    public override string ToString() => Value;
}

internal static class TickerText
{
    public const int MaxLength = 100;

    /// <summary>Letters, digits and the separators Kalshi uses (<c>- . _</c>); nothing that could break a URL path.</summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.' and not '_')
                return false;
        }

        return text[0] != '.' && text[0] != '-';
    }
}
