using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingBot.Simulator.Hosting;
using TradingBot.Simulator.Scenarios.Demo;
using TradingBot.Tests.Shared;
using TradingBot.Tests.Shared.KalshiDocs;

namespace TradingBot.Simulator.Tests.Http;

/// <summary>
/// The demo slate as the bot reads it over HTTP, held to the docs' schemas and compared, field by field in shape, with
/// real replies from Kalshi's live API (copied into TestData/kalshi-replies with their sources): the same strike
/// fields, the same product metadata, titles and subtitles worded the same way once the teams, lines and dates are
/// taken out.
/// </summary>
public partial class ListingShapeTests(ListingShapeTests.DemoServer demo) : IClassFixture<ListingShapeTests.DemoServer>
{
    [Theory]
    [InlineData("KXNFLSPREAD", "get_markets__KXNFLSPREAD_2026-09-11.json")]
    [InlineData("KXNFLTOTAL", "get_markets__KXNFLTOTAL_2026-09-11.json")]
    [InlineData("KXNFLGAME", "get_markets__KXNFLGAME_2026-09.json")]
    public async Task Listed_markets_have_the_schema_and_the_shape_of_real_ones(string series, string realReply)
    {
        var reply = await demo.Get($"markets?series_ticker={series}");
        ApiDoc.Load("market/get-markets.md").AssertReply("get", 200, reply);
        var real = Reply(realReply).GetProperty("markets").EnumerateArray().ToList();

        // The real winner reply names each team's code (its ticker's suffix) in its subtitle: Detroit, Buffalo.
        var realNames = Reply("get_markets__KXNFLGAME_2026-09.json").GetProperty("markets").EnumerateArray()
            .ToDictionary(m => Suffix(m).Code, m => m.GetProperty("yes_sub_title").GetString()!);
        var demoNames = DemoLeague.All.Single(l => l.Code == "NFL").Teams.ToDictionary(t => t.Code, t => t.Name);
        var expected = real.Select(m => MarketShape(m, realNames, withTitle: series != "KXNFLGAME")).Distinct().ToList();
        var listed = reply.GetProperty("markets").EnumerateArray().ToList();

        Assert.NotEmpty(listed);
        Assert.All(listed, m => Assert.Equal(Assert.Single(expected), MarketShape(m, demoNames, withTitle: series != "KXNFLGAME")));
    }

    /// <summary>On Kalshi a spread or total ticker's suffix N is the line N − 0.5; the listed floor_strike says so.</summary>
    [Theory]
    [InlineData("KXNFLSPREAD")]
    [InlineData("KXNFLTOTAL")]
    [InlineData("KXMLBSPREAD")]
    [InlineData("KXNBATOTAL")]
    [InlineData("KXNHLSPREAD")]
    [InlineData("KXNCAAFSPREAD")]
    [InlineData("KXNCAAFTOTAL")]
    public async Task Every_listed_line_is_its_ticker_suffix_less_a_half(string series)
    {
        var markets = (await demo.Get($"markets?series_ticker={series}")).GetProperty("markets").EnumerateArray().ToList();

        Assert.NotEmpty(markets);
        Assert.All(markets, m => Assert.Equal(Suffix(m).N - 0.5m, m.GetProperty("floor_strike").GetDecimal()));
    }

    [Theory]
    [InlineData("KXNFLGAME", "get_events__KXNFLGAME-26AUG13DETCIN_preseason_2026-08-09.json", "KXNFLGAME-26AUG13DETCIN")]
    [InlineData("KXNCAAFGAME", "get_events__NCAAF_and_MLB_lines_2026-08-07.json", "KXNCAAFGAME-26SEP19MSUND")]
    [InlineData("KXMLBSPREAD", "get_events__NCAAF_and_MLB_lines_2026-08-07.json", "KXMLBSPREAD-26AUG072145TBSEA")]
    [InlineData("KXMLBTOTAL", "get_events__NCAAF_and_MLB_lines_2026-08-07.json", "KXMLBTOTAL-26AUG072145TBSEA")]
    public async Task Listed_events_have_the_schema_and_the_shape_of_real_ones(string series, string realReply, string realEvent)
    {
        var reply = await demo.Get($"events?series_ticker={series}&with_nested_markets=true");
        ApiDoc.Load("events/get-events.md").AssertReply("get", 200, reply);
        var real = Reply(realReply).GetProperty("events").EnumerateArray().Single(e => e.GetProperty("event_ticker").GetString() == realEvent);
        var listed = reply.GetProperty("events").EnumerateArray().ToList();

        Assert.NotEmpty(listed);
        var expected = EventShape(real);
        Assert.All(listed, e => Assert.Equal(expected, EventShape(e)));

        // The competition itself: the real event's is among the listed ones (an NFL slate also has regular-season games).
        var competition = real.GetProperty("product_metadata").GetProperty("competition").GetString();
        Assert.Contains(competition, listed.Select(e => e.GetProperty("product_metadata").GetProperty("competition").GetString()));
    }

    [Fact]
    public async Task The_NFL_slate_lists_regular_season_and_preseason_games_in_one_series()
    {
        var events = (await demo.Get("events?series_ticker=KXNFLGAME")).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("product_metadata").GetProperty("competition").GetString()).ToList();

        Assert.Equal(["Pro Football", "Pro Football Preseason"], events.Distinct().Order());
    }

    /// <summary>
    /// What an event looks like once its teams and date are taken out: the ticker's date part ("##MMM##", baseball's
    /// with "####" more), the title and subtitle, the product metadata's fields and scope, and its markets' shapes.
    /// </summary>
    private static string EventShape(JsonElement e)
    {
        var ticker = e.GetProperty("event_ticker").GetString()!;
        var title = e.GetProperty("title").GetString()!;
        var subTitle = e.GetProperty("sub_title").GetString()!;
        var names = title.Split(':')[0].Split(" vs ");
        var codes = subTitle[..subTitle.IndexOf(" (", StringComparison.Ordinal)].Split(" vs ");
        var date = ticker.Split('-')[1][..^(codes[0].Length + codes[1].Length)];
        var metadata = e.GetProperty("product_metadata");
        var byCode = new Dictionary<string, string> { [codes[0]] = names[0], [codes[1]] = names[1] };
        var markets = e.GetProperty("markets").EnumerateArray().Select(m => MarketShape(m, byCode, withTitle: true)).Distinct().Order();
        return string.Join("\n", [
            $"ticker: {Letters().Replace(DigitsOnly().Replace(date, "#"), "M")}",
            $"title: {Teams(title, names)}",
            $"sub_title: {Teams(DayInParentheses().Replace(subTitle, "(Mon d)"), codes)}",
            $"product_metadata: {string.Join(",", metadata.EnumerateObject().Select(p => p.Name).Order())} scope {metadata.GetProperty("competition_scope").GetString()}",
            $"mutually_exclusive: {e.GetProperty("mutually_exclusive").GetBoolean()}",
            .. markets.Select(m => $"market: {m.Replace(names[0], "{away}", StringComparison.Ordinal).Replace(names[1], "{home}", StringComparison.Ordinal)}")]);
    }

    /// <summary>
    /// The strike fields a market carries and their kinds, and (with <paramref name="withTitle"/>) its title and
    /// subtitles with its team's name and its line written {team} and {line}.
    /// </summary>
    private static string MarketShape(JsonElement m, IReadOnlyDictionary<string, string> names, bool withTitle)
    {
        string[] strikeFields = ["strike_type", "floor_strike", "cap_strike", "functional_strike", "custom_strike"];
        var present = strikeFields.Where(f => m.TryGetProperty(f, out var v) && v.ValueKind != JsonValueKind.Null).ToList();
        var custom = m.TryGetProperty("custom_strike", out var c) && c.ValueKind == JsonValueKind.Object
            ? string.Join(",", c.EnumerateObject().Select(p => $"{p.Name}={(Guid.TryParse(p.Value.GetString(), out _) ? "uuid" : p.Value.ValueKind.ToString())}"))
            : "";
        var floor = m.TryGetProperty("floor_strike", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetDecimal().ToString(CultureInfo.InvariantCulture) : null;
        var code = Suffix(m).Code;
        string Words(string field)
        {
            var text = m.GetProperty(field).GetString()!;
            if (names.TryGetValue(code, out var team))
                text = text.Replace(team, "{team}", StringComparison.Ordinal);
            return floor is null ? text : text.Replace(floor, "{line}", StringComparison.Ordinal);
        }

        var shape = $"strikes {string.Join(",", present)} type {m.GetProperty("strike_type").GetString()} custom {custom}"
            + $" | yes {Words("yes_sub_title")} | no {Words("no_sub_title")}";
        return withTitle ? $"{shape} | title {Words("title")}" : shape;
    }

    /// <summary>A market ticker's suffix split into its team code (winners, spreads) and its number N (spreads, totals).</summary>
    private static (string Code, decimal N) Suffix(JsonElement market)
    {
        var ticker = market.GetProperty("ticker").GetString()!;
        var suffix = ticker[(ticker.LastIndexOf('-') + 1)..];
        var letters = suffix.TakeWhile(char.IsAsciiLetterUpper).Count();
        return (suffix[..letters], letters == suffix.Length ? 0 : decimal.Parse(suffix[letters..], CultureInfo.InvariantCulture));
    }

    private static string Teams(string text, string[] teams) =>
        text.Replace(teams[0], "{away}", StringComparison.Ordinal).Replace(teams[1], "{home}", StringComparison.Ordinal);

    private static JsonElement Reply(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "tests", "TradingBot.Simulator.Tests", "TestData", "kalshi-replies", file))).RootElement.Clone();

    [GeneratedRegex("[0-9]")]
    private static partial Regex DigitsOnly();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\([A-Z][a-z]{2} [0-9]{1,2}\)$")]
    private static partial Regex DayInParentheses();

    /// <summary>One frozen simulator on the demo slate for the whole class; the tests only read.</summary>
    public sealed class DemoServer : IAsyncLifetime
    {
        private readonly HttpClient _client = new();
        private SimulatorServer? _server;

        public async Task InitializeAsync()
        {
            _server = await SimulatorServer.StartAsync(new SimulatorServerOptions
            {
                Scenario = "demo", Seed = 5, Speed = 0, Start = new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero), StepInterval = TimeSpan.FromHours(1),
            });
            _client.BaseAddress = _server.ApiUrl;
        }

        public async Task<JsonElement> Get(string path)
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            if (_server is not null)
                await _server.DisposeAsync();
        }
    }
}
