using TradingBot.Core.Exchange;
using TradingBot.Core.Values;

namespace TradingBot.Kalshi.Adapter;

/// <summary>Order writes: Core's <see cref="OrderRequest"/> becomes the V2 request here, and only here.</summary>
public sealed partial class KalshiExchange
{
    /// <summary>
    /// A self-trade is resolved by cancelling the incoming (taking) order, so the bot never trades with itself; a
    /// resting order is cancelled if the exchange pauses trading, so nothing the bot left fills while it cannot react.
    /// </summary>
    public async Task<ExchangeResult<OrderAck>> CreateOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        var request = new CreateOrderV2Request
        {
            Ticker = order.Ticker.Value,
            ClientOrderId = order.ClientOrderId.Value,
            Side = order.Side == BookSide.Bid ? "bid" : "ask",
            Count = order.Count.ToString(),
            Price = order.YesPrice.ToString(),
            TimeInForce = order.TimeInForce switch
            {
                TimeInForce.ImmediateOrCancel => "immediate_or_cancel",
                TimeInForce.FillOrKill => "fill_or_kill",
                _ => "good_till_canceled",
            },
            PostOnly = order.PostOnly,
            ReduceOnly = order.ReduceOnly,
            Subaccount = subaccount,
            SelfTradePreventionType = "taker_at_cross",
            CancelOrderOnPause = true,
            // Whole seconds, rounded down: the order leaves no later than asked. Never with IOC or FOK.
            ExpirationTime = order.TimeInForce == TimeInForce.GoodTillCanceled && order.Expiration is { } expires ? expires.ToUnixTimeSeconds() : null,
        };
        var reply = await client.CreateOrderAsync(request, cancellationToken).ConfigureAwait(false);
        return WireReader.Map(reply, created =>
        {
            var what = $"create of {order.ClientOrderId}";
            // A reply about some other order cannot confirm this one: its outcome is unknown until reconciled.
            if (!string.IsNullOrEmpty(created.ClientOrderId) && created.ClientOrderId != order.ClientOrderId.Value)
                throw new WireContractException($"{what}: the reply names client_order_id '{created.ClientOrderId}'");
            return new OrderAck(created.OrderId, order.ClientOrderId,
                WireReader.Count(created.FillCount, $"{what} fill_count"),
                WireReader.Count(created.RemainingCount, $"{what} remaining_count"));
        });
    }

    /// <summary>The order keeps its <c>client_order_id</c> (no <c>updated_client_order_id</c>): the outbox row stays its record.</summary>
    public async Task<ExchangeResult<AmendAck>> AmendOrderAsync(AmendRequest amend, CancellationToken cancellationToken) =>
        WireReader.Map(await client.AmendOrderAsync(amend.OrderId, new AmendOrderV2Request
        {
            Ticker = amend.Ticker.Value,
            Side = amend.Side == BookSide.Bid ? "bid" : "ask",
            Price = amend.YesPrice.ToString(),
            Count = amend.TotalCount.ToString(),
            ClientOrderId = amend.ClientOrderId.Value,
            Subaccount = subaccount,
        }, cancellationToken).ConfigureAwait(false), amended => new AmendAck(amended.OrderId));

    public async Task<ExchangeResult<CancelAck>> CancelOrderAsync(string orderId, MarketTicker ticker, CancellationToken cancellationToken) =>
        WireReader.Map(await client.CancelOrderAsync(orderId, new CancelOrderV2Request { MarketTicker = ticker.Value, Subaccount = subaccount }, cancellationToken).ConfigureAwait(false),
            cancelled => new CancelAck(cancelled.OrderId, WireReader.Count(cancelled.ReducedBy, $"cancel of {orderId} reduced_by")));
}
