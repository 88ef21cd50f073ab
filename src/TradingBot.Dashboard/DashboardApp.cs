using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingBot.Core.Persistence;

namespace TradingBot.Dashboard;

/// <summary>
/// The dashboard and JSON API as one ASP.NET Core application over a store: <c>/healthz</c>, <c>/api/*</c>, the page at
/// <c>/</c>. It reads storage and writes only operator commands, which the worker carries out.
/// </summary>
public static class DashboardApp
{
    /// <summary>Requests served at once; more wait in a short queue, then get 503. Keeps a flood off the worker's database and cores.</summary>
    public const int ConcurrentRequests = 4;

    public const int MaxReasonLength = 500;

    /// <param name="configure">The host's additions: logging, or a test server in place of Kestrel.</param>
    public static WebApplication Build(DashboardSettings settings, IBotStore store, TimeProvider clock, Action<WebApplicationBuilder>? configure = null)
    {
        // The empty builder reads no appsettings.json, environment or command line of its own: the worker's checked
        // settings are the only ones.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxConcurrentConnections = 64;
            k.Limits.MaxRequestBodySize = 16 * 1024;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter("all",
                _ => new ConcurrencyLimiterOptions { PermitLimit = ConcurrentRequests, QueueLimit = 200, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        });
        builder.Services.AddSingleton(new DashboardData(store, settings, clock));
        configure?.Invoke(builder);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TradingBot.Dashboard");
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.Use((context, next) => EveryRouteNeedsTheToken(context, next, settings, logger));
        app.UseRateLimiter();
        Map(app, logger);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            DashboardLog.Listening(logger, addresses is { Count: > 0 } ? string.Join(", ", addresses) : string.Join(", ", settings.Urls),
                settings.HasToken ? "enabled with the bearer token" : "disabled: no token configured");
            if (settings.BeyondLoopback)
                DashboardLog.BeyondLoopback(logger, string.Join(";", settings.Urls), settings.HasToken ? "" : "; no token is configured, so every route is refused");
        });
        return app;
    }

    private static void Map(WebApplication app, ILogger logger)
    {
        app.MapGet("/healthz", async (DashboardData data, CancellationToken ct) =>
        {
            var problems = await data.ProblemsAsync(ct);
            return problems.Count == 0
                ? Results.Json(new HealthDto("ok"))
                : Problem(StatusCodes.Status503ServiceUnavailable, "Unhealthy", string.Join("; ", problems), new() { ["reasons"] = problems });
        });
        app.MapGet("/api/status", (DashboardData data, CancellationToken ct) => Read(logger, async () =>
            await data.StatusAsync(ct) is { } status ? Results.Json(status)
                : Problem(StatusCodes.Status404NotFound, "No worker status", "No worker has written its status to this database yet.")));
        app.MapGet("/api/positions", (DashboardData data, CancellationToken ct) => Read(logger, async () => Results.Json(await data.PositionsAsync(ct))));
        app.MapGet("/api/orders", (HttpRequest request, DashboardData data, CancellationToken ct) =>
            WithQuery(request, "limit", 100, 1, DashboardData.MaxLimit, limit => Read(logger, async () => Results.Json(await data.OrdersAsync(limit, ct)))));
        app.MapGet("/api/fills", (HttpRequest request, DashboardData data, CancellationToken ct) =>
            WithQuery(request, "limit", 100, 1, DashboardData.MaxLimit, limit => Read(logger, async () => Results.Json(await data.FillsAsync(limit, ct)))));
        app.MapGet("/api/pnl", (HttpRequest request, DashboardData data, CancellationToken ct) =>
            WithQuery(request, "days", 30, 1, DashboardData.MaxDays, days => Read(logger, async () => Results.Json(await data.PnlAsync(days, ct)))));
        app.MapGet("/api/decisions", (HttpRequest request, DashboardData data, CancellationToken ct) =>
            WithQuery(request, "limit", 100, 1, DashboardData.MaxLimit, limit => Read(logger, async () => Results.Json(await data.DecisionsAsync(limit, ct)))));
        app.MapGet("/api/risk-events", (HttpRequest request, DashboardData data, CancellationToken ct) =>
            WithQuery(request, "limit", 100, 1, DashboardData.MaxLimit, limit => Read(logger, async () => Results.Json(await data.RiskEventsAsync(limit, ct)))));
        app.MapPost("/api/control/{action}", (string action, HttpContext context, DashboardData data, CancellationToken ct) => ControlAsync(action, context, data, logger, ct));
        app.MapGet("/", async (DashboardData data, CancellationToken ct) =>
        {
            var (html, healthy) = await Page.RenderAsync(data, ct);
            return Results.Content(html, "text/html; charset=utf-8", statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static async Task<IResult> ControlAsync(string action, HttpContext context, DashboardData data, ILogger logger, CancellationToken ct)
    {
        ControlCommandKind? kind = action switch
        {
            "halt" => ControlCommandKind.Halt,
            "resume" => ControlCommandKind.Resume,
            "flatten" => ControlCommandKind.Flatten,
            _ => null,
        };
        if (kind is null)
            return Problem(StatusCodes.Status404NotFound, "Unknown control action", $"'{action}' is not a control action: halt, resume or flatten.");
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (ControlAccess.Check(context.Request, data.Settings.ControlToken, allowBasic: false))
        {
            case Access.NoTokenConfigured:
                DashboardLog.Refused(logger, context.Request.Method, context.Request.Path, remote, "no control token is configured");
                return Problem(StatusCodes.Status403Forbidden, "Control disabled",
                    "No control token is configured (Dashboard:ControlTokenPath, or the systemd credential dashboard-token): the API sends no commands.");
            case Access.Unauthorized:
                DashboardLog.Refused(logger, context.Request.Method, context.Request.Path, remote, "missing or wrong bearer token");
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Control needs the header 'Authorization: Bearer <token>' with the configured token.");
        }

        var (reason, problem) = await ReasonAsync(context.Request, ct);
        if (problem is not null)
            return problem;
        var issuedBy = $"api:{remote}";
        return await Read(logger, async () =>
        {
            var id = await data.IssueAsync(kind.Value, reason, issuedBy, ct);
            var verb = TradingBot.Core.Engine.OperatorCommands.Verb(kind.Value);
            DashboardLog.CommandIssued(logger, verb, id, issuedBy, reason);
            return Results.Json(new CommandAcceptedDto(id, verb, reason, issuedBy, Wire.Time(data.Now), "pending"), statusCode: StatusCodes.Status202Accepted);
        });
    }

    /// <summary>The optional body <c>{"reason": "..."}</c>.</summary>
    private static async Task<(string Reason, IResult? Problem)> ReasonAsync(HttpRequest request, CancellationToken ct)
    {
        const string fallback = "by the operator from the dashboard API";
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            return (fallback, null);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return ("", BadRequest("The body must be a JSON object like {\"reason\": \"...\"}."));
            if (!document.RootElement.TryGetProperty("reason", out var element) || element.ValueKind == JsonValueKind.Null)
                return (fallback, null);
            if (element.ValueKind != JsonValueKind.String)
                return ("", BadRequest("'reason' must be a string."));
            var reason = element.GetString()!.Trim();
            if (reason.Length > MaxReasonLength)
                return ("", BadRequest($"'reason' is longer than {MaxReasonLength} characters."));
            return (reason.Length == 0 ? fallback : reason, null);
        }
        catch (JsonException ex)
        {
            return ("", BadRequest($"The body is not JSON: {ex.Message}"));
        }
    }

    private static Task<IResult> WithQuery(HttpRequest request, string name, int fallback, int min, int max, Func<int, Task<IResult>> then)
    {
        var values = request.Query[name];
        if (values.Count == 0)
            return then(fallback);
        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            return Task.FromResult(BadRequest($"'{name}' must be a whole number from {min} to {max} (got '{values}')."));
        return then(value);
    }

    /// <summary>A storage read that fails is a 503 saying so, not a 500: the worker's database is down or unreachable.</summary>
    private static async Task<IResult> Read(ILogger logger, Func<Task<IResult>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DashboardLog.ReadFailed(logger, ex.Message);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Storage unreachable", $"The bot's database could not be read: {ex.Message}");
        }
    }

    private static async Task EveryRouteNeedsTheToken(HttpContext context, RequestDelegate next, DashboardSettings settings, ILogger logger)
    {
        // Control routes check the token themselves (bearer only), whoever may listen.
        if (!settings.BeyondLoopback || context.Request.Path.StartsWithSegments("/api/control", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var page = context.Request.Path == "/";
        var access = ControlAccess.Check(context.Request, settings.ControlToken, allowBasic: page);
        if (access == Access.Granted)
        {
            await next(context);
            return;
        }

        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        DashboardLog.Refused(logger, context.Request.Method, context.Request.Path, remote, access == Access.NoTokenConfigured ? "beyond loopback with no token configured" : "missing or wrong token");
        IResult result;
        if (access == Access.NoTokenConfigured)
            result = Problem(StatusCodes.Status403Forbidden, "Refused", "The dashboard listens beyond loopback and no token is configured: every route is refused. Configure Dashboard:ControlTokenPath or listen on loopback only.");
        else
        {
            // A browser asks for the token as the password of a Basic login; scripts send it as a bearer token.
            context.Response.Headers.WWWAuthenticate = page ? "Basic realm=\"tradingbot dashboard\", charset=\"UTF-8\"" : "Bearer";
            result = Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "The dashboard listens beyond loopback: every route needs 'Authorization: Bearer <token>'.");
        }

        await result.ExecuteAsync(context);
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // The page loads nothing from anywhere: its style and its few lines of script are inline, its chart is inline SVG.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return next(context);
    }

    private static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    private static IResult Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
