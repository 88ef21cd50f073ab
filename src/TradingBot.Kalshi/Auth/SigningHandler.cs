using System.Globalization;

namespace TradingBot.Kalshi.Auth;

/// <summary>
/// Adds Kalshi's three authentication headers to every request, with the time from the injected
/// <see cref="TimeProvider"/>. A retry is a new request and gets a fresh timestamp and signature.
/// </summary>
public sealed class SigningHandler(string apiKeyId, RequestSigner signer, TimeProvider time) : DelegatingHandler
{
    public const string KeyHeader = "KALSHI-ACCESS-KEY";
    public const string TimestampHeader = "KALSHI-ACCESS-TIMESTAMP";
    public const string SignatureHeader = "KALSHI-ACCESS-SIGNATURE";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("a Kalshi request needs an absolute URI");
        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        request.Headers.Remove(KeyHeader);
        request.Headers.Remove(TimestampHeader);
        request.Headers.Remove(SignatureHeader);
        request.Headers.Add(KeyHeader, apiKeyId);
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, signer.Sign(timestamp, request.Method.Method, uri.AbsolutePath));
        return base.SendAsync(request, cancellationToken);
    }
}
