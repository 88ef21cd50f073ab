using System.Globalization;
using System.Text.Json.Nodes;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>One NFL game of the test slate: its event and the home team's winner market, which the tests trade.</summary>
internal sealed record E2eGame(string Away, string Home, string EventTicker)
{
    /// <summary>YES: the home team wins. Its fair path is flat, so the makers' quotes stay put until a test moves them.</summary>
    public string Ticker => $"{EventTicker}-{Home}";

    public string MirrorTicker => $"{EventTicker}-{Away}";
}

/// <summary>
/// The scenario file of the end-to-end tests: a few NFL games starting 90 minutes from now (inside the scanner's
/// fast window, well outside the last minutes before kick-off), winner markets at a fair 0.50 that does not drift,
/// and one market maker quoting the exact fair two cents either side, 100 contracts a level, three levels deep.
/// </summary>
internal static class E2eScenario
{
    public const string Series = "KXNFLGAME";
    public const decimal Fair = 0.50m;
    public const decimal BestBid = 0.48m;
    public const decimal BestAsk = 0.52m;

    private static readonly (string Away, string Home)[] Pairs = [("DAL", "NYG"), ("PHI", "WAS"), ("GB", "CHI")];

    public static readonly TimeSpan ToKickOff = TimeSpan.FromMinutes(90);

    public static IReadOnlyList<E2eGame> Games(int count, DateTimeOffset now)
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var date = TimeZoneInfo.ConvertTime(now + ToKickOff, newYork).ToString("yyMMMdd", CultureInfo.InvariantCulture).ToUpperInvariant();
        return [.. Pairs.Take(count).Select(p => new E2eGame(p.Away, p.Home, $"{Series}-{date}{p.Away}{p.Home}"))];
    }

    public static string Json(IReadOnlyList<E2eGame> games)
    {
        var events = new JsonArray();
        foreach (var game in games)
        {
            events.Add(new JsonObject
            {
                ["ticker"] = game.EventTicker,
                ["series"] = Series,
                ["league"] = "NFL",
                ["home"] = game.Home,
                ["away"] = game.Away,
                ["start"] = $"now+{(int)ToKickOff.TotalMinutes}m",
                ["duration"] = "3h",
                ["markets"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["ticker"] = game.Ticker,
                        ["type"] = "winner",
                        ["team"] = game.Home,
                        ["path"] = new JsonObject
                        {
                            ["start_probability"] = (double)Fair,
                            ["volatility"] = 0,
                            ["in_game_volatility"] = 0,
                            ["jump_rate"] = 0,
                        },
                    },
                    new JsonObject { ["ticker"] = game.MirrorTicker, ["type"] = "winner", ["team"] = game.Away, ["mirror_of"] = game.Ticker },
                },
            });
        }

        return new JsonObject
        {
            ["name"] = "end-to-end",
            ["seed"] = 11,
            ["market_makers"] = new JsonObject
            {
                ["makers"] = 1,
                ["far_half_spread"] = 0.02,
                ["near_half_spread"] = 0.02,
                ["in_game_half_spread"] = 0.02,
                ["far_levels"] = 3,
                ["near_levels"] = 3,
                ["far_size"] = 100,
                ["near_size"] = 100,
                ["mispricing"] = 0,
                ["jump_lag"] = 0,
            },
            ["series"] = new JsonArray
            {
                new JsonObject { ["ticker"] = Series, ["title"] = "Pro Football Game", ["fee_type"] = "quadratic", ["fee_multiplier"] = 1 },
            },
            ["events"] = events,
        }.ToJsonString();
    }
}
