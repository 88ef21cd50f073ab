using TradingBot.Core.Deciding;
using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests.Deciding;

/// <summary>
/// Finding 14: the README's paper run bought YES on MIL at 0.48 (model 0.557) and NO on TOR at 0.48 (model 0.530) at
/// the same instant, the same outcome twice from two forecasts that disagree, and ended holding YES on both teams.
/// </summary>
public class OneGameTests
{
    private static readonly EventTicker Game = EventTicker.Parse("KXMLBGAME-26DEC07MILTOR");

    private static MarketView View(string team, bool mutuallyExclusive = true)
    {
        var ticker = MarketTicker.Parse($"{Game.Value}-{team}");
        var info = new MarketInfo(ticker, Game, MarketStatus.Active, Now.AddDays(-1), Now.AddHours(6), team, Quote(0.46m, 0.50m), TickStructure.LinearCent, MarketResult.None);
        return new MarketView(info, "KXMLBGAME", "Milwaukee at Toronto", Now.AddHours(2), FeeSchedule.Standard, info.TopOfBook, mutuallyExclusive);
    }

    [Fact]
    public void The_forecasts_of_a_games_winner_markets_are_made_to_sum_to_one()
    {
        var mil = View("MIL");
        var tor = View("TOR");
        var raw = new Dictionary<MarketTicker, Forecast> { [mil.Ticker] = Forecast(0.557m), [tor.Ticker] = Forecast(0.530m) };

        var coherent = ForecastCoherence.Coherent([mil, tor], v => raw[v.Ticker]);

        Assert.Equal(1_000_000, coherent[mil.Ticker].Yes.Micros + coherent[tor.Ticker].Yes.Micros, tolerance: 1);
        Assert.Equal(0.512419m, coherent[mil.Ticker].Yes.Value);
        // YES MIL at 0.48 and NO TOR at 0.48 are now the same bet at the same value, not two bets with two edges.
        Assert.Equal(coherent[mil.Ticker].Yes.Value, coherent[tor.Ticker].Yes.Complement.Value, 5);
    }

    [Fact]
    public void A_spread_or_total_ladder_is_left_as_its_sources_priced_it()
    {
        var a = View("MIL", mutuallyExclusive: false);
        var b = View("TOR", mutuallyExclusive: false);
        var coherent = ForecastCoherence.Coherent([a, b], v => Forecast(0.60m));
        Assert.Equal(0.60m, coherent[a.Ticker].Yes.Value);
        Assert.Equal(0.60m, coherent[b.Ticker].Yes.Value);
    }

    [Fact]
    public void Holding_one_team_the_gate_refuses_any_entry_on_the_other()
    {
        var tor = Market() with { Ticker = MarketTicker.Parse($"{Game.Value}-TOR"), Event = Game, MutuallyExclusive = true, EventExposure = M(23.04m) };
        var yesOnTor = Entry(0.48m, 10m, 0.55m);
        var noOnTor = Entry(0.48m, 10m, 0.55m, Values.OutcomeSide.No);

        var gate = new RiskGate(RiskLimits());
        Assert.Equal(DecisionCode.EventOtherMarket, gate.Check(yesOnTor with { Ticker = tor.Ticker, Event = Game }, Snapshot(market: tor)).Code);
        Assert.Equal(DecisionCode.EventOtherMarket, gate.Check(noOnTor with { Ticker = tor.Ticker, Event = Game }, Snapshot(market: tor)).Code);
        // Not mutually exclusive (a spread ladder): the event cap alone governs.
        Assert.True(gate.Check(yesOnTor with { Ticker = tor.Ticker, Event = Game }, Snapshot(market: tor with { MutuallyExclusive = false })).IsApproved);
    }
}
