using System.Globalization;

namespace TradingBot.Forecasts.Tests.Sportsbook;

/// <summary>Writes small Odds-API-shaped replies for tests that need one game and a few books.</summary>
internal static class OddsJson
{
    public static string Event(string sport, string home, string away, string commence, params string[] books) => $$"""
        { "id": "{{sport}}-{{away}}-{{home}}", "sport_key": "{{sport}}", "commence_time": "{{commence}}",
          "home_team": "{{home}}", "away_team": "{{away}}", "bookmakers": [ {{string.Join(",", books)}} ] }
        """;

    public static string Book(string key, string lastUpdate, params string[] markets) => $$"""
        { "key": "{{key}}", "title": "{{key}}", "last_update": "{{lastUpdate}}", "markets": [ {{string.Join(",", markets)}} ] }
        """;

    public static string Market(string key, params (string Name, decimal Price, decimal? Point)[] outcomes) => $$"""
        { "key": "{{key}}", "outcomes": [ {{string.Join(",", outcomes.Select(Outcome))}} ] }
        """;

    public static string Array(params string[] events) => "[" + string.Join(",", events) + "]";

    private static string Outcome((string Name, decimal Price, decimal? Point) o) =>
        o.Point is { } point
            ? string.Create(CultureInfo.InvariantCulture, $$"""{ "name": "{{o.Name}}", "price": {{o.Price}}, "point": {{point}} }""")
            : string.Create(CultureInfo.InvariantCulture, $$"""{ "name": "{{o.Name}}", "price": {{o.Price}} }""");
}
