using System.Globalization;
using System.Net;

namespace TradingBot.Forecasts.Common;

/// <summary>One GET with its own timeout, as text or a failure worded for health. The URL never appears in the wording: it may carry a key.</summary>
internal static class HttpFetch
{
    /// <summary>The reply's text; or null with an error; or null and no error when the caller cancelled (shutting down is not a failure).</summary>
    public static async Task<(string? Text, string? Error)> GetTextAsync(HttpClient http, Uri url, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, Action<HttpResponseMessage>? inspect = null)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            inspect?.Invoke(response);
            if (!response.IsSuccessStatusCode)
                return (null, $"HTTP {(int)response.StatusCode} {StatusText(response.StatusCode)}");
            return (await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, null);
        }
        catch (OperationCanceledException)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException e)
        {
            return (null, $"request failed ({e.HttpRequestError}): {e.Message}");
        }
    }

    private static string StatusText(HttpStatusCode code) => Enum.IsDefined(code) ? code.ToString() : "";
}
