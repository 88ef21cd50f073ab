using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Values;
using TradingBot.Kalshi;
using TradingBot.Kalshi.Adapter;
using TradingBot.Kalshi.Auth;
using TradingBot.Simulator.Hosting;

namespace TradingBot.Simulator.Tests.Contract;

/// <summary>
/// The contract between the two sides that each wrote Kalshi's wire format from the docs on their own: the real
/// client (TradingBot.Kalshi) against the real simulator over HTTP on loopback, endpoint by endpoint, and through
/// the failures the client must survive.
/// </summary>
public sealed class ClientContractTests : IAsyncLifetime
{
    private SimulatorServer _server = null!;
    private RSA _key = null!;
    private string _keyId = "";
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        _server = await SimulatorServer.StartAsync(new SimulatorServerOptions { Scenario = "demo", Seed = 3, Speed = 0, StepInterval = TimeSpan.FromHours(1) });
        (_key, _keyId) = _server.CreateKey("bot", Money.FromDollars(1000m));
        _admin.BaseAddress = new Uri(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _key.Dispose();
        await _server.DisposeAsync();
    }

    private KalshiClient Client(RSA? key = null, TimeProvider? signingClock = null, TimeSpan? timeout = null, int retries = 3)
    {
        var options = new KalshiOptions { ApiKeyId = _keyId, RequestTimeout = timeout ?? TimeSpan.FromSeconds(10), ReadRetryAttempts = retries, ReadRetryBaseDelay = TimeSpan.Zero };
        return KalshiConnection.Create(options, _server.ApiUrl, new RequestSigner(key ?? _key), signingClock ?? TimeProvider.System);
    }

    private KalshiExchange Exchange(KalshiClient? client = null) => new(client ?? Client(), _server.Clock);

    private async Task Fault(object fault) => (await _admin.PostAsJsonAsync("/sim/faults", fault)).EnsureSuccessStatusCode();

    private async Task<MarketInfo> AnOpenMarketAsync()
    {
        var markets = await Exchange().GetMarketsAsync(new MarketQuery("KXNFLGAME"), default);
        Assert.True(markets.Success, markets.ToString());
        return markets.Value.First(m => m.TopOfBook.YesBid.Exists && m.TopOfBook.NoBid.Exists);
    }

    [Fact]
    public async Task Every_read_the_bot_uses_maps_into_core_types()
    {
        var exchange = Exchange();
        Assert.True((await exchange.GetExchangeStatusAsync(default)).Value!.TradingActive);
        Assert.True((await exchange.GetMaintenanceWindowsAsync(default)).Success);
        Assert.True((await exchange.GetSeriesAsync("KXNFLGAME", default)).Value!.Fees.IsPriced);
        var events = (await exchange.GetEventsAsync("KXNFLGAME", default)).Value!;
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.NotNull(e.GameStart));
        var market = await AnOpenMarketAsync();
        var book = (await exchange.GetOrderBookAsync(market.Ticker, default)).Value!;
        Assert.Equal(market.TopOfBook.YesBid, book.Top.YesBid);
        Assert.Single((await exchange.GetOrderBooksAsync([market.Ticker], default)).Value!);
        Assert.Equal(Money.FromDollars(1000m), (await exchange.GetBalanceAsync(default)).Value!.Total);
        Assert.Empty((await exchange.GetPositionsAsync(default)).Value!);
        Assert.Empty((await exchange.GetFillsAsync(null, default)).Value!);
        Assert.Empty((await exchange.GetSettlementsAsync(null, default)).Value!);
        Assert.Empty((await exchange.GetOrdersAsync(null, default)).Value!);

        var client = Client();
        Assert.True((await client.GetMarketAsync(market.Ticker.Value, default)).Success);
        Assert.True((await client.GetEventAsync(market.Event.Value, true, default)).Success);
        var milestones = await client.GetMilestonesAsync(new GetMilestonesRequest(), default);
        Assert.True(milestones.Success, milestones.ToString());
        Assert.True((await client.GetMilestoneAsync(milestones.Value!.Milestones[0].Id, default)).Success);
        Assert.True((await client.GetTradesAsync(new GetTradesRequest { Ticker = market.Ticker.Value }, default)).Success);
        Assert.True((await client.GetAccountApiLimitsAsync(default)).Success);
    }

    [Fact]
    public async Task Markets_page_through_with_the_cursor()
    {
        var client = Client();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetMarketsAsync(new GetMarketsRequest { Limit = 7, Cursor = cursor, Status = "open" }, default);
            Assert.True(page.Success, page.ToString());
            seen.AddRange(page.Value!.Markets.Select(m => m.Ticker));
            cursor = page.Value.Cursor;
            pages++;
        }
        while (!string.IsNullOrEmpty(cursor) && pages < 100);

        var all = (await Exchange().GetMarketsAsync(new MarketQuery(SeriesTicker: null), default)).Value!;
        Assert.True(pages > 2);
        Assert.Equal(all.Select(m => m.Ticker.Value).Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Orders_are_created_read_amended_decreased_and_cancelled()
    {
        var market = await AnOpenMarketAsync();
        var exchange = Exchange();
        var bid = market.TopOfBook.YesBid.Price;
        var id = ClientOrderId.Derive(Guid.NewGuid());
        var resting = await exchange.CreateOrderAsync(new OrderRequest(id, market.Ticker, BookSide.Bid, bid, Contracts.Whole(5), TimeInForce.GoodTillCanceled, PostOnly: true, ReduceOnly: false), default);
        Assert.True(resting.Success, resting.ToString());
        Assert.Equal(Contracts.Whole(5), resting.Value!.Remaining);

        var read = (await exchange.GetOrderAsync(resting.Value.OrderId, default)).Value!;
        Assert.Equal((id, OrderStatus.Resting, bid), (read.ClientOrderId!.Value, read.Status, read.YesPrice));
        Assert.Contains((await exchange.GetOrdersAsync(null, default)).Value!, o => o.ClientOrderId == id);

        var client = Client();
        var amended = await client.AmendOrderAsync(resting.Value.OrderId, new AmendOrderV2Request { Ticker = market.Ticker.Value, Side = "bid", Price = bid.ToString(), Count = "8.00" }, default);
        Assert.True(amended.Success, amended.ToString());
        var decreased = await client.DecreaseOrderAsync(resting.Value.OrderId, new DecreaseOrderV2Request { ReduceBy = "2.00", MarketTicker = market.Ticker.Value }, default);
        Assert.True(decreased.Success, decreased.ToString());
        // The bot's own path: the adapter's amend keeps the client_order_id, and the order reads back on its new terms.
        var lower = market.Ticks.TryNextBelow(bid, out var below) ? below : bid;
        var adapted = await exchange.AmendOrderAsync(new AmendRequest(resting.Value.OrderId, id, market.Ticker, BookSide.Bid, lower, Contracts.Whole(7)), default);
        Assert.True(adapted.Success, adapted.ToString());
        var after = (await exchange.GetOrderAsync(resting.Value.OrderId, default)).Value!;
        Assert.Equal((id, lower, Contracts.Whole(7), OrderStatus.Resting), (after.ClientOrderId!.Value, after.YesPrice, after.Remaining, after.Status));
        var cancelled = await exchange.CancelOrderAsync(resting.Value.OrderId, market.Ticker, default);
        Assert.True(cancelled.Success, cancelled.ToString());
        Assert.Equal(Contracts.Whole(7), cancelled.Value!.ReducedBy);
        Assert.Equal(OrderStatus.Canceled, (await exchange.GetOrderAsync(resting.Value.OrderId, default)).Value!.Status);
    }

    [Fact]
    public async Task A_taken_ask_fills_and_shows_in_fills_positions_and_balance()
    {
        var market = await AnOpenMarketAsync();
        var exchange = Exchange();
        var ask = market.TopOfBook.YesAsk;
        var taken = await exchange.CreateOrderAsync(new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), market.Ticker, BookSide.Bid, ask.Price, Contracts.Whole(3), TimeInForce.ImmediateOrCancel, false, false), default);
        Assert.True(taken.Success, taken.ToString());
        Assert.Equal(Contracts.Whole(3), taken.Value!.Filled);

        var fill = Assert.Single((await exchange.GetFillsAsync(null, default)).Value!);
        Assert.Equal((OutcomeSide.Yes, Contracts.Whole(3), ask.Price), (fill.ExposureSide, fill.Count, fill.YesPrice));
        var position = Assert.Single((await exchange.GetPositionsAsync(default)).Value!);
        Assert.Equal((OutcomeSide.Yes, Contracts.Whole(3)), (position.Side, position.Count));
        var balance = (await exchange.GetBalanceAsync(default)).Value!;
        Assert.Equal(Money.FromDollars(1000m) - (Contracts.Whole(3) * ask.Price) - fill.Fee, balance.Total);
    }

    [Fact]
    public async Task Batches_and_order_groups_round_trip()
    {
        var market = await AnOpenMarketAsync();
        var client = Client();
        var price = market.TopOfBook.YesBid.Price.ToString();
        var batch = await client.BatchCreateOrdersAsync(new BatchCreateOrdersV2Request
        {
            Orders = [.. Enumerable.Range(0, 3).Select(i => new CreateOrderV2Request
            {
                Ticker = market.Ticker.Value, ClientOrderId = $"batch-{i}-{Guid.NewGuid():N}", Side = "bid", Count = "1.00", Price = price,
                TimeInForce = "good_till_canceled", SelfTradePreventionType = "taker_at_cross", PostOnly = true,
            })],
        }, default);
        Assert.True(batch.Success, batch.ToString());
        var ids = batch.Value!.Orders.Select(o => o.OrderId).OfType<string>().ToList();
        Assert.Equal(3, ids.Count);
        var cancelled = await client.BatchCancelOrdersAsync(new BatchCancelOrdersV2Request { Orders = [.. ids.Select(id => new BatchCancelOrderV2Item { OrderId = id, MarketTicker = market.Ticker.Value })] }, default);
        Assert.True(cancelled.Success, cancelled.ToString());

        var group = await client.CreateOrderGroupAsync(new CreateOrderGroupRequest { ContractsLimitFp = "10.00" }, default);
        Assert.True(group.Success, group.ToString());
        var groupId = group.Value!.OrderGroupId;
        Assert.True((await client.GetOrderGroupAsync(groupId, null, default)).Success);
        Assert.True((await client.GetOrderGroupsAsync(null, default)).Success);
        Assert.True((await client.TriggerOrderGroupAsync(groupId, new OrderGroupScope(), default)).Success);
        Assert.True((await client.ResetOrderGroupAsync(groupId, new OrderGroupScope(), default)).Success);
        Assert.True((await client.UpdateOrderGroupLimitAsync(groupId, new UpdateOrderGroupLimitRequest { ContractsLimitFp = "20.00" }, default)).Success);
        Assert.True((await client.DeleteOrderGroupAsync(groupId, new OrderGroupScope(), default)).Success);
    }

    [Fact]
    public async Task A_reused_client_order_id_is_a_conflict()
    {
        var market = await AnOpenMarketAsync();
        var order = new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), market.Ticker, BookSide.Bid, market.TopOfBook.YesBid.Price, Contracts.Whole(1), TimeInForce.GoodTillCanceled, true, false);
        Assert.True((await Exchange().CreateOrderAsync(order, default)).Success);
        var again = await Exchange().CreateOrderAsync(order, default);
        Assert.Equal(ExchangeErrorKind.Conflict, again.Error!.Kind);
    }

    [Fact]
    public async Task A_key_the_venue_does_not_know_or_a_stale_timestamp_is_refused()
    {
        using var stranger = RSA.Create(2048);
        var badSignature = await Exchange(Client(key: stranger)).GetBalanceAsync(default);
        var stale = await Exchange(Client(signingClock: new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(-5)))).GetBalanceAsync(default);

        Assert.Equal((ExchangeErrorKind.Auth, 401), (badSignature.Error!.Kind, badSignature.Error.HttpStatus));
        Assert.Equal((ExchangeErrorKind.Auth, 401), (stale.Error!.Kind, stale.Error.HttpStatus));
    }

    [Fact]
    public async Task Transient_5xx_on_reads_are_retried_and_on_writes_are_unknown()
    {
        await Fault(new { kind = "status", status = 503, count = 2, path_prefix = "markets", method = "GET" });
        var read = await Exchange().GetMarketsAsync(new MarketQuery("KXNFLGAME"), default);
        Assert.True(read.Success, read.ToString());

        var market = read.Value!.First(m => m.TopOfBook.YesBid.Exists);
        await Fault(new { kind = "accept_then_500", count = 1 });
        var id = ClientOrderId.Derive(Guid.NewGuid());
        var write = await Exchange().CreateOrderAsync(new OrderRequest(id, market.Ticker, BookSide.Bid, market.TopOfBook.YesBid.Price, Contracts.Whole(1), TimeInForce.GoodTillCanceled, true, false), default);

        Assert.Equal(ExchangeErrorKind.Server, write.Error!.Kind);
        Assert.True(write.Error.SubmitOutcomeUnknown);
        // The order landed: reconciliation would find it by its client order id.
        Assert.Contains((await Exchange().GetOrdersAsync(null, default)).Value!, o => o.ClientOrderId == id);
    }

    [Fact]
    public async Task A_slow_venue_times_out_and_a_dropped_connection_is_a_transport_error()
    {
        var market = await AnOpenMarketAsync();
        await Fault(new { kind = "latency", latency_ms = 3000, count = 1, path_prefix = "portfolio/balance" });
        var slow = await Exchange(Client(timeout: TimeSpan.FromMilliseconds(500), retries: 0)).GetBalanceAsync(default);
        Assert.Equal(ExchangeErrorKind.Timeout, slow.Error!.Kind);

        await Fault(new { kind = "drop", count = 1, path_prefix = "portfolio/events/orders", method = "POST" });
        var dropped = await Exchange().CreateOrderAsync(new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), market.Ticker, BookSide.Bid, market.TopOfBook.YesBid.Price, Contracts.Whole(1), TimeInForce.GoodTillCanceled, true, false), default);
        Assert.Equal(ExchangeErrorKind.Transport, dropped.Error!.Kind);
        Assert.True(dropped.Error.SubmitOutcomeUnknown);
    }

    [Fact]
    public async Task A_burst_beyond_the_venues_write_bucket_meets_429s_and_no_order_is_retried()
    {
        var market = await AnOpenMarketAsync();
        // The client's own bucket is made larger than the venue's, so the venue's limit is what is met.
        var options = new KalshiOptions { ApiKeyId = _keyId, WriteTokensPerSecond = 100_000, ReadTokensPerSecond = 100_000, ReadRetryBaseDelay = TimeSpan.Zero };
        var exchange = Exchange(KalshiConnection.Create(options, _server.ApiUrl, new RequestSigner(_key), TimeProvider.System));
        var results = new List<ExchangeResult<OrderAck>>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await exchange.CreateOrderAsync(new OrderRequest(ClientOrderId.Derive(Guid.NewGuid()), market.Ticker, BookSide.Bid,
                market.TopOfBook.YesBid.Price, Contracts.Whole(1), TimeInForce.GoodTillCanceled, true, false), default));
        }

        var limited = results.Where(r => r.Error?.Kind == ExchangeErrorKind.RateLimited).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.Equal(429, r.Error!.HttpStatus));
        var placed = (await Exchange().GetOrdersAsync(null, default)).Value!.Count;
        Assert.Equal(results.Count(r => r.Success), placed);
    }
}
