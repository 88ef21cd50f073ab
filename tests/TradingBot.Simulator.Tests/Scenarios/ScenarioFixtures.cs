using System.Text.Json.Nodes;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Simulator.Tests.Scenarios;

/// <summary>A small valid scenario to start from, and helpers to read books and run a frozen clock.</summary>
internal static class ScenarioFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 9, 13, 15, 0, 0, TimeSpan.Zero);

    public const string Winner = "KXNFLGAME-26SEP13DALNYG-NYG";
    public const string Mirror = "KXNFLGAME-26SEP13DALNYG-DAL";
    /// <summary>Over 47.5: Kalshi names a line by its suffix N = line + 0.5.</summary>
    public const string Total = "KXNFLTOTAL-26SEP13DALNYG-48";

    /// <summary>
    /// One NFL game starting in two hours: a winner event (NYG with a path, DAL mirroring it) and a total event.
    /// Makers quote the exact fair, so tests of the mechanics know where quotes belong.
    /// </summary>
    public const string OneGame = """
        {
          "name": "one game",
          "seed": 7,
          "settlement_delay": "5m",
          "market_makers": { "mispricing": 0, "jump_lag": 0 },
          "series": [
            { "ticker": "KXNFLGAME", "title": "Pro Football Game", "fee_type": "quadratic_with_maker_fees" },
            { "ticker": "KXNFLTOTAL", "title": "Pro Football Total", "fee_type": "quadratic", "fee_multiplier": "0.5" }
          ],
          "events": [
            {
              "ticker": "KXNFLGAME-26SEP13DALNYG", "series": "KXNFLGAME", "league": "NFL", "home": "NYG", "away": "DAL",
              "start": "now+2h", "duration": "3h",
              "markets": [
                { "ticker": "KXNFLGAME-26SEP13DALNYG-NYG", "type": "winner", "team": "NYG", "open": "now+10m",
                  "path": { "start_probability": 0.6, "jump_rate": 3, "jump_size": 0.4 }, "outcome": "yes" },
                { "ticker": "KXNFLGAME-26SEP13DALNYG-DAL", "type": "winner", "team": "DAL", "open": "now+10m",
                  "mirror_of": "KXNFLGAME-26SEP13DALNYG-NYG" }
              ]
            },
            {
              "ticker": "KXNFLTOTAL-26SEP13DALNYG", "series": "KXNFLTOTAL", "league": "NFL", "home": "NYG", "away": "DAL",
              "start": "now+2h", "duration": "3h",
              "markets": [
                { "ticker": "KXNFLTOTAL-26SEP13DALNYG-48", "type": "total", "line": 47.5, "close": "start",
                  "price_ranges": [
                    { "start": "0.0000", "end": "0.1000", "step": "0.0010" },
                    { "start": "0.1000", "end": "0.9000", "step": "0.0100" },
                    { "start": "0.9000", "end": "1.0000", "step": "0.0010" }
                  ],
                  "path": { "start_probability": 0.5, "volatility": 0.2 } }
              ]
            }
          ]
        }
        """;

    public static JsonObject Document() => JsonNode.Parse(OneGame)!.AsObject();

    public static JsonObject Market(JsonObject document, int eventIndex, int marketIndex) =>
        document["events"]![eventIndex]!["markets"]![marketIndex]!.AsObject();

    public static (SimClock Clock, SimExchange Exchange, ScenarioRunner Runner) Frozen(DateTimeOffset? at = null)
    {
        var clock = SimClock.Frozen(at ?? T0);
        var exchange = new SimExchange(clock);
        return (clock, exchange, new ScenarioRunner(exchange));
    }

    public static List<(Price Price, Contracts Size)> Levels(SimExchange exchange, string ticker, BookSide side) =>
        exchange.Read(x => x.Market(ticker).Book.Levels(side).ToList());

    public static Price? BestBid(SimExchange exchange, string ticker) =>
        Levels(exchange, ticker, BookSide.Bid) is [var best, ..] ? best.Price : null;

    public static Price? BestAsk(SimExchange exchange, string ticker) =>
        Levels(exchange, ticker, BookSide.Ask) is [var best, ..] ? best.Price : null;

    public static double Dollars(Price price) => (double)price.Dollars;
}
