using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Forecasting;
using TradingBot.Core.Risk;

namespace TradingBot.Core.Sports;

/// <summary>
/// What a sports market pays on, or why it cannot be priced. <see cref="Market"/> is null both for a market that is
/// none of the bot's sports (a weather market: <see cref="Refusal"/> null too, other sources may still price it by
/// ticker) and for a refused one, which carries its code and the evidence.
/// </summary>
public sealed record ContractTerms(SportsMarket? Market, DecisionCode? Refusal, string? Problem)
{
    public static readonly ContractTerms NotSports = new(null, null, null);

    public static ContractTerms Refused(DecisionCode code, string problem) => new(null, code, problem);

    /// <summary>The sports ticker did not parse (an unknown team, a college game without its listing): no verdict on the market.</summary>
    public static ContractTerms Unparsed(string problem) => new(null, null, problem);
}

/// <summary>
/// Resolves a listed sports market to the game, team and line it pays on. The line and side of a spread or total
/// come from what Kalshi states: the strike (<c>strike_type</c> greater, <c>floor_strike</c> the half-point line).
/// The ticker (suffix N is the line N − 0.5) and the yes subtitle ("Detroit wins by over 1.5 points") are
/// cross-checks: when any of them names another line or team the market is unpriceable (STRIKE_MISMATCH), and a
/// spread or total with no readable strike is too (STRIKE_UNKNOWN). A wrong line prices the wrong contract.
/// </summary>
public static class SportsContracts
{
    public static ContractTerms Resolve(ForecastRequest request)
    {
        var ticker = request.Ticker.Value;
        if (!SportsTickers.TryLeagueOf(ticker, out var league))
            return ContractTerms.NotSports;

        (Team Away, Team Home)? listed = null;
        if (!TeamCatalog.HasCatalog(league))
        {
            if (!CollegeTeams.TryFromListing(league, request.EventTitle, request.EventSubTitle, out listed, out var listingError))
                return ContractTerms.Unparsed($"{league.SeriesToken()} has no team catalog and {listingError}");
        }

        if (!SportsTickers.TryParseMarket(ticker, out var market, out var error, listed))
            return ContractTerms.Unparsed(error);

        return market.Kind switch
        {
            SportsMarketKind.Spread or SportsMarketKind.Total => WithStrike(market, request),
            SportsMarketKind.Winner => CheckWinner(market, request),
            _ => new ContractTerms(market, null, null),
        };
    }

    /// <summary>
    /// The half-point line a strike states: "greater" than 1.5 is over 1.5; on whole-number scores "greater" than 2 is
    /// over 2.5 and "greater_or_equal" 2 is over 1.5. Null for any other strike type or without a floor.
    /// </summary>
    public static decimal? LineOf(MarketStrike? strike)
    {
        if (strike is not { Floor: { } floor } || floor <= 0)
            return null;
        var whole = decimal.Remainder(floor, 1m) == 0;
        return strike.Type switch
        {
            "greater" => whole ? floor + 0.5m : floor,
            "greater_or_equal" => whole ? floor - 0.5m : floor,
            _ => null,
        };
    }

    private static ContractTerms WithStrike(SportsMarket market, ForecastRequest request)
    {
        if (LineOf(request.Strike) is not { } line || line <= 0)
        {
            var stated = request.Strike is { } s ? $"strike_type '{s.Type}', floor_strike {Text(s.Floor)}" : "no strike";
            return ContractTerms.Refused(DecisionCode.StrikeUnknown, $"{request.Ticker} is a {Kind(market)} listed with {stated}: its line is unknown");
        }

        if (market.Line != line)
            return ContractTerms.Refused(DecisionCode.StrikeMismatch, $"floor_strike gives line {Text(line)} but the ticker {request.Ticker} reads {Text(market.Line)}");
        if (SportsTickers.LineInTitle(request.YesSubTitle) is { } titled && titled != line)
            return ContractTerms.Refused(DecisionCode.StrikeMismatch, $"floor_strike gives line {Text(line)} but the subtitle '{request.YesSubTitle}' says {Text(titled)}");
        if (market.Kind == SportsMarketKind.Spread && TeamNamed(market.Event, SubjectOf(request.YesSubTitle)) is { } named && named != market.Team)
            return ContractTerms.Refused(DecisionCode.StrikeMismatch, $"the ticker {request.Ticker} has {market.Team?.Code} cover but the subtitle '{request.YesSubTitle}' names {named.Code}");
        return new ContractTerms(market with { Line = line }, null, null);
    }

    private static ContractTerms CheckWinner(SportsMarket market, ForecastRequest request)
    {
        if (TeamNamed(market.Event, request.YesSubTitle) is { } named && named != market.Team)
            return ContractTerms.Refused(DecisionCode.StrikeMismatch, $"the ticker {request.Ticker} pays on {market.Team?.Code} but its yes subtitle '{request.YesSubTitle}' names {named.Code}");
        return new ContractTerms(market, null, null);
    }

    /// <summary>The team of this game a name stands for, when it stands for exactly one of them; null when it names neither or is unclear.</summary>
    public static Team? TeamNamed(SportsEvent game, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var wanted = TeamCatalog.Normalize(name);
        var matches = new[] { game.Away, game.Home }
            .Where(t => new[] { t.Code, t.FullName }.Concat(t.AlternateCodes).Concat(t.Aliases).Any(n => TeamCatalog.Normalize(n) == wanted))
            .ToList();
        if (matches.Count == 1)
            return matches[0];
        if (matches.Count == 0 && TeamCatalog.HasCatalog(game.League) && TeamCatalog.Find(game.League, name) is { Found: true } found)
            return found.Team;
        return null;
    }

    /// <summary>"Detroit" from "Detroit wins by over 1.5 points": the team a spread's subtitle says must cover.</summary>
    private static string? SubjectOf(string? subtitle)
    {
        var at = subtitle?.IndexOf(" wins by", StringComparison.OrdinalIgnoreCase) ?? -1;
        return at > 0 ? subtitle![..at] : null;
    }

    private static string Kind(SportsMarket market) => market.Kind == SportsMarketKind.Spread ? "spread" : "total";

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
