using System.Text.Json;
using TradingBot.Forecasts.Common;

namespace TradingBot.Forecasts.Sportsbook;

/// <summary>One event of The Odds API v4 <c>/sports/{sport}/odds</c> reply: a game and each bookmaker's markets for it.</summary>
public sealed record OddsEvent(string? Id, string? SportKey, DateTimeOffset? CommenceTime, string? HomeTeam, string? AwayTeam, IReadOnlyList<OddsBookmaker>? Bookmakers)
{
    public string Describe() => $"event {Id} ({SportKey}: {AwayTeam} at {HomeTeam})";
}

public sealed record OddsBookmaker(string? Key, string? Title, DateTimeOffset? LastUpdate, IReadOnlyList<OddsMarket>? Markets);

/// <summary>A market's <c>key</c> is h2h, spreads, totals (and alternate_spreads, alternate_totals); each may carry its own <c>last_update</c>.</summary>
public sealed record OddsMarket(string? Key, DateTimeOffset? LastUpdate, IReadOnlyList<OddsOutcome>? Outcomes);

/// <summary>An outcome: a team, Draw, Over or Under; its price; and for spreads and totals the point.</summary>
public sealed record OddsOutcome(string? Name, decimal? Price, decimal? Point);

/// <summary>What one payload gave: its events, the events too malformed to read, or why none could be read.</summary>
public sealed record OddsPayload(IReadOnlyList<OddsEvent> Events, IReadOnlyList<InputProblem> Problems, string? Fatal);

public static class OddsApiReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>
    /// Reads a reply (a JSON array of events). Text that is not JSON, or not an array, is fatal; an event whose
    /// fields have the wrong types is skipped and reported alone, so one odd event does not lose a whole sport.
    /// </summary>
    public static OddsPayload Read(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return new OddsPayload([], [], $"{source}: the JSON cannot be read: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return new OddsPayload([], [], $"{source}: expected a JSON array of events, got {document.RootElement.ValueKind}");
            var events = new List<OddsEvent>();
            var problems = new List<InputProblem>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                try
                {
                    if (element.Deserialize<OddsEvent>(Json) is { } oddsEvent)
                        events.Add(oddsEvent);
                }
                catch (JsonException e)
                {
                    problems.Add(new InputProblem($"{source} item {index}", $"event cannot be read: {e.Message}"));
                }
            }

            return new OddsPayload(events, problems, null);
        }
    }
}
