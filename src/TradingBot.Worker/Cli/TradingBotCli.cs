using System.Collections;
using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.Options;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;
using TradingBot.Storage;
using TradingBot.Worker.Logging;

namespace TradingBot.Worker.Cli;

/// <summary>The <c>tradingbot</c> command line: <c>run</c> (the default), <c>check-config</c>, <c>migrate</c>, <c>version</c>.</summary>
public static class TradingBotCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary? environment = null)
    {
        var configOption = new Option<string?>("--config")
        {
            Description = "Path of the settings file (default: appsettings.json beside the executable)",
            Recursive = true,
        };

        var run = new Command("run", "Start the bot and run until Ctrl+C or SIGTERM (the default)");
        run.SetAction((parse, _) => RunBotAsync(parse.GetValue(configOption), error, environment));

        var checkConfig = new Command("check-config", "Validate the configuration and print the effective settings, secrets masked");
        checkConfig.SetAction(parse => CheckConfig(parse.GetValue(configOption), output, error, environment));

        var migrate = new Command("migrate", "Apply the database migrations this build carries, then exit");
        migrate.SetAction((parse, cancellationToken) => MigrateAsync(parse.GetValue(configOption), output, error, environment, cancellationToken));

        var version = new Command("version", "Print the version");
        version.SetAction(_ =>
        {
            output.WriteLine($"tradingbot {Version} (.NET {Environment.Version})");
            return ExitCodes.Ok;
        });

        var root = new RootCommand("TradingBot: an automated trader for Kalshi sports event contracts")
        {
            Options = { configOption },
            Subcommands = { run, checkConfig, migrate, version },
        };
        root.SetAction((parse, _) => RunBotAsync(parse.GetValue(configOption), error, environment));

        // The host owns SIGINT/SIGTERM (and systemd's stop); the parser must not cancel behind its back.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return root.Parse(args).InvokeAsync(invocation);
    }

    public static string Version =>
        typeof(TradingBotCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private static int CheckConfig(string? configPath, TextWriter output, TextWriter error, IDictionary? environment)
    {
        if (!TryLoad(configPath, error, environment, out _, out var settings))
            return ExitCodes.InvalidConfiguration;
        output.WriteLine("Configuration is valid. Effective settings (secrets masked):");
        output.WriteLine(SettingsPrinter.ToJson(settings));
        return ExitCodes.Ok;
    }

    private static async Task<int> MigrateAsync(string? configPath, TextWriter output, TextWriter error, IDictionary? environment, CancellationToken cancellationToken)
    {
        if (!TryLoad(configPath, error, environment, out _, out var settings))
            return ExitCodes.InvalidConfiguration;
        try
        {
            var database = StorageSetup.Database(settings, environment);
            var report = await Migrator.MigrateAsync(database, TimeProvider.System, cancellationToken);
            await output.WriteLineAsync(report.Applied.Count == 0
                ? $"{database.Description} is up to date at schema version {report.VersionAfter}."
                : $"{database.Description}: applied {string.Join(", ", report.Applied)}; now at schema version {report.VersionAfter}.");
            return ExitCodes.Ok;
        }
        catch (StorageException ex)
        {
            await error.WriteLineAsync($"Migration failed: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> RunBotAsync(string? configPath, TextWriter error, IDictionary? environment)
    {
        if (!TryLoad(configPath, error, environment, out var configuration, out var settings))
            return ExitCodes.InvalidConfiguration;

        Serilog.Core.Logger logger;
        try
        {
            logger = BotLogging.CreateLogger(configuration, settings.Get<TradingBotOptions>().LogFormat);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"Configuration is invalid: Serilog: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        try
        {
            using var host = BotHost.Build(configuration, settings, logger, environment);
            await host.RunAsync();
            // A service that had to stop the bot (a database schema newer than this build) says why through the exit code.
            return Environment.ExitCode;
        }
        catch (StorageException ex)
        {
            logger.Fatal("Storage is not usable: {Reason}", ex.Message);
            return ExitCodes.Failure;
        }
        catch (OptionsValidationException ex)
        {
            await ReportProblemsAsync(error, ex.Failures);
            return ExitCodes.InvalidConfiguration;
        }
        catch (Exception ex)
        {
            logger.Fatal(ex, "The bot stopped on an unexpected error");
            return ExitCodes.Failure;
        }
        finally
        {
            await logger.DisposeAsync();
        }
    }

    private static bool TryLoad(string? configPath, TextWriter error, IDictionary? environment,
        out IConfigurationRoot configuration, out CheckedSettings settings)
    {
        configuration = null!;
        settings = null!;
        try
        {
            configuration = BotConfiguration.Load(configPath, environment);
        }
        catch (ConfigurationLoadException ex)
        {
            error.WriteLine($"Configuration is invalid: {ex.Message}");
            return false;
        }

        settings = ConfigurationCheck.Run(configuration);
        if (settings.IsValid)
            return true;
        ReportProblemsAsync(error, settings.Problems.Select(p => p.ToString())).GetAwaiter().GetResult();
        return false;
    }

    private static async Task ReportProblemsAsync(TextWriter error, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        await error.WriteLineAsync($"Configuration is invalid ({list.Count} problem{(list.Count == 1 ? "" : "s")}); the bot will not start:");
        foreach (var problem in list)
            await error.WriteLineAsync($"  - {problem}");
    }
}
