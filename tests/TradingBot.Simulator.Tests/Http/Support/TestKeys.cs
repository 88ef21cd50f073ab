using System.Security.Cryptography;

namespace TradingBot.Simulator.Tests.Http.Support;

/// <summary>
/// A few RSA keys made once per test run (generating 2048-bit keys for every server would dominate the suite's
/// time), handed out as fresh RSA objects so no two signers share one across threads.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<byte[][]> Pool = new(() => Enumerable.Range(0, 4).Select(_ =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }).ToArray());

    private static int _next;

    public static RSA Next()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Pool.Value[(Interlocked.Increment(ref _next) & int.MaxValue) % Pool.Value.Length], out _);
        return rsa;
    }
}
