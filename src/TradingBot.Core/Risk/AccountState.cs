using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>
/// The account as a whole at one moment, shared by every market evaluated in a pass: the clock, the trading
/// state, the exchange, cash, capital committed everywhere (fills + resting + in-flight), and orders sent in
/// the last minute.
/// </summary>
public sealed record AccountState(
    DateTimeOffset Now,
    TradingStatus Trading,
    ExchangeStatus Exchange,
    Money Balance,
    Money TotalExposure,
    int OrdersInLastMinute);

/// <summary>The one immutable picture the risk rules judge an order against.</summary>
public readonly record struct RiskSnapshot(AccountState Account, MarketState Market, DateTimeOffset? ForecastAsOf)
{
    public DateTimeOffset Now => Account.Now;
}
