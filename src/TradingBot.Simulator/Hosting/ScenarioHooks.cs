using System.Text.Json;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Simulator.Hosting;

/// <summary>The admin API's scenario hooks, served by the scenario runner.</summary>
internal sealed class RunnerHooks(ScenarioRunner runner) : ISimFairPrices, ISimClockListener
{
    public bool TrySet(string ticker, Price fairYesPrice) => runner.MoveFair(ticker, (double)fairYesPrice.Dollars).Success;

    /// <summary>After the admin API moves the clock, the paths, the makers and the settlements catch up at once.</summary>
    public void ClockMoved(SimExchange exchange, DateTimeOffset now) => runner.Step();
}

/// <summary><c>POST /sim/scenarios/demo</c> (optional body <c>{"seed": 7}</c>): a fresh demo slate scheduled from now.</summary>
internal sealed class DemoScenarioHook(ScenarioRunner runner) : ISimScenario
{
    public string Name => "demo";

    public void Load(SimExchange exchange, JsonElement? parameters)
    {
        var seed = parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("seed", out var s) && s.TryGetInt32(out var value) ? value : 1;
        var result = runner.LoadDemo(seed);
        if (!result.Success)
            throw new ArgumentException(string.Join("; ", result.Problems));
    }
}

/// <summary><c>POST /sim/scenarios/file</c> with <c>{"path": "..."}</c>: a scenario file on the simulator's machine.</summary>
internal sealed class FileScenarioHook(ScenarioRunner runner) : ISimScenario
{
    public string Name => "file";

    public void Load(SimExchange exchange, JsonElement? parameters)
    {
        var path = parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("path", out var value) ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("give {\"path\": \"scenario.json\"}");
        var result = runner.LoadFile(path);
        if (!result.Success)
            throw new ArgumentException(string.Join("; ", result.Problems));
    }
}
