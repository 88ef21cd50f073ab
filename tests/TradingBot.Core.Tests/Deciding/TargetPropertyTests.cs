using FsCheck.Xunit;
using TradingBot.Core.Deciding;
using TradingBot.Core.Pricing;
using TradingBot.Core.Trading;
using TradingBot.Core.Values;
using static TradingBot.Core.Tests.Support.Build;

namespace TradingBot.Core.Tests.Deciding;

/// <summary>
/// Random sequences of quotes, forecasts and fills on one market, decided scan after scan: whatever happens, what is
/// held plus working never exceeds the Kelly target it was sized to (plus one contract of rounding) nor any cap, fees
/// included; never more than one resting entry; never both sides held.
/// </summary>
public class TargetPropertyTests
{
    [Property(MaxTest = 300)]
    public bool Held_and_working_capital_stays_within_target_and_caps_with_one_entry_and_one_side(int seed)
    {
        var random = new Random(seed);
        var risk = RiskLimits();
        risk.MaxPositionPerMarket = 20m + random.Next(0, 80);
        var strategy = Strategy(kelly: 0.1m + (decimal)random.Next(0, 90) / 100m);
        var desk = new DecisionDesk(strategy, risk, balance: 200 + random.Next(0, 2000));
        var pricing = new EntryEvaluator(strategy, risk);
        var model = 0.50m;
        for (var step = 0; step < 40; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    var yesBid = 0.30m + random.Next(0, 30) / 100m;
                    desk.SetBook(yesBid, 1m - yesBid - (1 + random.Next(0, 8)) / 100m, size: 5 + random.Next(0, 200));
                    break;
                case 1:
                    model = 0.30m + random.Next(0, 40) / 100m;
                    break;
                case 2 when desk.Open.Any(o => o.Kind == IntentKind.Entry):
                    desk.FillResting(1 + random.Next(0, 60));
                    break;
                default:
                    break;
            }

            if (desk.YesBids.Count == 0)
                desk.SetBook(0.45m, 0.50m);
            var before = desk.State();
            var account = desk.Account();
            var (best, _, _) = pricing.Best(before, new Markets.Forecast(model, Now));
            var placed = desk.Placed.Count;
            desk.Scan(model, TimeSpan.Zero);
            var after = desk.State();

            if (desk.Open.Count(o => o.Kind == IntentKind.Entry) > 1)
                return false;
            if (desk.Placed.Skip(placed).Any(p => p.Kind == IntentKind.Entry && desk.Position is { } held && held.Side != p.Direction.Side))
                return false;
            if (after.MarketExposure > M(risk.MaxPositionPerMarket) || after.EventExposure > M(risk.MaxExposurePerEvent))
                return false;
            if (desk.Placed.Skip(placed).Any(p => p.Kind == IntentKind.Entry))
            {
                var slack = OrderSizer.CostOf(Contracts.Whole(1), best.Price, before.Fees, best.Liquidity);
                if (after.MarketExposure > pricing.Target(best, before, account) + slack)
                    return false;
            }
        }

        return true;
    }
}
