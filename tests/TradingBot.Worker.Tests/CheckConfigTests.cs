using System.Text.Json.Nodes;
using TradingBot.Core.Engine;
using TradingBot.Core.Risk;
using TradingBot.Storage;
using TradingBot.Worker.Cli;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests;

public class CheckConfigTests
{
    [Fact]
    public async Task The_shipped_appsettings_is_valid_and_printed()
    {
        var result = await BotCli.RunAsync("check-config", "--config", TempConfig.ShippedPath);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("", result.Error);
        var printed = JsonNode.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.Equal("Paper", (string?)printed["TradingBot"]!["Mode"]);
        Assert.Equal(100.00m, (decimal)printed["Risk"]!["DailyLossLimit"]!);
    }

    [Fact]
    public async Task A_negative_loss_limit_and_a_missing_required_value_are_both_named_with_exit_2()
    {
        using var config = new TempConfig(json =>
        {
            json["Risk"]!["DailyLossLimit"] = -5;
            json["Risk"]!.AsObject().Remove("MaxPositionPerMarket");
        });

        var result = await BotCli.RunAsync("check-config", "--config", config.Path);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("(2 problems)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Risk:DailyLossLimit: must be greater than 0 (got -5)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Risk:MaxPositionPerMarket: is required but not set", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_verb_refuses_a_broken_configuration_with_exit_2_before_starting()
    {
        using var config = new TempConfig(json => json["Risk"]!["MaxPositionPerMarket"] = 0);
        var result = await BotCli.RunAsync("run", "--config", config.Path);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Risk:MaxPositionPerMarket: must be greater than 0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_speed_is_checked_like_the_setting_it_overrides_and_only_for_paper_mode()
    {
        var zero = await BotCli.RunAsync("run", "--speed", "0", "--config", TempConfig.ShippedPath);
        Assert.Equal(ExitCodes.InvalidConfiguration, zero.ExitCode);
        Assert.Contains("TradingBot:PaperSpeed: must be between 1 and 3600 (got 0)", zero.Error, StringComparison.Ordinal);

        var text = await BotCli.RunAsync("run", "--speed", "fast", "--config", TempConfig.ShippedPath);
        Assert.Equal(ExitCodes.InvalidConfiguration, text.ExitCode);
        Assert.Contains("TradingBot:PaperSpeed", text.Error, StringComparison.Ordinal);

        using var demo = new TempConfig(json => json["TradingBot"]!["Mode"] = "Demo");
        var env = new Dictionary<string, string> { ["TRADINGBOT__Kalshi__ApiKeyId"] = "key", ["TRADINGBOT__Kalshi__PrivateKeyPath"] = "/nonexistent.pem" };
        var notPaper = await BotCli.RunAsync(env, "run", "--speed", "60", "--config", demo.Path);
        Assert.Equal(ExitCodes.InvalidConfiguration, notPaper.ExitCode);
        Assert.Contains("--speed applies to Paper mode only (the mode is Demo)", notPaper.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_series_listed_twice_is_a_configuration_error()
    {
        var env = new Dictionary<string, string> { ["TRADINGBOT__Scanner__Series__0"] = "KXNFLGAME", ["TRADINGBOT__Scanner__Series__1"] = "kxnflgame" };
        var result = await BotCli.RunAsync(env, "check-config", "--config", TempConfig.ShippedPath);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Scanner:Series: 'KXNFLGAME' is listed more than once", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_override_the_file()
    {
        var env = new Dictionary<string, string> { ["TRADINGBOT__Risk__DailyLossLimit"] = "-1", ["OTHER__Risk__MaxPositionPerMarket"] = "-1" };
        var result = await BotCli.RunAsync(env, "check-config", "--config", TempConfig.ShippedPath);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Risk:DailyLossLimit: must be greater than 0 (got -1)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxPositionPerMarket", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_environment_override_shows_in_the_effective_settings()
    {
        var env = new Dictionary<string, string> { ["TRADINGBOT__Risk__DailyLossLimit"] = "42.5" };
        var result = await BotCli.RunAsync(env, "check-config", "--config", TempConfig.ShippedPath);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("\"DailyLossLimit\": 42.5", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Risk", "DailyLosLimit", "10", "Risk:DailyLosLimit: is not a known setting")]
    [InlineData("Risk", "DailyLossLimit", "lots", "Risk:DailyLossLimit: cannot be read as a number (got 'lots')")]
    [InlineData("Risk", "MaxQuoteAge", "soon", "Risk:MaxQuoteAge: cannot be read as a duration")]
    [InlineData("TradingBot", "Mode", "Yolo", "TradingBot:Mode: cannot be read as one of Paper, Demo, Live")]
    [InlineData("Storage", "Provider", "Postgres", "Storage:ConnectionString: is required when Storage:Provider is Postgres")]
    [InlineData("Risk", "TradingDayTimeZone", "Mars/Olympus", "'Mars/Olympus' is not a known IANA time zone")]
    [InlineData("Dashboard", "Urls", "localhost:5080", "Dashboard:Urls: 'localhost:5080' is not an absolute http(s) URL")]
    public async Task Bad_values_are_named_with_their_key(string section, string key, string value, string expected)
    {
        using var config = new TempConfig(json => json[section]![key] = value);
        var result = await BotCli.RunAsync("check-config", "--config", config.Path);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_section_is_reported()
    {
        using var config = new TempConfig(json => json["Riks"] = new JsonObject { ["DailyLossLimit"] = 1 });
        var result = await BotCli.RunAsync("check-config", "--config", config.Path);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Riks: is not a known section", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_mode_demands_confirmation_credentials_and_Postgres()
    {
        using var config = new TempConfig(json => json["TradingBot"]!["Mode"] = "Live");
        var result = await BotCli.RunAsync("check-config", "--config", config.Path);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        foreach (var key in new[] { "TradingBot:ConfirmLive", "Kalshi:ApiKeyId", "Kalshi:PrivateKeyPath", "Storage:Provider" })
            Assert.Contains(key + ":", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_json_is_a_clear_error_not_a_stack_trace()
    {
        using var config = TempConfig.WithText("{ \"Risk\": { \"DailyLossLimit\": 5, ");
        var result = await BotCli.RunAsync("check-config", "--config", config.Path);
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.StartsWith($"Configuration is invalid: cannot read {config.Path}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var result = await BotCli.RunAsync("check-config", "--config", "/nonexistent/appsettings.json");
        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("configuration file not found: /nonexistent/appsettings.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_masked_in_the_printout()
    {
        using var config = new TempConfig(json =>
        {
            json["Kalshi"]!["ApiKeyId"] = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
            json["Storage"]!["Provider"] = "Postgres";
            json["Storage"]!["ConnectionString"] = "Host=127.0.0.1;Username=bot;Password=hunter2;Database=tradingbot";
        });

        var result = await BotCli.RunAsync("check-config", "--config", config.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a952bcbe", result.Output, StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1;Username=bot;Password=****;Database=tradingbot", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"ApiKeyId\": \"****\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var result = await BotCli.RunAsync("version");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Matches(@"^tradingbot \d+\.\d+\.\d+ \(\.NET \d+\.", result.Output);
    }
}

public class MigrateVerbTests
{
    [Fact]
    public async Task Migrate_creates_the_SQLite_file_in_the_data_folder_and_is_idempotent()
    {
        using var config = new TempConfig();
        var env = new Dictionary<string, string> { ["TRADINGBOT__TradingBot__DataDirectory"] = Path.Combine(config.Directory, "data") };

        var first = await BotCli.RunAsync(env, "migrate", "--config", config.Path);
        var second = await BotCli.RunAsync(env, "migrate", "--config", config.Path);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("applied 0001 initial", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(config.Directory, "data", "tradingbot.db")));
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains($"is up to date at schema version {TradingBot.Storage.Migrator.LatestVersion}", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_a_clear_failure()
    {
        using var config = new TempConfig(json =>
        {
            json["Storage"]!["Provider"] = "Postgres";
            json["Storage"]!["ConnectionString"] = "Host=127.0.0.1;Port=1;Username=bot;Password=hunter2;Database=tradingbot;Timeout=2";
        });

        var result = await BotCli.RunAsync("migrate", "--config", config.Path);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith("Migration failed: cannot open PostgreSQL bot@127.0.0.1:1/tradingbot", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }
}

public class ControlVerbTests
{
    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly RiskOptions Risk = new() { DailyLossLimit = 100m, MaxConsecutiveApiErrors = 5 };

    /// <summary>What the running worker does every refresh: read the controls, carry out pending commands, write its status.</summary>
    private static async Task RunWorkerOnceAsync(string directory)
    {
        var database = BotDatabase.Sqlite(Path.Combine(directory, "data", "paper", BotDatabase.SqliteFileName));
        var store = new SqlBotStore(database, TimeProvider.System);
        var alerts = new RecordingAlerts();
        var controls = new TradingControls(store.Risk, Risk, Eastern, alerts, TimeProvider.System);
        await controls.RefreshAsync(default);
        await new OperatorCommands(store.Control, controls, alerts, TimeProvider.System).RunPendingAsync(default);
        await new StatusWriter(store, controls, new MarketBook(), Risk, TimeProvider.System, "test", "Paper").WriteAsync(default);
    }

    [Fact]
    public async Task Halt_and_resume_are_commands_the_worker_carries_out_and_status_shows_them_with_who_sent_them()
    {
        using var config = new TempConfig();
        var env = new Dictionary<string, string> { ["TRADINGBOT__TradingBot__DataDirectory"] = Path.Combine(config.Directory, "data") };

        var halt = await BotCli.RunAsync(env, "halt", "--reason", "going on holiday", "--config", config.Path);
        var pending = await BotCli.RunAsync(env, "status", "--config", config.Path);
        await RunWorkerOnceAsync(config.Directory);
        var halted = await BotCli.RunAsync(env, "status", "--config", config.Path);
        var resume = await BotCli.RunAsync(env, "resume", "--no-wait", "--config", config.Path);
        await RunWorkerOnceAsync(config.Directory);
        var resumed = await BotCli.RunAsync(env, "status", "--config", config.Path);

        Assert.Equal([ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok], new[] { halt.ExitCode, pending.ExitCode, halted.ExitCode, resume.ExitCode, resumed.ExitCode });
        // No worker had run on that database: the halt waits for its next start, before anything trades.
        Assert.Contains("Halt sent as command #1", halt.Output, StringComparison.Ordinal);
        Assert.Contains("No worker is running", halt.Output, StringComparison.Ordinal);
        Assert.Contains("Trading:        Active (none)", pending.Output, StringComparison.Ordinal);
        Assert.Contains($"pending:      #1 halt from {ControlVerbs.IssuedBy}", pending.Output, StringComparison.Ordinal);
        Assert.Contains("Worker:         never ran on this database", pending.Output, StringComparison.Ordinal);
        // Carried out by the worker, the one writer of the trading state.
        Assert.Contains("Trading:        Halted (operator_halt)", halted.Output, StringComparison.Ordinal);
        Assert.Contains($"operator:     Halted: going on holiday (by {ControlVerbs.IssuedBy})", halted.Output, StringComparison.Ordinal);
        Assert.Contains("done:         #1 halt", halted.Output, StringComparison.Ordinal);
        Assert.Contains("Worker:         running", halted.Output, StringComparison.Ordinal);
        Assert.Contains("Realised today: 0.00", halted.Output, StringComparison.Ordinal);
        Assert.Contains("Last scan:      never", halted.Output, StringComparison.Ordinal);
        Assert.Contains("Resume sent as command #2", resume.Output, StringComparison.Ordinal);
        Assert.Contains("Trading:        Active (none)", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("done:         #2 resume", resumed.Output, StringComparison.Ordinal);
        // The shipped settings are in-process Paper mode, whose running bot keeps its database under data/paper.
        Assert.True(File.Exists(Path.Combine(config.Directory, "data", "paper", "tradingbot.db")), halted.Output);
        Assert.False(File.Exists(Path.Combine(config.Directory, "data", "tradingbot.db")), "the verbs wrote to a database the paper bot never reads");
    }

    [Fact]
    public async Task Reduce_only_allows_exits_only()
    {
        using var config = new TempConfig();
        var env = new Dictionary<string, string> { ["TRADINGBOT__TradingBot__DataDirectory"] = Path.Combine(config.Directory, "data") };
        await BotCli.RunAsync(env, "halt", "--reduce-only", "--config", config.Path);
        await RunWorkerOnceAsync(config.Directory);
        Assert.Contains("Trading:        ReducingOnly (operator_reduce_only)", (await BotCli.RunAsync(env, "status", "--config", config.Path)).Output, StringComparison.Ordinal);
    }
}
