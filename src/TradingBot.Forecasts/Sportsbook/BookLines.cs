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
        foreach (var favourite in outcomes.Where(o => o.Point < 0))
        {
            var team = TeamOf(favourite.Name);
            var other = team == home ? away : team == away ? home : null;
            if (team is null || other is null)
            {
                problems.Add(new InputProblem(where, $"spread outcome '{favourite.Name}' is not a team of this game"));
                continue;
            }

            var line = -favourite.Point!.Value;
            var partners = outcomes.Where(o => o.Point == line && TeamOf(o.Name) == other).ToList();
            if (partners.Count != 1 || outcomes.Count(o => o.Point == -line && TeamOf(o.Name) == team) != 1)
            {
                problems.Add(new InputProblem(where, $"{team.Code} {-line} has {partners.Count} matching {other.Code} +{line} outcome(s), not exactly one"));
                continue;
            }

            if (Implied(favourite, where, out var qFavourite) && Implied(partners[0], where, out var qOther))
                results.AddRange(Fair([new FairKey(SportsMarketKind.Spread, team.Code, line), default], [qFavourite, qOther], where).Take(1));
        }

        return results;
    }

    private IEnumerable<(FairKey, double)> Totals(IReadOnlyList<OddsOutcome> outcomes, string where)
    {
        var results = new List<(FairKey, double)>();
        foreach (var over in outcomes.Where(o => string.Equals(o.Name, "Over", StringComparison.OrdinalIgnoreCase)))
        {
            var unders = outcomes.Where(o => string.Equals(o.Name, "Under", StringComparison.OrdinalIgnoreCase) && o.Point == over.Point).ToList();
            var overs = outcomes.Count(o => string.Equals(o.Name, "Over", StringComparison.OrdinalIgnoreCase) && o.Point == over.Point);
            if (over.Point is not { } line || line <= 0 || unders.Count != 1 || overs != 1)
            {
                problems.Add(new InputProblem(where, $"Over {over.Point} has {unders.Count} matching Under outcome(s), not exactly one"));
                continue;
            }

            if (Implied(over, where, out var qOver) && Implied(unders[0], where, out var qUnder))
                results.AddRange(Fair([new FairKey(SportsMarketKind.Total, null, line), default], [qOver, qUnder], where).Take(1));
        }

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
        var lookup = TeamCatalog.Find(home.League, name);
        return lookup.Found && (lookup.Team == home || lookup.Team == away) ? lookup.Team : null;
    }

    private IEnumerable<(FairKey, double)> Skip(string where, string message)
    {
        problems.Add(new InputProblem(where, message));
        return [];
    }
}
