using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TradingBot.Simulator.Http.Auth;

/// <summary>Who signed a request, or why it is refused.</summary>
internal readonly record struct AuthOutcome(SimApiKey? Key, string? Failure)
{
    public static AuthOutcome Refused(string why) => new(null, why);
}

/// <summary>
/// Kalshi's request signature (quick_start_authenticated_requests.md): KALSHI-ACCESS-SIGNATURE is base64 RSA-PSS
/// over timestamp + METHOD + path from the root without the query, and the millisecond timestamp must be near the
/// wall clock so a captured request cannot be replayed later.
/// </summary>
internal sealed class RequestAuthenticator(ApiKeyRegistry keys, TimeProvider wallClock, TimeSpan tolerance)
{
    public const string KeyHeader = "KALSHI-ACCESS-KEY";
    public const string TimestampHeader = "KALSHI-ACCESS-TIMESTAMP";
    public const string SignatureHeader = "KALSHI-ACCESS-SIGNATURE";

    public static bool HasCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(KeyHeader) || request.Headers.ContainsKey(SignatureHeader) || request.Headers.ContainsKey(TimestampHeader);

    public AuthOutcome Authenticate(HttpRequest request)
    {
        var keyId = request.Headers[KeyHeader].ToString();
        var timestamp = request.Headers[TimestampHeader].ToString();
        var signature = request.Headers[SignatureHeader].ToString();
        if (keyId.Length == 0 || timestamp.Length == 0 || signature.Length == 0)
            return AuthOutcome.Refused($"{KeyHeader}, {TimestampHeader} and {SignatureHeader} are required");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            return AuthOutcome.Refused($"{TimestampHeader} must be Unix time in milliseconds");
        var skew = wallClock.GetUtcNow().ToUnixTimeMilliseconds() - millis;
        if (Math.Abs(skew) > tolerance.TotalMilliseconds)
            return AuthOutcome.Refused($"{TimestampHeader} is more than {tolerance.TotalSeconds:0} s from the server's clock");
        if (!keys.TryGet(keyId, out var key))
            return AuthOutcome.Refused("unknown API key");

        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, signatureBytes, out var length))
            return AuthOutcome.Refused($"{SignatureHeader} is not base64");
        var message = Encoding.UTF8.GetBytes(timestamp + request.Method.ToUpperInvariant() + SignedPath(request));
        return key.Verifies(message, signatureBytes.AsSpan(0, length)) ? new AuthOutcome(key, null) : AuthOutcome.Refused("invalid signature");
    }

    /// <summary>The path exactly as the client sent it (what it signed), without the query.</summary>
    private static string SignedPath(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
            return (request.PathBase + request.Path).ToString();
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }
}
