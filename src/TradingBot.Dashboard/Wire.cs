using System.Globalization;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Dashboard;

/// <summary>How the API writes values: money and prices as decimal strings like Kalshi's ("12.3400"), times ISO 8601 UTC.</summary>
internal static class Wire
{
    /// <summary>At least Kalshi's four decimals; the ledger's micro-dollars in full when they go further, never rounded.</summary>
    public static string Money(Money money) => money.Dollars.ToString("0.0000##", CultureInfo.InvariantCulture);

    public static string? Money(Money? money) => money is { } m ? Money(m) : null;

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? at) => at is { } a ? Time(a) : null;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record CommandDto(long Id, string Kind, string Reason, string IssuedBy, string IssuedAt, string? DoneAt, string? Outcome)
{
    internal static CommandDto From(ControlCommand c) =>
        new(c.Id, TradingBot.Core.Engine.OperatorCommands.Verb(c.Kind), c.Reason, c.IssuedBy, Wire.Time(c.IssuedAt), Wire.Time(c.DoneAt), c.Outcome);
}

public sealed record StatusDto(
    string At,
    double HeartbeatAgeSeconds,
    bool WorkerRunning,
    string StartedAt,
    string Version,
    string Mode,
    string State,
    IReadOnlyList<string> Reasons,
    bool BreakerTripped,
    string RealisedToday,
    string DailyLossLimit,
    string? SafeModeReason,
    string? SafeModeSince,
    bool ExchangeActive,
    bool ExchangeTradingActive,
    string? LastScanAt,
    int MarketsTracked,
    string? Balance,
    int Positions,
    int OpenOrders,
    bool Flattening,
    IReadOnlyList<CommandDto> PendingCommands);

public sealed record PositionDto(string Ticker, string Side, string Count, string Cost, string Fees, string? Mark, string? Unrealised, string? MarkedAt);

public sealed record OrderDto(
    string ClientOrderId, string? OrderId, string Ticker, string Event, string Side, string YesPrice, string Count, string Filled, string Remaining,
    string Kind, string Reason, string Status, bool Open, string? LastError, string CreatedAt, string UpdatedAt);

public sealed record FillDto(string FillId, string OrderId, string Ticker, string Side, string YesPrice, string Count, string Fee, bool Taker, string At);

public sealed record PnlDayDto(string Day, string Realised, string Cumulative);

public sealed record PnlDto(string TradingDayTimeZone, string Total, IReadOnlyList<PnlDayDto> Days);

public sealed record DecisionDto(
    string At, string Ticker, string Outcome, string Code, string Detail, string? Side, string? Price, string Count, string? ModelProbability,
    string Edge, string ExpectedValue);

/// <summary>A notification the bot sent (breaker, safe mode, stop-loss, commands…) or an operator command, in one time line.</summary>
public sealed record RiskEventDto(string At, string Type, string Kind, string Message, bool? Delivered, long? CommandId, string? IssuedBy);

public sealed record HealthDto(string Status);

public sealed record CommandAcceptedDto(long Id, string Kind, string Reason, string IssuedBy, string IssuedAt, string Status);
