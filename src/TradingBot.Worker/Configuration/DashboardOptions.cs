using TradingBot.Core.Settings;

namespace TradingBot.Worker.Configuration;

/// <summary>The dashboard and JSON API (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions : ISettingsSection
{
    public static string SectionName => "Dashboard";

    /// <summary>Listen addresses, separated by ';'. Loopback by default: expose it through a tunnel or proxy.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// File holding the bearer token for control actions (halt, resume, flatten). Empty: the systemd credential
    /// <see cref="TokenCredential"/> when the service has one. No token, no control.
    /// </summary>
    public string ControlTokenPath { get; set; } = "";

    /// <summary>The systemd credential holding the token (deploy/tradingbot-dashboard.service: <c>LoadCredential=dashboard-token:…</c>).</summary>
    public const string TokenCredential = "dashboard-token";

    /// <summary>
    /// Where the token is read from: <see cref="ControlTokenPath"/> when set, else <c>$CREDENTIALS_DIRECTORY/dashboard-token</c>
    /// when systemd passed that credential; null when there is neither (then no control action is accepted).
    /// </summary>
    public string? TokenFile(string? credentialsDirectory)
    {
        if (ControlTokenPath.Length > 0)
            return ControlTokenPath;
        if (string.IsNullOrEmpty(credentialsDirectory))
            return null;
        var credential = Path.Combine(credentialsDirectory, TokenCredential);
        return File.Exists(credential) ? credential : null;
    }

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName);
        var urls = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        rules.That(urls.Length > 0, nameof(Urls), "must list at least one http(s) URL");
        foreach (var url in urls)
        {
            var ok = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
            rules.That(ok, nameof(Urls), $"'{url}' is not an absolute http(s) URL");
        }

        return rules.Problems;
    }
}
