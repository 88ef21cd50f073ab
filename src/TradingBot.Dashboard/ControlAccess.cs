using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TradingBot.Dashboard;

internal enum Access
{
    Granted,

    /// <summary>No token is configured: nothing that needs one is allowed (403).</summary>
    NoTokenConfigured,

    /// <summary>The request carries no token or the wrong one (401).</summary>
    Unauthorized,
}

/// <summary>The bearer token check, in constant time.</summary>
internal static class ControlAccess
{
    /// <param name="allowBasic">
    /// Also take the token as the password of HTTP Basic credentials (any user name), so a browser can open the page
    /// when every route needs the token. Never for control: a browser resends Basic credentials by itself, so a
    /// cross-site form could use them; a bearer header is only ever sent by a script of the page's own.
    /// </param>
    public static Access Check(HttpRequest request, string? token, bool allowBasic)
    {
        if (string.IsNullOrEmpty(token))
            return Access.NoTokenConfigured;
        var presented = Presented(request.Headers.Authorization.ToString(), allowBasic);
        return presented is not null && SameToken(presented, token) ? Access.Granted : Access.Unauthorized;
    }

    /// <summary>
    /// Compares the UTF-8 bytes in constant time. Both are hashed first so that not even the token's length leaks
    /// (FixedTimeEquals returns at once on a length mismatch).
    /// </summary>
    public static bool SameToken(string presented, string token) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string? Presented(string header, bool allowBasic)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        if (!allowBasic || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
