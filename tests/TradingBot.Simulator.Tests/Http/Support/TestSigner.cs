using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Simulator.Tests.Http.Support;

/// <summary>
/// Signs requests the way quick_start_authenticated_requests.md shows: base64 RSA-PSS (SHA-256, salt the digest's
/// length) over timestamp + METHOD + path without the query. Written here from the docs, not taken from the client.
/// </summary>
internal sealed class TestSigner(RSA privateKey, string keyId, TimeProvider clock)
{
    public string KeyId { get; } = keyId;

    public string PublicKeyPem => privateKey.ExportSubjectPublicKeyInfoPem();

    public void Sign(HttpRequestMessage request, DateTimeOffset? at = null, string? keyId = null, string? signedPath = null, string? signedMethod = null)
    {
        var timestamp = (at ?? clock.GetUtcNow()).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var path = signedPath ?? request.RequestUri!.AbsolutePath;
        var signature = privateKey.SignData(Encoding.UTF8.GetBytes(timestamp + (signedMethod ?? request.Method.Method) + path), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        request.Headers.Add("KALSHI-ACCESS-KEY", keyId ?? KeyId);
        request.Headers.Add("KALSHI-ACCESS-TIMESTAMP", timestamp);
        request.Headers.Add("KALSHI-ACCESS-SIGNATURE", Convert.ToBase64String(signature));
    }
}
