using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Pricing;
using TradingBot.Core.Risk;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Core.Tests.Support;

/// <summary>Readable defaults for the domain's records, so each test states only what it is about.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 9, 13, 18, 0, 0, TimeSpan.Zero);
    public static readonly MarketTicker Ticker = MarketTicker.Parse("KXNFLGAME-26SEP13DALNYG-DAL");
    public static readonly EventTicker Event = EventTicker.Parse("KXNFLGAME-26SEP13DALNYG");

    public static Price P(decimal dollars) => Price.FromDollars(dollars);

    public static Contracts C(decimal count) => Contracts.Of(count);

    public static Money M(decimal dollars) => Money.FromDollars(dollars);

    public static RiskOptions RiskLimits() => new()
    {
        MaxPositionPerMarket = 50m,
        MaxExposurePerEvent = 100m,
        MaxTotalExposure = 500m,
        StopLossFloorPercent = 50m,
        DailyLossLimit = 100m,
        MaxConsecutiveApiErrors = 5,
    };

    /// <summary>A YES bid at <paramref name="yesBid"/> and a NO bid at <paramref name="noBid"/>, 100 deep each, fresh.</summary>
    public static Quote Quote(decimal yesBid, decimal noBid, decimal size = 100m, DateTimeOffset? at = null) =>
        new(yesBid > 0 ? new BookLevel(P(yesBid), C(size)) : BookLevel.None,
            noBid > 0 ? new BookLevel(P(noBid), C(size)) : BookLevel.None,
            at ?? Now);

    public static MarketState Market(
        Quote? quote = null,
        MarketStatus status = MarketStatus.Active,
        TimeSpan? untilStart = null,
        bool startUnknown = false,
        Money? marketExposure = null,
        Money? eventExposure = null,
        Holding? holding = null,
        FeeSchedule? fees = null,
        TickStructure? ticks = null,
        int exchangeIndex = 0) =>
        new(Ticker, Event, status,
            CloseTime: Now.AddHours(6),
            GameStart: startUnknown ? null : Now + (untilStart ?? TimeSpan.FromHours(2)),
            Quote: quote ?? Quote(0.45m, 0.53m),
            Ticks: ticks ?? TickStructure.LinearCent,
            Fees: fees ?? FeeSchedule.Standard,
            MarketExposure: marketExposure ?? Money.Zero,
            EventExposure: eventExposure ?? Money.Zero,
            Holding: holding ?? Holding.None,
            ExchangeIndex: exchangeIndex);

    public static AccountState Account(
        TradingStatus? trading = null,
        ExchangeStatus? exchange = null,
        decimal balance = 1000m,
        decimal totalExposure = 0m,
        int ordersInLastMinute = 0,
        AccountBalance? balances = null) =>
        new(Now, trading ?? TradingStatus.Active, exchange ?? ExchangeStatus.Open, balances ?? AccountBalance.Unsharded(M(balance)), M(totalExposure), ordersInLastMinute);

    /// <summary>Cash per exchange shard, e.g. <c>Shards((0, 1000m), (3, 0m))</c>; the total is their sum.</summary>
    public static AccountBalance Shards(params (int Shard, decimal Dollars)[] shares) =>
        new(M(shares.Sum(s => s.Dollars)), shares.ToDictionary(s => s.Shard, s => M(s.Dollars)));

    public static RiskSnapshot Snapshot(AccountState? account = null, MarketState? market = null, TimeSpan? forecastAge = null, bool noForecast = false) =>
        new(account ?? Account(), market ?? Market(), noForecast ? null : Now - (forecastAge ?? TimeSpan.FromMinutes(1)));

    /// <summary>Buy <paramref name="count"/> YES at <paramref name="price"/> (IOC), fee as Kalshi charges a taker.</summary>
    public static TradeIntent Entry(decimal price = 0.47m, decimal count = 10m, decimal winProbability = 0.55m, OutcomeSide side = OutcomeSide.Yes)
    {
        FeeSchedule.Standard.TryTradeFee(C(count), P(price), Liquidity.Taker, out var fee);
        return new TradeIntent(IntentKind.Entry, IntentReason.Edge, Ticker, Event, new OrderDirection(OrderAction.Buy, side),
            P(price), C(count), Execution.Take, fee, Probability.FromValue(winProbability), M(count * (winProbability - price)) - fee, P(price));
    }

    public static TradeIntent Exit(decimal price = 0.40m, decimal count = 10m, OutcomeSide side = OutcomeSide.Yes) =>
        new(IntentKind.Exit, IntentReason.StopLoss, Ticker, Event, new OrderDirection(OrderAction.Sell, side),
            P(price), C(count), Execution.Take, Money.Zero, default, Money.Zero, P(price));

    public static Forecast Forecast(decimal yesProbability, TimeSpan? age = null) => new(yesProbability, Now - (age ?? TimeSpan.FromMinutes(1)));

    public static StrategyOptions Strategy(decimal minEdge = 0.03m, decimal kelly = 0.25m, decimal maxPerOrder = 100m, bool allowMaking = true) =>
        new() { MinEdge = minEdge, KellyFraction = kelly, MaxContractsPerOrder = maxPerOrder, AllowMaking = allowMaking };
}
