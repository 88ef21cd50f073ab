using Dapper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;

namespace TradingBot.Storage;

public sealed partial class SqlBotStore
{
    private sealed class SqlOutbox(SqlBotStore store) : IOrderOutbox
    {
        private const string Columns = """
            client_order_id AS ClientOrderId, ticker AS Ticker, event_ticker AS EventTicker, kind AS Kind, reason AS Reason,
            book_side AS BookSide, yes_price_units AS YesPriceUnits, count_hundredths AS CountHundredths, time_in_force AS TimeInForce,
            post_only AS PostOnly, reduce_only AS ReduceOnly, status AS Status, order_id AS OrderId, filled_hundredths AS FilledHundredths,
            remaining_hundredths AS RemainingHundredths, last_error AS LastError, created_ms AS CreatedMs, updated_ms AS UpdatedMs
            """;

        public Task RecordIntentAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO outbox (client_order_id, ticker, event_ticker, kind, reason, book_side, yes_price_units, count_hundredths,
                    time_in_force, post_only, reduce_only, status, order_id, filled_hundredths, remaining_hundredths, last_error, created_ms, updated_ms)
                VALUES (@ClientOrderId, @Ticker, @EventTicker, @Kind, @Reason, @BookSide, @YesPriceUnits, @CountHundredths,
                    @TimeInForce, @PostOnly, @ReduceOnly, @Status, @OrderId, @FilledHundredths, @RemainingHundredths, @LastError, @CreatedMs, @UpdatedMs)
                """, Row.From(entry), cancellationToken);

        public Task UpdateAsync(ClientOrderId clientOrderId, OutboxUpdate update, CancellationToken cancellationToken) =>
            store.WithConnectionAsync(async connection =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition("""
                    UPDATE outbox SET status = @Status, order_id = COALESCE(@OrderId, order_id), filled_hundredths = @Filled,
                        remaining_hundredths = @Remaining, last_error = @Error, updated_ms = @At,
                        yes_price_units = COALESCE(@YesPrice, yes_price_units), count_hundredths = COALESCE(@Count, count_hundredths)
                    WHERE client_order_id = @Id
                    """, new
                {
                    Id = clientOrderId.Value,
                    Status = update.Status.ToString(),
                    update.OrderId,
                    Filled = update.Filled.Hundredths,
                    Remaining = update.Remaining.Hundredths,
                    update.Error,
                    At = update.At.ToUnixTimeMilliseconds(),
                    YesPrice = (long?)update.YesPrice?.Units,
                    Count = update.Count?.Hundredths,
                }, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return changed == 1 ? 0 : throw new StorageException($"outbox has no entry {clientOrderId}");
            }, cancellationToken);

        public async Task<OutboxEntry?> FindAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
            (await store.QueryAsync<Row>($"SELECT {Columns} FROM outbox WHERE client_order_id = @Id", new { Id = clientOrderId.Value }, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToEntry()).SingleOrDefault();

        public async Task<IReadOnlyList<OutboxEntry>> OpenAsync(CancellationToken cancellationToken) =>
            (await store.QueryAsync<Row>($"SELECT {Columns} FROM outbox WHERE status IN ({OpenStatuses}) ORDER BY created_ms, client_order_id",
                null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();

        public async Task<IReadOnlyList<OutboxEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
            (await store.QueryAsync<Row>($"SELECT {Columns} FROM outbox WHERE created_ms >= @Since ORDER BY created_ms, client_order_id",
                new { Since = since.ToUnixTimeMilliseconds() }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToEntry()).ToList();

        /// <summary>Constants, written into the SQL: list parameters expand differently on the two providers.</summary>
        private static readonly string OpenStatuses = string.Join(", ",
            new[] { OutboxStatus.Pending, OutboxStatus.Unknown, OutboxStatus.Accepted, OutboxStatus.Resting, OutboxStatus.PartiallyFilled, OutboxStatus.CancelPending, OutboxStatus.AmendPending }.Select(s => $"'{s}'"));

        private sealed record Row
        {
            public required string ClientOrderId { get; init; }

            public required string Ticker { get; init; }

            public required string EventTicker { get; init; }

            public required string Kind { get; init; }

            public required string Reason { get; init; }

            public required string BookSide { get; init; }

            public long YesPriceUnits { get; init; }

            public long CountHundredths { get; init; }

            public required string TimeInForce { get; init; }

            public long PostOnly { get; init; }

            public long ReduceOnly { get; init; }

            public required string Status { get; init; }

            public string? OrderId { get; init; }

            public long FilledHundredths { get; init; }

            public long RemainingHundredths { get; init; }

            public string? LastError { get; init; }

            public long CreatedMs { get; init; }

            public long UpdatedMs { get; init; }

            public static Row From(OutboxEntry e) => new()
            {
                ClientOrderId = e.ClientOrderId.Value,
                Ticker = e.Order.Ticker.Value,
                EventTicker = e.Event.Value,
                Kind = e.Kind.ToString(),
                Reason = e.Reason.ToString(),
                BookSide = e.Order.Side.ToString(),
                YesPriceUnits = e.Order.YesPrice.Units,
                CountHundredths = e.Order.Count.Hundredths,
                TimeInForce = e.Order.TimeInForce.ToString(),
                PostOnly = e.Order.PostOnly ? 1 : 0,
                ReduceOnly = e.Order.ReduceOnly ? 1 : 0,
                Status = e.Status.ToString(),
                OrderId = e.OrderId,
                FilledHundredths = e.Filled.Hundredths,
                RemainingHundredths = e.Remaining.Hundredths,
                LastError = e.LastError,
                CreatedMs = e.CreatedAt.ToUnixTimeMilliseconds(),
                UpdatedMs = e.UpdatedAt.ToUnixTimeMilliseconds(),
            };

            public OutboxEntry ToEntry()
            {
                var id = Core.Values.ClientOrderId.Parse(ClientOrderId);
                var order = new OrderRequest(id, MarketTicker.Parse(Ticker), Enum.Parse<BookSide>(BookSide), Price.FromUnits((int)YesPriceUnits),
                    Contracts.FromHundredths(CountHundredths), Enum.Parse<Core.Exchange.TimeInForce>(TimeInForce), PostOnly != 0, ReduceOnly != 0);
                return new OutboxEntry(id, order, Core.Values.EventTicker.Parse(EventTicker), Enum.Parse<IntentKind>(Kind), Enum.Parse<IntentReason>(Reason),
                    Enum.Parse<OutboxStatus>(Status), OrderId, Contracts.FromHundredths(FilledHundredths), Contracts.FromHundredths(RemainingHundredths),
                    LastError, FromMs(CreatedMs), FromMs(UpdatedMs));
            }
        }
    }
}
