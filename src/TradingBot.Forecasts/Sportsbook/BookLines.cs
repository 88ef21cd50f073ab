using TradingBot.Core.Sports;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Sportsbook;

/// <summary>What a fair probability is for: a team winning, a draw, a team covering a line, or the total going over a line.</summary>
internal readonly record struct FairKey(SportsMarketKind Kind, string? TeamCode, decimal? Line);

/// <summary>
/// One bookmaker's markets for one game turned into fair probabilities. Moneyline (h2h) gives each team's win,
/// and the draw when the market has one; spreads give "team at −x covers", which is Kalshi's "team wins by more
/// than x"; totals give "over x". Outcomes are paired exactly (−x with +x, Over x with Under x) and de-vigged as
/// a pair; anything unpaired, unnamed or unpriced is skipped and reported.
/// </summary>
internal sealed class BookLines(Team home, Team away, DevigMethod method, OddsFormat format, List<InputProblem> problems)
{
    private const string Draw = "draw";

    public IEnumerable<(FairKey Key, double Probability)> Read(OddsMarket market, string where)
    {
        var outcomes = market.Outcomes ?? [];
        return (market.Key ?? "").ToLowerInvariant() switch
        {
            "h2h" => Moneyline(outcomes, where),
            "spreads" or "alternate_spreads" => Spreads(outcomes, where),
            "totals" or "alternate_totals" => Totals(outcomes, where),
            _ => [],
        };
    }

    private IEnumerable<(FairKey, double)> Moneyline(IReadOnlyList<OddsOutcome> outcomes, string where)
    {
        var keys = new List<FairKey>();
        var implied = new List<double>();
        foreach (var outcome in outcomes)
        {
            FairKey? key = string.Equals(outcome.Name, Draw, StringComparison.OrdinalIgnoreCase)
                ? new FairKey(SportsMarketKind.Tie, null, null)
                : TeamOf(outcome.Name) is { } team ? new FairKey(SportsMarketKind.Winner, team.Code, null) : null;
            if (key is null)
                return Skip(where, $"outcome '{outcome.Name}' is neither {home.FullName}, {away.FullName} nor Draw");
            if (keys.Contains(key.Value))
                return Skip(where, $"outcome '{outcome.Name}' appears twice");
            if (!Implied(outcome, where, out var q))
                return [];
            keys.Add(key.Value);
            implied.Add(q);
        }

        if (!keys.Contains(new FairKey(SportsMarketKind.Winner, home.Code, null)) || !keys.Contains(new FairKey(SportsMarketKind.Winner, away.Code, null)))
            return Skip(where, "the moneyline lacks a team");
        return Fair(keys, implied, where);
    }

    private IEnumerable<(FairKey, double)> Spreads(IReadOnlyList<OddsOutcome> outcomes, string where)
    {
        var results = new List<(FairKey, double)>();
        var sides = outcomes.Select(o => (Outcome: o, Team: TeamOf(o.Name))).ToList();
        foreach (var (outcome, _) in sides.Where(s => s.Outcome.Point is not null && s.Team is null))
            problems.Add(new InputProblem(where, $"spread outcome '{outcome.Name}' is not a team of this game"));

        // Each line once (a duplicated price is one problem, not two): "A −x" pairs with exactly one "B +x".
        foreach (var (team, point) in sides.Where(s => s.Team is not null && s.Outcome.Point < 0).Select(s => (s.Team!, s.Outcome.Point!.Value)).Distinct())
        {
            var other = team == home ? away : home;
            var line = -point;
            var favourites = sides.Where(s => s.Team == team && s.Outcome.Point == point).ToList();
            var partners = sides.Where(s => s.Team == other && s.Outcome.Point == line).ToList();
            if (favourites.Count != 1 || partners.Count != 1)
            {
                problems.Add(new InputProblem(where, $"{team.Code} -{line} is quoted {favourites.Count} time(s) against {partners.Count} {other.Code} +{line}: a line needs exactly one of each"));
                continue;
            }

            if (Implied(favourites[0].Outcome, where, out var qFavourite) && Implied(partners[0].Outcome, where, out var qOther))
                results.AddRange(Fair([new FairKey(SportsMarketKind.Spread, team.Code, line), default], [qFavourite, qOther], where).Take(1));
        }

        // An underdog whose favourite side is missing prices nothing; it is still the book's unusable quote.
        foreach (var (team, line) in sides.Where(s => s.Team is not null && s.Outcome.Point > 0).Select(s => (s.Team!, s.Outcome.Point!.Value)).Distinct())
        {
            var other = team == home ? away : home;
            if (!sides.Any(s => s.Team == other && s.Outcome.Point == -line))
                problems.Add(new InputProblem(where, $"{team.Code} +{line} has no {other.Code} -{line} to pair with"));
        }

        return results;
    }

    private IEnumerable<(FairKey, double)> Totals(IReadOnlyList<OddsOutcome> outcomes, string where)
    {
        var results = new List<(FairKey, double)>();
        var overs = outcomes.Where(o => string.Equals(o.Name, "Over", StringComparison.OrdinalIgnoreCase)).ToList();
        var unders = outcomes.Where(o => string.Equals(o.Name, "Under", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var point in overs.Select(o => o.Point).Distinct())
        {
            var over = overs.Where(o => o.Point == point).ToList();
            var under = unders.Where(o => o.Point == point).ToList();
            if (point is not { } line || line <= 0 || over.Count != 1 || under.Count != 1)
            {
                problems.Add(new InputProblem(where, $"Over {point} is quoted {over.Count} time(s) against {under.Count} Under {point}: a line needs exactly one of each"));
                continue;
            }

            if (Implied(over[0], where, out var qOver) && Implied(under[0], where, out var qUnder))
                results.AddRange(Fair([new FairKey(SportsMarketKind.Total, null, line), default], [qOver, qUnder], where).Take(1));
        }

        foreach (var point in unders.Select(o => o.Point).Distinct().Where(p => !overs.Any(o => o.Point == p)))
            problems.Add(new InputProblem(where, $"Under {point} has no Over {point} to pair with"));
        return results;
    }

    private IEnumerable<(FairKey, double)> Fair(List<FairKey> keys, List<double> implied, string where)
    {
        var fair = Devig.Fair(implied, method, out var problem);
        if (fair is null)
            return Skip(where, problem!);
        return keys.Select((key, i) => (key, fair[i]));
    }

    private bool Implied(OddsOutcome outcome, string where, out double implied)
    {
        if (outcome.Price is { } price && OddsMath.TryImpliedProbability(price, format, out implied))
            return true;
        problems.Add(new InputProblem(where, $"outcome '{outcome.Name}' has no usable {format} price ({outcome.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})"));
        implied = double.NaN;
        return false;
    }

    private Team? TeamOf(string? name)
    {
        if (string.Equals(name, home.FullName, StringComparison.OrdinalIgnoreCase))
            return home;
        if (string.Equals(name, away.FullName, StringComparison.OrdinalIgnoreCase))
            return away;
        if (!TeamCatalog.HasCatalog(home.League))
            return SchoolNames.Match(SchoolName.Of(name), away, home).Team;
        var lookup = TeamCatalog.Find(home.League, name);
        return lookup.Found && (lookup.Team == home || lookup.Team == away) ? lookup.Team : null;
    }

    private IEnumerable<(FairKey, double)> Skip(string where, string message)
    {
        problems.Add(new InputProblem(where, message));
        return [];
    }
}
