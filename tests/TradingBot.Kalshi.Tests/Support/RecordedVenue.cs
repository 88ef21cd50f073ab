using System.Net;
using System.Text;

namespace TradingBot.Kalshi.Tests.Support;

/// <summary>A request as the venue received it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);

/// <summary>
/// Stands in for Kalshi with recorded replies: each reply is matched by method and path (relative to the API root,
/// e.g. "markets/KX-A/orderbook"), used once or for every call, and every request is recorded.
/// </summary>
internal sealed class RecordedVenue : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, bool Once, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Reply)> _replies = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();

    public static readonly Uri BaseAddress = new("https://kalshi.test/trade-api/v2/");

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
                return _requests.ToList();
        }
    }

    public RecordedVenue Reply(HttpMethod method, string path, HttpStatusCode status, string body, bool once = false) =>
        Reply(method, path, _ => Response(status, body), once);

    public RecordedVenue Reply(HttpMethod method, string path, Func<HttpRequestMessage, HttpResponseMessage> reply, bool once = false) =>
        Reply(method, path, (request, _) => Task.FromResult(reply(request)), once);

    public RecordedVenue Reply(HttpMethod method, string path, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> reply, bool once = false)
    {
        lock (_lock)
            _replies.Add((method, path, once, reply));
        return this;
    }

    /// <summary>Holds the request until the client gives up on it; <paramref name="reached"/> says when it arrived.</summary>
    public RecordedVenue Hang(HttpMethod method, string path, TaskCompletionSource reached) =>
        Reply(method, path, async (_, cancellationToken) =>
        {
            reached.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

    /// <summary>Makes the transport fail as a dropped connection does.</summary>
    public RecordedVenue Drop(HttpMethod method, string path, bool once = false) =>
        Reply(method, path, _ => throw new HttpRequestException("connection reset by peer"), once);

    public static HttpResponseMessage Response(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath[BaseAddress.AbsolutePath.Length..];
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> reply;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(request.Method, request.RequestUri, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)), body));
            var index = _replies.FindIndex(r => r.Method == request.Method && r.Path == path);
            if (index < 0)
                return Response(HttpStatusCode.NotFound, $$"""{"code":"not_found","message":"no recorded reply for {{request.Method}} {{path}}"}""");
            reply = _replies[index].Reply;
            if (_replies[index].Once)
                _replies.RemoveAt(index);
        }

        return await reply(request, cancellationToken);
    }
}
