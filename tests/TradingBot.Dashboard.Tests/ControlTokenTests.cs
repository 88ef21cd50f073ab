using TradingBot.Worker.Configuration;

namespace TradingBot.Dashboard.Tests;

/// <summary>Where the control token comes from: Dashboard:ControlTokenPath, else the systemd credential; unreadable means no control.</summary>
public sealed class ControlTokenTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tradingbot-token-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_configured_file_is_read_and_trimmed()
    {
        var path = Write("token", "  abc123\n");
        Assert.Equal(("abc123", (string?)null), new DashboardOptions { ControlTokenPath = path }.ReadToken(credentialsDirectory: null));
    }

    [Fact]
    public void Without_a_configured_path_the_systemd_credential_is_used()
    {
        Write(DashboardOptions.CredentialName, "from-systemd\n");
        var options = new DashboardOptions();

        Assert.Equal(Path.Combine(_folder, "dashboard-token"), options.TokenPath(_folder));
        Assert.Equal("from-systemd", options.ReadToken(_folder).Token);
    }

    [Fact]
    public void A_configured_path_wins_over_the_credential()
    {
        Write(DashboardOptions.CredentialName, "from-systemd");
        var path = Write("token", "from-file");
        Assert.Equal("from-file", new DashboardOptions { ControlTokenPath = path }.ReadToken(_folder).Token);
    }

    [Fact]
    public void With_neither_there_is_no_token_and_nothing_to_report()
    {
        Assert.Equal((null, null), new DashboardOptions().ReadToken(_folder));
        Assert.Equal((null, null), new DashboardOptions().ReadToken(null));
    }

    [Fact]
    public void A_missing_or_empty_token_file_disables_control_and_says_why()
    {
        var missing = new DashboardOptions { ControlTokenPath = Path.Combine(_folder, "nope") }.ReadToken(null);
        var empty = new DashboardOptions { ControlTokenPath = Write("empty", " \n") }.ReadToken(null);

        Assert.Null(missing.Token);
        Assert.Contains("cannot be read", missing.Problem, StringComparison.Ordinal);
        Assert.Null(empty.Token);
        Assert.Contains("is empty: control is disabled", empty.Problem, StringComparison.Ordinal);
    }
}
