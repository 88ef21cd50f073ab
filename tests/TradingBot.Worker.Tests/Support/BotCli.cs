using System.Collections;
using TradingBot.Worker.Cli;

namespace TradingBot.Worker.Tests.Support;

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the command line in process with its own environment, so tests never touch the real one.</summary>
internal static class BotCli
{
    public static async Task<CliResult> RunAsync(IDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new Hashtable();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            env[key] = value;
        var code = await TradingBotCli.RunAsync(args, output, error, env);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);
}
