using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Forecasts.Common;
using TradingBot.Forecasts.Options;

namespace TradingBot.Forecasts.Feeds;

/// <summary>
/// The operator's model output polled from a URL returning the feed's JSON. Each poll has a timeout; failures
/// back off exponentially; a failed or unparseable poll keeps the last good data, and health says how old it is.
/// </summary>
public sealed class HttpForecastSource : IForecastSource
{
    private readonly HttpClient _http;
    private readonly HttpFeedOptions _options;
    private readonly TimeProvider _time;
    private readonly FeedState _state = new();
    private readonly PollSchedule _schedule;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public HttpForecastSource(HttpClient http, HttpFeedOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        _schedule = new PollSchedule(options.PollInterval, options.FirstRetry, options.MaxBackoff);
    }

    public string Name => "http";

    public ForecastSourceHealth Health =>
        new(Name, _schedule.LastSuccess, _state.Markets, ProblemText.Join(_schedule.Describe(_time.GetUtcNow(), _options.StaleAfter), _state.Describe()));

    public IReadOnlyList<InputProblem> BadRows => _state.BadRows;

    public Forecast? Get(ForecastRequest market) => _state.Find(market);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_schedule.IsDue(_time.GetUtcNow()) || !await _gate.WaitAsync(0, CancellationToken.None).ConfigureAwait(false))
            return;
        try
        {
            var (text, error) = await HttpFetch.GetTextAsync(_http, new Uri(_options.Url ?? ""), _options.Timeout, _time, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (text is null)
            {
                if (error is not null)
                    _schedule.Failed(now, error);
                return;
            }

            var load = FeedParser.Parse(text, FeedFormat.Json, now);
            if (!load.Usable)
            {
                _schedule.Failed(now, $"reply not applied: {load.Fatal}");
                return;
            }

            _state.Apply(load, now);
            _schedule.Succeeded(now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _schedule.Failed(_time.GetUtcNow(), $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }
}
