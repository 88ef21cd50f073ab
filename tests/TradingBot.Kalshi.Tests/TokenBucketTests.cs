using Microsoft.Extensions.Time.Testing;
using TradingBot.Kalshi.RateLimiting;

namespace TradingBot.Kalshi.Tests;

public class TokenBucketTests
{
    [Fact]
    public void A_full_bucket_allows_exactly_its_capacity_at_once()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity: 100, refillPerSecond: 100, time);
        var taken = 0;
        while (bucket.TryTake(10))
            taken++;
        Assert.Equal(10, taken);
    }

    /// <summary>Over any window of length w, a bucket lets through at most capacity + rate × w tokens, whatever the burst pattern.</summary>
    [Fact]
    public void No_burst_ever_exceeds_the_bucket()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity: 200, refillPerSecond: 100, time);
        var random = new Random(7);
        var grants = new List<(TimeSpan At, int Tokens)>();
        var elapsed = TimeSpan.Zero;
        for (var step = 0; step < 2000; step++)
        {
            var advance = TimeSpan.FromMilliseconds(random.Next(0, 60));
            time.Advance(advance);
            elapsed += advance;
            for (var attempt = random.Next(0, 8); attempt > 0; attempt--)
            {
                var cost = random.Next(0, 2) == 0 ? 10 : 2;
                if (bucket.TryTake(cost))
                    grants.Add((elapsed, cost));
            }
        }

        foreach (var window in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5) })
        {
            var limit = 200 + (100 * window.TotalSeconds);
            for (int start = 0, end = 0; start < grants.Count; start++)
            {
                var tokens = 0;
                for (end = start; end < grants.Count && grants[end].At - grants[start].At <= window; end++)
                    tokens += grants[end].Tokens;
                Assert.True(tokens <= limit + 1e-6, $"{tokens} tokens within {window} from {grants[start].At}");
            }
        }

        Assert.True(grants.Sum(g => g.Tokens) > 100 * elapsed.TotalSeconds * 0.9, "the bucket should let through about its refill rate");
    }

    [Fact]
    public void Tokens_refill_continuously_up_to_the_capacity()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity: 100, refillPerSecond: 100, time);
        Assert.True(bucket.TryTake(100));
        Assert.False(bucket.TryTake(10));
        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(bucket.TryTake(10));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake(10));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(100, bucket.Available, precision: 6);
    }

    [Fact]
    public async Task A_waiting_taker_gets_its_tokens_when_the_clock_has_refilled_them()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity: 20, refillPerSecond: 10, time);
        Assert.True(bucket.TryTake(20));

        var waiting = bucket.TakeAsync(10, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(bucket.TryTake(1));
    }

    [Fact]
    public async Task A_taker_learns_how_long_it_waited_and_one_served_at_once_did_not_wait()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity: 20, refillPerSecond: 10, time);

        Assert.Equal(TimeSpan.Zero, await bucket.TakeAsync(20, CancellationToken.None));
        var waiting = bucket.TakeAsync(10, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public Task A_cost_larger_than_the_bucket_can_never_be_waited_for() =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new TokenBucket(10, 10, new FakeTimeProvider()).TakeAsync(11, default));

    [Theory]
    [InlineData(KalshiTier.Basic, 200, 400, 100, 100)]
    [InlineData(KalshiTier.Advanced, 300, 600, 300, 600)]
    [InlineData(KalshiTier.Premier, 1000, 1000, 1000, 2000)]
    [InlineData(KalshiTier.Prestige, 10000, 10000, 8000, 16000)]
    public void Buckets_are_sized_from_the_tier(KalshiTier tier, double readRate, double readCapacity, double writeRate, double writeCapacity)
    {
        var (read, write) = KalshiRateLimits.ForTier(tier);
        Assert.Equal(new BucketSize(readRate, readCapacity), read);
        Assert.Equal(new BucketSize(writeRate, writeCapacity), write);
    }
}

public class AccountLimitsTests
{
    [Fact]
    public async Task The_buckets_take_the_accounts_own_limits()
    {
        var venue = new Support.RecordedVenue().Reply(HttpMethod.Get, "account/limits", System.Net.HttpStatusCode.OK,
            """{"usage_tier":"premier","read":{"refill_rate":1000,"bucket_capacity":1000},"write":{"refill_rate":1000,"bucket_capacity":2000},"grants":[]}""");
        var transport = Support.TestClients.Transport(venue, new FakeTimeProvider(), read: new BucketSize(200, 400), write: new BucketSize(100, 100));

        var result = await new KalshiClient(transport).ApplyAccountLimitsAsync(default);

        Assert.True(result.Success, result.ToString());
        Assert.Equal((1000d, 1000d), (transport.Limiter.Read.RefillPerSecond, transport.Limiter.Read.Capacity));
        Assert.Equal((1000d, 2000d), (transport.Limiter.Write.RefillPerSecond, transport.Limiter.Write.Capacity));
    }

    [Fact]
    public async Task Unusable_limits_leave_the_tier_sizes()
    {
        var venue = new Support.RecordedVenue().Reply(HttpMethod.Get, "account/limits", System.Net.HttpStatusCode.OK,
            """{"usage_tier":"basic","read":{"refill_rate":0,"bucket_capacity":0},"write":{"refill_rate":100,"bucket_capacity":100}}""");
        var transport = Support.TestClients.Transport(venue, new FakeTimeProvider(), read: new BucketSize(200, 400), write: new BucketSize(100, 100));

        Assert.False((await new KalshiClient(transport).ApplyAccountLimitsAsync(default)).Success);
        Assert.Equal(400d, transport.Limiter.Read.Capacity);
    }
}
