using System.Globalization;
using System.Text;
using TradingBot.Simulator.Scenarios;

namespace TradingBot.Simulator.Hosting;

/// <summary>
/// A DEMO model for paper trading: the simulator's hidden fair probability of each market plus noise, published in
/// the bot's forecast file-feed format (CSV: ticker, probability, as_of). It exists so paper mode has something to
/// trade on; it knows the simulator's secret, so any edge it shows is not an edge anywhere else. Every name it
/// carries says DEMO.
/// </summary>
public sealed class DemoModelFeed(ScenarioRunner runner, string path, int seed = 17, double noise = 0.15)
{
    public const string FileName = "DEMO-model-feed.csv";

    private readonly Random _random = new(seed);

    public string Path => path;

    /// <summary>Writes the feed whole (to a temporary file, then renamed), so a reader never sees half of it.</summary>
    public void Publish()
    {
        var text = new StringBuilder("ticker,probability,as_of\n");
        foreach (var fair in runner.Fairs().Where(f => f.Result is null))
        {
            // Noise on log-odds: a model that is right on average and wrong in the detail.
            var logOdds = Math.Log(fair.Probability / (1 - fair.Probability)) + (Gaussian() * noise);
            var probability = Math.Clamp(1 / (1 + Math.Exp(-logOdds)), 0.01, 0.99);
            text.Append(CultureInfo.InvariantCulture, $"{fair.Ticker},{probability:0.0000},{fair.AsOf.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.tmp");
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
