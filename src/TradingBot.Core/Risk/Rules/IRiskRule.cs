using TradingBot.Core.Trading;

namespace TradingBot.Core.Risk.Rules;

/// <summary>One risk rule: a small judgement over one snapshot. Returns <see cref="RiskDecision.Approve"/> or a denial.</summary>
public interface IRiskRule
{
    /// <summary>Whether exits that reduce a position are judged too. Entry-only rules let them pass.</summary>
    bool AppliesToExits { get; }

    RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot);
}
