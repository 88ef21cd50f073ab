using TradingBot.Core.Engine;
using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Risk;
using TradingBot.Core.Sports;
using TradingBot.Core.Values;

namespace TradingBot.Core.Tests.Sports;

/// <summary>
/// What a market pays on is read from what Kalshi states; a market whose statements disagree, a preseason game, and a
/// competition no source covers are refused before any forecast prices them, each with its own code.
/// </summary>
public sealed class MarketTermsPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 10, 12, 0, 0, TimeSpan.Zero);

    private sealed class AnyMarket(string name, decimal yes, params string[] extraCompetitions) : IForecastSource
    {
        public string Name => name;

        public int Asked { get; private set; }

        public Forecast? Get(ForecastRequest market)
        {
            Asked++;
            return new Forecast(yes, Now);
        }

        public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ForecastSourceHealth Health => new(name, Now, 1, null);

        public bool Covers(string competition) => Competitions.IsKnownRegular(competition) || extraCompetitions.Contains(competition);
    }

    private static MarketView View(string ticker, string yesSubTitle, MarketStrike? strike = null, string? competition = "Pro Football",
        string eventTitle = "Detroit at Buffalo", string eventSubTitle = "DET vs BUF (Sep 17)")
    {
        var market = new MarketInfo(MarketTicker.Parse(ticker), EventTicker.Parse(string.Join('-', ticker.Split('-')[..2])), MarketStatus.Active, Now.AddHours(-1), Now.AddDays(9),
            yesSubTitle, new Quote(BookLevel.None, BookLevel.None, Now), TickStructure.LinearCent, MarketResult.None, Strike: strike);
        return new MarketView(market, ticker.Split('-')[0], eventTitle, Now.AddDays(7), FeeSchedule.Standard, new Quote(BookLevel.None, BookLevel.None, Now),
            EventSubTitle: eventSubTitle, Competition: competition);
    }

    [Fact]
    public void A_spread_is_priced_at_its_floor_strike_and_refused_when_its_ticker_or_subtitle_says_otherwise()
    {
        var greater = new MarketStrike("greater", 1.5m, null);

        var right = SportsContracts.Resolve(View("KXNFLSPREAD-26SEP17DETBUF-DET2", "Detroit wins by over 1.5 points", greater).ForecastRequest);
        var tickerOff = SportsContracts.Resolve(View("KXNFLSPREAD-26SEP17DETBUF-DET3", "Detroit wins by over 1.5 points", greater).ForecastRequest);
        var subtitleOff = SportsContracts.Resolve(View("KXNFLSPREAD-26SEP17DETBUF-DET2", "Detroit wins by over 2.5 points", greater).ForecastRequest);
        var otherTeam = SportsContracts.Resolve(View("KXNFLSPREAD-26SEP17DETBUF-DET2", "Buffalo wins by over 1.5 points", greater).ForecastRequest);

        Assert.Equal(1.5m, right.Market?.Line);
        Assert.Equal(DecisionCode.StrikeMismatch, tickerOff.Refusal);
        Assert.Contains("floor_strike gives line 1.5 but the ticker", tickerOff.Problem);
        Assert.Equal(DecisionCode.StrikeMismatch, subtitleOff.Refusal);
        Assert.Equal(DecisionCode.StrikeMismatch, otherTeam.Refusal);
        Assert.Contains("names BUF", otherTeam.Problem);
    }

    /// <summary>The choice keeps each listing's terms between passes; a listing that changes (here its strike) is read afresh.</summary>
    [Fact]
    public void A_listing_that_changes_is_judged_on_what_it_says_now()
    {
        var choice = new ForecastChoice([new AnyMarket("file", 0.6m)]);
        var wrong = View("KXNFLSPREAD-26SEP17DETBUF-DET2", "Detroit wins by over 1.5 points", new MarketStrike("greater", 2.5m, null));
        var corrected = View("KXNFLSPREAD-26SEP17DETBUF-DET2", "Detroit wins by over 1.5 points", new MarketStrike("greater", 1.5m, null));

        var before = choice.Pick(wrong);
        var again = choice.Pick(wrong);
        var after = choice.Pick(corrected);

        Assert.Equal((DecisionCode.StrikeMismatch, DecisionCode.StrikeMismatch), (before.Refusal, again.Refusal));
        Assert.Null(after.Refusal);
        Assert.Equal(0.6m, after.Forecast?.Yes.Value);
    }

    /// <summary>A winner market's custom_strike (its team) is a new dictionary at every read: the same strike all the same, so its terms are kept.</summary>
    [Fact]
    public void A_strike_read_again_is_the_same_strike()
    {
        var first = new MarketStrike("structured", null, null, new Dictionary<string, string> { ["football_team"] = "f95a55a7" });
        var again = new MarketStrike("structured", null, null, new Dictionary<string, string> { ["football_team"] = "f95a55a7" });
        var other = new MarketStrike("structured", null, null, new Dictionary<string, string> { ["football_team"] = "0c1d2e3f" });

        Assert.Equal(first, again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, first with { Custom = null });
        Assert.Equal(View("KXNFLGAME-26SEP17DETBUF-DET", "Detroit", first).ForecastRequest, View("KXNFLGAME-26SEP17DETBUF-DET", "Detroit", again).ForecastRequest);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("between", 1.5)]
    [InlineData("greater", null)]
    [InlineData("custom", 49.5)]
    public void A_total_without_a_strike_the_bot_can_read_is_unpriceable(string? type, double? floor)
    {
        var strike = type is null ? null : new MarketStrike(type, floor is null ? null : (decimal)floor.Value, null);

        var terms = SportsContracts.Resolve(View("KXNFLTOTAL-26SEP17DETBUF-50", "Over 49.5 points scored", strike).ForecastRequest);

        Assert.Null(terms.Market);
        Assert.Equal(DecisionCode.StrikeUnknown, terms.Refusal);
    }

    [Theory]
    [InlineData("greater", 49.5, 49.5)]
    [InlineData("greater", 49, 49.5)]
    [InlineData("greater_or_equal", 50, 49.5)]
    public void Whole_and_half_point_strikes_read_as_the_half_point_line_they_pay_on(string type, double floor, double line) =>
        Assert.Equal((decimal)line, SportsContracts.LineOf(new MarketStrike(type, (decimal)floor, null)));

    [Fact]
    public void A_preseason_game_is_refused_by_default_and_priced_by_its_seasons_models_when_the_operator_allows_it()
    {
        var view = View("KXNFLGAME-26AUG13DETCIN-DET", "Detroit", competition: "Pro Football Preseason", eventTitle: "Detroit vs Cincinnati", eventSubTitle: "DET vs CIN (Aug 13)");
        var source = new AnyMarket("feed", 0.6m);

        var refused = new ForecastChoice([source]).Pick(view);
        var allowed = new ForecastChoice([source], tradePreseason: true).Pick(view);

        Assert.Equal(DecisionCode.Preseason, refused.Refusal);
        Assert.Null(refused.Forecast);
        Assert.Equal(1, source.Asked);
        Assert.Null(allowed.Refusal);
        Assert.Equal(0.6m, allowed.Forecast?.Yes.Value);
    }

    [Fact]
    public void A_competition_no_source_covers_is_refused_with_its_code_and_one_a_source_declares_is_priced()
    {
        var allStar = View("KXNFLGAME-26FEB01DETBUF-DET", "Detroit", competition: "Pro Football All-Star");
        var elo = new AnyMarket("elo", 0.55m);
        var feed = new AnyMarket("feed", 0.6m, "Pro Football All-Star");

        var refused = new ForecastChoice([elo]).Pick(allStar);
        var byFeed = new ForecastChoice([elo, feed]).Pick(allStar);
        var byOperator = new ForecastChoice([elo], extraCompetitions: ["Pro Football All-Star"]).Pick(allStar);

        Assert.Equal(DecisionCode.CompetitionNotCovered, refused.Refusal);
        Assert.Contains("Pro Football All-Star", refused.Detail);
        // Elo was asked only where the operator declared the competition covered.
        Assert.Equal(1, elo.Asked);
        Assert.Equal(0.6m, byFeed.Forecast?.Yes.Value);
        Assert.Equal(0.55m, byOperator.Forecast?.Yes.Value);
    }

    [Fact]
    public void A_college_game_with_a_feed_forecast_is_priced_and_decided()
    {
        var view = View("KXNCAAFGAME-26SEP19MSUND-ND", "Notre Dame", competition: "NCAA Football", eventTitle: "Michigan St. vs Notre Dame", eventSubTitle: "MSU vs ND (Sep 19)");

        var pick = new ForecastChoice([new AnyMarket("feed", 0.62m)]).Pick(view);

        Assert.Null(pick.Refusal);
        Assert.Equal(0.62m, pick.Forecast?.Yes.Value);
        Assert.Equal("ND", SportsContracts.Resolve(view.ForecastRequest).Market?.Team?.Code);
    }
}
