using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Storage.Tests.Support;

/// <summary>A simulated exchange with one NFL market, a market maker quoting it, and the bot's member account.</summary>
internal sealed class Venue
{
    public const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";
    public const string EventTicker = "KXNFLGAME-26SEP13DALNYG";
    public const string Bot = "bot";

    public Venue(FakeTimeProvider time)
    {
        Exchange = new SimExchange(time);
        Exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL game", "Sports", FeeType.QuadraticWithMakerFees, 1m));
        Exchange.AddEvent(new SimEvent(EventTicker, "KXNFLGAME", "Dallas at New York", "", time.GetUtcNow().AddHours(3), "NFL"));
        Exchange.AddMarket(new MarketSpec(Ticker, EventTicker, "Dallas to win", "Dallas", "New York", time.GetUtcNow().AddHours(-1), time.GetUtcNow().AddHours(6)));
        Exchange.OpenAccount("mm", Money.Zero, unlimited: true);
        Exchange.OpenAccount(Bot, Money.FromDollars(1000m));
        Wire = new FaultyVenue(new InProcessVenue(Exchange, Bot));
    }

    public SimExchange Exchange { get; }

    public FaultyVenue Wire { get; }

    /// <summary>The market maker rests <paramref name="count"/> contracts on the other side of a bot YES buy at <paramref name="yesPrice"/>.</summary>
    public void Offer(decimal yesPrice, decimal count) =>
        Assert.True(Exchange.Submit("mm", new OrderSubmission(Ticker, BookSide.Ask, Price.FromDollars(yesPrice), Contracts.Of(count), TimeInForce.GoodTillCanceled)).Success);

    public void Bid(decimal yesPrice, decimal count) =>
        Assert.True(Exchange.Submit("mm", new OrderSubmission(Ticker, BookSide.Bid, Price.FromDollars(yesPrice), Contracts.Of(count), TimeInForce.GoodTillCanceled)).Success);

    public int OrdersOf(string member) => Exchange.Read(e => e.Accounts[member].OrderHistory.Count);

    public static TradeIntent BuyYes(decimal price, decimal count, Execution execution = Execution.Take) =>
        new(IntentKind.Entry, IntentReason.Edge, MarketTicker.Parse(Ticker), Core.Values.EventTicker.Parse(EventTicker),
            new OrderDirection(OrderAction.Buy, OutcomeSide.Yes), Price.FromDollars(price), Contracts.Of(count), execution,
            Money.Zero, Probability.FromValue(price + 0.05m), Money.Zero, Price.FromDollars(price));

    public static TradeIntent SellYes(decimal price, decimal count) =>
        new(IntentKind.Exit, IntentReason.StopLoss, MarketTicker.Parse(Ticker), Core.Values.EventTicker.Parse(EventTicker),
            new OrderDirection(OrderAction.Sell, OutcomeSide.Yes), Price.FromDollars(price), Contracts.Of(count), Execution.Take,
            Money.Zero, default, Money.Zero, Price.FromDollars(price));
}
