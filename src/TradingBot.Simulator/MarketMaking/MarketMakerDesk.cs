using TradingBot.Core.Exchange;
using TradingBot.Core.Markets;
using TradingBot.Core.Values;
using TradingBot.Simulator.Engine;

namespace TradingBot.Simulator.MarketMaking;

/// <summary>
/// The scripted market makers: unlimited accounts that keep ladders around each market's consensus. A requote
/// keeps orders that already match, amends the rest onto new prices and sizes (so the engine's order list does
/// not grow with every tick of the fair), cancels what is left over and places what is missing.
/// Retreats (bids down, asks up, cancels) go first and advances second: while one maker moves, no other maker's
/// stale order can sit on the wrong side of the new consensus, so makers never trade with each other. They do
/// take members' stale orders that the new quotes cross, as real liquidity would.
/// </summary>
public sealed class MarketMakerDesk(SimExchange exchange)
{
    private int _rejections;

    /// <summary>Engine refusals of maker orders (a market closing between the read and the write, a pause).</summary>
    public int Rejections => _rejections;

    public void OpenAccounts(MarketMakerOptions options)
    {
        foreach (var member in options.MemberIds)
        {
            if (!exchange.Read(x => x.Accounts.ContainsKey(member)))
                exchange.OpenAccount(member, Money.Zero, Money.CenticentDecimals, unlimited: true);
        }
    }

    /// <summary>Brings every maker's quotes in <paramref name="ticker"/> to the ladder for this consensus; nothing when the market is not trading.</summary>
    public void Requote(string ticker, double consensus, TimeSpan toStart, MarketMakerOptions options)
    {
        var makers = options.MemberIds.ToList();
        var view = exchange.Read(x =>
        {
            var market = x.Market(ticker);
            var open = x.ExchangeActive && x.TradingActive && market.Status == MarketStatus.Active;
            var resting = market.Book.All.Where(o => makers.Contains(o.MemberId))
                .Select(o => new Resting(o.Id, o.MemberId, o.Side, o.YesPrice, o.Remaining, o.Filled)).ToList();
            return (Open: open, market.Ticks, Resting: resting);
        });
        if (!view.Open)
            return;

        var retreats = new List<Action>();
        var advances = new List<Action>();
        for (var index = 0; index < makers.Count; index++)
        {
            var member = makers[index];
            var wanted = QuoteLadder.Build(options, index, consensus, toStart, view.Ticks).ToList();
            var mine = view.Resting.Where(o => o.MemberId == member).ToList();
            // Orders that already are a wanted quote stay untouched and keep their place in the queue.
            mine.RemoveAll(order => wanted.Remove(new MakerQuote(order.Side, order.Price, order.Remaining)));
            foreach (var side in (BookSide[])[BookSide.Bid, BookSide.Ask])
                Plan(ticker, member, side, mine, wanted, retreats, advances);
        }

        foreach (var action in retreats.Concat(advances))
            action();
    }

    private void Plan(string ticker, string member, BookSide side, List<Resting> mine, List<MakerQuote> wanted, List<Action> retreats, List<Action> advances)
    {
        var stale = Best(mine.Where(o => o.Side == side), o => o.Price, side);
        var missing = Best(wanted.Where(q => q.Side == side), q => q.Price, side);
        for (var i = 0; i < Math.Max(stale.Count, missing.Count); i++)
        {
            if (i >= missing.Count)
            {
                var order = stale[i];
                retreats.Add(() => Count(exchange.Cancel(member, order.Id).Success));
            }
            else if (i >= stale.Count)
            {
                var quote = missing[i];
                advances.Add(() => Count(exchange.Submit(member, new OrderSubmission(ticker, side, quote.Price, quote.Size, TimeInForce.GoodTillCanceled)).Success));
            }
            else
            {
                var (order, quote) = (stale[i], missing[i]);
                var retreat = side == BookSide.Bid ? quote.Price <= order.Price : quote.Price >= order.Price;
                (retreat ? retreats : advances).Add(() => Count(exchange.Amend(member, order.Id, quote.Price, order.Filled + quote.Size, null).Success));
            }
        }
    }

    private static List<T> Best<T>(IEnumerable<T> items, Func<T, Price> price, BookSide side) =>
        side == BookSide.Bid ? [.. items.OrderByDescending(price)] : [.. items.OrderBy(price)];

    private void Count(bool success)
    {
        if (!success)
            Interlocked.Increment(ref _rejections);
    }

    private sealed record Resting(string Id, string MemberId, BookSide Side, Price Price, Contracts Remaining, Contracts Filled);
}
