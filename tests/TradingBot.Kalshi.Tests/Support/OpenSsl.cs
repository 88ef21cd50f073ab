using System.Diagnostics;

namespace TradingBot.Kalshi.Tests.Support;

/// <summary>The openssl command line: an RSA implementation independent of .NET's, to check signatures against.</summary>
internal static class OpenSsl
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, (await output) + (await error));
    }

    /// <summary>A fresh 2048-bit RSA key in PKCS#8 PEM, made by openssl, in a file only the owner can read.</summary>
    public static async Task<string> GenerateKeyAsync(string directory)
    {
        var path = Path.Combine(directory, "kalshi.key");
        var (code, output) = await RunAsync(directory, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path);
        Assert.True(code == 0, output);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
