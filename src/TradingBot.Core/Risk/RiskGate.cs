using TradingBot.Core.Risk.Rules;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Risk;

/// <summary>
/// The one pipeline every order passes: small rules in a fixed order, the first denial wins. Exits that reduce
/// a position skip the entry-only rules (exposure, balance, game start, forecast, edge) but not the ones that
/// protect every order (trading state, exchange and market open, quote age, order rate, price sanity).
/// </summary>
public sealed class RiskGate
{
    private readonly IRiskRule[] _rules;

    public RiskGate(RiskOptions options)
        : this(StandardRules(options))
    {
    }

    public RiskGate(IEnumerable<IRiskRule> rules) => _rules = rules.ToArray();

    public IReadOnlyList<IRiskRule> Rules => _rules;

    /// <summary>The rules in the order they run.</summary>
    public static IEnumerable<IRiskRule> StandardRules(RiskOptions options)
    {
        yield return new TradingStateRule();
        yield return new ExchangeOpenRule();
        yield return new MarketOpenRule();
        yield return new OrderInDoubtRule();
        yield return new StopLossLatchRule();
        yield return new OneEntryPerMarketRule();
        yield return new OneMarketPerGameRule();
        yield return new GameStartRule(options.MinTimeBeforeGameStart, options.AllowInPlay);
        yield return new StaleQuoteRule(options.MaxQuoteAge);
        yield return new StaleForecastRule(options.MaxForecastAge);
        yield return new PositionLimitRule(Money.FromDollars(options.MaxPositionPerMarket));
        yield return new EventExposureRule(Money.FromDollars(options.MaxExposurePerEvent));
        yield return new TotalExposureRule(Money.FromDollars(options.MaxTotalExposure));
        yield return new BalanceRule(Money.FromDollars(options.MinBalanceReserve));
        yield return new OrderRateRule(options.MaxOrdersPerMinute);
        yield return new PriceAndCountRule();
        yield return new PlausibleEdgeRule(Money.FromDollars(options.MaxPlausibleEdge));
        yield return new ExitWithinPositionRule();
    }

    public RiskDecision Check(in TradeIntent intent, in RiskSnapshot snapshot)
    {
        var isExit = intent.Kind == IntentKind.Exit;
        foreach (var rule in _rules)
        {
            if (isExit && !rule.AppliesToExits)
                continue;
            var decision = rule.Check(intent, snapshot);
            if (!decision.IsApproved)
                return decision;
        }

        return RiskDecision.Approve;
    }
}
