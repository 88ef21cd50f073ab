using System.Data.Common;
using Dapper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Storage;

public sealed partial class SqlBotStore
{
    /// <summary>
    /// Fills and settlements with the positions and ledger entries they produce, written in one transaction so a
    /// crash never leaves a fill without its P&amp;L or the other way round. The accounting itself is Core's
    /// <see cref="PositionLedger"/>.
    /// </summary>
    private sealed class SqlTradeLedger(SqlBotStore store) : ITradeLedger
    {
        private const string FillColumns = """
            fill_id AS FillId, order_id AS OrderId, ticker AS Ticker, exposure_side AS ExposureSide, yes_price_units AS YesPriceUnits,
            count_hundredths AS CountHundredths, fee_micros AS FeeMicros, is_taker AS IsTaker, at_ms AS AtMs
            """;

        private const string SettlementColumns = """
            ticker AS Ticker, event_ticker AS EventTicker, result AS Result, yes_hundredths AS YesHundredths, no_hundredths AS NoHundredths,
            yes_cost_micros AS YesCostMicros, no_cost_micros AS NoCostMicros, revenue_micros AS RevenueMicros, fee_micros AS FeeMicros, settled_ms AS SettledMs
            """;

        public Task<bool> RecordFillAsync(FillInfo fill, CancellationToken cancellationToken) =>
            WriteAsync(async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO fills (fill_id, order_id, ticker, exposure_side, yes_price_units, count_hundredths, fee_micros, is_taker, at_ms)
                    VALUES (@FillId, @OrderId, @Ticker, @ExposureSide, @YesPriceUnits, @CountHundredths, @FeeMicros, @IsTaker, @AtMs)
                    ON CONFLICT (fill_id) DO NOTHING
                    """, FillRow.From(fill), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (inserted == 0)
                    return false;
                var ledger = await LoadPositionAsync(connection, transaction, fill.Ticker, cancellationToken).ConfigureAwait(false);
                var entries = ledger.Apply(fill);
                await SavePositionAsync(connection, transaction, fill.Ticker, ledger.PositionIn(fill.Ticker), cancellationToken).ConfigureAwait(false);
                await InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken);

        public Task<bool> RecordSettlementAsync(SettlementInfo settlement, CancellationToken cancellationToken) =>
            WriteAsync(async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO settlements (ticker, event_ticker, result, yes_hundredths, no_hundredths, yes_cost_micros, no_cost_micros, revenue_micros, fee_micros, settled_ms)
                    VALUES (@Ticker, @EventTicker, @Result, @YesHundredths, @NoHundredths, @YesCostMicros, @NoCostMicros, @RevenueMicros, @FeeMicros, @SettledMs)
                    ON CONFLICT (ticker) DO NOTHING
                    """, SettlementRow.From(settlement), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (inserted == 0)
                    return false;
                var ledger = await LoadPositionAsync(connection, transaction, settlement.Ticker, cancellationToken).ConfigureAwait(false);
                var entries = ledger.Apply(settlement);
                await SavePositionAsync(connection, transaction, settlement.Ticker, null, cancellationToken).ConfigureAwait(false);
                await InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken);

        public async Task<IReadOnlyList<FillInfo>> FillsAsync(CancellationToken cancellationToken) =>
            (await store.QueryAsync<FillRow>($"SELECT {FillColumns} FROM fills ORDER BY at_ms, fill_id", null, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToFill()).ToList();

        public async Task<IReadOnlyList<SettlementInfo>> SettlementsAsync(CancellationToken cancellationToken) =>
            (await store.QueryAsync<SettlementRow>($"SELECT {SettlementColumns} FROM settlements ORDER BY settled_ms, ticker", null, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToSettlement()).ToList();

        public async Task<IReadOnlyList<LedgerPosition>> PositionsAsync(CancellationToken cancellationToken) =>
            (await store.QueryAsync<PositionRow>("SELECT ticker AS Ticker, side AS Side, count_hundredths AS CountHundredths, cost_micros AS CostMicros, fee_micros AS FeeMicros, updated_ms AS UpdatedMs FROM positions ORDER BY ticker", null, cancellationToken).ConfigureAwait(false))
            .Select(r => r.ToPosition()).ToList();

        public Task<Money> RealizedPnlAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            store.WithConnectionAsync(async connection => Money.FromMicros(await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT SUM(amount_micros) FROM ledger WHERE at_ms >= @From AND at_ms < @To",
                new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0), cancellationToken);

        public async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            (await store.QueryAsync<EntryRow>("""
                SELECT kind AS Kind, reference AS Reference, ticker AS Ticker, amount_micros AS AmountMicros, at_ms AS AtMs
                FROM ledger WHERE at_ms >= @From AND at_ms < @To ORDER BY at_ms, kind, reference
                """, new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() }, cancellationToken).ConfigureAwait(false))
            .Select(r => new LedgerEntry(Enum.Parse<LedgerEntryKind>(r.Kind), r.Reference, MarketTicker.Parse(r.Ticker), Money.FromMicros(r.AmountMicros), FromMs(r.AtMs)))
            .ToList();

        /// <summary>Replays everything: a fill that arrived late (found by reconciliation) changes the cost basis of what followed it.</summary>
        public Task RebuildAsync(CancellationToken cancellationToken) =>
            WriteAsync(async (connection, transaction) =>
            {
                var fills = (await connection.QueryAsync<FillRow>(new CommandDefinition($"SELECT {FillColumns} FROM fills", null, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToFill());
                var settlements = (await connection.QueryAsync<SettlementRow>(new CommandDefinition($"SELECT {SettlementColumns} FROM settlements", null, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToSettlement());
                var (ledger, entries) = PositionLedger.Replay(fills, settlements);
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM positions; DELETE FROM ledger;", null, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                foreach (var position in ledger.Positions)
                    await SavePositionAsync(connection, transaction, position.Ticker, position, cancellationToken).ConfigureAwait(false);
                await InsertEntriesAsync(connection, transaction, entries, cancellationToken).ConfigureAwait(false);
                return true;
            }, cancellationToken);

        private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
        {
            await store._ledgerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await store.InTransactionAsync(work, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                store._ledgerGate.Release();
            }
        }

        private static async Task<PositionLedger> LoadPositionAsync(DbConnection connection, DbTransaction transaction, MarketTicker ticker, CancellationToken cancellationToken)
        {
            var ledger = new PositionLedger();
            var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
                "SELECT ticker AS Ticker, side AS Side, count_hundredths AS CountHundredths, cost_micros AS CostMicros, fee_micros AS FeeMicros, updated_ms AS UpdatedMs FROM positions WHERE ticker = @Ticker",
                new { Ticker = ticker.Value }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (row is not null)
                ledger.Load(row.ToPosition());
            return ledger;
        }

        private static Task SavePositionAsync(DbConnection connection, DbTransaction transaction, MarketTicker ticker, LedgerPosition? position, CancellationToken cancellationToken) =>
            position is null
                ? connection.ExecuteAsync(new CommandDefinition("DELETE FROM positions WHERE ticker = @Ticker", new { Ticker = ticker.Value }, transaction, cancellationToken: cancellationToken))
                : connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO positions (ticker, side, count_hundredths, cost_micros, fee_micros, updated_ms) VALUES (@Ticker, @Side, @Count, @Cost, @Fees, @At)
                    ON CONFLICT (ticker) DO UPDATE SET side = excluded.side, count_hundredths = excluded.count_hundredths, cost_micros = excluded.cost_micros,
                        fee_micros = excluded.fee_micros, updated_ms = excluded.updated_ms
                    """, new { Ticker = ticker.Value, Side = position.Side.ToString(), Count = position.Count.Hundredths, Cost = position.Cost.Micros, Fees = position.Fees.Micros, At = position.UpdatedAt.ToUnixTimeMilliseconds() },
                    transaction, cancellationToken: cancellationToken));

        private static async Task InsertEntriesAsync(DbConnection connection, DbTransaction transaction, IEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
        {
            foreach (var entry in entries)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO ledger (kind, reference, ticker, amount_micros, at_ms) VALUES (@Kind, @Reference, @Ticker, @Amount, @At)
                    ON CONFLICT (kind, reference) DO NOTHING
                    """, new { Kind = entry.Kind.ToString(), entry.Reference, Ticker = entry.Ticker.Value, Amount = entry.Amount.Micros, At = entry.At.ToUnixTimeMilliseconds() },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }

        private sealed record FillRow
        {
            public required string FillId { get; init; }

            public required string OrderId { get; init; }

            public required string Ticker { get; init; }

            public required string ExposureSide { get; init; }

            public long YesPriceUnits { get; init; }

            public long CountHundredths { get; init; }

            public long FeeMicros { get; init; }

            public long IsTaker { get; init; }

            public long AtMs { get; init; }

            public static FillRow From(FillInfo f) => new()
            {
                FillId = f.FillId,
                OrderId = f.OrderId,
                Ticker = f.Ticker.Value,
                ExposureSide = f.ExposureSide.ToString(),
                YesPriceUnits = f.YesPrice.Units,
                CountHundredths = f.Count.Hundredths,
                FeeMicros = f.Fee.Micros,
                IsTaker = f.IsTaker ? 1 : 0,
                AtMs = f.At.ToUnixTimeMilliseconds(),
            };

            public FillInfo ToFill() => new(FillId, OrderId, MarketTicker.Parse(Ticker), Enum.Parse<OutcomeSide>(ExposureSide), Price.FromUnits((int)YesPriceUnits),
                Contracts.FromHundredths(CountHundredths), Money.FromMicros(FeeMicros), IsTaker != 0, FromMs(AtMs));
        }

        private sealed record SettlementRow
        {
            public required string Ticker { get; init; }

            public required string EventTicker { get; init; }

            public required string Result { get; init; }

            public long YesHundredths { get; init; }

            public long NoHundredths { get; init; }

            public long YesCostMicros { get; init; }

            public long NoCostMicros { get; init; }

            public long RevenueMicros { get; init; }

            public long FeeMicros { get; init; }

            public long SettledMs { get; init; }

            public static SettlementRow From(SettlementInfo s) => new()
            {
                Ticker = s.Ticker.Value,
                EventTicker = s.Event.Value,
                Result = s.Result.ToString(),
                YesHundredths = s.YesCount.Hundredths,
                NoHundredths = s.NoCount.Hundredths,
                YesCostMicros = s.YesCost.Micros,
                NoCostMicros = s.NoCost.Micros,
                RevenueMicros = s.Revenue.Micros,
                FeeMicros = s.Fee.Micros,
                SettledMs = s.SettledAt.ToUnixTimeMilliseconds(),
            };

            public SettlementInfo ToSettlement() => new(MarketTicker.Parse(Ticker), Core.Values.EventTicker.Parse(EventTicker), Enum.Parse<MarketResult>(Result),
                Contracts.FromHundredths(YesHundredths), Contracts.FromHundredths(NoHundredths), Money.FromMicros(YesCostMicros), Money.FromMicros(NoCostMicros),
                Money.FromMicros(RevenueMicros), Money.FromMicros(FeeMicros), FromMs(SettledMs));
        }

        private sealed record PositionRow
        {
            public required string Ticker { get; init; }

            public required string Side { get; init; }

            public long CountHundredths { get; init; }

            public long CostMicros { get; init; }

            public long FeeMicros { get; init; }

            public long UpdatedMs { get; init; }

            public LedgerPosition ToPosition() => new(MarketTicker.Parse(Ticker), Enum.Parse<OutcomeSide>(Side), Contracts.FromHundredths(CountHundredths), Money.FromMicros(CostMicros), FromMs(UpdatedMs), Money.FromMicros(FeeMicros));
        }

        private sealed record EntryRow
        {
            public required string Kind { get; init; }

            public required string Reference { get; init; }

            public required string Ticker { get; init; }

            public long AmountMicros { get; init; }

            public long AtMs { get; init; }
        }
    }
}
