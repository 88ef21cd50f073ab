using TradingBot.Core.Trading;

namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// No new entries in the last minutes before a game starts (lineups, late news), none once it has started unless
/// in-play trading is allowed, and none when the start is unknown: a market whose game cannot be placed in time
/// cannot be judged.
/// </summary>
public sealed class GameStartRule(TimeSpan minTimeBeforeStart, bool allowInPlay) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        if (snapshot.Market.GameStart is not { } start)
            return RiskDecision.Deny(DecisionCode.GameStartUnknown, intent.Ticker);
        var untilStart = start - snapshot.Now;
        if (untilStart <= TimeSpan.Zero)
        {
            return allowInPlay
                ? RiskDecision.Approve
                : RiskDecision.Deny(DecisionCode.InPlay, intent.Ticker, DenialDetail.Seconds("seconds_since_start", -untilStart));
        }

        return untilStart < minTimeBeforeStart
            ? RiskDecision.Deny(DecisionCode.TooCloseToGameStart, intent.Ticker, DenialDetail.Seconds("seconds_to_start", untilStart), DenialDetail.Seconds("min_seconds", minTimeBeforeStart))
            : RiskDecision.Approve;
    }
}

/// <summary>A price older than the limit may no longer be there; exits too are priced from the quote.</summary>
public sealed class StaleQuoteRule(TimeSpan maxAge) : IRiskRule
{
    public bool AppliesToExits => true;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var age = snapshot.Market.Quote.AgeAt(snapshot.Now);
        return age > maxAge
            ? RiskDecision.Deny(DecisionCode.StaleQuote, intent.Ticker, DenialDetail.Seconds("age_seconds", age), DenialDetail.Seconds("max_seconds", maxAge))
            : RiskDecision.Approve;
    }
}

/// <summary>An entry needs a model probability no older than the limit.</summary>
public sealed class StaleForecastRule(TimeSpan maxAge) : IRiskRule
{
    public bool AppliesToExits => false;

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        if (snapshot.ForecastAsOf is not { } asOf)
            return RiskDecision.Deny(DecisionCode.NoForecast, intent.Ticker);
        var age = snapshot.Now - asOf;
        return age > maxAge
            ? RiskDecision.Deny(DecisionCode.StaleForecast, intent.Ticker, DenialDetail.Seconds("age_seconds", age), DenialDetail.Seconds("max_seconds", maxAge))
            : RiskDecision.Approve;
    }
}
