using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>
/// The account as a whole at one moment, shared by every market evaluated in a pass: the clock, the trading
/// state, the exchange, cash (in total and per exchange shard), capital committed everywhere (fills + resting +
/// in-flight), and orders sent in the last minute.
/// </summary>
public sealed record AccountState(
    DateTimeOffset Now,
    TradingStatus Trading,
    ExchangeStatus Exchange,
    AccountBalance Balances,
    Money TotalExposure,
    int OrdersInLastMinute)
{
    /// <summary>All the account's cash, every shard together: the bankroll.</summary>
    public Money Balance => Balances.Total;

    /// <summary>
    /// What an order on shard <paramref name="exchangeIndex"/> may commit: the reserve is kept across the account
    /// (the total less the reserve), and Kalshi checks collateral per shard (no more than that shard holds).
    /// </summary>
    public Money SpendableOn(int exchangeIndex, Money reserve) => Money.Min(Balances.AvailableOn(exchangeIndex), Balance - reserve);
}

/// <summary>The one immutable picture the risk rules judge an order against.</summary>
public readonly record struct RiskSnapshot(AccountState Account, MarketState Market, DateTimeOffset? ForecastAsOf)
{
    public DateTimeOffset Now => Account.Now;
}
