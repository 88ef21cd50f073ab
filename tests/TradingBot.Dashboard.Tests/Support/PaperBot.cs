using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TradingBot.Tests.Shared;

namespace TradingBot.Dashboard.Tests.Support;

/// <summary>
/// The real <c>tradingbot</c> as the README's first command runs it: Paper mode with the bundled simulator and its
/// demo slate at 60x, a fresh data folder, the shipped settings with the dashboard on a port the system picks.
/// Also starts <c>tradingbot dashboard</c> processes over the same settings. Every process is killed at the end.
/// </summary>
internal sealed partial class PaperBot : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private readonly List<Run> _runs = [];

    public PaperBot(Action<JsonObject>? edit = null)
    {
        Folder = Directory.CreateTempSubdirectory("tradingbot-dash-").FullName;
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "appsettings.json")))!.AsObject();
        json["TradingBot"]!["DataDirectory"] = Path.Combine(Folder, "data");
        json["TradingBot"]!["LogFormat"] = "Plain";
        json["Dashboard"]!["Urls"] = "http://127.0.0.1:0";
        edit?.Invoke(json);
        ConfigPath = Path.Combine(Folder, "appsettings.json");
        File.WriteAllText(ConfigPath, json.ToJsonString());
    }

    public string Folder { get; }

    public string ConfigPath { get; }

    /// <summary>The paper bot's database, where the dashboard and the CLI find it.</summary>
    public string DatabasePath => Path.Combine(Folder, "data", "paper", TradingBot.Storage.BotDatabase.SqliteFileName);

    public Run Start(string verb) => Keep(Run.Start(Folder, verb, ConfigPath));

    private Run Keep(Run run)
    {
        _runs.Add(run);
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
            await run.DisposeAsync();
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is left behind, harmlessly.
        }
    }

    [GeneratedRegex(@"Dashboard listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    /// <summary>One process, its console lines kept.</summary>
    internal sealed class Run : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        private Run(Process process) => _process = process;

        public string Log => string.Join('\n', _lines);

        public bool HasExited => _process.HasExited;

        public static Run Start(string folder, string verb, string configPath)
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
            var info = new ProcessStartInfo(host)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "tradingbot.dll"), verb, "--config", configPath })
                info.ArgumentList.Add(argument);
            info.Environment.Remove("JOURNAL_STREAM");
            info.Environment.Remove("NOTIFY_SOCKET");
            info.Environment.Remove("CREDENTIALS_DIRECTORY");
            foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("TRADINGBOT__", StringComparison.OrdinalIgnoreCase)).ToList())
                info.Environment.Remove(name);
            var process = new Process { StartInfo = info };
            var run = new Run(process);
            process.OutputDataReceived += (_, e) => run.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => run.Keep(e.Data is null ? null : "stderr: " + e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return run;
        }

        /// <summary>The dashboard's address, from its start-up line.</summary>
        public async Task<Uri> DashboardAsync()
        {
            Match? match = null;
            await Until.TrueAsync(() => Task.FromResult((match = ListeningLine().Match(Log)).Success || HasExited), Deadline, "the dashboard's start-up line", () => Log);
            Assert.True(match!.Success, $"no dashboard started:\n{Log}");
            return new Uri(match.Groups[1].Value + "/");
        }

        /// <summary>SIGKILL: no shutdown code runs.</summary>
        public async Task KillAsync()
        {
            if (_process.HasExited)
                return;
            _process.Kill(entireProcessTree: false);
            using var deadline = new CancellationTokenSource(Deadline);
            await _process.WaitForExitAsync(deadline.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is not null)
                _lines.Enqueue(line);
        }
    }
}

/// <summary>Waits on a condition with a deadline; never a bare sleep.</summary>
internal static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what, Func<string>? context = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + within;
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"timed out after {within.TotalSeconds} s waiting for {what}\n{context?.Invoke()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, default);
        }
    }
}
