using System.Diagnostics;

namespace TradingBot.Worker.Tests.Support;

/// <summary>Starts the built <c>tradingbot</c> as a real process, as an operator or systemd would.</summary>
internal static class BotProcess
{
    /// <summary>How long a real process gets to reach a state before the test fails; never a sleep.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "tradingbot.dll");

    /// <summary>The dotnet host that runs this test (dotnet test sets DOTNET_HOST_PATH for its children).</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        // The bot must judge its surroundings from what this test sets up, not from the test runner's.
        info.Environment.Remove("JOURNAL_STREAM");
        info.Environment.Remove("NOTIFY_SOCKET");
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADINGBOT__", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(name);
        return info;
    }

    public static async Task<CliResult> RunToEndAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(DotnetHost, workingDirectory, [Assembly, .. arguments]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Sends SIGTERM, as systemd's stop and kill(1) do.</summary>
    public static async Task TerminateAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
