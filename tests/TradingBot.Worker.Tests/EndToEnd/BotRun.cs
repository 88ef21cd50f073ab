using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Worker.Tests.Support;

namespace TradingBot.Worker.Tests.EndToEnd;

/// <summary>
/// One run of the real <c>tradingbot</c> process (<c>run --config …</c>), its console lines kept for the test's
/// output. Stopped as systemd stops it (SIGTERM) or killed outright (SIGKILL); never left running.
/// </summary>
internal sealed class BotRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BotRun(Process process, DateTimeOffset startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    public int Pid { get; private set; }

    public DateTimeOffset StartedAt { get; }

    public bool HasExited => _process.HasExited;

    public string Log => string.Join('\n', _lines);

    public static BotRun Start(string workingDirectory, string configPath)
    {
        var info = BotProcess.StartInfo(BotProcess.DotnetHost, workingDirectory, [BotProcess.Assembly, "run", "--config", configPath]);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var run = new BotRun(process, TimeProvider.System.GetUtcNow());
        process.OutputDataReceived += (_, e) => run.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => run.Keep(e.Data is null ? null : "stderr: " + e.Data);
        process.Start();
        run.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>SIGTERM, then the clean exit the host promises (exit code 0) within the deadline.</summary>
    public async Task StopAsync()
    {
        await BotProcess.TerminateAsync(Pid);
        using var deadline = new CancellationTokenSource(BotProcess.Deadline);
        await _process.WaitForExitAsync(deadline.Token);
        Assert.True(_process.ExitCode == 0, $"the bot exited with {_process.ExitCode} after SIGTERM:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as after kill -9 or a power cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        using var deadline = new CancellationTokenSource(BotProcess.Deadline);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
            _lines.Enqueue(line);
    }
}
