using System.Diagnostics.Metrics;
using TradingBot.Core.Exchange;

namespace TradingBot.Core.Trading;

/// <summary>
/// What only Core sees, published as BCL instruments (no metrics library here): a fill counted once, when it first
/// enters the ledger (by fill id), whether the executor read it back on placement or the reconciler pulled it. The
/// worker exports the meter; without a listener an instrument costs next to nothing.
/// </summary>
public static class TradingMetrics
{
    public const string MeterName = "TradingBot.Core";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Fills =
        Meter.CreateCounter<long>("tradingbot_fills_total", description: "Fills of the bot's orders recorded in the ledger");

    private static readonly Counter<decimal> FilledContracts =
        Meter.CreateCounter<decimal>("tradingbot_filled_contracts_total", unit: "{contract}", description: "Contracts filled, as recorded in the ledger");

    /// <summary>Call only when the ledger took the fill as new, so a fill offered again is not counted twice.</summary>
    public static void FillRecorded(FillInfo fill)
    {
        var side = new KeyValuePair<string, object?>("side", fill.ExposureSide == Values.OutcomeSide.Yes ? "yes" : "no");
        Fills.Add(1, side);
        FilledContracts.Add(fill.Count.Count, side);
    }
}
