using System.Net.Http.Json;
using System.Net.Mail;
using System.Text.Json.Nodes;
using TradingBot.Core.Engine;

namespace TradingBot.Worker.Notifications;

/// <summary>One message for the operator.</summary>
public sealed record Notification(AlertKind Kind, string Message, DateTimeOffset At)
{
    public string Title => Kind switch
    {
        AlertKind.CircuitBreakerTripped => "TradingBot: daily loss limit reached",
        AlertKind.SafeModeEntered => "TradingBot: safe mode",
        AlertKind.StopLossExit => "TradingBot: stop-loss exit",
        AlertKind.UnknownOrderOutcome => "TradingBot: order outcome unknown",
        AlertKind.ReconciliationMismatch => "TradingBot: positions disagree with the exchange",
        AlertKind.StorageUnavailable => "TradingBot: database unavailable",
        AlertKind.OperatorCommand => "TradingBot: operator command",
        _ => "TradingBot: daily summary",
    };
}

/// <summary>A way to reach the operator. Throws when a message could not be delivered (the sender retries).</summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}

/// <summary>Webhook-style channels: the same POST, a different body per service.</summary>
public sealed class WebhookChannel(string name, Uri url, Func<Notification, HttpContent> body, HttpClient http) : INotificationChannel
{
    public string Name { get; } = name;

    public static WebhookChannel Json(Uri url, HttpClient http) => new("webhook", url, n => JsonContent.Create(new JsonObject
    {
        ["kind"] = n.Kind.ToString(),
        ["title"] = n.Title,
        ["message"] = n.Message,
        ["at"] = n.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    }), http);

    public static WebhookChannel Slack(Uri url, HttpClient http) =>
        new("slack", url, n => JsonContent.Create(new JsonObject { ["text"] = $"*{n.Title}*\n{n.Message}" }), http);

    public static WebhookChannel Discord(Uri url, HttpClient http) =>
        new("discord", url, n => JsonContent.Create(new JsonObject { ["content"] = $"**{n.Title}**\n{n.Message}" }), http);

    /// <summary>ntfy takes the message as the body and the title in a header; errors and trips get a higher priority.</summary>
    public static WebhookChannel Ntfy(Uri url, HttpClient http) => new("ntfy", url, n =>
    {
        var content = new StringContent(n.Message);
        content.Headers.Add("Title", n.Title);
        content.Headers.Add("Priority", n.Kind is AlertKind.DailySummary or AlertKind.StopLossExit ? "default" : "high");
        return content;
    }, http);

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var content = body(notification);
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        // The URL carries the channel's token: the error names the channel, never the URL.
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{Name} answered {(int)response.StatusCode}");
    }
}

/// <summary>Email over SMTP (STARTTLS by default).</summary>
public sealed class EmailChannel(NotificationOptions options, string? password) : INotificationChannel
{
    public string Name => "email";

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.SmtpStartTls };
        if (options.SmtpUsername.Length > 0)
            client.Credentials = new System.Net.NetworkCredential(options.SmtpUsername, password ?? "");
        using var message = new MailMessage { From = new MailAddress(options.EmailFrom), Subject = notification.Title, Body = notification.Message };
        foreach (var to in options.Recipients)
            message.To.Add(to);
        await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
