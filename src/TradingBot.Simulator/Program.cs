using System.Globalization;
using TradingBot.Core.Values;
using TradingBot.Simulator.Hosting;

// The simulator on its own, for any Kalshi client:
//   dotnet run --project src/TradingBot.Simulator -- --urls http://127.0.0.1:5090 --scenario demo --key-out key.pem
// registers a fresh API key, writes its RSA private key (PEM, mode 600) to the --key-out file, prints
// "api-key-id: <id>", and serves until Ctrl+C.
var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--urls"] = "http://127.0.0.1:5090",
    ["--scenario"] = "demo",
    ["--speed"] = "1",
    ["--seed"] = "1",
    ["--balance"] = "1000",
    ["--member"] = "member-1",
};
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        await Console.Error.WriteLineAsync($"usage: simulator [--urls URL] [--scenario demo|FILE] [--key-out FILE] [--speed N] [--seed N] [--balance DOLLARS] [--member ID] [--demo-feed FILE]; bad argument '{args[i]}'");
        return 2;
    }

    options[args[i]] = args[++i];
}

if (!Uri.TryCreate(options["--urls"], UriKind.Absolute, out var url) || !url.IsLoopback)
{
    await Console.Error.WriteLineAsync("--urls must be an http URL on loopback (127.0.0.1 or localhost): the admin API takes no signature");
    return 2;
}

if (!double.TryParse(options["--speed"], NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) || speed < 0
    || !int.TryParse(options["--seed"], CultureInfo.InvariantCulture, out var seed)
    || !Money.TryParse(options["--balance"], out var balance))
{
    await Console.Error.WriteLineAsync("--speed, --seed and --balance must be numbers");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var server = await SimulatorServer.StartAsync(new SimulatorServerOptions
{
    Url = options["--urls"],
    Scenario = options["--scenario"],
    Seed = seed,
    Speed = speed,
    DemoFeedPath = options.GetValueOrDefault("--demo-feed"),
});
await Console.Out.WriteLineAsync($"simulator: Kalshi API at {server.ApiUrl}, admin API at {server.Address}/sim");
if (options.TryGetValue("--key-out", out var keyOut))
{
    var (key, keyId) = server.CreateKey(options["--member"], balance);
    File.WriteAllText(keyOut, key.ExportPkcs8PrivateKeyPem());
    if (!OperatingSystem.IsWindows())
        File.SetUnixFileMode(keyOut, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    await Console.Out.WriteLineAsync($"api-key-id: {keyId}");
}

try
{
    await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
}
catch (OperationCanceledException)
{
    await Console.Out.WriteLineAsync("simulator: stopping");
}

return 0;
