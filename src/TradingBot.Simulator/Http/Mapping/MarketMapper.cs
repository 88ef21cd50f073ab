using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;
using TradingBot.Simulator.Http.Wire;
using static TradingBot.Simulator.Http.Wire.WireFormat;

namespace TradingBot.Simulator.Http.Mapping;

/// <summary>
/// Markets and books on the wire. Built inside <see cref="SimExchange.Read{T}"/> for one request, it gathers the
/// 24-hour volume and open interest of every market once instead of once per market.
/// </summary>
internal sealed class MarketMapper
{
    private readonly SimExchange _exchange;
    private readonly Dictionary<string, long> _volume24h = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _openInterest = new(StringComparer.Ordinal);

    public MarketMapper(SimExchange exchange)
    {
        _exchange = exchange;
        Now = exchange.Clock.GetUtcNow();
        var since = Now - TimeSpan.FromDays(1);
        for (var i = exchange.Trades.Count - 1; i >= 0 && exchange.Trades[i].Created > since; i--)
            _volume24h[exchange.Trades[i].Ticker] = _volume24h.GetValueOrDefault(exchange.Trades[i].Ticker) + exchange.Trades[i].Count.Hundredths;

        // Every contract outstanding is one YES held against one NO: counting the YES side counts each once.
        foreach (var account in exchange.Accounts.Values)
        {
            foreach (var position in account.Positions.Values.Where(p => p.SignedHundredths > 0))
                _openInterest[position.Ticker] = _openInterest.GetValueOrDefault(position.Ticker) + position.SignedHundredths;
        }
    }

    public DateTimeOffset Now { get; }

    public MarketWire Map(SimMarket market)
    {
        var simEvent = _exchange.Events[market.Spec.EventTicker];
        // An empty side quotes as Kalshi shows it: no bid at 0, no ask at 1.
        var (yesBid, bidSize) = market.Book.Levels(BookSide.Bid).FirstOrDefault((Price.Zero, Contracts.Zero));
        var (yesAsk, askSize) = market.Book.Levels(BookSide.Ask).FirstOrDefault((Price.One, Contracts.Zero));
        var determined = market.Status is MarketStatus.Determined or MarketStatus.Finalized;
        return new MarketWire
        {
            Ticker = market.Ticker,
            EventTicker = market.Spec.EventTicker,
            ExchangeIndex = market.ExchangeIndex,
            MarketType = "binary",
            Title = market.Spec.Title,
            YesSubTitle = market.Spec.YesSubTitle,
            NoSubTitle = market.Spec.NoSubTitle,
            CreatedTime = Time(market.Spec.OpenTime),
            UpdatedTime = Time(market.Spec.OpenTime),
            OpenTime = Time(market.Spec.OpenTime),
            CloseTime = Time(market.CloseTime),

            // A game's outcome is known a few hours after it starts; deliberately not the start itself (README.md).
            ExpectedExpirationTime = Time(simEvent.GameStart + TimeSpan.FromHours(3)),
            LatestExpirationTime = Time(market.Spec.CloseTime),
            FeeWaiverExpirationTime = Time(_exchange.FeeWaiverOf(market.Ticker)),
            SettlementTimerSeconds = 0,
            Status = Status(market.Status),
            YesBid = Dollars(yesBid),
            YesBidSize = Count(bidSize),
            YesAsk = Dollars(yesAsk),
            YesAskSize = Count(askSize),
            NoBid = Dollars(yesAsk.Complement),
            NoAsk = Dollars(yesBid.Complement),
            LastPrice = Dollars(market.LastPrice ?? Price.Zero),
            Volume = Count(market.Volume),
            Volume24h = Count(Contracts.FromHundredths(_volume24h.GetValueOrDefault(market.Ticker))),
            Result = Result(market.Result),
            CanCloseEarly = true,
            OpenInterest = Count(Contracts.FromHundredths(_openInterest.GetValueOrDefault(market.Ticker))),
            NotionalValue = Dollars(Price.One),

            // The simulator keeps no day-old snapshot; these stay at zero rather than invent one.
            PreviousYesBid = Dollars(Price.Zero),
            PreviousYesAsk = Dollars(Price.Zero),
            PreviousPrice = Dollars(Price.Zero),
            SettlementValue = determined ? Dollars(market.Result == MarketResult.Yes ? Price.One : Price.Zero) : null,
            SettlementTime = Time(market.SettledAt),
            ExpirationValue = "",
            StrikeType = market.Spec.Strike?.Type,
            FloorStrike = market.Spec.Strike?.Floor,
            CapStrike = market.Spec.Strike?.Cap,
            CustomStrike = market.Spec.Strike?.Custom,
            RulesPrimary = $"If {market.Spec.YesSubTitle} wins {simEvent.Title}, the market resolves to Yes.",
            RulesSecondary = "",
            PriceLevelStructure = PriceLevels.NameOf(market.Ticks),
            PriceRanges = market.Ticks.Bands.Select(b => new PriceRangeWire(Dollars(b.Start), Dollars(b.End), Dollars(b.Step))).ToList(),
        };
    }

    /// <summary>
    /// Bids only, per side, price ascending so the best bid is last (orderbook_responses.md). A YES ask at p rests
    /// in the book as a NO bid at 1 − p. <paramref name="depth"/> keeps the best levels; 0 keeps all.
    /// </summary>
    public static OrderbookWire Orderbook(SimMarket market, int depth)
    {
        var take = depth > 0 ? depth : int.MaxValue;
        var yes = market.Book.Levels(BookSide.Bid).Take(take).Reverse()
            .Select(l => (IReadOnlyList<string>)[Dollars(l.Price), Count(l.Size)]).ToList();
        var no = market.Book.Levels(BookSide.Ask).Take(take).Reverse()
            .Select(l => (IReadOnlyList<string>)[Dollars(l.Price.Complement), Count(l.Size)]).ToList();
        return new OrderbookWire(yes, no);
    }

    public static TradeWire Trade(SimTrade trade) => new()
    {
        TradeId = trade.TradeId,
        Ticker = trade.Ticker,
        Count = Count(trade.Count),
        YesPrice = Dollars(trade.YesPrice),
        NoPrice = Dollars(trade.YesPrice.Complement),
        TakerOutcomeSide = Outcome(trade.TakerSide),
        TakerBookSide = Side(trade.TakerSide),
        CreatedTime = Time(trade.Created),
        IsBlockTrade = false,
    };
}
