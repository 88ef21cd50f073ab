using System.Data.Common;
using System.Text.Json;
using Dapper;
using TradingBot.Core.Persistence;
using TradingBot.Core.Values;

namespace TradingBot.Storage;

public sealed partial class SqlBotStore
{
    /// <summary>The worker's status as one row of JSON, and the operator's commands numbered in order of issue.</summary>
    private sealed class SqlControlStore(SqlBotStore store) : IControlStore
    {
        private const string Worker = "worker";

        /// <summary>Two writers (the CLI and the API) may number a command at once; the loser numbers again.</summary>
        private const int IssueAttempts = 50;

        public Task SaveStatusAsync(BotStatus status, CancellationToken cancellationToken) =>
            store.ExecuteAsync("""
                INSERT INTO bot_status (name, at_ms, value) VALUES (@Name, @At, @Value)
                ON CONFLICT (name) DO UPDATE SET at_ms = excluded.at_ms, value = excluded.value
                """, new { Name = Worker, At = status.At.ToUnixTimeMilliseconds(), Value = JsonSerializer.Serialize(StatusJson.From(status)) }, cancellationToken);

        public async Task<BotStatus?> LoadStatusAsync(CancellationToken cancellationToken)
        {
            var rows = await store.QueryAsync<string>("SELECT value FROM bot_status WHERE name = @Name", new { Name = Worker }, cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : JsonSerializer.Deserialize<StatusJson>(rows[0])?.ToStatus();
        }

        public async Task<long> IssueAsync(ControlCommandKind kind, string reason, string issuedBy, DateTimeOffset at, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await store.InTransactionAsync(async (connection, transaction) =>
                    {
                        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                            "SELECT COALESCE(MAX(id), 0) + 1 FROM control_commands", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                        await connection.ExecuteAsync(new CommandDefinition("""
                            INSERT INTO control_commands (id, kind, reason, issued_by, issued_ms) VALUES (@Id, @Kind, @Reason, @By, @At)
                            """, new { Id = id, Kind = kind.ToString(), Reason = reason, By = issuedBy, At = at.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                        return id;
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (StorageException ex) when (attempt < IssueAttempts && ex.InnerException is DbException)
                {
                    // Most likely the same number taken by another writer a moment earlier: number again.
                }
            }
        }

        public async Task<IReadOnlyList<ControlCommand>> PendingAsync(CancellationToken cancellationToken) =>
            (await store.QueryAsync<CommandRow>(Select + " WHERE done_ms IS NULL ORDER BY id", null, cancellationToken).ConfigureAwait(false)).Select(r => r.ToCommand()).ToList();

        public Task CompleteAsync(long id, string outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
            store.ExecuteAsync("UPDATE control_commands SET done_ms = @At, outcome = @Outcome WHERE id = @Id AND done_ms IS NULL",
                new { Id = id, Outcome = outcome, At = at.ToUnixTimeMilliseconds() }, cancellationToken);

        public async Task<IReadOnlyList<ControlCommand>> RecentAsync(int count, CancellationToken cancellationToken) =>
            (await store.QueryAsync<CommandRow>(Select + " ORDER BY id DESC LIMIT @Count", new { Count = count }, cancellationToken).ConfigureAwait(false)).Select(r => r.ToCommand()).ToList();

        private const string Select = "SELECT id AS Id, kind AS Kind, reason AS Reason, issued_by AS IssuedBy, issued_ms AS IssuedMs, done_ms AS DoneMs, outcome AS Outcome FROM control_commands";

        private sealed record CommandRow(long Id, string Kind, string Reason, string IssuedBy, long IssuedMs, long? DoneMs, string? Outcome)
        {
            public ControlCommand ToCommand() => new(Id, Enum.Parse<ControlCommandKind>(Kind), Reason, IssuedBy, FromMs(IssuedMs), DoneMs is { } done ? FromMs(done) : null, Outcome);
        }

        /// <summary>The stored form: times in Unix milliseconds, money in millionths, as everywhere in this schema.</summary>
        private sealed record StatusJson(long AtMs, long StartedMs, string Version, string Mode, string State, List<string> Reasons, bool BreakerTripped,
            long RealisedTodayMicros, long DailyLossLimitMicros, string? SafeModeReason, long? SafeModeSinceMs, bool ExchangeActive, bool ExchangeTradingActive,
            long? LastScanMs, int MarketsTracked, long? BalanceMicros, int Positions, int OpenOrders, bool Flattening, List<MarkJson>? Marks)
        {
            public static StatusJson From(BotStatus s) => new(s.At.ToUnixTimeMilliseconds(), s.StartedAt.ToUnixTimeMilliseconds(), s.Version, s.Mode, s.State, [.. s.Reasons],
                s.BreakerTripped, s.RealisedToday.Micros, s.DailyLossLimit.Micros, s.SafeModeReason, s.SafeModeSince?.ToUnixTimeMilliseconds(), s.ExchangeActive,
                s.ExchangeTradingActive, s.LastScanAt?.ToUnixTimeMilliseconds(), s.MarketsTracked, s.Balance?.Micros, s.Positions, s.OpenOrders, s.Flattening,
                s.Marks?.Select(m => new MarkJson(m.Ticker, m.Side, m.Count.Hundredths, m.Cost.Micros, m.Fees.Micros, m.Mark?.Micros, m.Unrealised?.Micros)).ToList());

            public BotStatus ToStatus() => new(FromMs(AtMs), FromMs(StartedMs), Version, Mode, State, Reasons, BreakerTripped, Money.FromMicros(RealisedTodayMicros),
                Money.FromMicros(DailyLossLimitMicros), SafeModeReason, SafeModeSinceMs is { } since ? FromMs(since) : null, ExchangeActive, ExchangeTradingActive,
                LastScanMs is { } scan ? FromMs(scan) : null, MarketsTracked, BalanceMicros is { } balance ? Money.FromMicros(balance) : null, Positions, OpenOrders, Flattening,
                Marks?.Select(m => new PositionMark(m.Ticker, m.Side, Contracts.FromHundredths(m.CountHundredths), Money.FromMicros(m.CostMicros), Money.FromMicros(m.FeesMicros),
                    m.MarkMicros is { } mark ? Money.FromMicros(mark) : null, m.UnrealisedMicros is { } u ? Money.FromMicros(u) : null)).ToList());
        }

        private sealed record MarkJson(string Ticker, string Side, long CountHundredths, long CostMicros, long FeesMicros, long? MarkMicros, long? UnrealisedMicros);
    }
}
