using TradingBot.Core.Markets;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.MarketMaking;
using TradingBot.Simulator.Scenarios.Demo;
using TradingBot.Simulator.Scenarios.Loading;

namespace TradingBot.Simulator.Scenarios;

/// <summary>
/// Drives scenarios on a <see cref="SimExchange"/>. The host calls <see cref="Step"/> on a timer (tests call it
/// directly): it applies the clock to the exchange, advances every fair path to now, determines and later settles
/// the markets of games that have ended, and has the makers requote what still trades. The admin API loads
/// scenarios, reads and moves fair probabilities, and lists what is loaded. One lock serialises all of it; the
/// runner takes it before the exchange's own, never the other way round.
/// </summary>
public sealed partial class ScenarioRunner(SimExchange exchange)
{
    private readonly Lock _gate = new();
    private readonly MarketMakerDesk _desk = new(exchange);
    private readonly List<RunningMarket> _markets = [];
    private readonly Dictionary<string, RunningMarket> _byTicker = new(StringComparer.Ordinal);
    private readonly List<ScenarioGame> _games = [];
    private readonly List<string> _scenarios = [];

    public SimExchange Exchange => exchange;

    /// <summary>Maker orders the engine refused; a few around closes and pauses are normal.</summary>
    public int MakerRejections => _desk.Rejections;

    public ScenarioLoadResult LoadJson(string json) => Load(ScenarioLoader.Parse(json, Now));

    public ScenarioLoadResult LoadFile(string path) => Load(ScenarioLoader.LoadFile(path, Now));

    public ScenarioLoadResult LoadDemo(int seed, DemoSlateOptions? options = null) => Load(DemoSlate.Create(Now, seed, options));

    /// <summary>Applies a parsed scenario, or hands back its problems untouched.</summary>
    public ScenarioLoadResult Load(ScenarioLoadResult parsed) => parsed.Success ? Apply(parsed.Scenario!) : parsed;

    /// <summary>
    /// Adds a scenario's series, events and markets to the exchange and starts their paths. Everything is checked
    /// against what is already loaded first, so a clash leaves the exchange untouched.
    /// </summary>
    public ScenarioLoadResult Apply(Scenario scenario)
    {
        lock (_gate)
        {
            var clashes = Clashes(scenario);
            if (clashes.Count > 0)
                return new ScenarioLoadResult(null, clashes);

            foreach (var series in scenario.Series.Where(s => !exchange.Read(x => x.Series.ContainsKey(s.Ticker))))
                exchange.AddSeries(series);
            _desk.OpenAccounts(scenario.MarketMakers);
            foreach (var game in scenario.Events)
            {
                exchange.AddEvent(game.Event);
                var paths = new Dictionary<string, FairPath>(StringComparer.Ordinal);
                foreach (var market in game.Markets.OrderBy(m => m.MirrorOf is null ? 0 : 1))
                {
                    exchange.AddMarket(market.Spec);
                    var path = market.Path is { } spec
                        ? new FairPath(spec, market.Outcome, scenario.LoadedAt, game.Start, game.End, scenario.MarketMakers)
                        : paths[market.MirrorOf!];
                    paths[market.Ticker] = path;
                    var running = new RunningMarket(market, game, path, market.MirrorOf is not null, scenario.MarketMakers, scenario.SettlementDelay);
                    _markets.Add(running);
                    _byTicker[market.Ticker] = running;
                }

                _games.Add(game);
            }

            _scenarios.Add(scenario.Name);
            return new ScenarioLoadResult(scenario, []);
        }
    }

    /// <summary>One step of the world at the clock's now.</summary>
    public void Step()
    {
        lock (_gate)
        {
            exchange.Tick();
            var now = Now;
            foreach (var market in _markets)
                market.Path.AdvanceTo(now);
            foreach (var market in _markets)
                Conclude(market, now);
            foreach (var market in _markets.Where(m => m.Result is null))
                _desk.Requote(market.Ticker, market.Consensus, market.Game.Start - now, market.Makers);
        }
    }

    private DateTimeOffset Now => exchange.Clock.GetUtcNow();

    /// <summary>Determines a market once its game has ended, and settles it after the scenario's settlement delay.</summary>
    private void Conclude(RunningMarket market, DateTimeOffset now)
    {
        if (market.Result is not { } result || market.Settled)
            return;
        var status = exchange.Read(x => x.Markets[market.Ticker].Status);
        if (market.DeterminedAt is null)
        {
            // Someone (an operator, a test) may have determined it already; the runner does not fight them.
            if (status is MarketStatus.Initialized or MarketStatus.Active or MarketStatus.Inactive or MarketStatus.Closed)
            {
                exchange.Determine(market.Ticker, result);
                status = MarketStatus.Determined;
            }

            // The settlement timer runs from the final whistle, so a clock moved far ahead settles in one step.
            market.DeterminedAt = market.Game.End;
        }

        if (now < market.DeterminedAt + market.SettlementDelay)
            return;
        if (status == MarketStatus.Determined)
            exchange.Settle(market.Ticker);
        market.Settled = true;
    }

    private List<ScenarioProblem> Clashes(Scenario scenario) => exchange.Read(x =>
    {
        var clashes = new List<ScenarioProblem>();
        for (var i = 0; i < scenario.Series.Count; i++)
        {
            var series = scenario.Series[i];
            if (x.Series.TryGetValue(series.Ticker, out var loaded) && loaded != series)
                clashes.Add(new($"$.series[{i}]", $"series {series.Ticker} is already loaded with other settings"));
        }

        for (var i = 0; i < scenario.Events.Count; i++)
        {
            var game = scenario.Events[i];
            if (x.Events.ContainsKey(game.Ticker))
                clashes.Add(new($"$.events[{i}].ticker", $"event {game.Ticker} is already loaded"));
            for (var j = 0; j < game.Markets.Count; j++)
            {
                if (x.Markets.ContainsKey(game.Markets[j].Ticker))
                    clashes.Add(new($"$.events[{i}].markets[{j}].ticker", $"market {game.Markets[j].Ticker} is already loaded"));
            }
        }

        return clashes;
    });
}
