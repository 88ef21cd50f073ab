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
    /// <c>dashboard-token</c> (<see cref="CredentialName"/>) when there is one. No token, no control.
    /// </summary>
    public string ControlTokenPath { get; set; } = "";

    /// <summary>In Paper mode <c>tradingbot run</c> also serves the dashboard in process, so a first run shows trading in a browser.</summary>
    public bool InProcessInPaper { get; set; } = true;

    /// <summary>The systemd credential (<c>LoadCredential=dashboard-token:…</c>) read when ControlTokenPath is empty.</summary>
    public const string CredentialName = "dashboard-token";

    /// <summary>
    /// Where the token is: <see cref="ControlTokenPath"/>, else <c>$CREDENTIALS_DIRECTORY/dashboard-token</c> when that
    /// file exists, else nowhere (null: control disabled). The one place this fallback is decided.
    /// </summary>
    public string? TokenPath(string? credentialsDirectory)
    {
        if (ControlTokenPath.Length > 0)
            return ControlTokenPath;
        if (string.IsNullOrEmpty(credentialsDirectory))
            return null;
        var credential = Path.Combine(credentialsDirectory, CredentialName);
        return File.Exists(credential) ? credential : null;
    }

    /// <summary>
    /// The control token, or null with the reason control is disabled (none configured, the file unreadable or
    /// empty). Fails closed: a token that cannot be read disables control; it never opens it.
    /// </summary>
    public (string? Token, string? Problem) ReadToken(string? credentialsDirectory)
    {
        var path = TokenPath(credentialsDirectory);
        if (path is null)
            return (null, null);
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length == 0 ? (null, $"the token file {path} is empty: control is disabled") : (token, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"the token file {path} cannot be read ({ex.Message}): control is disabled");
        }
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
