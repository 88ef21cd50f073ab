using System.Globalization;
using System.Text.Json;
using Dapper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Persistence;
using TradingBot.Core.Risk;
using TradingBot.Core.Values;

namespace TradingBot.Storage;

public sealed partial class SqlBotStore
{
    /// <summary>Risk state as small named rows of JSON: the day's circuit breaker, safe mode, and the operator's control.</summary>
    private sealed class SqlRiskState(SqlBotStore store) : IRiskStateStore
    {
        private const string Breaker = "circuit_breaker";
        private const string SafeMode = "safe_mode";
        private const string Operator = "operator";

        public async Task<StoredRiskState> LoadAsync(CancellationToken cancellationToken)
        {
            var rows = (await store.QueryAsync<(string Name, string Value)>("SELECT name, value FROM risk_state", null, cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => r.Name, r => r.Value);
            var breaker = rows.TryGetValue(Breaker, out var b) && b != "null" ? JsonSerializer.Deserialize<BreakerJson>(b) : null;
            var safe = rows.TryGetValue(SafeMode, out var s) && s != "null" ? JsonSerializer.Deserialize<SafeModeJson>(s) : null;
            var op = rows.TryGetValue(Operator, out var o) ? JsonSerializer.Deserialize<OperatorJson>(o) : null;
            return new StoredRiskState(
                breaker is null ? null : new CircuitBreakerState(DateOnly.ParseExact(breaker.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), FromMs(breaker.AtMs), Money.FromMicros(breaker.RealisedMicros)),
                safe is null ? null : new SafeModeState(safe.Reason, FromMs(safe.SinceMs)),
                op is null ? TradingState.Active : Enum.Parse<TradingState>(op.State),
                op?.Reason ?? "");
        }

        public Task SaveCircuitBreakerAsync(CircuitBreakerState? state, CancellationToken cancellationToken) =>
            SaveAsync(Breaker, state is { } b ? JsonSerializer.Serialize(new BreakerJson(b.TradingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.TrippedAt.ToUnixTimeMilliseconds(), b.RealisedAtTrip.Micros)) : "null", cancellationToken);

        public Task SaveSafeModeAsync(SafeModeState? state, CancellationToken cancellationToken) =>
            SaveAsync(SafeMode, state is { } s ? JsonSerializer.Serialize(new SafeModeJson(s.Reason, s.Since.ToUnixTimeMilliseconds())) : "null", cancellationToken);

        public Task SaveOperatorStateAsync(TradingState state, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
            SaveAsync(Operator, JsonSerializer.Serialize(new OperatorJson(state.ToString(), reason, at.ToUnixTimeMilliseconds())), cancellationToken);

        private Task SaveAsync(string name, string value, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO risk_state (name, value, updated_ms) VALUES (@Name, @Value, @At)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_ms = excluded.updated_ms
                """, new { Name = name, Value = value, At = store.NowMs }, cancellationToken);

        private sealed record BreakerJson(string Day, long AtMs, long RealisedMicros);

        private sealed record SafeModeJson(string Reason, long SinceMs);

        private sealed record OperatorJson(string State, string Reason, long AtMs);
    }

    private sealed class SqlDecisionLog(SqlBotStore store) : IDecisionLog
    {
        public Task RecordAsync(DecisionRecord d, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO decisions (id, at_ms, ticker, outcome, code, detail, side, price_units, count_hundredths, probability_micros, edge_micros, expected_value_micros)
                VALUES (@Id, @At, @Ticker, @Outcome, @Code, @Detail, @Side, @Price, @Count, @Probability, @Edge, @Ev)
                """, new
            {
                Id = Guid.NewGuid().ToString("N"),
                At = d.At.ToUnixTimeMilliseconds(),
                Ticker = d.Ticker.Value,
                d.Outcome,
                d.Code,
                d.Detail,
                Side = d.Side?.ToString(),
                Price = (long?)d.Price?.Units,
                Count = d.Count.Hundredths,
                Probability = (long?)d.ModelProbability?.Micros,
                Edge = d.Edge.Micros,
                Ev = d.ExpectedValue.Micros,
            }, cancellationToken);

        public async Task<IReadOnlyList<DecisionRecord>> RecentAsync(int count, CancellationToken cancellationToken) =>
            (await store.QueryAsync<DecisionRow>("""
                SELECT at_ms AS AtMs, ticker AS Ticker, outcome AS Outcome, code AS Code, detail AS Detail, side AS Side, price_units AS PriceUnits,
                    count_hundredths AS CountHundredths, probability_micros AS ProbabilityMicros, edge_micros AS EdgeMicros, expected_value_micros AS EvMicros
                FROM decisions ORDER BY at_ms DESC, id LIMIT @Count
                """, new { Count = count }, cancellationToken).ConfigureAwait(false))
            .Select(r => new DecisionRecord(FromMs(r.AtMs), MarketTicker.Parse(r.Ticker), r.Outcome, r.Code, r.Detail,
                r.Side is null ? null : Enum.Parse<OutcomeSide>(r.Side), r.PriceUnits is null ? null : Price.FromUnits((int)r.PriceUnits),
                Contracts.FromHundredths(r.CountHundredths), r.ProbabilityMicros is null ? null : Probability.FromValue(r.ProbabilityMicros.Value / 1_000_000m),
                Money.FromMicros(r.EdgeMicros), Money.FromMicros(r.EvMicros)))
            .ToList();

        private sealed record DecisionRow(long AtMs, string Ticker, string Outcome, string Code, string Detail, string? Side, long? PriceUnits,
            long CountHundredths, long? ProbabilityMicros, long EdgeMicros, long EvMicros);
    }

    private sealed class SqlMarketHistory(SqlBotStore store) : IMarketHistory
    {
        public Task UpsertEventsAsync(IReadOnlyList<EventInfo> events, CancellationToken cancellationToken) =>
            store.InTransactionAsync(async (connection, transaction) =>
            {
                var now = store.NowMs;
                foreach (var e in events)
                {
                    await connection.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO events (ticker, series_ticker, title, game_start_ms, updated_ms) VALUES (@Ticker, @Series, @Title, @Start, @Now)
                        ON CONFLICT (ticker) DO UPDATE SET series_ticker = excluded.series_ticker, title = excluded.title, game_start_ms = excluded.game_start_ms, updated_ms = excluded.updated_ms
                        """, new { Ticker = e.Ticker.Value, Series = e.SeriesTicker, e.Title, Start = e.GameStart?.ToUnixTimeMilliseconds(), Now = now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    foreach (var m in e.Markets)
                    {
                        await connection.ExecuteAsync(new CommandDefinition("""
                            INSERT INTO markets (ticker, event_ticker, status, open_ms, close_ms, yes_sub_title, result, updated_ms)
                            VALUES (@Ticker, @Event, @Status, @Open, @Close, @Sub, @Result, @Now)
                            ON CONFLICT (ticker) DO UPDATE SET status = excluded.status, close_ms = excluded.close_ms, result = excluded.result, updated_ms = excluded.updated_ms
                            """, new
                        {
                            Ticker = m.Ticker.Value,
                            Event = m.Event.Value,
                            Status = m.Status.ToString(),
                            Open = m.OpenTime.ToUnixTimeMilliseconds(),
                            Close = m.CloseTime.ToUnixTimeMilliseconds(),
                            Sub = m.YesSubTitle,
                            Result = m.Result.ToString(),
                            Now = now,
                        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    }
                }

                return 0;
            }, cancellationToken);

        public Task RecordQuoteAsync(MarketTicker ticker, Quote quote, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO quotes (ticker, observed_ms, yes_bid_units, yes_bid_size, no_bid_units, no_bid_size) VALUES (@Ticker, @At, @YesBid, @YesSize, @NoBid, @NoSize)
                ON CONFLICT (ticker, observed_ms) DO NOTHING
                """, new
            {
                Ticker = ticker.Value,
                At = quote.ObservedAt.ToUnixTimeMilliseconds(),
                YesBid = (long)quote.YesBid.Price.Units,
                YesSize = quote.YesBid.Size.Hundredths,
                NoBid = (long)quote.NoBid.Price.Units,
                NoSize = quote.NoBid.Size.Hundredths,
            }, cancellationToken);

        public Task RecordForecastAsync(MarketTicker ticker, string source, Forecast forecast, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO forecasts (ticker, source, as_of_ms, yes_probability_micros) VALUES (@Ticker, @Source, @At, @P)
                ON CONFLICT (ticker, source, as_of_ms) DO NOTHING
                """, new { Ticker = ticker.Value, Source = source, At = forecast.AsOf.ToUnixTimeMilliseconds(), P = (long)forecast.Yes.Micros }, cancellationToken);

        public async Task<IReadOnlyList<(MarketTicker Ticker, Quote Quote)>> QuotesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            (await store.QueryAsync<QuoteRow>("""
                SELECT ticker AS Ticker, observed_ms AS ObservedMs, yes_bid_units AS YesBid, yes_bid_size AS YesSize, no_bid_units AS NoBid, no_bid_size AS NoSize
                FROM quotes WHERE observed_ms >= @From AND observed_ms < @To ORDER BY observed_ms, ticker
                """, new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() }, cancellationToken).ConfigureAwait(false))
            .Select(r => (MarketTicker.Parse(r.Ticker), new Quote(Level(r.YesBid, r.YesSize), Level(r.NoBid, r.NoSize), FromMs(r.ObservedMs))))
            .ToList();

        private static BookLevel Level(long units, long size) => size == 0 ? BookLevel.None : new BookLevel(Price.FromUnits((int)units), Contracts.FromHundredths(size));

        private sealed record QuoteRow(string Ticker, long ObservedMs, long YesBid, long YesSize, long NoBid, long NoSize);
    }

    private sealed class SqlNotificationLog(SqlBotStore store) : INotificationLog
    {
        public Task RecordAsync(NotificationRecord n, CancellationToken cancellationToken) =>
            store.ExecuteAsync("INSERT INTO notifications (id, at_ms, kind, message, delivered) VALUES (@Id, @At, @Kind, @Message, @Delivered)",
                new { Id = Guid.NewGuid().ToString("N"), At = n.At.ToUnixTimeMilliseconds(), n.Kind, n.Message, Delivered = n.Delivered ? 1 : 0 }, cancellationToken);

        public async Task<IReadOnlyList<NotificationRecord>> RecentAsync(int count, CancellationToken cancellationToken) =>
            (await store.QueryAsync<(long AtMs, string Kind, string Message, long Delivered)>(
                "SELECT at_ms, kind, message, delivered FROM notifications ORDER BY at_ms DESC, id LIMIT @Count", new { Count = count }, cancellationToken).ConfigureAwait(false))
            .Select(r => new NotificationRecord(FromMs(r.AtMs), r.Kind, r.Message, r.Delivered != 0)).ToList();
    }

    private sealed class SqlReconciliationLog(SqlBotStore store) : IReconciliationLog
    {
        public async Task<DateTimeOffset?> WatermarkAsync(string name, CancellationToken cancellationToken) =>
            (await store.QueryAsync<long>("SELECT value_ms FROM watermarks WHERE name = @Name", new { Name = name }, cancellationToken).ConfigureAwait(false))
            .Select(FromMs).Cast<DateTimeOffset?>().SingleOrDefault();

        /// <summary>Only forward: a late, older record must not move the bookmark back.</summary>
        public Task SetWatermarkAsync(string name, DateTimeOffset value, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO watermarks (name, value_ms) VALUES (@Name, @Value)
                ON CONFLICT (name) DO UPDATE SET value_ms = CASE WHEN excluded.value_ms > watermarks.value_ms THEN excluded.value_ms ELSE watermarks.value_ms END
                """, new { Name = name, Value = value.ToUnixTimeMilliseconds() }, cancellationToken);

        public Task RecordAsync(ReconciliationRecord record, CancellationToken cancellationToken) =>
            store.ExecuteAsync("INSERT INTO reconciliations (id, at_ms, summary, changes, mismatches) VALUES (@Id, @At, @Summary, @Changes, @Mismatches)",
                new { Id = Guid.NewGuid().ToString("N"), At = record.At.ToUnixTimeMilliseconds(), record.Summary, record.Changes, record.Mismatches }, cancellationToken);

        public async Task<IReadOnlyList<ReconciliationRecord>> RecentAsync(int count, CancellationToken cancellationToken) =>
            (await store.QueryAsync<(long AtMs, string Summary, long Changes, long Mismatches)>(
                "SELECT at_ms, summary, changes, mismatches FROM reconciliations ORDER BY at_ms DESC, id LIMIT @Count", new { Count = count }, cancellationToken).ConfigureAwait(false))
            .Select(r => new ReconciliationRecord(FromMs(r.AtMs), r.Summary, (int)r.Changes, (int)r.Mismatches)).ToList();
    }
}
