using TradingBot.Core.Exchange;
using TradingBot.Core.Fees;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Engine;

/// <summary>Order entry and matching.</summary>
public sealed partial class SimExchange
{
    public SimResult<SubmitOutcome> Submit(string memberId, OrderSubmission submission)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (!_accounts.TryGetValue(memberId, out var account))
                return Reject(401, "unknown_member", $"member {memberId} has no account");
            if (Refuse(submission, account, now) is { } refusal)
                return refusal;

            var market = _markets[submission.Ticker];
            var exposure = submission.Side.ToOutcomeSide();
            var count = submission.Count;
            if (submission.ReduceOnly)
            {
                // reduce_only caps the order at what it can close: the member's holding of the other side.
                var reducible = account.PositionIn(submission.Ticker).HeldOf(exposure.Opposite());
                if (reducible.IsZero)
                    return Reject(400, "reduce_only_no_position", "a reduce-only order needs a position to reduce");
                count = Contracts.Min(count, reducible);
            }

            var opposite = market.Book.Opposite(submission.Side);
            var crossesNow = opposite.Count > 0 && SimBook.Crosses(submission.Side, submission.YesPrice.Units, opposite.Keys.First());
            if (submission.PostOnly && crossesNow)
                return Reject(400, "post_only_cross", "a post-only order would have taken liquidity; it was not placed");

            var order = new SimOrder(NextId("ord"), memberId, submission with { Count = count }, ++_sequence, now, account.BalanceDecimals)
            {
                ExchangeIndex = market.ExchangeIndex,
                Subaccount = account.Subaccount,
            };
            var collateral = CollateralFor(account, market, order, count);
            if (!account.Unlimited && collateral > account.AvailableOn(market.ExchangeIndex))
                return TooLow(account, market, collateral, "order");
            order.Reserved = collateral;
            account.Reserve(market.ExchangeIndex, collateral);
            account.Orders.Add(order);
            if (order.ClientOrderId.Length > 0)
                account.ClientOrderIds.Add(order.ClientOrderId);
            _orders[order.Id] = order;
            if (submission.OrderGroupId is { } groupId)
                _groups[groupId].Orders.Add(order);

            var fills = new List<SimFill>();
            if (submission.TimeInForce == TimeInForce.FillOrKill && FillableAgainst(order, opposite) < count)
            {
                CancelRemainder(order, now);
                return SimResult<SubmitOutcome>.Ok(new SubmitOutcome(order, fills));
            }

            Match(order, market, fills, now);
            if (order.Status == OrderStatus.Resting)
            {
                if (submission.TimeInForce == TimeInForce.GoodTillCanceled)
                    market.Book.Add(order);
                else
                    CancelRemainder(order, now);
            }

            return SimResult<SubmitOutcome>.Ok(new SubmitOutcome(order, fills));
        }
    }

    /// <summary>
    /// Drops a member's finished order (canceled or executed) from the engine's memory: its history and the id index.
    /// For a member whose history nobody reads, such as a replay's recorded quotes, replaced at every quote: kept,
    /// they would grow with the file. False when there is no such finished order.
    /// </summary>
    public bool Forget(string memberId, string orderId)
    {
        lock (_lock)
        {
            if (!_orders.TryGetValue(orderId, out var order) || order.MemberId != memberId || order.Status == OrderStatus.Resting || order.Submission.OrderGroupId is not null)
                return false;
            _orders.Remove(orderId);
            return _accounts[SimAccount.IdOf(memberId, order.Subaccount)].Orders.Remove(order);
        }
    }

    public SimResult<SimOrder> Cancel(string memberId, string orderId)
    {
        lock (_lock)
        {
            if (!_orders.TryGetValue(orderId, out var order) || order.MemberId != memberId)
                return Reject(404, "not_found", $"order {orderId} not found");
            if (order.Status != OrderStatus.Resting)
                return Reject(400, "order_not_resting", $"order {orderId} is {order.Status.ToString().ToLowerInvariant()}");
            if (RefuseMarket(_markets[order.Ticker]) is { } refusal)
                return refusal;
            CancelResting(order, clock.GetUtcNow());
            return SimResult<SimOrder>.Ok(order);
        }
    }

    /// <summary>
    /// Changes a resting order's price and/or total size (filled + new remaining). A new price or a larger size
    /// loses time priority; an amend that crosses the book trades like a new order would.
    /// </summary>
    public SimResult<SubmitOutcome> Amend(string memberId, string orderId, Price yesPrice, Contracts totalCount, string? newClientOrderId)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (!_orders.TryGetValue(orderId, out var order) || order.MemberId != memberId)
                return Reject(404, "not_found", $"order {orderId} not found");
            if (order.Status != OrderStatus.Resting)
                return Reject(400, "order_not_resting", $"order {orderId} is {order.Status.ToString().ToLowerInvariant()}");
            var market = _markets[order.Ticker];
            if (RefuseMarket(market) is { } refusal)
                return refusal;
            if (!yesPrice.IsTradable || !market.Ticks.IsValid(yesPrice))
                return Reject(400, "invalid_price", $"{yesPrice} is not a valid price in {order.Ticker}");
            if (totalCount <= order.Filled)
                return Reject(400, "invalid_count", $"the new total {totalCount} must exceed the {order.Filled} already filled");

            var account = _accounts[memberId];
            if (!string.IsNullOrEmpty(newClientOrderId) && newClientOrderId != order.ClientOrderId && account.ClientOrderIds.Contains(newClientOrderId))
                return Reject(409, "order_already_exists", $"client_order_id {newClientOrderId} was already used");
            var newRemaining = totalCount - order.Filled;
            market.Book.Remove(order);
            account.Reserve(market.ExchangeIndex, -order.Reserved);
            var oldPrice = order.YesPrice;
            order.YesPrice = yesPrice;
            var collateral = CollateralFor(account, market, order, newRemaining);
            if (!account.Unlimited && collateral > account.AvailableOn(market.ExchangeIndex))
            {
                order.YesPrice = oldPrice;
                account.Reserve(market.ExchangeIndex, order.Reserved);
                market.Book.Add(order);
                return TooLow(account, market, collateral, "amended order");
            }

            if (yesPrice != oldPrice || newRemaining > order.Remaining)
                order.Sequence = ++_sequence;
            order.Initial = totalCount;
            order.Remaining = newRemaining;
            order.Reserved = collateral;
            account.Reserve(market.ExchangeIndex, collateral);
            order.LastUpdate = now;
            if (!string.IsNullOrEmpty(newClientOrderId))
            {
                order.ClientOrderId = newClientOrderId;
                account.ClientOrderIds.Add(newClientOrderId);
            }

            var fills = new List<SimFill>();
            Match(order, market, fills, now);
            if (order.Status == OrderStatus.Resting)
                InsertByPriority(market.Book, order);
            return SimResult<SubmitOutcome>.Ok(new SubmitOutcome(order, fills));
        }
    }

    /// <summary>Takes contracts off a resting order without losing its place; down to zero cancels it.</summary>
    public SimResult<SimOrder> Decrease(string memberId, string orderId, Contracts? reduceBy, Contracts? reduceTo)
    {
        lock (_lock)
        {
            if (!_orders.TryGetValue(orderId, out var order) || order.MemberId != memberId)
                return Reject(404, "not_found", $"order {orderId} not found");
            if (order.Status != OrderStatus.Resting)
                return Reject(400, "order_not_resting", $"order {orderId} is {order.Status.ToString().ToLowerInvariant()}");
            if ((reduceBy is null) == (reduceTo is null))
                return Reject(400, "invalid_parameters", "give exactly one of reduce_by and reduce_to");
            if (RefuseMarket(_markets[order.Ticker]) is { } refusal)
                return refusal;

            var now = clock.GetUtcNow();
            var target = reduceTo ?? order.Remaining - reduceBy!.Value;
            if (target >= order.Remaining)
                return Reject(400, "invalid_parameters", $"the order rests {order.Remaining}; a decrease must make it smaller");
            if (target.IsZero)
            {
                CancelResting(order, now);
                return SimResult<SimOrder>.Ok(order);
            }

            var account = _accounts[memberId];
            var release = Share(order.Reserved, order.Remaining - target, order.Remaining);
            order.Reserved -= release;
            account.Reserve(_markets[order.Ticker].ExchangeIndex, -release);
            order.Initial -= order.Remaining - target;
            order.Remaining = target;
            order.LastUpdate = now;
            return SimResult<SimOrder>.Ok(order);
        }
    }

    private SimRejection? Refuse(OrderSubmission submission, SimAccount account, DateTimeOffset now)
    {
        if (!_markets.TryGetValue(submission.Ticker, out var market))
            return new(404, "market_not_found", $"no market {submission.Ticker}");
        if (RefuseMarket(market) is { } refusal)
            return refusal;
        if (!submission.YesPrice.IsTradable || !market.Ticks.IsValid(submission.YesPrice))
            return new(400, "invalid_price", $"{submission.YesPrice} is not a valid price in {submission.Ticker}");
        if (submission.Count.IsZero)
            return new(400, "invalid_count", "the count must be positive");
        if (submission.Expiration is { } expiration && (submission.TimeInForce != TimeInForce.GoodTillCanceled || expiration <= now))
            return new(400, "invalid_expiration", "an expiration needs good_till_canceled and a time in the future");
        if (!string.IsNullOrEmpty(submission.ClientOrderId) && account.ClientOrderIds.Contains(submission.ClientOrderId))
            return new(409, "order_already_exists", $"client_order_id {submission.ClientOrderId} was already used");
        if (submission.OrderGroupId is { } groupId)
        {
            if (!_groups.TryGetValue(groupId, out var group) || group.MemberId != account.MemberId)
                return new(404, "order_group_not_found", $"no order group {groupId}");
            if (group.IsTriggered)
                return new(400, "order_group_triggered", $"order group {groupId} has reached its limit; reset it first");
        }

        return null;
    }

    private SimRejection? RefuseMarket(SimMarket market)
    {
        if (!ExchangeActive)
            return new(503, "exchange_unavailable", "the exchange is in maintenance");
        if (!TradingActive)
            return new(400, "trading_paused", "trading on the exchange is paused");
        if (market.Status != MarketStatus.Active)
            return new(400, "market_inactive", $"market {market.Ticker} is {market.Status.ToString().ToLowerInvariant()}");
        return null;
    }

    /// <summary>Contracts the order could trade right now at its price, its owner's own orders aside.</summary>
    private static Contracts FillableAgainst(SimOrder order, SortedDictionary<int, LinkedList<SimOrder>> opposite)
    {
        var total = Contracts.Zero;
        foreach (var (price, queue) in opposite)
        {
            if (!SimBook.Crosses(order.Side, order.YesPrice.Units, price))
                break;
            foreach (var resting in queue)
            {
                if (resting.MemberId != order.MemberId)
                    total += resting.Remaining;
            }
        }

        return total;
    }

    private void Match(SimOrder order, SimMarket market, List<SimFill> takerFills, DateTimeOffset now)
    {
        var opposite = market.Book.Opposite(order.Side);
        while (!order.Remaining.IsZero && opposite.Count > 0)
        {
            var (levelPrice, queue) = opposite.First();
            if (!SimBook.Crosses(order.Side, order.YesPrice.Units, levelPrice))
                break;
            var maker = queue.First!.Value;
            if (maker.MemberId == order.MemberId)
            {
                if (order.Submission.SelfTradePrevention == SelfTradePrevention.TakerAtCross)
                {
                    CancelRemainder(order, now);
                    return;
                }

                CancelResting(maker, now);
                continue;
            }

            var quantity = Contracts.Min(order.Remaining, maker.Remaining);
            var tradeId = NextId("trd");
            var price = maker.YesPrice;
            _trades.Add(new SimTrade(tradeId, market.Ticker, quantity, price, order.Side, now));
            takerFills.Add(ApplyFill(order, market, quantity, price, isTaker: true, tradeId, now));
            ApplyFill(maker, market, quantity, price, isTaker: false, tradeId, now);
            market.LastPrice = price;
            market.Volume += quantity;
            if (maker.Remaining.IsZero)
                market.Book.Remove(maker);
        }
    }

    /// <summary>
    /// One side of a trade. Buying one side first closes what the member holds of the other (a YES+NO pair is
    /// worth $1, so closing returns the other side's price), then opens. The fee goes through the order's
    /// rounding accumulator, as Kalshi charges it.
    /// </summary>
    private SimFill ApplyFill(SimOrder order, SimMarket market, Contracts quantity, Price yesPrice, bool isTaker, string tradeId, DateTimeOffset now)
    {
        var account = _accounts[order.MemberId];
        var exposure = order.Side.ToOutcomeSide();
        var sidePrice = exposure.PriceOf(yesPrice);
        var position = account.PositionIn(market.Ticker);
        var held = position.HeldOf(exposure.Opposite());
        var closing = Contracts.Min(quantity, held);
        var opening = quantity - closing;
        var revenue = (closing * sidePrice.Complement) - (opening * sidePrice);

        var liquidity = isTaker ? Liquidity.Taker : Liquidity.Maker;
        var tradeFee = TradeFeeOverride?.Invoke(quantity, yesPrice, liquidity)
            ?? (FeesAt(market, now).TryTradeFee(quantity, yesPrice, liquidity, out var feeInForce) ? feeInForce : Money.Zero);
        var fee = order.FeeAccumulator.Apply(revenue, tradeFee);
        account.Credit(market.ExchangeIndex, fee.BalanceChange + fee.Rebate);

        var release = Share(order.Reserved, quantity, order.Remaining);
        order.Reserved -= release;
        account.Reserve(market.ExchangeIndex, -release);

        if (!closing.IsZero)
        {
            var released = Share(position.Cost, closing, held);
            position.Cost -= released;
            position.RealizedPnl += (closing * sidePrice.Complement) - released;
        }

        position.SignedHundredths += exposure == OutcomeSide.Yes ? quantity.Hundredths : -quantity.Hundredths;
        position.Cost += opening * sidePrice;
        position.FeesPaid += fee.NetFee;
        position.TotalTraded += quantity * sidePrice;
        position.LastUpdated = now;

        order.Filled += quantity;
        order.Remaining -= quantity;
        order.LastUpdate = now;
        if (isTaker)
        {
            order.TakerFees += fee.NetFee;
            order.TakerFillCost += quantity * sidePrice;
        }
        else
        {
            order.MakerFees += fee.NetFee;
            order.MakerFillCost += quantity * sidePrice;
        }

        if (order.Remaining.IsZero)
            Finish(order, OrderStatus.Executed, now);

        var fill = new SimFill(NextId("fil"), tradeId, order.Id, order.MemberId, market.Ticker, order.Side, yesPrice, quantity, isTaker, fee.NetFee, now,
            market.ExchangeIndex, account.Subaccount);
        account.Fills.Add(fill);
        CountTowardGroup(order, quantity, now);
        return fill;
    }

    /// <summary>
    /// Cash an order must hold while it rests: the price of every contract it could open, plus the taker fee on
    /// all of it. Contracts that would close the member's holding of the other side need none.
    /// </summary>
    private Money CollateralFor(SimAccount account, SimMarket market, SimOrder order, Contracts count)
    {
        var closable = account.PositionIn(market.Ticker).HeldOf(order.Side.ToOutcomeSide().Opposite());
        var opening = count - Contracts.Min(count, closable);
        FeesAt(market, clock.GetUtcNow()).TryTradeFee(count, order.YesPrice, Liquidity.Taker, out var fee);
        return (opening * order.SidePrice) + fee;
    }

    private void CancelResting(SimOrder order, DateTimeOffset now)
    {
        _markets[order.Ticker].Book.Remove(order);
        CancelRemainder(order, now);
    }

    private void CancelRemainder(SimOrder order, DateTimeOffset now)
    {
        order.Remaining = Contracts.Zero;
        Finish(order, OrderStatus.Canceled, now);
    }

    private void Finish(SimOrder order, OrderStatus status, DateTimeOffset now)
    {
        var account = _accounts[order.MemberId];
        account.Reserve(_markets[order.Ticker].ExchangeIndex, -order.Reserved);
        order.Reserved = Money.Zero;
        order.Status = status;
        order.LastUpdate = now;
    }

    /// <summary>Re-inserts an amended order by its time priority within its level.</summary>
    private static void InsertByPriority(SimBook book, SimOrder order)
    {
        var levels = book.SideOf(order.Side);
        if (!levels.TryGetValue(order.YesPrice.Units, out var queue))
        {
            book.Add(order);
            return;
        }

        var node = queue.First;
        while (node is not null && node.Value.Sequence < order.Sequence)
            node = node.Next;
        if (node is null)
            queue.AddLast(order);
        else
            queue.AddBefore(node, order);
    }

    /// <summary><paramref name="amount"/> × part / whole, toward zero: the share of a sum that part of a quantity carries.</summary>
    private static Money Share(Money amount, Contracts part, Contracts whole) =>
        whole.IsZero ? amount : Money.FromMicros((long)((Int128)amount.Micros * part.Hundredths / whole.Hundredths));

    private static SimRejection Reject(int status, string code, string message) => new(status, code, message);

    /// <summary>Kalshi's code for an order its shard's cash cannot cover (changelog, 26 January 2026): cash elsewhere does not count.</summary>
    private static SimRejection TooLow(SimAccount account, SimMarket market, Money collateral, string what) =>
        Reject(400, "available_balance_too_low",
            $"the {what} needs {collateral} on exchange {market.ExchangeIndex} and {account.AvailableOn(market.ExchangeIndex)} is available there");
}
