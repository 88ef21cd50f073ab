using System.Globalization;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>Events: one game each, in one series.</summary>
internal sealed partial class ScenarioReader
{
    private ScenarioGame? ReadEvent(JsonFields fields)
    {
        var ticker = fields.String("ticker", required: true);
        var series = fields.String("series", required: true);
        var league = fields.String("league", required: true);
        var home = fields.String("home", required: true);
        var away = fields.String("away", required: true);
        var homeName = fields.String("home_name");
        var awayName = fields.String("away_name");
        var title = fields.String("title");
        var subTitle = fields.String("sub_title");
        var competition = fields.String("competition");
        var start = fields.Instant("start", true, new Dictionary<string, DateTimeOffset> { ["now"] = now });
        var duration = fields.Duration("duration", true, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        // A field that failed is already null; what follows are the cross-checks that decide whether the game can
        // frame its markets' checks (their team, their times).
        var problemsBefore = problems.Count;

        if (ticker is not null && !IsTicker(ticker))
            fields.Problem("ticker", $"'{ticker}' is not a Kalshi-style ticker (capital letters, digits, '-' and '.')");
        else if (ticker is not null && !_eventTickers.Add(ticker))
            fields.Problem("ticker", $"event {ticker} is defined twice");
        if (series is not null && !_seriesTickers.Contains(series))
            fields.Problem("series", $"series {series} is not defined in $.series");
        else if (series is not null && ticker is not null && !ticker.StartsWith(series + "-", StringComparison.Ordinal))
            fields.Problem("ticker", $"an event ticker starts with its series and a dash ({series}-…)");
        if (league is not null && !IsCode(league))
            fields.Problem("league", $"'{league}' is not a league code (2-6 capital letters or digits, like NFL)");
        foreach (var (name, code) in (ReadOnlySpan<(string, string?)>)[("home", home), ("away", away)])
        {
            if (code is not null && !IsCode(code))
                fields.Problem(name, $"'{code}' is not a team code (2-6 capital letters or digits, like DAL)");
        }

        if (home is not null && home == away)
            fields.Problem("away", "a team cannot play itself");
        if (start is { } s && duration is { } d && s + d <= now)
            fields.Problem("start", $"the game ends at {(s + d).ToString("O", CultureInfo.InvariantCulture)}, before the scenario is loaded ({now.ToString("O", CultureInfo.InvariantCulture)})");

        var complete = problems.Count == problemsBefore && start is not null && duration is not null
            && ticker is not null && series is not null && league is not null && home is not null && away is not null;
        var game = complete
            ? new GameFrame(ticker!, league!, home!, away!, homeName ?? home!, awayName ?? away!, start!.Value, start.Value + duration!.Value, title ?? $"{awayName ?? away} vs {homeName ?? home}")
            : null;
        var markets = new List<ScenarioMarket>();
        var drafts = new List<MarketDraft>();
        foreach (var (marketFields, _) in fields.Objects("markets", required: true))
        {
            if (ReadMarket(marketFields, game, drafts) is { } market)
                markets.Add(market);
        }

        CheckLinks(drafts);
        fields.Finish();
        if (game is null || problems.Count > problemsBefore)
            return null;
        var scope = KalshiListing.Scope(markets.Select(m => m.Kind));
        var simEvent = new SimEvent(ticker!, series!, title ?? KalshiListing.EventTitle(game.Title, league!, scope),
            subTitle ?? KalshiListing.SubTitle(away!, home!, start!.Value), start!.Value, league!,
            Competition: competition ?? KalshiListing.Competition(league!), CompetitionScope: scope);
        return new ScenarioGame(simEvent, home!, away!, duration!.Value, markets);
    }

    /// <summary>What a market needs to know about its game while it is read: the teams' codes and names, its times, its title.</summary>
    private sealed record GameFrame(string Ticker, string League, string Home, string Away, string HomeName, string AwayName, DateTimeOffset Start, DateTimeOffset End, string Title)
    {
        public string NameOf(string? team) => team == Home ? HomeName : team == Away ? AwayName : team ?? "";
    }
}
