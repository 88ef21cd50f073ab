using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Core.Fees;
using TradingBot.Simulator.Scenarios;
using TradingBot.Simulator.Scenarios.Loading;
using static TradingBot.Simulator.Tests.Scenarios.ScenarioFixtures;

namespace TradingBot.Simulator.Tests.Scenarios;

public class ScenarioLoaderTests
{
    [Fact]
    public void A_valid_file_loads_with_relative_times_resolved_against_now()
    {
        var result = ScenarioLoader.Parse(OneGame, T0);

        Assert.True(result.Success, result.ToString());
        var scenario = result.Scenario!;
        Assert.Equal("one game", scenario.Name);
        Assert.Equal(TimeSpan.FromMinutes(5), scenario.SettlementDelay);
        Assert.Equal(0, scenario.MarketMakers.Mispricing);
        Assert.Equal(new FeeSchedule(FeeType.Quadratic, 0.5m), scenario.Series[1].Fees);
        var game = scenario.Events[0];
        Assert.Equal(T0.AddHours(2), game.Start);
        Assert.Equal(T0.AddHours(5), game.End);
        var winner = game.Markets[0];
        Assert.Equal(MarketKind.Winner, winner.Kind);
        Assert.Equal(T0.AddMinutes(10), winner.Spec.OpenTime);
        Assert.Equal(T0.AddHours(8), winner.Spec.CloseTime);
        Assert.Equal(OutcomeRule.Yes, winner.Outcome);
        Assert.Equal("NYG", winner.Spec.YesSubTitle);
        Assert.Equal(Winner, game.Markets[1].MirrorOf);
        var total = scenario.Events[1].Markets[0];
        Assert.Equal(T0.AddHours(2), total.Spec.CloseTime);
        Assert.Equal(3, total.Spec.Ticks!.Bands.Count);
        Assert.Equal(OutcomeRule.Drawn, total.Outcome);
    }

    [Fact]
    public void The_example_in_the_README_loads()
    {
        var readme = File.ReadAllText(Path.Combine(TradingBot.Tests.Shared.RepositoryLayout.Root, "src", "TradingBot.Simulator", "Scenarios", "README.md"));
        var start = readme.IndexOf("```jsonc", StringComparison.Ordinal) + "```jsonc".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var result = ScenarioLoader.Parse(example, T0);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(2, result.Scenario!.Events[0].Markets.Count);
    }

    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        { "missing team", """{"remove": "events[0].home"}""", "$.events[0].home|is required" },
        { "unknown fee type", """{"set": "series[0].fee_type", "to": "flat"}""", "$.series[0].fee_type|not one of" },
        { "probability out of range", """{"set": "events[0].markets[0].path.start_probability", "to": 1.5}""", "$.events[0].markets[0].path.start_probability|outside" },
        { "misspelt field", """{"set": "events[0].markets[0].path.volatilty", "to": 0.2}""", "$.events[0].markets[0].path.volatilty|not a known field" },
        { "wrong type", """{"set": "events[0].duration", "to": 3}""", "$.events[0].duration|should be a string" },
        { "bad duration", """{"set": "events[0].duration", "to": "3 hours"}""", "$.events[0].duration|not a duration" },
        { "bad start", """{"set": "events[0].start", "to": "tomorrow"}""", "$.events[0].start|not an anchor" },
        { "game already over", """{"set": "events[0].start", "to": "now-4h"}""", "$.events[0].start|before the scenario is loaded" },
        { "unknown series", """{"set": "events[1].series", "to": "KXNFLSPREAD"}""", "$.events[1].series|not defined" },
        { "ticker outside its event", """{"set": "events[0].markets[0].ticker", "to": "KXNFLGAME-26SEP13DALPHI-NYG"}""", "$.events[0].markets[0].ticker|starts with its event" },
        { "team not playing", """{"set": "events[0].markets[0].team", "to": "PHI"}""", "$.events[0].markets[0].team|does not play" },
        { "line that can push", """{"set": "events[1].markets[0].line", "to": 47}""", "$.events[1].markets[0].line|end in .5" },
        { "total with a team", """{"set": "events[1].markets[0].team", "to": "NYG"}""", "$.events[1].markets[0].team|remove the team" },
        { "gap in price ranges", """{"set": "events[1].markets[0].price_ranges[1].end", "to": "0.8000"}""", "$.events[1].markets[0].price_ranges|cover 0 to 1" },
        { "path and mirror", """{"set": "events[0].markets[1].path", "to": {"start_probability": 0.4}}""", "$.events[0].markets[1].mirror_of|not both" },
        { "both winners independent", """{"remove": "events[0].markets[1].mirror_of", "then_set": "events[0].markets[1].path", "to": {"start_probability": 0.4}}""", "$.events[0].markets[1].path|both could win" },
        { "mirror of a stranger", """{"set": "events[0].markets[1].mirror_of", "to": "KXNFLTOTAL-26SEP13DALNYG-48"}""", "$.events[0].markets[1].mirror_of|not a market of this event" },
        { "neither path nor mirror", """{"remove": "events[0].markets[1].mirror_of"}""", "$.events[0].markets[1].path|is required" },
        { "closes before opening", """{"set": "events[0].markets[0].close", "to": "now+5m"}""", "$.events[0].markets[0].close|closes before it opens" },
        { "duplicate market", """{"set": "events[1].markets[0].ticker", "to": "KXNFLGAME-26SEP13DALNYG-NYG"}""", "$.events[1].markets[0].ticker|defined twice" },
        { "start beyond the calendar", """{"set": "events[0].start", "to": "9999-12-31T23:59:59Z"}""", "$.events[0].start|ten years" },
        { "offset beyond the calendar", """{"set": "events[0].start", "to": "now+10000000.00:00:00"}""", "$.events[0].start|should read now" },
        { "close far away", """{"set": "events[0].markets[0].close", "to": "end+3650d"}""", "$.events[0].markets[0].close|ten years" },
        { "time without offset", """{"set": "events[0].start", "to": "2026-09-13T17:00:00"}""", "$.events[0].start|with an offset" },
        { "bad makers", """{"set": "market_makers.makers", "to": 9}""", "$.market_makers.makers|outside" },
        { "too many decimals", """{"set": "market_makers.near_half_spread", "to": 0.01005}""", "$.market_makers.near_half_spread|more than 4 decimals" },
        { "spread too small", """{"set": "market_makers.near_half_spread", "to": 0.00001}""", "$.market_makers.near_half_spread|outside" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Each_problem_is_reported_with_its_path(string why, string edit, string expected)
    {
        var result = ScenarioLoader.Parse(Edit(edit), T0);

        var (path, words) = (expected.Split('|')[0], expected.Split('|')[1]);
        Assert.False(result.Success, why);
        Assert.Null(result.Scenario);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("total", null, "47.5", "47", "48")]
    [InlineData("total", null, "47.5", "475", "48")]
    [InlineData("total", null, "8.5", "8", "9")]
    [InlineData("spread", "DAL", "1.5", "DAL1", "DAL2")]
    [InlineData("spread", "DAL", "7.5", "DAL7", "DAL8")]
    [InlineData("spread", "DAL", "1.5", "NYG2", "DAL2")]
    [InlineData("spread", "DAL", "1.5", "DAL", "DAL2")]
    public void A_line_market_whose_ticker_suffix_is_not_its_line_plus_a_half_is_refused(string type, string? team, string line, string suffix, string expected)
    {
        var result = ScenarioLoader.Parse(WithLineMarket(type, team, decimal.Parse(line, CultureInfo.InvariantCulture), suffix), T0);

        Assert.False(result.Success);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.events[2].markets[0].ticker", problem.Path);
        Assert.Contains($"end in -{expected}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("N − 0.5", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("total", null, "47.5", "48")]
    [InlineData("total", null, "0.5", "1")]
    [InlineData("spread", "DAL", "1.5", "DAL2")]
    [InlineData("spread", "NYG", "13.5", "NYG14")]
    public void A_line_market_named_by_Kalshis_rule_loads(string type, string? team, string line, string suffix)
    {
        var result = ScenarioLoader.Parse(WithLineMarket(type, team, decimal.Parse(line, CultureInfo.InvariantCulture), suffix), T0);

        Assert.True(result.Success, result.ToString());
        Assert.Equal(decimal.Parse(line, CultureInfo.InvariantCulture), result.Scenario!.Events[2].Markets[0].Line);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_not_just_the_first()
    {
        var document = Document();
        document["series"]![0]!["fee_type"] = "flat";
        document["events"]![0]!.AsObject().Remove("league");
        Market(document, 0, 0)["path"]!["jump_rate"] = -1;
        Market(document, 1, 0)["line"] = "lots";
        document["surprise"] = true;

        var problems = ScenarioLoader.Parse(document.ToJsonString(), T0).Problems.Select(p => p.Path).ToList();

        Assert.Equal(
            ["$.series[0].fee_type", "$.events[0].league", "$.events[0].markets[0].path.jump_rate", "$.events[1].markets[0].line", "$.surprise"],
            problems);
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("[]", "should be an object")]
    [InlineData("", "is not valid JSON")]
    [InlineData("{}", "is required")]
    [InlineData("""{"series": [], "events": []}""", "is empty")]
    [InlineData("""{"series": [1], "events": [{}]}""", "should be an object")]
    public void Documents_that_are_not_scenarios_are_problems_not_exceptions(string json, string words)
    {
        var result = ScenarioLoader.Parse(json, T0);

        Assert.False(result.Success);
        Assert.Contains(result.Problems, p => p.Path.StartsWith('$') && p.Message.Contains(words, StringComparison.Ordinal));
    }

    /// <summary>Every value of the valid file, replaced by each kind of wrong value, gives problems and never an exception.</summary>
    [Fact]
    public void No_single_wrong_value_makes_the_loader_throw()
    {
        JsonNode?[] wrong = [null, 0, -1, 1e30, "x", "", new JsonArray(), new JsonObject(), true];
        var leaves = Leaves(Document()).ToList();
        Assert.True(leaves.Count > 40);
        foreach (var (path, _) in leaves)
        {
            foreach (var value in wrong)
            {
                var document = Document();
                Replace(document, path, value?.DeepClone());
                var result = ScenarioLoader.Parse(document.ToJsonString(), T0);
                Assert.True(result.Success || result.Problems.All(p => p.Path.StartsWith('$')), $"{path}: {result}");
            }
        }
    }

    [Fact]
    public void A_missing_file_is_a_problem()
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json"), T0);

        Assert.False(result.Success);
        Assert.Contains("no scenario file", result.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_on_disk_loads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, OneGame);
        try
        {
            Assert.True(ScenarioLoader.LoadFile(path, T0).Success);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_broken_file_leaves_the_exchange_untouched()
    {
        var (_, exchange, runner) = Frozen();
        var document = Document();
        Market(document, 1, 0)["line"] = 47;

        var result = runner.LoadJson(document.ToJsonString());

        Assert.False(result.Success);
        Assert.Empty(exchange.Series);
        Assert.Empty(exchange.Events);
        Assert.Empty(exchange.Markets);
        Assert.Empty(runner.Markets());
    }

    [Fact]
    public void Loading_what_is_already_loaded_is_refused_whole()
    {
        var (_, exchange, runner) = Frozen();
        Assert.True(runner.LoadJson(OneGame).Success);

        var again = runner.LoadJson(OneGame);

        Assert.False(again.Success);
        Assert.Contains(again.Problems, p => p.Path == "$.events[0].ticker" && p.Message.Contains("already loaded", StringComparison.Ordinal));
        Assert.Contains(again.Problems, p => p.Path == "$.events[1].markets[0].ticker");
        Assert.Equal(3, exchange.Markets.Count);
        Assert.Equal(3, runner.Markets().Count);
    }

    [Theory]
    [InlineData("3h15m", 195 * 60)]
    [InlineData("1d", 86_400)]
    [InlineData("45s", 45)]
    [InlineData("03:15:00", 195 * 60)]
    [InlineData("1.00:00:00", 86_400)]
    public void Durations_read_in_either_form(string text, int seconds)
    {
        Assert.True(ScenarioTimes.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("now", 0)]
    [InlineData("now-15m", -15)]
    [InlineData("start-1d", 60 - 1440)]
    [InlineData("end+30m", 150)]
    [InlineData("2026-09-13T13:30:00-04:00", 150)]
    [InlineData("2026-09-13T17:00:00Z", 120)]
    public void Instants_are_absolute_or_relative_to_an_anchor(string text, int minutesAfterT0)
    {
        var anchors = new Dictionary<string, DateTimeOffset> { ["now"] = T0, ["start"] = T0.AddHours(1), ["end"] = T0.AddHours(2) };

        Assert.True(ScenarioTimes.TryParseInstant(text, T0, anchors, out var instant, out var error), error);
        Assert.Equal(T0.AddMinutes(minutesAfterT0), instant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("3x")]
    [InlineData("30m2h")]
    [InlineData("2h30")]
    [InlineData("-01:00:00")]
    [InlineData("9999999h")]
    public void Malformed_durations_are_refused(string text) => Assert.False(ScenarioTimes.TryParseDuration(text, out _));

    /// <summary>The one-game file with a third event holding one spread or total market under the given ticker suffix.</summary>
    private static string WithLineMarket(string type, string? team, decimal line, string suffix)
    {
        var document = Document();
        var series = type == "spread" ? "KXNFLSPREAD" : "KXNFLTOTAL";
        if (type == "spread")
            document["series"]!.AsArray().Add(new JsonObject { ["ticker"] = series, ["title"] = "Pro Football Spread", ["fee_type"] = "quadratic" });
        var market = new JsonObject { ["ticker"] = $"{series}-26SEP14DALNYG-{suffix}", ["type"] = type, ["line"] = line, ["path"] = new JsonObject { ["start_probability"] = 0.5 } };
        if (team is not null)
            market["team"] = team;
        document["events"]!.AsArray().Add(new JsonObject
        {
            ["ticker"] = $"{series}-26SEP14DALNYG", ["series"] = series, ["league"] = "NFL", ["home"] = "NYG", ["away"] = "DAL",
            ["start"] = "now+1d", ["duration"] = "3h", ["markets"] = new JsonArray(market),
        });
        return document.ToJsonString();
    }

    private static string Edit(string edit)
    {
        var document = Document();
        var instruction = JsonNode.Parse(edit)!.AsObject();
        if (instruction["remove"] is { } removed)
            Replace(document, Steps((string)removed!), null, remove: true);
        if ((instruction["set"] ?? instruction["then_set"]) is { } target)
            Replace(document, Steps((string)target!), instruction["to"]!.DeepClone());
        return document.ToJsonString();
    }

    private static List<object> Steps(string path) =>
        [.. path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.')
            .Select(step => int.TryParse(step, out var index) ? (object)index : step)];

    private static void Replace(JsonNode document, List<object> steps, JsonNode? value, bool remove = false)
    {
        var parent = document;
        foreach (var step in steps[..^1])
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        if (steps[^1] is int last)
            parent.AsArray()[last] = value;
        else if (remove)
            parent.AsObject().Remove((string)steps[^1]);
        else
            parent[(string)steps[^1]] = value;
    }

    private static IEnumerable<(List<object> Path, JsonNode Node)> Leaves(JsonNode node, List<object>? path = null)
    {
        path ??= [];
        if (node is JsonObject obj)
            return obj.SelectMany(p => Leaves(p.Value!, [.. path, p.Key]));
        if (node is JsonArray array)
            return array.SelectMany((item, i) => Leaves(item!, [.. path, i]));
        return [(path, node)];
    }
}
