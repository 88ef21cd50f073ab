using TradingBot.Core.Settings;

namespace TradingBot.Worker.Notifications;

/// <summary>Where the operator is told about trips, safe mode, stop-losses, unknown orders, mismatches and the day (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions : ISettingsSection
{
    public static string SectionName => "Notifications";

    /// <summary>Generic JSON webhook: POST <c>{"kind","message","at","bot"}</c>.</summary>
    [Secret]
    public string WebhookUrl { get; set; } = "";

    /// <summary>Slack-compatible incoming webhook: POST <c>{"text"}</c>.</summary>
    [Secret]
    public string SlackWebhookUrl { get; set; } = "";

    /// <summary>Discord-compatible webhook: POST <c>{"content"}</c>.</summary>
    [Secret]
    public string DiscordWebhookUrl { get; set; } = "";

    /// <summary>An ntfy topic URL (https://ntfy.sh/your-topic or a self-hosted one): POST of the text, with a title.</summary>
    [Secret]
    public string NtfyUrl { get; set; } = "";

    /// <summary>SMTP server for email; empty for none.</summary>
    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    public bool SmtpStartTls { get; set; } = true;

    public string SmtpUsername { get; set; } = "";

    /// <summary>File holding the SMTP password (never the password itself).</summary>
    public string SmtpPasswordFile { get; set; } = "";

    public string EmailFrom { get; set; } = "";

    /// <summary>Recipients, separated by ';'.</summary>
    public string EmailTo { get; set; } = "";

    /// <summary>Local time (trading-day zone) of the daily summary.</summary>
    public TimeSpan DailySummaryAt { get; set; } = new(21, 0, 0);

    /// <summary>Attempts per message and channel before it is recorded as undelivered.</summary>
    public int MaxAttempts { get; set; } = 5;

    public IEnumerable<SettingsProblem> Validate()
    {
        var rules = new SettingsRules(SectionName);
        foreach (var (name, url) in new[] { (nameof(WebhookUrl), WebhookUrl), (nameof(SlackWebhookUrl), SlackWebhookUrl), (nameof(DiscordWebhookUrl), DiscordWebhookUrl), (nameof(NtfyUrl), NtfyUrl) })
        {
            rules.That(url.Length == 0 || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"), name,
                "must be an absolute http(s) URL");
        }

        if (SmtpHost.Length > 0)
        {
            rules.Between(nameof(SmtpPort), SmtpPort, 1, 65535)
                .That(EmailFrom.Contains('@', StringComparison.Ordinal), nameof(EmailFrom), "must be an email address when Notifications:SmtpHost is set")
                .That(Recipients.Count > 0 && Recipients.All(r => r.Contains('@', StringComparison.Ordinal)), nameof(EmailTo), "must list email addresses when Notifications:SmtpHost is set");
        }

        return rules
            .That(DailySummaryAt >= TimeSpan.Zero && DailySummaryAt < TimeSpan.FromDays(1), nameof(DailySummaryAt), "must be a time of day such as 21:00:00")
            .Between(nameof(MaxAttempts), MaxAttempts, 1, 100)
            .Problems;
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Recipients => EmailTo.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
