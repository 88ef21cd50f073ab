using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TradingBot.Core.Persistence;
using TradingBot.Dashboard.Tests.Support;
using TradingBot.Storage;
using Xunit.Abstractions;

namespace TradingBot.Dashboard.Tests;

/// <summary>
/// The real <c>tradingbot run</c> in Paper mode, the README's first command: it trades on the bundled simulator and
/// shows it on the dashboard it serves in process; a separate dashboard process can die without trading noticing.
/// </summary>
[Collection(PaperHostCollection.Name)]
public class PaperHostTests(ITestOutputHelper output)
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();

    /// <summary>The bot's orders; none while its database is not there or not yet migrated.</summary>
    private static async Task<IReadOnlyList<OutboxEntry>> OrdersAsync(string database)
    {
        if (!File.Exists(database))
            return [];
        try
        {
            return await new SqlBotStore(BotDatabase.Sqlite(database), TimeProvider.System).Outbox.SinceAsync(DateTimeOffset.MinValue, default);
        }
        catch (StorageException)
        {
            return [];
        }
    }

    [SkippableFact]
    public async Task A_real_browser_shows_the_positions_table_and_the_pnl_chart_of_a_paper_bot()
    {
        var chromium = Chromium.Path;
        Skip.If(chromium is null, Chromium.Missing);
        await using var bot = new PaperBot();
        var run = bot.Start("run");
        var url = await run.DashboardAsync();
        using var client = new HttpClient { BaseAddress = url };
        await Until.TrueAsync(async () => (await GetJsonAsync(client, "api/positions")).GetArrayLength() > 0, PaperBot.Deadline, "the paper bot's first position", () => run.Log);

        var dom = await Chromium.RunAsync(chromium!, "--dump-dom", url.ToString());
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard-paper.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await Chromium.RunAsync(chromium!, "--window-size=420,1600", $"--screenshot={screenshot}", url.ToString());
        output.WriteLine($"Screenshot of the paper dashboard: {screenshot}");

        Assert.Contains("<table id=\"positions\">", dom, StringComparison.Ordinal);
        var positions = dom[dom.IndexOf("<table id=\"positions\">", StringComparison.Ordinal)..];
        positions = positions[..positions.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches(@"<tr><td>KX[A-Z0-9-]+</td><td>(yes|no)</td>", positions);
        Assert.Contains("<svg id=\"pnl-chart\"", dom, StringComparison.Ordinal);
        Assert.Matches("<polyline id=\"pnl-line\"[^>]+points=\"[0-9.,]+( [0-9.,]+){29}\"", dom);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is not an image of the page");
    }

    [Fact]
    public async Task Killing_a_dashboard_process_while_the_bot_trades_loses_no_order_and_stops_nothing()
    {
        await using var bot = new PaperBot();
        var run = bot.Start("run");
        await run.DashboardAsync();
        await Until.TrueAsync(async () => (await OrdersAsync(bot.DatabasePath)).Count > 0, PaperBot.Deadline, "the paper bot's first order", () => run.Log);

        // The companion process over the same database: it is read under load, then killed outright.
        var dashboard = bot.Start("dashboard");
        var url = await dashboard.DashboardAsync();
        using (var client = new HttpClient { BaseAddress = url })
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(i % 2 == 0 ? "api/orders" : "")).StatusCode);
            }
        }

        var before = await OrdersAsync(bot.DatabasePath);
        await dashboard.KillAsync();
        var killedAt = TimeProvider.System.GetUtcNow();

        // Trading goes on: new orders after the kill, the bot alive.
        await Until.TrueAsync(async () => (await OrdersAsync(bot.DatabasePath)).Count > before.Count + 2, PaperBot.Deadline, "orders after the kill", () => run.Log);
        Assert.False(run.HasExited, run.Log);
        // No order lost: every order there was is still there, and none is left in doubt.
        var after = await OrdersAsync(bot.DatabasePath);
        Assert.All(before, o => Assert.Contains(after, a => a.ClientOrderId == o.ClientOrderId));
        Assert.DoesNotContain(after, o => o.Status == OutboxStatus.Unknown);
        Assert.DoesNotContain("stderr:", run.Log, StringComparison.Ordinal);
        output.WriteLine($"{before.Count} orders before the dashboard was killed at {killedAt:O}, {after.Count} after");
    }

    [Fact]
    public async Task A_paper_bot_whose_dashboard_port_is_taken_warns_and_trades()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var bot = new PaperBot(json => json["Dashboard"]!["Urls"] = $"http://127.0.0.1:{port}");
        var run = bot.Start("run");

        await Until.TrueAsync(async () => (await OrdersAsync(bot.DatabasePath)).Count > 0, PaperBot.Deadline, "the paper bot's first order", () => run.Log);

        Assert.Contains($"Dashboard not started on http://127.0.0.1:{port}", run.Log, StringComparison.Ordinal);
        Assert.Contains("Trading goes on without it", run.Log, StringComparison.Ordinal);
        Assert.False(run.HasExited);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PaperHostCollection
{
    public const string Name = "paper bot processes";
}

/// <summary>Debian's chromium, headless.</summary>
internal static class Chromium
{
    public const string Missing = "chromium is not installed (apt-get install -y chromium; .ci/run installs it)";

    public static string? Path => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static async Task<string> RunAsync(string chromium, params string[] arguments)
    {
        var info = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Root in a container has no user namespace sandbox; the page is our own, on loopback.
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=2000" }.Concat(arguments))
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
