using System.Collections;
using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.Options;
using TradingBot.Worker.Configuration;
using TradingBot.Worker.Hosting;
using TradingBot.Storage;
using TradingBot.Worker.Logging;

namespace TradingBot.Worker.Cli;

/// <summary>The <c>tradingbot</c> command line: <c>run</c> (the default), <c>check-config</c>, <c>migrate</c>, <c>halt</c>,
/// <c>resume</c>, <c>flatten</c>, <c>status</c>, <c>dashboard</c>, <c>forecasts calibrate</c>, <c>backtest</c>, <c>data import-nflverse</c>, <c>version</c>.</summary>
public static class TradingBotCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary? environment = null)
    {
        var configOption = new Option<string?>("--config")
        {
            Description = "Path of the settings file (default: appsettings.json beside the executable)",
            Recursive = true,
        };

        var speedOption = new Option<string?>("--speed")
        {
            Description = "Paper mode: run the simulator's clock N times faster than real time (sets TradingBot:PaperSpeed, 1-3600)",
        };
        var run = new Command("run", "Start the bot and run until Ctrl+C or SIGTERM (the default)") { Options = { speedOption } };
        run.SetAction((parse, _) => RunBotAsync(parse.GetValue(configOption), parse.GetValue(speedOption), error, environment));

        var checkConfig = new Command("check-config", "Validate the configuration and print the effective settings, secrets masked");
        checkConfig.SetAction(parse => CheckConfig(parse.GetValue(configOption), output, error, environment));

        var migrate = new Command("migrate", "Apply the database migrations this build carries, then exit");
        migrate.SetAction((parse, cancellationToken) => MigrateAsync(parse.GetValue(configOption), output, error, environment, cancellationToken));

        var reasonOption = new Option<string>("--reason") { Description = "Why, for the log and the status", DefaultValueFactory = _ => "by the operator from the command line" };
        var reduceOnlyOption = new Option<bool>("--reduce-only") { Description = "Allow exits (sells of what is held) but no new positions" };
        var noWaitOption = new Option<bool>("--no-wait") { Description = "Do not wait for the running bot to carry the command out" };
        var halt = new Command("halt", "Stop sending orders (the running bot applies it within seconds); positions are kept") { Options = { reasonOption, reduceOnlyOption, noWaitOption } };
        halt.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(configOption), error, environment,
            (settings, database) => ControlVerbs.HaltAsync(settings, database, parse.GetValue(reduceOnlyOption), parse.GetValue(reasonOption)!, !parse.GetValue(noWaitOption), output, cancellationToken)));
        var resume = new Command("resume", "Resume trading after a halt or safe mode") { Options = { reasonOption, noWaitOption } };
        resume.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(configOption), error, environment,
            (settings, database) => ControlVerbs.ResumeAsync(settings, database, parse.GetValue(reasonOption)!, !parse.GetValue(noWaitOption), output, cancellationToken)));
        var flatten = new Command("flatten", "Go reducing-only and sell every position (reduce-only IOC at the bid) until none is left; `resume` ends it") { Options = { reasonOption, noWaitOption } };
        flatten.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(configOption), error, environment,
            (settings, database) => ControlVerbs.FlattenAsync(settings, database, parse.GetValue(reasonOption)!, !parse.GetValue(noWaitOption), output, cancellationToken)));
        var status = new Command("status", "Print mode, trading state and its reasons, today's realised P&L, open positions, last scan");
        status.SetAction((parse, cancellationToken) => WithDatabaseAsync(parse.GetValue(configOption), error, environment,
            (settings, database) => ControlVerbs.StatusAsync(settings, database, output, cancellationToken)));

        var dataOption = new Option<FileInfo>("--data") { Description = "CSV with forecast (0-1) and outcome (1/0) columns; optional source", Required = true };
        var sourceOption = new Option<string?>("--source") { Description = "Score only this source's rows (the data's source column)" };
        var binsOption = new Option<int>("--bins") { Description = "Reliability table bins", DefaultValueFactory = _ => 10 };
        var calibrate = new Command("calibrate", "Print Brier score, log loss and a reliability table for forecasts against settled outcomes")
        {
            Options = { dataOption, sourceOption, binsOption },
        };
        calibrate.SetAction(parse => ForecastVerbs.CalibrateAsync(parse.GetValue(dataOption)!, parse.GetValue(sourceOption), parse.GetValue(binsOption), output, error));
        var forecasts = new Command("forecasts", "Tools for the probability sources") { Subcommands = { calibrate } };

        var backtestData = new Option<FileInfo>("--data") { Description = "Dataset: JSON Lines (.jsonl or .jsonl.gz) of market, quote, forecast, settlement and pass records, or a folder of them (replayed in name order as one)", Required = true };
        var backtestOut = new Option<string>("--out") { Description = "Folder for report.json, trades.csv, orders.csv, actions.csv and report.html", Required = true };
        var backtestFrom = new Option<string?>("--from") { Description = "Replay records stamped at or after this time (ISO 8601 UTC, or a date)" };
        var backtestTo = new Option<string?>("--to") { Description = "Replay records stamped before this time" };
        var backtestBalance = new Option<string?>("--balance") { Description = "Starting balance in dollars (default 1000); 1000,3=250 puts $250 of it on exchange shard 3" };
        var backtestSet = new Option<string[]>("--set") { Description = "Override a setting for this replay: KEY=VALUE, e.g. Risk:MaxPositionPerMarket=20 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var backtestSweep = new Option<string[]>("--sweep") { Description = "Replay once per value: KEY=v1,v2,... (repeatable: every combination), in parallel, with one comparison table", AllowMultipleArgumentsPerToken = false };
        var backtest = new Command("backtest", "Replay a dataset through the bot's own decision code and write a report")
        {
            Options = { backtestData, backtestOut, backtestFrom, backtestTo, backtestBalance, backtestSet, backtestSweep },
        };
        backtest.SetAction((parse, cancellationToken) =>
        {
            var overrides = BacktestVerb.Overrides(parse.GetValue(backtestSet) ?? [], error);
            var sweeps = BacktestVerb.Sweeps(parse.GetValue(backtestSweep) ?? [], error);
            if (overrides is null || sweeps is null)
                return Task.FromResult(ExitCodes.InvalidConfiguration);
            if (sweeps.Count == 0)
            {
                if (!TryLoad(parse.GetValue(configOption), error, environment, out _, out var settings, overrides))
                    return Task.FromResult(ExitCodes.InvalidConfiguration);
                return BacktestVerb.RunAsync(settings, parse.GetValue(backtestData)!, parse.GetValue(backtestOut)!, parse.GetValue(backtestFrom), parse.GetValue(backtestTo),
                    parse.GetValue(backtestBalance), output, error, cancellationToken);
            }

            // Every combination is bound and validated like a single run before any replay starts.
            var combinations = new List<(string Name, CheckedSettings Settings)>();
            foreach (var combination in BacktestVerb.Combinations(sweeps))
            {
                var merged = new Dictionary<string, string?>(overrides, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in combination)
                    merged[key] = value;
                if (!TryLoad(parse.GetValue(configOption), error, environment, out _, out var settings, merged))
                    return Task.FromResult(ExitCodes.InvalidConfiguration);
                combinations.Add((BacktestVerb.NameOf(combination), settings));
            }

            return BacktestVerb.SweepAsync(combinations, parse.GetValue(backtestData)!, parse.GetValue(backtestOut)!, parse.GetValue(backtestFrom), parse.GetValue(backtestTo),
                parse.GetValue(backtestBalance), output, error, cancellationToken);
        });
        var dashboard = new Command("dashboard", "Serve the dashboard and JSON API (Dashboard:Urls) over the bot's database until Ctrl+C or SIGTERM; never calls the exchange");
        dashboard.SetAction((parse, _) => DashboardAsync(parse.GetValue(configOption), error, environment));

        var nflGames = new Option<FileInfo>("--games") { Description = "The nflverse games file (games.csv)", Required = true };
        var nflOut = new Option<string>("--out") { Description = "Dataset to write (.jsonl, or .jsonl.gz to compress)", Required = true };
        var nflSeasons = new Option<string?>("--seasons") { Description = "Write only these seasons, e.g. 2010-2025 (Elo still learns from every earlier game)" };
        var nflHalfSpread = new Option<string>("--half-spread") { Description = "Quotes: the YES bid and ask this far either side of the de-vigged probability", DefaultValueFactory = _ => "0.01" };
        var nflTick = new Option<string>("--tick") { Description = "Quotes: prices rounded outward to this tick", DefaultValueFactory = _ => "0.01" };
        var importNflverse = new Command("import-nflverse", "Convert nflverse's NFL games with closing moneylines into a backtest dataset (sportsbook prices, walk-forward Elo forecasts)")
        {
            Options = { nflGames, nflOut, nflSeasons, nflHalfSpread, nflTick },
        };
        importNflverse.SetAction((parse, cancellationToken) => DataVerbs.ImportNflverseAsync(parse.GetValue(nflGames)!, parse.GetValue(nflOut)!, parse.GetValue(nflSeasons),
            parse.GetValue(nflHalfSpread)!, parse.GetValue(nflTick)!, output, error, cancellationToken));
        var data = new Command("data", "Build backtest datasets from public history") { Subcommands = { importNflverse } };

        var version = new Command("version", "Print the version");
        version.SetAction(_ =>
        {
            output.WriteLine($"tradingbot {Version} (.NET {Environment.Version})");
            return ExitCodes.Ok;
        });

        var root = new RootCommand("TradingBot: an automated trader for Kalshi sports event contracts")
        {
            Options = { configOption, speedOption },
            Subcommands = { run, checkConfig, migrate, halt, resume, flatten, status, dashboard, forecasts, backtest, data, version },
        };
        root.SetAction((parse, _) => RunBotAsync(parse.GetValue(configOption), parse.GetValue(speedOption), error, environment));

        // The host owns SIGINT/SIGTERM (and systemd's stop); the parser must not cancel behind its back.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return root.Parse(args).InvokeAsync(invocation);
    }

    public static string Version => Hosting.BotVersion.Current;

    private static int CheckConfig(string? configPath, TextWriter output, TextWriter error, IDictionary? environment)
    {
        if (!TryLoad(configPath, error, environment, out _, out var settings))
            return ExitCodes.InvalidConfiguration;
        output.WriteLine("Configuration is valid. Effective settings (secrets masked):");
        output.WriteLine(SettingsPrinter.ToJson(settings));
        return ExitCodes.Ok;
    }

    private static async Task<int> WithDatabaseAsync(string? configPath, TextWriter error, IDictionary? environment, Func<CheckedSettings, BotDatabase, Task<int>> verb)
    {
        if (!TryLoad(configPath, error, environment, out _, out var settings))
            return ExitCodes.InvalidConfiguration;
        try
        {
            return await verb(settings, StorageSetup.ControlDatabase(settings, environment));
        }
        catch (StorageException ex)
        {
            await error.WriteLineAsync($"Database unavailable: {ex.Message}");
            return ExitCodes.Failure;
        }
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

    private static async Task<int> RunBotAsync(string? configPath, string? speed, TextWriter error, IDictionary? environment)
    {
        var commandLine = new Dictionary<string, string?>();
        if (speed is not null)
            commandLine[$"{TradingBotOptions.SectionName}:{nameof(TradingBotOptions.PaperSpeed)}"] = speed;
        if (!TryLoad(configPath, error, environment, out var configuration, out var settings, commandLine))
            return ExitCodes.InvalidConfiguration;
        if (speed is not null && settings.Get<TradingBotOptions>().Mode != TradingMode.Paper)
        {
            await error.WriteLineAsync($"Configuration is invalid: --speed applies to Paper mode only (the mode is {settings.Get<TradingBotOptions>().Mode})");
            return ExitCodes.InvalidConfiguration;
        }

        if (await LoggerAsync(configuration, settings, error) is not { } logger)
            return ExitCodes.InvalidConfiguration;

        try
        {
            var kalshiLog = new Serilog.Extensions.Logging.SerilogLoggerFactory(logger).CreateLogger("TradingBot.Kalshi");
            await using var venue = await Venue.ConnectAsync(settings, environment, CancellationToken.None, kalshiLog);
            var bot = settings.Get<TradingBotOptions>();
            var database = StorageSetup.UsesPaperDatabase(settings) ? Venue.PaperDatabase(bot) : StorageSetup.Database(settings, environment);
            using var host = BotHost.Build(configuration, settings, logger, venue, database, InProcessDashboard(settings, environment, database, logger));
            await host.RunAsync();
            // A service that had to stop the bot (a database schema newer than this build) says why through the exit code.
            return Environment.ExitCode;
        }
        catch (StorageException ex)
        {
            logger.Fatal("Storage is not usable: {Reason}", ex.Message);
            return ExitCodes.Failure;
        }
        catch (TradingBot.Kalshi.Auth.PrivateKeyException ex)
        {
            logger.Fatal("The Kalshi private key cannot be used: {Reason}", ex.Message);
            return ExitCodes.InvalidConfiguration;
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

    /// <summary>Paper mode serves the dashboard in process unless Dashboard:InProcessInPaper is false.</summary>
    private static Dashboard.DashboardSettings? InProcessDashboard(CheckedSettings settings, IDictionary? environment, BotDatabase database, Serilog.Core.Logger logger)
    {
        if (settings.Get<TradingBotOptions>().Mode != TradingMode.Paper || !settings.Get<DashboardOptions>().InProcessInPaper)
            return null;
        var (dashboard, tokenProblem) = DashboardHosting.Settings(settings, environment, database.Description);
        if (tokenProblem is not null)
            DashboardHosting.LogTokenProblem(new Serilog.Extensions.Logging.SerilogLoggerFactory(logger).CreateLogger("TradingBot.Dashboard"), tokenProblem);
        return dashboard;
    }

    /// <summary>The process's Serilog logger from the settings; null (the problem written) when the Serilog section is invalid.</summary>
    private static async Task<Serilog.Core.Logger?> LoggerAsync(IConfigurationRoot configuration, CheckedSettings settings, TextWriter error)
    {
        try
        {
            return BotLogging.CreateLogger(configuration, settings.Get<TradingBotOptions>().LogFormat);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"Configuration is invalid: Serilog: {ex.Message}");
            return null;
        }
    }

    private static async Task<int> DashboardAsync(string? configPath, TextWriter error, IDictionary? environment)
    {
        if (!TryLoad(configPath, error, environment, out var configuration, out var settings))
            return ExitCodes.InvalidConfiguration;
        if (await LoggerAsync(configuration, settings, error) is not { } logger)
            return ExitCodes.InvalidConfiguration;

        try
        {
            return await DashboardHosting.RunAsync(settings, environment, logger);
        }
        catch (Exception ex) when (ex is IOException or StorageException or InvalidOperationException)
        {
            // Chiefly the port taken: Kestrel cannot bind.
            logger.Fatal("The dashboard stopped: {Reason}", ex.Message);
            return ExitCodes.Failure;
        }
        finally
        {
            await logger.DisposeAsync();
        }
    }

    private static bool TryLoad(string? configPath, TextWriter error, IDictionary? environment,
        out IConfigurationRoot configuration, out CheckedSettings settings, IReadOnlyDictionary<string, string?>? commandLine = null)
    {
        configuration = null!;
        settings = null!;
        try
        {
            configuration = BotConfiguration.Load(configPath, environment, commandLine);
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
