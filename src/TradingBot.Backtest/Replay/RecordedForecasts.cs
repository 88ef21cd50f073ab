using TradingBot.Core.Forecasting;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Replay;

/// <summary>
/// The dataset's forecasts as the bot's one forecast source. The replay hands each forecast over only when the clock
/// reaches its time, and <see cref="Get"/> checks again that what it returns is not stamped after now: a decision
/// never sees a forecast from its future.
/// </summary>
internal sealed class RecordedForecasts(TimeProvider time) : IForecastSource
{
    private readonly Dictionary<MarketTicker, (Forecast Forecast, string Source)> _latest = [];

    public string Name => "dataset";

    public ForecastSourceHealth Health => new(Name, null, _latest.Count, null);

    public void Publish(MarketTicker ticker, Forecast forecast, string source)
    {
        if (forecast.AsOf > time.GetUtcNow())
            throw new InvalidOperationException($"a forecast for {ticker} stamped {forecast.AsOf:O} was published at {time.GetUtcNow():O}, before its time");
        _latest[ticker] = (forecast, source);
    }

    public string? SourceOf(MarketTicker ticker) => _latest.TryGetValue(ticker, out var latest) ? latest.Source : null;

    public Forecast? Get(ForecastRequest market) =>
        _latest.TryGetValue(market.Ticker, out var latest) && latest.Forecast.AsOf <= time.GetUtcNow() ? latest.Forecast : null;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
