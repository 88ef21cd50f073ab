using TradingBot.Core.Settings;

namespace TradingBot.Worker.Configuration;

/// <summary>The worker's Prometheus endpoint (section <c>Metrics</c>): <c>/metrics</c> on each listed address.</summary>
public sealed class MetricsOptions : ISettingsSection
{
    public static string SectionName => "Metrics";

    public bool Enabled { get; set; } = true;

    /// <summary>Listen addresses (scheme, host, port; no path), separated by ';'. Loopback by default: scrape it through a tunnel.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:9464";

    /// <summary>The addresses as given; only meaningful once <see cref="Validate"/> found nothing.</summary>
    public IReadOnlyList<Uri> Addresses() =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url => new Uri(url, UriKind.Absolute)).ToList();

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName);
        if (!Enabled)
            return rules.Problems;
        var urls = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        rules.That(urls.Length > 0, nameof(Urls), "must list at least one http URL (or set Metrics:Enabled to false)");
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                rules.Fail(nameof(Urls), $"'{url}' is not an absolute http URL (the endpoint speaks plain HTTP: reach it through an SSH tunnel or a TLS proxy)");
            else if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
                rules.Fail(nameof(Urls), $"'{url}' must be scheme, host and port only: the bot serves /metrics on it");
        }

        return rules.Problems;
    }
}
