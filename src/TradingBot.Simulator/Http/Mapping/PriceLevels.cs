using System.Globalization;
using TradingBot.Core.Values;

namespace TradingBot.Simulator.Http.Mapping;

/// <summary>The <c>price_level_structure</c> label of a tick grid (fixed_point_migration.md); "custom" for a grid Kalshi has not named.</summary>
internal static class PriceLevels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["0-1:0.01"] = "linear_cent",
        ["0-1:0.001"] = "deci_cent",
        ["0-0.1:0.001|0.1-0.9:0.01|0.9-1:0.001"] = "tapered_deci_cent",
        ["0-0.1:0.005|0.1-0.9:0.01|0.9-1:0.005"] = "center_whole_edge_half_cent",
        ["0-0.1:0.002|0.1-0.9:0.01|0.9-1:0.002"] = "center_whole_edge_quint_cent",
        ["0-1:0.005"] = "center_half_edge_half_cent",
        ["0-0.1:0.002|0.1-0.9:0.005|0.9-1:0.002"] = "center_half_edge_quint_cent",
        ["0-0.1:0.001|0.1-0.9:0.005|0.9-1:0.001"] = "center_half_edge_deci_cent",
        ["0-1:0.002"] = "center_quint_edge_quint_cent",
        ["0-0.1:0.001|0.1-0.9:0.002|0.9-1:0.001"] = "center_quint_edge_deci_cent",
        ["0-1:0.0001"] = "center_centi_edge_centi_cent",
        ["0-0.01:0.0001|0.01-0.99:0.001|0.99-1:0.0001"] = "center_deci_edge_centi_cent",
    };

    public static string NameOf(TickStructure ticks) =>
        Names.GetValueOrDefault(string.Join('|', ticks.Bands.Select(Key)), "custom");

    private static string Key(PriceBand band) => string.Create(
        CultureInfo.InvariantCulture,
        $"{band.Start.Dollars.ToString("0.####", CultureInfo.InvariantCulture)}-{band.End.Dollars.ToString("0.####", CultureInfo.InvariantCulture)}:{band.Step.ToString("0.####", CultureInfo.InvariantCulture)}");
}
