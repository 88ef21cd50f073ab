using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TradingBot.Core.Trading;
using TradingBot.Storage.Tests.Support;

namespace TradingBot.Storage.Tests;

/// <summary>With the database gone no order is sent, and when it comes back the bot carries on without a restart.</summary>
public sealed class DatabaseOutageTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 13, 16, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task No_order_is_sent_while_PostgreSQL_is_unreachable_and_trading_resumes_when_it_returns()
    {
        Skip.If(PostgresTestDatabase.ConnectionString is null, PostgresTestDatabase.SkipReason);
        await using var database = await PostgresTestDatabase.CreateAsync();
        await Migrator.MigrateAsync(database.Database, _time, default);
        var direct = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.ConnectionString) { Database = DatabaseName(database) };
        await using var relay = new TcpRelay(direct.Host!, direct.Port);
        var throughRelay = BotDatabase.Postgres(new NpgsqlConnectionStringBuilder(direct.ToString()) { Port = relay.Port, Timeout = 3 }.ToString());
        var store = new SqlBotStore(throughRelay, _time);
        var venue = new Venue(_time);
        var submitter = new OrderSubmitter(venue.Wire, store.Outbox, _time);
        venue.Offer(0.45m, 100);

        relay.Cut();
        var refused = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 1), default);
        await Assert.ThrowsAsync<StorageException>(() => store.CheckAsync(default));

        relay.Restore();
        await WaitUntilAsync(async () =>
        {
            try
            {
                await store.CheckAsync(default);
                return true;
            }
            catch (StorageException)
            {
                return false;
            }
        });
        var accepted = await submitter.SubmitAsync(Venue.BuyYes(0.45m, 1), default);

        Assert.Equal(SubmitOutcomeKind.NotSent, refused.Kind);
        Assert.Equal(SubmitOutcomeKind.Accepted, accepted.Kind);
        Assert.Equal(1, venue.Wire.CreatesReceived);
    }

    private static string DatabaseName(PostgresTestDatabase database) =>
        database.Database.Description[(database.Database.Description.LastIndexOf('/') + 1)..];

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            deadline.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
