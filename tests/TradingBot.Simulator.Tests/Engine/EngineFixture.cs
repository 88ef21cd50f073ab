using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Tests.Engine;

/// <summary>One open NFL winner market, a frozen clock, and members with cash.</summary>
internal sealed class EngineFixture
{
    public const string Ticker = "KXNFLGAME-26SEP13DALNYG-DAL";
    public static readonly DateTimeOffset Start = new(2026, 9, 13, 12, 0, 0, TimeSpan.Zero);

    public EngineFixture(FeeType feeType = FeeType.Quadratic, decimal multiplier = 1m, TickStructure? ticks = null)
    {
        Clock = new FakeTimeProvider(Start);
        Exchange = new SimExchange(Clock);
        Exchange.AddSeries(new SimSeries("KXNFLGAME", "NFL game", "Sports", feeType, multiplier));
        Exchange.AddEvent(new SimEvent("KXNFLGAME-26SEP13DALNYG", "KXNFLGAME", "Dallas at New York", "DAL vs NYG", Start.AddHours(5), "NFL"));
        Exchange.AddMarket(new MarketSpec(Ticker, "KXNFLGAME-26SEP13DALNYG", "Dallas to win", "Dallas", "New York", Start.AddHours(-1), Start.AddHours(8), ticks));
    }

    public FakeTimeProvider Clock { get; }

    public SimExchange Exchange { get; }

    public SimAccount Member(string id, decimal cash = 1000m, int decimals = Money.CentDecimals) =>
        Exchange.OpenAccount(id, Money.FromDollars(cash), decimals);

    public SimAccount MarketMaker(string id = "mm") => Exchange.OpenAccount(id, Money.Zero, Money.CentDecimals, unlimited: true);

    public static OrderSubmission Bid(decimal yesPrice, decimal count, TimeInForce tif = TimeInForce.GoodTillCanceled, string? clientId = null) =>
        new(Ticker, BookSide.Bid, Price.FromDollars(yesPrice), Contracts.Of(count), tif, clientId);

    public static OrderSubmission Ask(decimal yesPrice, decimal count, TimeInForce tif = TimeInForce.GoodTillCanceled, string? clientId = null) =>
        new(Ticker, BookSide.Ask, Price.FromDollars(yesPrice), Contracts.Of(count), tif, clientId);

    public SubmitOutcome Place(string member, OrderSubmission submission)
    {
        var result = Exchange.Submit(member, submission);
        Assert.True(result.Success, result.Rejection?.ToString());
        return result.Value!;
    }

    public SimPosition Position(string member) => Exchange.Read(e => e.Accounts[member].PositionIn(Ticker));
}
