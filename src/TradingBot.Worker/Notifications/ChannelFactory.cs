namespace TradingBot.Worker.Notifications;

/// <summary>The channels the operator configured, each at most once.</summary>
internal static class ChannelFactory
{
    public static IReadOnlyList<INotificationChannel> Create(NotificationOptions options, HttpClient http)
    {
        var channels = new List<INotificationChannel>();
        if (options.WebhookUrl.Length > 0)
            channels.Add(WebhookChannel.Json(new Uri(options.WebhookUrl), http));
        if (options.SlackWebhookUrl.Length > 0)
            channels.Add(WebhookChannel.Slack(new Uri(options.SlackWebhookUrl), http));
        if (options.DiscordWebhookUrl.Length > 0)
            channels.Add(WebhookChannel.Discord(new Uri(options.DiscordWebhookUrl), http));
        if (options.NtfyUrl.Length > 0)
            channels.Add(WebhookChannel.Ntfy(new Uri(options.NtfyUrl), http));
        if (options.SmtpHost.Length > 0)
            channels.Add(new EmailChannel(options, options.SmtpPasswordFile.Length > 0 ? File.ReadAllText(options.SmtpPasswordFile).TrimEnd('\r', '\n') : null));
        return channels;
    }
}
