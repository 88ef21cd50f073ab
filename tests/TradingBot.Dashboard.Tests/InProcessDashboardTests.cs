using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Dashboard.Tests.Support;
using TradingBot.Storage;
using TradingBot.Worker.Hosting;

namespace TradingBot.Dashboard.Tests;

/// <summary>The dashboard inside a paper bot must never stop it: whatever goes wrong with it is a warning.</summary>
public class InProcessDashboardTests
{
    private static InProcessDashboard Dashboard(string url, Func<TradingBot.Core.Persistence.IBotStore>? store = null) =>
        new(new DashboardSettings([url], null, TimeSpan.FromSeconds(11), TimeSpan.FromMinutes(21), ApiWorld.NewYork, "test"),
            BotDatabase.Sqlite(Path.Combine(Path.GetTempPath(), "never-opened.db")), TimeProvider.System, NullLoggerFactory.Instance) { StoreFactory = store };

    [Fact]
    public async Task A_port_already_taken_leaves_start_and_stop_quiet_and_nothing_served()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var dashboard = Dashboard($"http://127.0.0.1:{port}");

        await dashboard.StartAsync(default);
        await dashboard.StopAsync(default);

        Assert.False(dashboard.IsServing);
    }

    [Fact]
    public async Task A_dashboard_whose_every_read_throws_answers_503_and_keeps_serving()
    {
        await using var dashboard = Dashboard("http://127.0.0.1:0", () => new UnreachableStore());
        await dashboard.StartAsync(default);
        Assert.True(dashboard.IsServing);
        using var client = new HttpClient { BaseAddress = new Uri(dashboard.Addresses.Single()) };

        foreach (var path in new[] { "/healthz", "/api/status", "/api/positions", "/" })
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        await dashboard.StopAsync(default);
    }
}
