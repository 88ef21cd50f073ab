using System.Globalization;
using System.IO.Compression;
using TradingBot.Backtest.Data;
using TradingBot.Core.Engine;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Backtest.Recording;

/// <summary>
/// Writes what a running bot saw as a dataset <c>tradingbot backtest</c> replays: each market once per file, the
/// quote each decision used (without the bot's own orders) whenever it changes, and at every pass where the bot held
/// or worked an order there (its own trades use up quotes in the replay too, so the replay must be told what the
/// market showed next); the source's forecast whenever it changes, stamped when the bot first used it (with the
/// source's own stamp as <c>as_of</c>); a <c>pass</c> record at the end of each decision pass, so the replay decides
/// when the bot did; and the settlements. One gzip file per UTC day (<c>2026-12-07.jsonl.gz</c>; a restart the same
/// day appends a gzip member, which readers take as one stream), flushed after every pass so a crash loses at most the
/// pass it was writing;
/// the oldest days are deleted when the folder grows past its bound, and a day that alone outgrows it stops
/// recording until the next. Thread-safe: the evaluator's pass and the settlement check both write to it.
/// </summary>
public sealed class DatasetRecorder : IDisposable
{
    private readonly string _directory;
    private readonly long _maxTotalBytes;
    private readonly Dictionary<string, (Price Bid, Contracts BidSize, Price Ask, Contracts AskSize)> _lastQuote = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Probability Yes, DateTimeOffset AsOf)> _lastForecast = new(StringComparer.Ordinal);
    private readonly HashSet<string> _marketsInFile = new(StringComparer.Ordinal);
    private readonly HashSet<string> _involved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordedMarket> _awaiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);
    private DateOnly? _day;
    private Stream? _file;
    private bool _full;
    private bool _fullReported;
    private readonly Lock _lock = new();

    public DatasetRecorder(string directory, long maxTotalBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTotalBytes, 1);
        _directory = directory;
        _maxTotalBytes = maxTotalBytes;
        Directory.CreateDirectory(directory);
    }

    /// <summary>Markets recorded, not yet settled, whose trading has closed: the ones to read results for.</summary>
    public IReadOnlyList<RecordedMarket> ClosedUnsettled(DateTimeOffset now)
    {
        lock (_lock)
            return _awaiting.Values.Where(m => m.CloseTime <= now).ToList();
    }

    /// <summary>
    /// Markets left out: the dataset cannot say what they are (no game start, fees it cannot name), or a replay could
    /// not trade them (seen after their close).
    /// </summary>
    public int Skipped { get; private set; }

    /// <summary>Records one evaluation pass; returns a problem to report (once a day) when the recordings are full, else null.</summary>
    public string? Observe(IReadOnlyList<Observation> seen)
    {
        lock (_lock)
            return ObserveLocked(seen);
    }

    private string? ObserveLocked(IReadOnlyList<Observation> seen)
    {
        // The folder's size is looked at once a pass (and at each rotation), not once per market.
        if (seen.Count > 0)
            Rotate(seen[0].At);
        CheckBound();
        if (seen.Count == 0)
            return null;
        // One pass, one time: its latest observation's. Everything it saw is stamped then (never earlier than the bot
        // saw it), so a replay that decides at the pass has seen all of it and nothing after.
        var passAt = seen.Max(o => o.At);
        foreach (var observation in seen)
        {
            if (Writer(passAt) is not { } output)
                continue;

            var view = observation.View;
            var ticker = view.Ticker.Value;
            if (!_marketsInFile.Contains(ticker))
            {
                if (MarketOf(view, passAt) is not { } market)
                {
                    Skipped++;
                    continue;
                }

                DatasetWriter.WriteMarket(output, market);
                _marketsInFile.Add(ticker);
                if (!_settled.Contains(ticker))
                    _awaiting[ticker] = new RecordedMarket(ticker, view.Market.Event.Value, view.Market.CloseTime, market);
            }

            var quote = observation.Quote;
            var ask = quote.YesAsk;
            var level = (quote.YesBid.Price, quote.YesBid.Size, ask.Price, ask.Size);
            // Where the bot held or worked an order (now or at the last pass), its trades may have used up the quote
            // in the replay: the quote is written even when unchanged, so the replay's book is the one the bot saw.
            var involvedBefore = observation.Involved ? !_involved.Add(ticker) : _involved.Remove(ticker);
            if (observation.Involved || involvedBefore || !_lastQuote.TryGetValue(ticker, out var last) || last != level)
            {
                DatasetWriter.WriteQuote(output, passAt, ticker, quote.YesBid.Price, quote.YesBid.Size, ask.Price, ask.Size);
                _lastQuote[ticker] = level;
            }

            if (observation.Pick.Forecast is { } forecast
                && (!_lastForecast.TryGetValue(ticker, out var before) || before != (forecast.Yes, forecast.AsOf)))
            {
                // Known from when the bot first used it, not from the source's own stamp (a source may stamp late or
                // backdate): a replay never sees it before the bot did. The stamp goes along for the age gate, capped at
                // the pass (a source's clock may run ahead of the bot's; the age the gate saw was never negative).
                var asOf = forecast.AsOf < passAt ? forecast.AsOf : passAt;
                DatasetWriter.WriteForecast(output, passAt, ticker, forecast.Yes, observation.Pick.Source ?? "unknown", asOf);
                _lastForecast[ticker] = (forecast.Yes, forecast.AsOf);
            }
        }

        if (Writer(passAt) is { } passOutput)
            DatasetWriter.WritePass(passOutput, passAt);
        _file?.Flush();
        if (!_full || _fullReported)
            return null;
        _fullReported = true;
        return string.Create(CultureInfo.InvariantCulture, $"the recordings reached Recorder:MaxTotalMegabytes on {_day:yyyy-MM-dd}; nothing more is recorded until the next day");
    }

    /// <summary>Records a market's result (once).</summary>
    public void Settled(string ticker, SettlementResult result, DateTimeOffset at)
    {
        lock (_lock)
            SettledLocked(ticker, result, at);
    }

    private void SettledLocked(string ticker, SettlementResult result, DateTimeOffset at)
    {
        if (!_settled.Add(ticker))
            return;
        _awaiting.Remove(ticker, out var recorded);
        Rotate(at);
        CheckBound();
        if (Writer(at) is not { } output)
            return;
        // Each day's file stands alone: a market settling on a later day is listed there again first.
        if (recorded is not null && _marketsInFile.Add(ticker))
            DatasetWriter.WriteMarket(output, recorded.Market);
        DatasetWriter.WriteSettlement(output, at, ticker, result);
        output.Flush();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    /// <summary>The file for the record's UTC day (rotating when the day changes); null while the recordings are full.</summary>
    private Stream? Writer(DateTimeOffset at)
    {
        if (Rotate(at))
            CheckBound();
        return _full ? null : _file;
    }

    /// <summary>Opens the day's file when the day changes, trimming old days first; true when it rotated.</summary>
    private bool Rotate(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (_day == day)
            return false;
        _file?.Dispose();
        _day = day;
        _full = false;
        _fullReported = false;
        _marketsInFile.Clear();
        _involved.Clear();
        _lastQuote.Clear();
        _lastForecast.Clear();
        var path = Path.Combine(_directory, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl.gz");
        Trim(except: path);
        _file = new GZipStream(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), CompressionLevel.Fastest);
        return true;
    }

    /// <summary>Past its bound the day's file is closed and nothing more is written until the next day.</summary>
    private void CheckBound()
    {
        if (_full || TotalBytes() <= _maxTotalBytes)
            return;
        _full = true;
        _file?.Dispose();
        _file = null;
    }

    /// <summary>Deletes the oldest days while the folder is over its bound (today's file is kept).</summary>
    private void Trim(string except)
    {
        var files = Directory.GetFiles(_directory, "*.jsonl.gz").Order(StringComparer.Ordinal).ToList();
        var total = files.Sum(f => new FileInfo(f).Length);
        foreach (var file in files.Where(f => f != except))
        {
            if (total <= _maxTotalBytes)
                break;
            total -= new FileInfo(file).Length;
            File.Delete(file);
        }
    }

    private long TotalBytes() => Directory.GetFiles(_directory, "*.jsonl.gz").Sum(f => new FileInfo(f).Length);

    /// <summary>The market as first seen at <paramref name="seenAt"/>: listed from then in a replay, which keeps the file in time order.</summary>
    private static MarketRecord? MarketOf(MarketView view, DateTimeOffset seenAt)
    {
        if (view.GameStart is not { } start || seenAt >= view.Market.CloseTime
            || view.Fees.Type is not (FeeType.Quadratic or FeeType.QuadraticWithMakerFees or FeeType.QuadraticWithComboMakerFees))
            return null;
        return new MarketRecord(view.Ticker.Value, view.Market.Event.Value, view.SeriesTicker, view.EventTitle, start, view.Market.CloseTime,
            view.Fees.Type, view.Fees.Multiplier, view.Market.YesSubTitle, seenAt, view.Market.Strike, view.Competition, view.Market.Ticks, view.Market.ExchangeIndex);
    }
}

/// <summary>A market in the recording, with what is needed to look up its result.</summary>
public sealed record RecordedMarket(string Ticker, string EventTicker, DateTimeOffset CloseTime, MarketRecord Market);
