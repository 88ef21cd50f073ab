using System.Globalization;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.Scenarios.Loading;

/// <summary>Markets: what each pays on, its times and grid, and its fair path or the market it mirrors.</summary>
internal sealed partial class ScenarioReader
{
    /// <summary>Kalshi's game markets stay listed for a while after the final whistle, in case the game is delayed.</summary>
    private static readonly TimeSpan DefaultCloseAfterEnd = TimeSpan.FromHours(3);

    private ScenarioMarket? ReadMarket(JsonFields fields, GameFrame? game, List<MarketDraft> drafts)
    {
        var before = problems.Count;
        var ticker = fields.String("ticker", required: true);
        var kind = fields.Choice("type", true, "winner", "spread", "total") switch
        {
            "winner" => MarketKind.Winner,
            "spread" => MarketKind.Spread,
            "total" => MarketKind.Total,
            _ => (MarketKind?)null,
        };
        var team = fields.String("team");
        var line = fields.Decimal("line", false, 0.5m, 1000m);
        var title = fields.String("title");
        var yesSubTitle = fields.String("yes_sub_title");
        var noSubTitle = fields.String("no_sub_title");
        // Before the game's own times are known, parse the market's times for their syntax only.
        var anchors = new Dictionary<string, DateTimeOffset> { ["now"] = now, ["start"] = game?.Start ?? now, ["end"] = game?.End ?? now };
        var open = fields.Instant("open", false, anchors) ?? now;
        var close = fields.Instant("close", false, anchors) ?? anchors["end"] + DefaultCloseAfterEnd;
        var ticks = ReadPriceRanges(fields);
        var path = fields.Object("path") is { } pathFields ? ReadPath(pathFields, ticker ?? "") : null;
        var mirrorOf = fields.String("mirror_of");
        var outcome = fields.Choice("outcome", false, "yes", "no", "drawn");
        fields.Finish();

        drafts.Add(new MarketDraft(fields.Path, ticker, kind, team, fields.Has("path"), mirrorOf));
        CheckTicker(fields, ticker, game);
        CheckTerms(fields, kind, team, line, game);
        CheckLineSuffix(fields, ticker, kind, team, line, game);
        CheckLink(fields, mirrorOf, outcome);
        if (game is not null)
            CheckTimes(fields, open, close, game);
        if (problems.Count > before || game is null || ticker is null || kind is null || (path is null && mirrorOf is null))
            return null;

        var (defaultTitle, defaultYes) = KalshiListing.MarketTitles(kind.Value, game.League, game.Title, team is null ? null : game.NameOf(team), line);
        var spec = new MarketSpec(ticker, game.Ticker, title ?? defaultTitle, yesSubTitle ?? defaultYes, noSubTitle ?? yesSubTitle ?? defaultYes, open, close, ticks,
            KalshiListing.Strike(kind.Value, game.League, team, line));
        var rule = outcome switch { "yes" => OutcomeRule.Yes, "no" => OutcomeRule.No, _ => OutcomeRule.Drawn };
        return new ScenarioMarket(spec, kind.Value, team, line, path, mirrorOf, rule);
    }

    private void CheckTicker(JsonFields fields, string? ticker, GameFrame? game)
    {
        if (ticker is null)
            return;
        if (!IsTicker(ticker))
            fields.Problem("ticker", $"'{ticker}' is not a Kalshi-style ticker (capital letters, digits, '-' and '.')");
        else if (!_marketTickers.Add(ticker))
            fields.Problem("ticker", $"market {ticker} is defined twice");
        else if (game is not null && !ticker.StartsWith(game.Ticker + "-", StringComparison.Ordinal))
            fields.Problem("ticker", $"a market ticker starts with its event's ticker and a dash ({game.Ticker}-…)");
    }

    private static void CheckTerms(JsonFields fields, MarketKind? kind, string? team, decimal? line, GameFrame? game)
    {
        var needsTeam = kind is MarketKind.Winner or MarketKind.Spread;
        if (needsTeam && team is null && !fields.Has("team"))
            fields.Problem("team", $"is required for a {kind.ToString()!.ToLowerInvariant()} market");
        if (kind == MarketKind.Total && team is not null)
            fields.Problem("team", "a total market is about both teams; remove the team");
        if (needsTeam && team is not null && game is not null && team != game.Home && team != game.Away)
            fields.Problem("team", $"{team} does not play in this game ({game.Away} at {game.Home})");
        var needsLine = kind is MarketKind.Spread or MarketKind.Total;
        if (needsLine && line is null && !fields.Has("line"))
            fields.Problem("line", $"is required for a {kind.ToString()!.ToLowerInvariant()} market");
        if (kind == MarketKind.Winner && fields.Has("line"))
            fields.Problem("line", "a winner market has no line; remove it");
        if (needsLine && line is { } value && decimal.Remainder(value, 1m) != 0.5m)
            fields.Problem("line", $"{value.ToString(CultureInfo.InvariantCulture)} should end in .5, so the market cannot push");
    }

    /// <summary>
    /// On Kalshi a spread or total ticker's suffix N is the line N − 0.5 (KXNFLSPREAD-…-DET2 is Detroit by over 1.5):
    /// a file that names a line otherwise would list a market the real exchange never would.
    /// </summary>
    private static void CheckLineSuffix(JsonFields fields, string? ticker, MarketKind? kind, string? team, decimal? line, GameFrame? game)
    {
        if (kind is not (MarketKind.Spread or MarketKind.Total) || ticker is null || game is null || line is not { } value || decimal.Remainder(value, 1m) != 0.5m
            || (kind == MarketKind.Spread && team is null) || !ticker.StartsWith(game.Ticker + "-", StringComparison.Ordinal))
            return;
        var suffix = ticker[(game.Ticker.Length + 1)..];
        var expected = KalshiListing.LineSuffix(kind.Value, team, value);
        if (suffix != expected)
        {
            fields.Problem("ticker", $"-{suffix} does not name a line of {value.ToString(CultureInfo.InvariantCulture)}: a Kalshi spread or total ticker's suffix N " +
                $"is the line N − 0.5, so this one should end in -{expected}");
        }
    }

    private static void CheckLink(JsonFields fields, string? mirrorOf, string? outcome)
    {
        if (mirrorOf is not null && fields.Has("path"))
            fields.Problem("mirror_of", "give either a path or mirror_of, not both");
        else if (mirrorOf is null && !fields.Has("path") && !fields.Has("mirror_of"))
            fields.Problem("path", "is required (or mirror_of, naming the market of this event this one is the opposite of)");
        if (mirrorOf is not null && outcome is not null)
            fields.Problem("outcome", "a mirrored market takes the opposite of its source's result; remove the outcome");
    }

    private void CheckTimes(JsonFields fields, DateTimeOffset open, DateTimeOffset close, GameFrame game)
    {
        if (close <= open)
            fields.Problem("close", "the market closes before it opens");
        else if (close <= now)
            fields.Problem("close", "the market closes before the scenario is loaded");
        if (open >= game.End)
            fields.Problem("open", "the market opens after its game ends");
    }

    /// <summary>Mirrors point at a market of the same event that has a path; the two winner markets of a game are linked.</summary>
    private void CheckLinks(List<MarketDraft> drafts)
    {
        foreach (var draft in drafts.Where(d => d.MirrorOf is not null))
        {
            var target = drafts.FirstOrDefault(d => d.Ticker == draft.MirrorOf);
            var message = draft.MirrorOf == draft.Ticker ? "a market cannot mirror itself"
                : target is null ? $"{draft.MirrorOf} is not a market of this event"
                : target.MirrorOf is not null ? $"{draft.MirrorOf} mirrors another market itself; mirror the market that has the path"
                : null;
            if (message is not null)
                problems.Add(new ScenarioProblem($"{draft.Path}.mirror_of", message));
        }

        var winners = drafts.Where(d => d.Kind == MarketKind.Winner && d.Team is not null).ToList();
        foreach (var duplicate in winners.GroupBy(d => d.Team).SelectMany(g => g.Skip(1)))
            problems.Add(new ScenarioProblem($"{duplicate.Path}.team", $"a second winner market for {duplicate.Team}"));
        var independent = winners.Where(d => d.HasPath).DistinctBy(d => d.Team).ToList();
        if (independent.Count > 1)
        {
            problems.Add(new ScenarioProblem($"{independent[1].Path}.path",
                $"both teams' winner markets have their own path, so both could win; give this one \"mirror_of\": \"{independent[0].Ticker}\" instead"));
        }
    }

    /// <summary>A market read so far, kept even when it had problems so links to it are not misreported.</summary>
    private sealed record MarketDraft(string Path, string? Ticker, MarketKind? Kind, string? Team, bool HasPath, string? MirrorOf);
}
