using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Kalshi.Auth;

/// <summary>
/// Kalshi's request signature: base64 of RSA-PSS (SHA-256, MGF1 SHA-256, salt = digest length) over
/// <c>timestamp_ms + METHOD + path</c>, where the path runs from the host's root and never includes the query.
/// .NET's <see cref="RSASignaturePadding.Pss"/> is exactly that salt length.
/// </summary>
public sealed class RequestSigner(RSA privateKey) : IDisposable
{
    public string Sign(long timestampMs, string method, string pathAndQuery)
    {
        var message = Message(timestampMs, method, pathAndQuery);
        return Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
    }

    /// <summary>The exact string signed: the query string is cut off, whatever the caller passed.</summary>
    public static string Message(long timestampMs, string method, string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        return timestampMs.ToString(CultureInfo.InvariantCulture) + method.ToUpperInvariant() + path;
    }

    public void Dispose() => privateKey.Dispose();
}
