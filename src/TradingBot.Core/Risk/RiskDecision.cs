using System.Globalization;
using System.Text;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>One key=value of a denial's detail: a number, or a word when <see cref="Text"/> is set.</summary>
public readonly record struct DenialDetail(string Key, decimal Number, string? Text = null)
{
    public static DenialDetail Word(string key, string text) => new(key, 0m, text);

    public static DenialDetail Seconds(string key, TimeSpan duration) => new(key, decimal.Round((decimal)duration.TotalSeconds, 3));

    public override string ToString() =>
        Key + "=" + (Text ?? Number.ToString(Number == decimal.Round(Number, 2) ? "0.00" : "0.00####", CultureInfo.InvariantCulture));
}

/// <summary>
/// The gate's answer: approve, or deny with a code and up to three key=value details, e.g.
/// <c>POSITION_LIMIT: market=KX…, limit=50.00, would_be=61.20</c>. Held inline and formatted only when asked,
/// so evaluating thousands of markets allocates nothing.
/// </summary>
public readonly record struct RiskDecision(DecisionCode Code, MarketTicker Market, DenialDetail First, DenialDetail Second, DenialDetail Third)
{
    public static readonly RiskDecision Approve = default;

    public bool IsApproved => Code == DecisionCode.None;

    public static RiskDecision Deny(DecisionCode code, MarketTicker market, DenialDetail first = default, DenialDetail second = default, DenialDetail third = default) =>
        code == DecisionCode.None ? throw new ArgumentException("a denial needs a code", nameof(code)) : new(code, market, first, second, third);

    /// <summary>The key=value part: <c>market=KX…, limit=50.00, would_be=61.20</c>.</summary>
    public string Detail
    {
        get
        {
            if (IsApproved)
                return "";
            var text = new StringBuilder("market=").Append(Market.Value);
            foreach (var detail in new[] { First, Second, Third })
            {
                if (detail.Key is not null)
                    text.Append(", ").Append(detail);
            }

            return text.ToString();
        }
    }

    public override string ToString() => IsApproved ? "APPROVED" : $"{Code.Code()}: {Detail}";
}
