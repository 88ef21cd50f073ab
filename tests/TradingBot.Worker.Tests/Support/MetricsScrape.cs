using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TradingBot.Worker.Tests.Support;

/// <summary>One scrape of <c>/metrics</c>: every sample by its series as printed, <c>name{label="value",…}</c>.</summary>
internal sealed class MetricsScrape
{
    private MetricsScrape(string text, IReadOnlyDictionary<string, double> samples)
    {
        Text = text;
        Samples = samples;
    }

    public string Text { get; }

    public IReadOnlyDictionary<string, double> Samples { get; }

    public double this[string series] => Samples.TryGetValue(series, out var value) ? value : throw new Xunit.Sdk.XunitException($"no series {series} in:\n{Text}");

    /// <summary>The series of one metric (its histogram's _bucket/_sum/_count included), by their full text.</summary>
    public IEnumerable<string> SeriesOf(string name) =>
        Samples.Keys.Where(k => k == name || k.StartsWith(name + "{", StringComparison.Ordinal) || k.StartsWith(name + "_", StringComparison.Ordinal));

    public static async Task<MetricsScrape> FromAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
                continue;
            var space = line.LastIndexOf(' ');
            samples[line[..space]] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new MetricsScrape(text, samples);
    }

    /// <summary>A loopback port free at this moment (asked of the kernel, then released).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
