using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;
using TradingBot.Core.Trading;
using TradingBot.Kalshi.Http;

namespace TradingBot.Worker.Metrics;

/// <summary>
/// Carries the bot's BCL instruments into one prometheus-net registry: this host's worker meter, and Core's and the
/// Kalshi client's meters. Instrument names are already Prometheus names (<c>tradingbot_…_total</c>, units in the
/// name); a counter stays a counter, a histogram keeps the buckets its instrument advises, an observable gauge is read
/// when Prometheus scrapes. A series is created on its first measurement, its label names from that measurement's tags.
/// A measurement that cannot be exported is counted (<c>tradingbot_metrics_export_errors_total</c>) and dropped:
/// recording runs on the trading threads and must never throw into them.
/// </summary>
internal sealed class PrometheusExport : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMetricFactory _factory;
    private readonly Meter _worker;
    private readonly ConcurrentDictionary<Instrument, Exported> _exported = new();
    private readonly Prometheus.Counter _errors;

    public PrometheusExport(BotMetrics metrics)
    {
        _worker = metrics.Meter;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        _factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _errors = _factory.CreateCounter("tradingbot_metrics_export_errors_total", "Measurements the metrics export could not carry (a bug: tell the developers)");
        DotNetStats.Register(Registry);

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Includes(instrument))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((instrument, value, tags, _) => Record(instrument, (double)value, tags));
        _listener.Start();
        Registry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _listener.Dispose();

    private bool Includes(Instrument instrument) =>
        instrument.Meter == _worker || instrument.Meter.Name is TradingMetrics.MeterName or KalshiMetrics.MeterName;

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        try
        {
            var exported = _exported.TryGetValue(instrument, out var known) ? known : _exported.GetOrAdd(instrument, Create(instrument, tags));
            var values = new string[exported.Labels.Length];
            for (var i = 0; i < values.Length; i++)
                values[i] = ValueOf(tags, exported.Labels[i]);
            switch (exported.Metric)
            {
                case Prometheus.Counter counter:
                    (values.Length == 0 ? (ICounter)counter : counter.WithLabels(values)).Inc(value);
                    break;
                case Prometheus.Histogram histogram:
                    (values.Length == 0 ? (IHistogram)histogram : histogram.WithLabels(values)).Observe(value);
                    break;
                case Prometheus.Gauge gauge:
                    (values.Length == 0 ? (IGauge)gauge : gauge.WithLabels(values)).Set(value);
                    break;
            }
        }
        catch (Exception)
        {
            _errors.Inc();
        }
    }

    private Exported Create(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
            labels[i] = tags[i].Key;
        var help = instrument.Description ?? instrument.Name;
        Collector metric = instrument switch
        {
            Counter<int> or Counter<long> or Counter<double> or Counter<decimal> => _factory.CreateCounter(instrument.Name, help, labels),
            Histogram<double> histogram => _factory.CreateHistogram(instrument.Name, help, labels, new HistogramConfiguration
            {
                Buckets = histogram.Advice?.HistogramBucketBoundaries?.ToArray() ?? Prometheus.Histogram.ExponentialBuckets(0.005, 2, 16),
            }),
            ObservableGauge<int> or ObservableGauge<long> or ObservableGauge<double> or ObservableGauge<decimal> => _factory.CreateGauge(instrument.Name, help, labels),
            _ => throw new NotSupportedException($"{instrument.Name}: {instrument.GetType().Name} is not exported"),
        };
        return new Exported(metric, labels);
    }

    private static string ValueOf(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
                return tag.Value?.ToString() ?? "";
        }

        return "";
    }

    private sealed record Exported(Collector Metric, string[] Labels);
}
